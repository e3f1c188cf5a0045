"""The state of the informatieplannen and the I-strategie Rijk for the Jaarrapportage (issue 14, "Around it").

The Jaarrapportage is public, so this reads only what section 4 of the Besluit's
tiers lets the public see: per ministerie whether a plan was vastgesteld on or
before the peildatum, its title, period and date, and the CIO Rijk's overall toets
verdict when it was given by then; never a concept, its sections or the findings.
For the I-strategie: the number of actions per status and the overdue ones, and
whether the yearly update of B26 was overdue on the peildatum. Plain dicts, so the
report can record what it used (jaarrapportage_gegevens: ``invoer``).

Plans are dated (vastgesteld_op, getoetst_op), so a past peildatum gives the plans
as they then stood. Actions are not versioned: their statuses are those of the day
the report is made, which the chapter says.
"""

import datetime
from collections import Counter

from django.db.models import Q

from cio_stelsel.models import Ministerie

from .istrategie import actualisatie_te_laat
from .models import Actie, Beoordeling, Informatieplan, IStrategie

BEOORDELINGEN = dict(Beoordeling.choices)
ACTIESTATUS = dict(Actie.Status.choices)


def _ministeries(peildatum: datetime.date):
    return Ministerie.objects.filter(geldig_van__lte=peildatum).filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=peildatum))


def plannen(peildatum: datetime.date) -> list[dict]:
    """Per ministerie (by afkorting): the newest plan vastgesteld on or before ``peildatum``, or None."""
    vastgesteld = (
        Informatieplan.objects.filter(status__in=Informatieplan.NA_VASTSTELLING, vastgesteld_op__date__lte=peildatum)
        .select_related("toets")
        .order_by("ministerie_id", "-vastgesteld_op", "-pk")
    )
    nieuwste: dict[int, Informatieplan] = {}
    for plan in vastgesteld:
        nieuwste.setdefault(plan.ministerie_id, plan)
    rijen = []
    for m in _ministeries(peildatum).order_by("afkorting"):
        plan = nieuwste.get(m.pk)
        toets = getattr(plan, "toets", None) if plan else None
        if toets is not None and toets.getoetst_op.date() > peildatum:
            toets = None
        rijen.append(
            {
                "afkorting": m.afkorting,
                "ministerie": m.naam,
                "plan": None
                if plan is None
                else {
                    "titel": plan.titel,
                    "periode": f"{plan.periode_van}-{plan.periode_tot}",
                    "vastgesteld_op": plan.vastgesteld_op.date(),
                    "actueel": plan.periode_van <= peildatum.year <= plan.periode_tot,
                    "toets": BEOORDELINGEN[toets.eindoordeel] if toets else None,
                },
            }
        )
    return rijen


def istrategie(peildatum: datetime.date) -> dict | None:
    """The I-strategie Rijk in force in the peildatum's year (else the newest): actions per status, overdue, B26."""
    strategieen = IStrategie.objects.order_by("-periode_van")
    strategie = strategieen.filter(periode_van__lte=peildatum.year, periode_tot__gte=peildatum.year).first() or strategieen.first()
    if strategie is None:
        return None
    acties = Actie.objects.filter(maatregel__speerpunt__thema__strategie=strategie)
    telling = Counter(acties.values_list("status", flat=True))
    laatste = strategie.actualisaties.filter(verzonden_op__lte=peildatum).order_by("-verzonden_op").first()
    return {
        "titel": strategie.titel,
        "periode": f"{strategie.periode_van}-{strategie.periode_tot}",
        "acties": sum(telling.values()),
        "per_status": [(ACTIESTATUS[s], telling.get(s, 0)) for s in ACTIESTATUS],
        "te_laat": acties.exclude(status=Actie.Status.AFGEROND).filter(termijn__lt=peildatum).count(),
        "laatste_actualisatie": None
        if laatste is None
        else {"jaar": laatste.jaar, "verzonden_op": laatste.verzonden_op, "kamerstuk": laatste.kamerstuk},
        "actualisatie_te_laat": actualisatie_te_laat(strategie, op=peildatum),
    }


def overzicht(peildatum: datetime.date) -> dict:
    rijen = plannen(peildatum)
    return {
        "plannen": rijen,
        "aantal_vastgesteld": sum(1 for r in rijen if r["plan"]),
        "aantal_getoetst": sum(1 for r in rijen if r["plan"] and r["plan"]["toets"]),
        "istrategie": istrategie(peildatum),
    }
