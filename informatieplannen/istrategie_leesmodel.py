"""The public read model of the I-strategie Rijk and the toezeggingen: what the public pages, open data and the public API read.

The I-strategie and the register of commitments are public (besluit.md section 4), but not every field
is: the progress notes and who wrote them, who recorded an update, the reference of the CIO-beraad's
minutes, and the links to ICT-activiteiten (an activity may not be published on the dashboard) stay
internal. This module is the one place that decides which fields go out: it returns plain dicts of the
public fields only, so a page, a file or a serializer cannot reach an internal field by accident.
"""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from . import istrategie
from .models import Actie, IStrategie, Maatregel, Speerpunt, StrategieActualisatie, Thema, Toezegging

STATUSSEN = [s for s, _label in Actie.Status.choices]


def _houder(actie: Actie) -> dict:
    if actie.houder_ministerie_id:
        m = actie.houder_ministerie
        return {"soort": "ministerie", "naam": m.naam, "afkorting": m.afkorting}
    o = actie.houder_overlegorgaan
    return {"soort": "overlegorgaan", "naam": str(o), "afkorting": str(o)}


def _actie(actie: Actie, op: datetime.date) -> dict:
    return {
        "id": actie.pk,
        "omschrijving": actie.omschrijving,
        "houder": _houder(actie),
        "termijn": actie.termijn,
        "status": actie.status,
        "status_label": actie.get_status_display(),
        "te_laat": actie.status != Actie.Status.AFGEROND and actie.termijn < op,
    }


def strategie() -> IStrategie | None:
    """The current I-strategie: the one with the latest first year."""
    return IStrategie.objects.order_by("-periode_van", "-pk").first()


def boom(s: IStrategie, op: datetime.date | None = None) -> dict:
    """The whole strategy with public fields only, and the count per status per theme (five queries)."""
    op = op or timezone.localdate()
    acties = Actie.objects.select_related("houder_ministerie", "houder_overlegorgaan").order_by("termijn", "pk")
    themas = Thema.objects.filter(strategie=s).prefetch_related(
        Prefetch(
            "speerpunten",
            Speerpunt.objects.prefetch_related(Prefetch("maatregelen", Maatregel.objects.prefetch_related(Prefetch("acties", acties)))),
        )
    )
    uit = []
    for t in themas:
        speerpunten = []
        telling = dict.fromkeys(STATUSSEN, 0)
        te_laat = 0
        for sp in t.speerpunten.all():
            maatregelen = []
            for m in sp.maatregelen.all():
                rijen = [_actie(a, op) for a in m.acties.all()]
                for r in rijen:
                    telling[r["status"]] += 1
                    te_laat += r["te_laat"]
                maatregelen.append({"id": m.pk, "omschrijving": m.omschrijving, "acties": rijen})
            speerpunten.append({"id": sp.pk, "naam": sp.naam, "maatregelen": maatregelen})
        totaal = sum(telling.values())
        uit.append(
            {
                "id": t.pk,
                "naam": t.naam,
                "speerpunten": speerpunten,
                "per_status": telling,
                "aantal": totaal,
                "te_laat": te_laat,
                "afgerond_pct": round(100 * telling[Actie.Status.AFGEROND] / totaal) if totaal else 0,
            }
        )
    return {
        "id": s.pk,
        "titel": s.titel,
        "periode_van": s.periode_van,
        "periode_tot": s.periode_tot,
        "themas": uit,
        "actualisaties": actualisaties(s),
        "actualisatie_te_laat": istrategie.actualisatie_te_laat(s, op),
    }


def actualisaties(s: IStrategie) -> list[dict]:
    """B26: the yearly updates: when the CIO-beraad discussed it and the Kamerstuk that sent it (not the minutes' reference)."""
    return [
        {
            "jaar": a.jaar,
            "besproken_in_cio_beraad_op": a.besproken_in_cio_beraad_op,
            "kamerstuk": a.kamerstuk,
            "verzonden_op": a.verzonden_op,
        }
        for a in StrategieActualisatie.objects.filter(strategie=s).order_by("-verzonden_op")
    ]


def actierijen(b: dict) -> list[dict]:
    """Every action of the tree, flat, with its theme, speerpunt and maatregel (open data, the table)."""
    return [
        {**a, "thema": t["naam"], "speerpunt": sp["naam"], "maatregel": m["omschrijving"]}
        for t in b["themas"]
        for sp in t["speerpunten"]
        for m in sp["maatregelen"]
        for a in m["acties"]
    ]


# -- toezeggingen


def toezeggingen(*, ministerie: str = "", status: str = "", te_laat: bool = False, op: datetime.date | None = None):
    """The commitments (a queryset), filtered by the ministerie's code, the status and overdue."""
    op = op or timezone.localdate()
    qs = Toezegging.objects.select_related("ministerie").prefetch_related("acties").order_by("termijn", "nummer")
    if ministerie:
        qs = qs.filter(ministerie__code=ministerie)
    if status:
        qs = qs.filter(status=status)
    if te_laat:
        qs = qs.filter(pk__in=istrategie.toezeggingen_te_laat(op).values("pk"))
    return qs


def toezegging(t: Toezegging, op: datetime.date | None = None) -> dict:
    """The public fields of a commitment (not its links to ICT-activiteiten, see the module docstring)."""
    op = op or timezone.localdate()
    return {
        "id": t.pk,
        "soort": t.soort,
        "soort_label": t.get_soort_display(),
        "nummer": t.nummer,
        "tekst": t.tekst,
        "datum": t.datum,
        "ministerie": t.ministerie.afkorting,
        "ministerie_naam": t.ministerie.naam,
        "termijn": t.termijn,
        "status": t.status,
        "status_label": t.get_status_display(),
        "toelichting": t.toelichting,
        "te_laat": t.status != Toezegging.Status.AFGEDAAN and t.termijn is not None and t.termijn < op,
        "acties": [{"id": a.pk, "omschrijving": a.omschrijving} for a in t.acties.all()],
    }
