"""What changed between a version of an informatieplan and the version it actualises (``vorige``).

An actualisatie starts as a copy of the last vastgesteld version (services.plan_actualiseren); this
compares the two: the plan's own texts and period, the activities added and removed, the amounts and
reasonings per year that changed, and the CISO's section. Read by the plan page (a summary) and the
page of the changes, both for the users who may see the plan (Informatieplan.objects.zichtbaar_voor).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .models import Informatieplan

TEKSTVELDEN = [
    ("titel", _("Titel")),
    ("periode", _("Periode")),
    ("ambities", _("Ambities")),
    ("strategische_doelen", _("Strategische doelen")),
    ("informatiebeveiliging", _("Paragraaf informatiebeveiliging (CISO)")),
]


@dataclass
class Veldwijziging:
    veld: str
    label: str
    oud: str
    nieuw: str


@dataclass
class Bedragwijziging:
    jaar: int
    oud: Decimal | None
    nieuw: Decimal | None
    oude_redenering: str
    nieuwe_redenering: str

    @property
    def verschil(self) -> Decimal | None:
        return None if self.oud is None or self.nieuw is None else self.nieuw - self.oud


@dataclass
class Regelwijziging:
    naam: str
    soort: str  # "toegevoegd", "verwijderd", "gewijzigd"
    bedragen: list[Bedragwijziging] = field(default_factory=list)
    toelichting: tuple[str, str] | None = None


@dataclass
class Wijzigingen:
    vorige: Informatieplan
    velden: list[Veldwijziging]
    regels: list[Regelwijziging]

    @property
    def leeg(self) -> bool:
        return not self.velden and not self.regels

    @property
    def aantal(self) -> int:
        return len(self.velden) + len(self.regels)


def _sleutel(r) -> tuple:
    """The same activity in both versions: the ICT-activiteit, or the name of a voorgenomen one."""
    return ("a", r.activiteit_id) if r.activiteit_id else ("v", r.voorgenomen_naam.strip().lower())


def _regels(plan: Informatieplan) -> dict:
    return {_sleutel(r): r for r in plan.activiteiten.select_related("activiteit").prefetch_related("financien")}


def _waarde(plan: Informatieplan, veld: str) -> str:
    return f"{plan.periode_van}–{plan.periode_tot}" if veld == "periode" else getattr(plan, veld)


def wijzigingen(plan: Informatieplan) -> Wijzigingen | None:
    """The changes of ``plan`` against the version it actualises; None for a first version."""
    vorige = plan.vorige
    if vorige is None:
        return None
    velden = [
        Veldwijziging(veld, str(label), _waarde(vorige, veld), _waarde(plan, veld))
        for veld, label in TEKSTVELDEN
        if _waarde(vorige, veld) != _waarde(plan, veld)
    ]
    oud, nieuw = _regels(vorige), _regels(plan)
    regels = []
    for sleutel, r in nieuw.items():
        if sleutel not in oud:
            regels.append(
                Regelwijziging(str(r), "toegevoegd", [Bedragwijziging(f.jaar, None, f.bedrag, "", f.redenering) for f in r.financien.all()])
            )
            continue
        o = oud[sleutel]
        oude_f = {f.jaar: f for f in o.financien.all()}
        nieuwe_f = {f.jaar: f for f in r.financien.all()}
        bedragen = []
        for jaar in sorted(set(oude_f) | set(nieuwe_f)):
            a, b = oude_f.get(jaar), nieuwe_f.get(jaar)
            if a is None or b is None or a.bedrag != b.bedrag or a.redenering != b.redenering:
                bedragen.append(
                    Bedragwijziging(
                        jaar, a.bedrag if a else None, b.bedrag if b else None, a.redenering if a else "", b.redenering if b else ""
                    )
                )
        toelichting = (o.toelichting, r.toelichting) if o.toelichting != r.toelichting else None
        if bedragen or toelichting:
            regels.append(Regelwijziging(str(r), "gewijzigd", bedragen, toelichting))
    for sleutel, o in oud.items():
        if sleutel not in nieuw:
            regels.append(
                Regelwijziging(str(o), "verwijderd", [Bedragwijziging(f.jaar, f.bedrag, None, f.redenering, "") for f in o.financien.all()])
            )
    return Wijzigingen(vorige=vorige, velden=velden, regels=regels)
