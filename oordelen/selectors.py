"""Reads of the oordelen workflow: a user's task list and the CIO Rijk's overview. All through the scope entry point."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht
from cio_stelsel.stelselcontrole import BESLUIT_INWERKINGTREDING
from portfolio.models import IctActiviteit, Status

from .models import Aanmelding, Afwijking, BestuursraadAgendapunt, CioOordeel, Voorwaarde

REACTIETERMIJN = datetime.timedelta(weeks=4)
GESTART = [Status.IN_UITVOERING, Status.IN_HERORIENTATIE, Status.AFGEROND]


def onder_art_5_3(startdatum: datetime.date | None) -> bool:
    """Whether art 5.3 (no start without a positive CIO-oordeel) applies to a start on ``startdatum``.

    Not to a start before the Besluit took effect (art 19: 01-01-2021); an unknown start date counts as under it.
    The start gate, the CIO Rijk's overview and the Jaarrapportage all decide by this rule.
    """
    return startdatum is None or startdatum >= BESLUIT_INWERKINGTREDING


# ``onder_art_5_3`` as a filter on IctActiviteit.
ONDER_ART_5_3 = Q(startdatum__isnull=True) | Q(startdatum__gte=BESLUIT_INWERKINGTREDING)


@dataclass(frozen=True)
class Taak:
    soort: str
    titel: str
    url: str
    sinds: datetime.datetime | datetime.date | None
    te_laat: bool = False
    # The items of a grouped task (the open conditions of one oordeel): [{"tekst", "termijn", "te_laat"}].
    onderdelen: tuple = ()


def _in(user, recht, qs, pad="activiteit__"):
    return scope(user, recht).filter(qs, f"{pad}ministerie", f"{pad}dienstonderdeel")


def taken_voor(user) -> list[Taak]:
    """What waits for this user, oldest first."""
    taken: list[Taak] = []
    concept = CioOordeel.objects.filter(status=CioOordeel.Status.CONCEPT).select_related("activiteit")
    for o in _in(user, Recht.CISOBIJDRAGE_LEVEREN, concept.filter(ciso_bijdrage="")):
        taken.append(
            Taak(
                "ciso_bijdrage",
                _("Bijdrage informatiebeveiliging leveren: %(a)s") % {"a": o.activiteit.naam},
                reverse("oordelen:oordeel", args=[o.pk]),
                o.aangemaakt_op,
            )
        )
    for o in _in(user, Recht.OORDEEL_VASTSTELLEN, concept.exclude(ciso_bijdrage="")):
        taken.append(
            Taak(
                "vaststellen",
                _("CIO-oordeel vaststellen: %(a)s") % {"a": o.activiteit.naam},
                reverse("oordelen:oordeel", args=[o.pk]),
                o.ciso_bijdrage_op,
            )
        )
    negatief = (
        CioOordeel.objects.vastgesteld()
        .filter(uitkomst=CioOordeel.Uitkomst.NEGATIEF, activiteit__status=Status.NOG_NIET_GESTART)
        .exclude(Exists(Afwijking.objects.filter(oordeel=OuterRef("pk"))))
        .select_related("activiteit")
    )
    for o in _in(user, Recht.AFWIJKING_VASTLEGGEN, negatief):
        taken.append(
            Taak(
                "afwijking",
                _("Negatief CIO-oordeel: afwijking overwegen (art 5.3): %(a)s") % {"a": o.activiteit.naam},
                reverse("oordelen:oordeel", args=[o.pk]),
                o.vastgesteld_op,
            )
        )
    punten = BestuursraadAgendapunt.objects.filter(status=BestuursraadAgendapunt.Status.OPEN).select_related("oordeel__activiteit")
    punten = _in(user, Recht.AFWIJKING_VASTLEGGEN, punten, "oordeel__activiteit__") | _in(
        user, Recht.OORDEEL_VASTSTELLEN, punten, "oordeel__activiteit__"
    )
    for p in punten.distinct():
        taken.append(
            Taak(
                "bestuursraad",
                _("Bestuursraad: negatief CIO-oordeel over %(a)s") % {"a": p.oordeel.activiteit.naam},
                reverse("oordelen:oordeel", args=[p.oordeel_id]),
                p.aangemaakt_op,
            )
        )
    aanmeldingen = Aanmelding.objects.select_related("activiteit")
    for a in _in(user, Recht.ACICT_AANMELDEN, aanmeldingen.filter(status=Aanmelding.Status.CONCEPT)):
        taken.append(
            Taak(
                "aanmelden",
                _("Aanmelding bij het AcICT indienen: %(a)s") % {"a": a.activiteit.naam},
                reverse("oordelen:aanmelding", args=[a.pk]),
                a.aangemaakt_op,
            )
        )
    vandaag = timezone.localdate()
    for a in _in(user, Recht.ACICT_AANMELDEN, aanmeldingen.filter(status=Aanmelding.Status.ADVIES_ONTVANGEN)):
        te_laat = a.advies_datum is not None and vandaag - a.advies_datum > REACTIETERMIJN
        taken.append(
            Taak(
                "reactie",
                _("Bestuurlijke reactie op AcICT-advies vaststellen: %(a)s") % {"a": a.activiteit.naam},
                reverse("oordelen:aanmelding", args=[a.pk]),
                a.advies_datum,
                te_laat,
            )
        )
    # The open conditions of one oordeel are one task (issue 18: a CIO saw a dozen near-identical lines), each
    # condition listed under it with its deadline; the task's date is the earliest deadline.
    voorwaarden = (
        Voorwaarde.objects.filter(status=Voorwaarde.Status.OPEN)
        .select_related("oordeel__activiteit")
        .order_by(F("termijn").asc(nulls_last=True), "pk")
    )
    per_oordeel: dict[int, list[Voorwaarde]] = {}
    for v in _in(user, Recht.OORDEEL_VASTSTELLEN, voorwaarden, "oordeel__activiteit__"):
        per_oordeel.setdefault(v.oordeel_id, []).append(v)
    for oordeel_id, lijst in per_oordeel.items():
        onderdelen = [
            {"tekst": v.omschrijving, "termijn": v.termijn, "te_laat": v.termijn is not None and v.termijn < vandaag} for v in lijst
        ]
        termijnen = [v.termijn for v in lijst if v.termijn]
        taken.append(
            Taak(
                "voorwaarde",
                ngettext("%(n)s voorwaarde bewaken: %(a)s", "%(n)s voorwaarden bewaken: %(a)s", len(lijst))
                % {"n": len(lijst), "a": lijst[0].oordeel.activiteit.naam},
                reverse("oordelen:oordeel", args=[oordeel_id]),
                min(termijnen) if termijnen else None,
                any(o["te_laat"] for o in onderdelen),
                tuple(onderdelen),
            )
        )

    def sleutel(t: Taak):
        s = t.sinds
        if isinstance(s, datetime.datetime):
            s = timezone.localtime(s).date()
        return (not t.te_laat, s or datetime.date.max)

    return sorted(taken, key=sleutel)


def gestart_zonder_positief_oordeel(user):
    """Started large activities whose latest decided oordeel is missing or negative (B1), with their afwijking if any.

    Only activities whose start falls under art 5.3 (``ONDER_ART_5_3``, art 19).
    """
    laatste = CioOordeel.objects.vastgesteld().filter(activiteit=OuterRef("pk")).order_by("-vastgesteld_op", "-pk")
    return (
        IctActiviteit.objects.zichtbaar_voor(user)
        .rapporteerbaar()
        .filter(status__in=GESTART)
        .filter(ONDER_ART_5_3)
        .annotate(
            geldend_oordeel=Subquery(laatste.values("pk")[:1]),
            geldende_uitkomst=Subquery(laatste.values("uitkomst")[:1]),
        )
        .annotate(met_afwijking=Exists(Afwijking.objects.filter(oordeel=OuterRef("geldend_oordeel"))))
        .filter(Q(geldend_oordeel__isnull=True) | Q(geldende_uitkomst=CioOordeel.Uitkomst.NEGATIEF))
        .select_related("ministerie")
        .order_by("ministerie__afkorting", "naam")
    )


def open_aanmeldingen(user):
    return (
        Aanmelding.objects.zichtbaar_voor(user)
        .exclude(status__in=[Aanmelding.Status.REACTIE_VASTGESTELD, Aanmelding.Status.NIET_GETOETST])
        .select_related("activiteit__ministerie")
    )


def advies_zonder_reactie(user, op: datetime.date | None = None):
    op = op or timezone.localdate()
    return open_aanmeldingen(user).filter(status=Aanmelding.Status.ADVIES_ONTVANGEN, advies_datum__lt=op - REACTIETERMIJN)


def oordelen_per_ministerie_per_jaar(user):
    """[{ministerie, jaar, positief, onder_voorwaarden, negatief}] of decided oordelen the user may see."""
    return (
        CioOordeel.objects.zichtbaar_voor(user)
        .vastgesteld()
        .annotate(jaar=ExtractYear("vastgesteld_op"))
        .values("activiteit__ministerie__afkorting", "jaar")
        .annotate(
            positief=Count("pk", filter=Q(uitkomst=CioOordeel.Uitkomst.POSITIEF)),
            onder_voorwaarden=Count("pk", filter=Q(uitkomst=CioOordeel.Uitkomst.POSITIEF_ONDER_VOORWAARDEN)),
            negatief=Count("pk", filter=Q(uitkomst=CioOordeel.Uitkomst.NEGATIEF)),
        )
        .order_by("activiteit__ministerie__afkorting", "jaar")
    )


def werkvoorraad(user) -> dict:
    """The oordelen part of the start page (hook "werkvoorraad", oordelen/apps.py)."""
    return {"taken": taken_voor(user)}
