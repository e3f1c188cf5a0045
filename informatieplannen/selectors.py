"""Reads of the informatieplannen: the user's tasks and the consistency with the portfolio. Through the scope entry point."""

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht
from oordelen.selectors import Taak
from portfolio.models import Gebeurtenis

from .models import Informatieplan


def _op_ministerie(user, recht, qs):
    s = scope(user, recht)
    return qs.none() if s.leeg else qs.filter(ministerie__in=s.ministerie_ids)


def taken_voor(user) -> list[Taak]:
    """A CISO section to write, a plan to offer or to decide, a toets to do."""
    taken = []
    plannen = Informatieplan.objects.select_related("ministerie")
    concept = plannen.filter(status=Informatieplan.Status.CONCEPT)
    for p in _op_ministerie(user, Recht.CISOBIJDRAGE_LEVEREN, concept.filter(informatiebeveiliging_door__isnull=True)):
        taken.append(
            Taak(
                "ip_ciso",
                _("Paragraaf informatiebeveiliging schrijven: %(p)s") % {"p": p.titel},
                reverse("informatieplannen:plan", args=[p.pk]),
                p.aangemaakt_op,
            )
        )
    for p in _op_ministerie(user, Recht.INFORMATIEPLAN_VASTSTELLEN, plannen.filter(status=Informatieplan.Status.TER_VASTSTELLING)):
        taken.append(
            Taak(
                "ip_vaststellen",
                _("Informatieplan vaststellen: %(p)s") % {"p": p.titel},
                reverse("informatieplannen:plan", args=[p.pk]),
                p.aangeboden_op,
            )
        )
    if heeft_rijksbreed_recht(user, RijksbreedRecht.INFORMATIEPLAN_TOETSEN):
        for p in plannen.filter(status=Informatieplan.Status.VASTGESTELD):
            taken.append(
                Taak(
                    "ip_toetsen",
                    _("Kwaliteitstoets informatieplan: %(p)s (%(m)s)") % {"p": p.titel, "m": p.ministerie.afkorting},
                    reverse("informatieplannen:plan", args=[p.pk]),
                    p.vastgesteld_op,
                )
            )
    return taken


def samenhang(plan: Informatieplan) -> list[dict]:
    """Per planned activity: the amounts of the financial paragraph beside the current estimate in the portfolio.

    Only for linked activities (a voorgenomen one has no estimate yet). ``verschil`` = plan total - estimate.
    """
    regels = list(plan.activiteiten.select_related("activiteit").prefetch_related("financien"))
    # The newest valid event per linked activity, in one query (not one per row).
    ramingen: dict[int, Decimal] = {}
    for activiteit_id, totaal_geschat in (
        Gebeurtenis.objects.geldend()
        .filter(activiteit_id__in=[r.activiteit_id for r in regels if r.activiteit_id])
        .order_by("activiteit_id", "-datum", "-pk")
        .values_list("activiteit_id", "totaal_geschat")
    ):
        ramingen.setdefault(activiteit_id, totaal_geschat)
    rijen = []
    for r in regels:
        totaal = sum((f.bedrag for f in r.financien.all()), Decimal("0"))
        raming = ramingen.get(r.activiteit_id) if r.activiteit_id else None
        rijen.append({"regel": r, "plan": totaal, "raming": raming, "verschil": (totaal - raming) if raming is not None else None})
    return rijen


def toetsen_in_jaar(jaar: int):
    """The CIO Rijk's kwaliteitstoetsen of one year, for the bundled report to the Minister of BZK (art 11 i)."""
    from .models import PlanToets

    return (
        PlanToets.objects.filter(getoetst_op__year=jaar)
        .select_related("plan__ministerie", "getoetst_door__persoon")
        .prefetch_related("bevindingen")
        .order_by("plan__ministerie__afkorting", "plan__periode_van")
    )


def werkvoorraad(user) -> dict:
    """The start page's part of the informatieplannen (hook ``werkvoorraad``, cio_stelsel/haken.py)."""
    return {"plan_taken": taken_voor(user)}
