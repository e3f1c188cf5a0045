"""How complete the published stand of a peildatum is (issue 12): for the Jaarrapportage (B16).

An activity that must report for the peildatum (``publicatie_selectors.verwacht``:
at or above the threshold, with a baseline, not closed before the previous
peildatum) is complete when a version for exactly that peildatum is published.
Otherwise it is missing: no version, only concept, or only gecontroleerd. The
public stand then shows it with the figures of an earlier peildatum, or not at
all. Read over all ministries (internal data: the CIO Rijk's view), in two queries.
"""

import datetime

from portfolio.models import ActiviteitVersie, IctActiviteit
from portfolio.publicatie_selectors import verwacht

Status = ActiviteitVersie.Status
GEEN_VERSIE = "geen_versie"
VOLGORDE = {Status.CONCEPT: 1, Status.GECONTROLEERD: 2, Status.GEPUBLICEERD: 3}


def volledigheid(peildatum: datetime.date) -> dict:
    """JSON-safe: {"peildatum", "verwacht", "gepubliceerd", "volledig", "ontbrekend": [{"nummer", "naam",
    "ministerie", "status"}], "ministeries": [{"afkorting", "naam", "verwacht", "gepubliceerd", "ontbrekend"}]}."""
    activiteiten = list(
        verwacht(IctActiviteit.objects.all(), peildatum).select_related("ministerie").order_by("ministerie__naam", "nummer")
    )
    hoogste: dict[int, str] = {}
    for activiteit_id, status in (
        ActiviteitVersie.objects.filter(activiteit__in=[a.pk for a in activiteiten], peildatum=peildatum)
        .exclude(status=Status.VERVALLEN)
        .values_list("activiteit_id", "status")
    ):
        if VOLGORDE[status] > VOLGORDE.get(hoogste.get(activiteit_id), 0):
            hoogste[activiteit_id] = status
    ontbrekend, per_ministerie = [], {}
    for a in activiteiten:
        m = per_ministerie.setdefault(
            a.ministerie_id,
            {
                "afkorting": a.ministerie.afkorting,
                "naam": a.ministerie.naam,
                "verwacht": 0,
                "gepubliceerd": 0,
                "ontbrekend": 0,
            },
        )
        m["verwacht"] += 1
        status = hoogste.get(a.pk, GEEN_VERSIE)
        if status == Status.GEPUBLICEERD:
            m["gepubliceerd"] += 1
        else:
            m["ontbrekend"] += 1
            ontbrekend.append({"nummer": a.nummer, "naam": a.naam, "ministerie": a.ministerie.afkorting, "status": status})
    gepubliceerd = len(activiteiten) - len(ontbrekend)
    return {
        "peildatum": peildatum.isoformat(),
        "verwacht": len(activiteiten),
        "gepubliceerd": gepubliceerd,
        "volledig": not ontbrekend,
        "ontbrekend": ontbrekend,
        "ministeries": list(per_ministerie.values()),
    }


STATUSLABELS = {GEEN_VERSIE: "geen versie", Status.CONCEPT: "concept", Status.GECONTROLEERD: "gecontroleerd, niet gepubliceerd"}


def ministeries_onvolledig(v: dict) -> list[dict]:
    return [m for m in v["ministeries"] if m["ontbrekend"]]
