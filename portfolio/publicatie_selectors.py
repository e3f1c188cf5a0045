"""Reads for publication per peildatum (B14, B15), shared by the pages and the demo loader.

Which activities must report for a peildatum, and how far each ministry is:
counted in the database, independent of the number of activities.
"""

import datetime

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from .models import ActiviteitVersie, Gebeurtenis, IctActiviteit

# How many yearly peildata (31-12) the overview shows besides those that have versions.
AANTAL_JAARPEILDATA = 3

VersieStatus = ActiviteitVersie.Status
TELSTATUSSEN = [VersieStatus.CONCEPT, VersieStatus.GECONTROLEERD, VersieStatus.GEPUBLICEERD]


def jaarpeildata(op: datetime.date | None = None, aantal: int = AANTAL_JAARPEILDATA) -> list[datetime.date]:
    """The last ``aantal`` yearly peildata (31-12) on or before ``op`` (default today), oldest first."""
    op = op or timezone.localdate()
    laatste = op.year if op >= datetime.date(op.year, 12, 31) else op.year - 1
    return [datetime.date(jaar, 12, 31) for jaar in range(laatste - aantal + 1, laatste + 1)]


def _jaar_eerder(peildatum: datetime.date) -> datetime.date:
    try:
        return peildatum.replace(year=peildatum.year - 1)
    except ValueError:  # 29 February
        return peildatum.replace(year=peildatum.year - 1, day=28)


def verwacht(qs, peildatum: datetime.date):
    """The activities of ``qs`` that must report for ``peildatum``.

    Reportable on that date (B15: at or above the threshold, ``rapporteerbaar``),
    with an initial baseline on or before the peildatum (an activity that did
    not exist yet has nothing to report), and not closed (afgerond or
    geannuleerd) on or before the previous year's peildatum: its final report
    was due then.
    """
    baseline = Gebeurtenis.objects.filter(activiteit=OuterRef("pk"), soort=Gebeurtenis.Soort.INITIEEL, datum__lte=peildatum)
    vorige = _jaar_eerder(peildatum)
    return qs.rapporteerbaar(peildatum).filter(Exists(baseline)).exclude(dechargedatum__lte=vorige).exclude(annuleringsdatum__lte=vorige)


def zonder_versie(peildatum: datetime.date):
    """Condition on IctActiviteit: no version (other than vervallen) for the peildatum."""
    return ~Exists(ActiviteitVersie.objects.filter(activiteit=OuterRef("pk"), peildatum=peildatum).exclude(status=VersieStatus.VERVALLEN))


def lege_telling() -> dict[str, int]:
    return {"ontbrekend": 0, **{s.value: 0 for s in TELSTATUSSEN}}


def tellingen(user, peildata: list[datetime.date]) -> dict[tuple[int, datetime.date], dict[str, int]]:
    """{(ministerie_id, peildatum): {"ontbrekend", "concept", "gecontroleerd", "gepubliceerd": n}} for ``user``.

    Numbers of activities, of what ``user`` may see (``zichtbaar_voor``). An
    activity with a published version and a correction in concept counts in
    both columns. Queries: one for all versions, and one per peildatum for the
    missing ones (plus the threshold in force); none per activity or ministerie.
    """
    telling: dict = {}
    per_status = (
        ActiviteitVersie.objects.telbaar_voor(user)
        .filter(peildatum__in=peildata, status__in=TELSTATUSSEN)
        .order_by()
        .values("ministerie", "peildatum", "status")
        .annotate(n=Count("activiteit", distinct=True))
    )
    for rij in per_status:
        telling.setdefault((rij["ministerie"], rij["peildatum"]), lege_telling())[rij["status"]] = rij["n"]
    zichtbaar = IctActiviteit.objects.zichtbaar_voor(user)
    for peildatum in peildata:
        ontbrekend = verwacht(zichtbaar, peildatum).filter(zonder_versie(peildatum)).order_by().values("ministerie").annotate(n=Count("pk"))
        for rij in ontbrekend:
            telling.setdefault((rij["ministerie"], peildatum), lege_telling())["ontbrekend"] = rij["n"]
    return telling
