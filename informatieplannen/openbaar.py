"""The read model of the public informatieplannen: what the public side reads, and the only place it reads it.

Plans are internal to the ministerie and the CIO Rijk (besluit.md section 4) until the minister makes a
vastgesteld one openbaar (``services.plan_openbaar_maken``). The public I-plan pages, the public API and
the plan's PDF read only ``Informatieplan.objects.openbaar()`` and only the fields below: no concept, no
plan ter vaststelling, and none of the internal parts (the CISO's section on information security, the
CIO Rijk's kwaliteitstoets, who drafted or decided it, the optimistic-lock counter).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from cio_stelsel.models import Ministerie

from .models import FinancieleConsequentie, Informatieplan, PlanActiviteit

# The fields of a plan the public side may read (tests/informatieplannen/test_openbaar.py checks them).
OPENBARE_VELDEN = [
    "pk",
    "titel",
    "ministerie_id",
    "periode_van",
    "periode_tot",
    "volgnummer",
    "vastgesteld_op",
    "openbaar_op",
    "openbare_samenvatting",
    "ambities",
    "strategische_doelen",
]


@dataclass(frozen=True)
class Bedrag:
    jaar: int
    bedrag: Decimal
    redenering: str


@dataclass(frozen=True)
class Regel:
    naam: str
    voorgenomen: bool
    toelichting: str
    bedragen: list[Bedrag]

    @property
    def totaal(self) -> Decimal:
        return sum((b.bedrag for b in self.bedragen), Decimal("0"))


@dataclass(frozen=True)
class OpenbaarPlan:
    pk: int
    titel: str
    ministerie_naam: str
    ministerie_afkorting: str
    ministerie_code: str
    periode_van: int
    periode_tot: int
    volgnummer: int
    vastgesteld_op: datetime.date
    openbaar_op: datetime.date
    samenvatting: str
    ambities: str
    strategische_doelen: str
    regels: list[Regel] = field(default_factory=list)

    @property
    def jaren(self) -> list[int]:
        return list(range(self.periode_van, self.periode_tot + 1))

    def per_jaar(self) -> list[tuple[Regel, list[Bedrag | None]]]:
        return [(r, [next((b for b in r.bedragen if b.jaar == j), None) for j in self.jaren]) for r in self.regels]

    def totaal_per_jaar(self) -> list[Decimal]:
        return [sum((b.bedrag for r in self.regels for b in r.bedragen if b.jaar == j), Decimal("0")) for j in self.jaren]


def _queryset(ministerie_code: str | None = None):
    qs = (
        Informatieplan.objects.openbaar()
        .select_related("ministerie")
        .only(*OPENBARE_VELDEN, "ministerie__naam", "ministerie__afkorting", "ministerie__code")
    )
    if ministerie_code is not None:
        qs = qs.filter(ministerie__code=ministerie_code)
    return qs.order_by("ministerie__afkorting", "-periode_van", "-volgnummer")


def _plan(p: Informatieplan, met_regels: bool) -> OpenbaarPlan:
    regels = []
    if met_regels:
        for r in p.activiteiten.all():
            regels.append(
                Regel(
                    naam=r.activiteit.naam if r.activiteit_id else r.voorgenomen_naam,
                    voorgenomen=r.activiteit_id is None,
                    toelichting=r.toelichting,
                    bedragen=[Bedrag(f.jaar, f.bedrag, f.redenering) for f in r.financien.all()],
                )
            )
    return OpenbaarPlan(
        pk=p.pk,
        titel=p.titel,
        ministerie_naam=p.ministerie.naam,
        ministerie_afkorting=p.ministerie.afkorting,
        ministerie_code=p.ministerie.code,
        periode_van=p.periode_van,
        periode_tot=p.periode_tot,
        volgnummer=p.volgnummer,
        vastgesteld_op=timezone.localdate(p.vastgesteld_op),
        openbaar_op=timezone.localdate(p.openbaar_op),
        samenvatting=p.openbare_samenvatting,
        ambities=p.ambities,
        strategische_doelen=p.strategische_doelen,
        regels=regels,
    )


def _met_regels(qs):
    return qs.prefetch_related(
        Prefetch(
            "activiteiten",
            queryset=PlanActiviteit.objects.select_related("activiteit")
            .only("pk", "plan_id", "activiteit_id", "activiteit__naam", "voorgenomen_naam", "toelichting")
            .prefetch_related(Prefetch("financien", queryset=FinancieleConsequentie.objects.order_by("jaar"))),
        )
    )


def openbare_plannen(ministerie_code: str | None = None) -> list[OpenbaarPlan]:
    """The public plans (of one ministerie), newest first per ministerie; without their portfolio."""
    return [_plan(p, met_regels=False) for p in _queryset(ministerie_code)]


def openbaar_plan(pk: int) -> OpenbaarPlan | None:
    """One public plan with its portfolio and financial paragraph, or None when it is not public."""
    p = _met_regels(_queryset()).filter(pk=pk).first()
    return _plan(p, met_regels=True) if p else None


def ministeries_met_plan() -> list[dict]:
    """Per ministerie that has at least one public plan: its name, code and the newest public plan."""
    uit: dict[int, dict] = {}
    for p in openbare_plannen():
        uit.setdefault(
            p.ministerie_code, {"naam": p.ministerie_naam, "afkorting": p.ministerie_afkorting, "code": p.ministerie_code, "plannen": []}
        )
        uit[p.ministerie_code]["plannen"].append(p)
    return list(uit.values())


def ministerie(code: str) -> Ministerie | None:
    return Ministerie.objects.filter(code=code).only("pk", "naam", "afkorting", "code").first()


def pdf_bestand(pk: int):
    """The stored PDF (a FieldFile) of public plan ``pk``, or None when the plan is not public or has no PDF yet."""
    p = Informatieplan.objects.openbaar().filter(pk=pk).only("pk", "pdf").first()
    return p.pdf if p is not None and p.pdf else None


def zoekbron(woorden: list[str], request):
    """The public search (dashboard/zoeken.py BRONNEN): the openbare plans whose title, ministerie or summary match."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from dashboard import selectors
    from dashboard.zoeken import Bron

    treffers = [
        {
            "naam": p.titel,
            "url": reverse("iplannen:ministerie", args=[p.ministerie_code]),
            "omschrijving": f"{p.ministerie_afkorting} · {p.periode_van}–{p.periode_tot}",
        }
        for p in openbare_plannen()
        if all(w in selectors.zoeknormaal(f"{p.titel} {p.ministerie_naam} {p.ministerie_afkorting} {p.samenvatting}") for w in woorden)
    ]
    return Bron("informatieplannen", _("Informatieplannen"), treffers, len(treffers), reverse("iplannen:lijst"))
