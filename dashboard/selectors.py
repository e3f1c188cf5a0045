"""The published data of the Rijks ICT-dashboard, and every figure computed from it.

One source for all public outputs: the pages, the open-data files, the API and
the Jaarrapportage all call these functions, so their figures are equal for
the same peildatum by construction.

"De stand op peildatum P": per activity its latest *published* version with a
peildatum on or before P (a correction, a higher versienummer, supersedes), for
activities at or above the threshold in force on P (B15). Drafts, checked but
unpublished versions, oordelen and internal notes are never read here.

The figures are computed in Python from one query's rows (a few thousand small
dicts): the same code for SQLite and PostgreSQL, and a constant number of
queries whatever the number of activities.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q

from portfolio.models import ActiviteitVersie, Soort, Status, drempel

GEPUBLICEERD = ActiviteitVersie.Status.GEPUBLICEERD
LOPEND = {Status.IN_UITVOERING, Status.IN_HERORIENTATIE}
MILJOEN = Decimal("1000000")
JAAR = Decimal("365.25")

# The columns of a version that the public figures use.
RIJ_VELDEN = [
    "pk",
    "activiteit_id",
    "activiteit__nummer",
    "peildatum",
    "versienummer",
    "naam",
    "ministerie_id",
    "ministerie__naam",
    "ministerie__afkorting",
    "ministerie__code",
    "organisatie",
    "onderwerp",
    "soort",
    "activiteit_status",
    "startdatum",
    "initiele_einddatum",
    "actuele_einddatum",
    "initieel_totaal",
    "actueel_totaal",
    "gerealiseerd",
    "aantal_herijkingen",
    "aantal_acict_adviezen",
    "aantal_baten",
    "herijkingen_per_reden",
    "gepubliceerd_op",
]

KOSTENKLASSEN = [
    ("0-10", Decimal(0), Decimal(10)),
    ("10-20", Decimal(10), Decimal(20)),
    ("20-30", Decimal(20), Decimal(30)),
    ("30-40", Decimal(30), Decimal(40)),
    ("40-50", Decimal(40), Decimal(50)),
    ("50-100", Decimal(50), Decimal(100)),
    ("100+", Decimal(100), None),
]
ONBEKEND = "onbekend"
EINDDATUM_KLASSEN = ["eerder", "ongewijzigd", "later_tot_1_jaar", "later_meer_dan_1_jaar", ONBEKEND]


def peildata() -> list[datetime.date]:
    """The peildata with published data, newest first."""
    return list(
        ActiviteitVersie.objects.filter(status=GEPUBLICEERD).order_by("-peildatum").values_list("peildatum", flat=True).distinct()
    )


def standaard_peildatum() -> datetime.date | None:
    """The newest peildatum with published data (None when nothing is published)."""
    return ActiviteitVersie.objects.filter(status=GEPUBLICEERD).order_by("-peildatum").values_list("peildatum", flat=True).first()


def stand(op: datetime.date | None = None, **filters):
    """Published versions as they stand on ``op`` (default: the newest peildatum), at or above the threshold (B15)."""
    op = op or standaard_peildatum()
    if op is None:
        return ActiviteitVersie.objects.none()
    nieuwer = ActiviteitVersie.objects.filter(
        activiteit=OuterRef("activiteit"), status=GEPUBLICEERD, peildatum__lte=op
    ).filter(Q(peildatum__gt=OuterRef("peildatum")) | Q(peildatum=OuterRef("peildatum"), versienummer__gt=OuterRef("versienummer")))
    grens = drempel(op)
    return (
        ActiviteitVersie.objects.filter(status=GEPUBLICEERD, peildatum__lte=op, **filters)
        .exclude(Exists(nieuwer))
        .filter(Q(actueel_totaal__gte=grens) | Q(initieel_totaal__gte=grens))
    )


def rijen(op: datetime.date | None = None, **filters) -> list[dict]:
    """The rows of ``stand(op)``, as dicts of RIJ_VELDEN, ordered by ministerie and name."""
    return list(stand(op, **filters).order_by("ministerie__afkorting", "naam", "activiteit_id").values(*RIJ_VELDEN))


# -- per-row derived figures (the same definitions as portfolio.models.Kerncijfers) ---

def jaren(van: datetime.date | None, tot: datetime.date | None) -> Decimal | None:
    if van is None or tot is None:
        return None
    return (Decimal((tot - van).days) / JAAR).quantize(Decimal("0.01"))


def doorlooptijd_jaren(rij: dict) -> Decimal | None:
    return jaren(rij["startdatum"], rij["actuele_einddatum"])


def vertraging_jaren(rij: dict) -> Decimal | None:
    return jaren(rij["initiele_einddatum"], rij["actuele_einddatum"])


def kostenverschil_pct(rij: dict) -> Decimal | None:
    if not rij["initieel_totaal"] or rij["actueel_totaal"] is None:
        return None
    return ((rij["actueel_totaal"] - rij["initieel_totaal"]) / rij["initieel_totaal"] * 100).quantize(Decimal("0.1"))


def mln(bedrag: Decimal | None) -> Decimal | None:
    return None if bedrag is None else (bedrag / MILJOEN).quantize(Decimal("0.1"))


def kostenklasse(rij: dict) -> str:
    if rij["actueel_totaal"] is None:
        return ONBEKEND
    waarde = rij["actueel_totaal"] / MILJOEN
    for naam, onder, boven in KOSTENKLASSEN:
        if waarde >= onder and (boven is None or waarde < boven):
            return naam
    return ONBEKEND


def einddatum_klasse(rij: dict) -> str:
    """End-date change against the initial estimate: eerder, ongewijzigd, later <= 1 jaar, later > 1 jaar."""
    if rij["initiele_einddatum"] is None or rij["actuele_einddatum"] is None:
        return ONBEKEND
    dagen = (rij["actuele_einddatum"] - rij["initiele_einddatum"]).days
    if dagen < 0:
        return "eerder"
    if dagen == 0:
        return "ongewijzigd"
    return "later_tot_1_jaar" if dagen <= 366 else "later_meer_dan_1_jaar"


# -- aggregates ------------------------------------------------------------------

@dataclass(frozen=True)
class Kerncijfers:
    aantal: int
    lopend: int
    afgerond: int
    geannuleerd: int
    met_acict_advies: int
    gemiddelde_doorlooptijd_jaren: Decimal | None
    som_actueel_lopend: Decimal
    som_initieel: Decimal
    som_actueel: Decimal
    som_gerealiseerd: Decimal
    gemiddelde_vertraging_jaren: Decimal | None
    vernieuwing_actueel: Decimal
    beheer_actueel: Decimal


def _som(waarden) -> Decimal:
    return sum((w for w in waarden if w is not None), Decimal("0.00"))


def _gemiddelde(waarden) -> Decimal | None:
    waarden = [w for w in waarden if w is not None]
    return (sum(waarden, Decimal(0)) / len(waarden)).quantize(Decimal("0.01")) if waarden else None


def kerncijfers(rijen_: list[dict]) -> Kerncijfers:
    lopend = [r for r in rijen_ if r["activiteit_status"] in LOPEND]
    return Kerncijfers(
        aantal=len(rijen_),
        lopend=len(lopend),
        afgerond=sum(1 for r in rijen_ if r["activiteit_status"] == Status.AFGEROND),
        geannuleerd=sum(1 for r in rijen_ if r["activiteit_status"] == Status.GEANNULEERD),
        met_acict_advies=sum(1 for r in rijen_ if r["aantal_acict_adviezen"]),
        gemiddelde_doorlooptijd_jaren=_gemiddelde(doorlooptijd_jaren(r) for r in lopend),
        som_actueel_lopend=_som(r["actueel_totaal"] for r in lopend),
        som_initieel=_som(r["initieel_totaal"] for r in rijen_),
        som_actueel=_som(r["actueel_totaal"] for r in rijen_),
        som_gerealiseerd=_som(r["gerealiseerd"] for r in rijen_),
        gemiddelde_vertraging_jaren=_gemiddelde(vertraging_jaren(r) for r in rijen_),
        vernieuwing_actueel=_som(r["actueel_totaal"] for r in rijen_ if r["soort"] == Soort.VERNIEUWING),
        beheer_actueel=_som(r["actueel_totaal"] for r in rijen_ if r["soort"] == Soort.BEHEER_EN_ONDERHOUD),
    )


def groepeer(rijen_: list[dict], sleutel) -> dict:
    """{key: Kerncijfers} for the rows grouped by ``sleutel(rij)``."""
    groepen = defaultdict(list)
    for r in rijen_:
        groepen[sleutel(r)].append(r)
    return {k: kerncijfers(v) for k, v in sorted(groepen.items(), key=lambda kv: str(kv[0]))}


def per_ministerie(rijen_: list[dict]) -> dict[tuple[str, str], Kerncijfers]:
    """{(afkorting, naam): Kerncijfers}."""
    return groepeer(rijen_, lambda r: (r["ministerie__afkorting"], r["ministerie__naam"]))


def per_onderwerp(rijen_: list[dict]) -> dict[str, Kerncijfers]:
    return groepeer(rijen_, lambda r: r["onderwerp"] or ONBEKEND)


def kostenklassen(rijen_: list[dict]) -> dict[str, int]:
    teller = Counter(kostenklasse(r) for r in rijen_)
    return {naam: teller.get(naam, 0) for naam, _o, _b in KOSTENKLASSEN} | {ONBEKEND: teller.get(ONBEKEND, 0)}


def einddatum_verandering(rijen_: list[dict]) -> dict[str, int]:
    teller = Counter(einddatum_klasse(r) for r in rijen_)
    return {k: teller.get(k, 0) for k in EINDDATUM_KLASSEN}


def herijkingen_per_reden(rijen_: list[dict]) -> dict[str, int]:
    teller = Counter()
    for r in rijen_:
        teller.update(r["herijkingen_per_reden"] or {})
    return dict(teller.most_common())


def gestart_en_beeindigd_per_jaar(rijen_: list[dict]) -> dict[int, dict[str, int]]:
    """{jaar: {"gestart": n, "afgerond": n, "geannuleerd": n}}: started by startdatum, ended by (actual) end date."""
    jaren_ = defaultdict(lambda: {"gestart": 0, "afgerond": 0, "geannuleerd": 0})
    for r in rijen_:
        if r["startdatum"]:
            jaren_[r["startdatum"].year]["gestart"] += 1
        if r["activiteit_status"] in (Status.AFGEROND, Status.GEANNULEERD) and r["actuele_einddatum"]:
            jaren_[r["actuele_einddatum"].year][r["activiteit_status"]] += 1
    return dict(sorted(jaren_.items()))


def trend(**filters) -> list[tuple[datetime.date, Kerncijfers]]:
    """Kerncijfers per peildatum, oldest first (one query per peildatum)."""
    return [(p, kerncijfers(rijen(p, **filters))) for p in sorted(peildata())]


@dataclass(frozen=True)
class Vergelijking:
    van: datetime.date
    tot: datetime.date
    nieuw: list[dict]
    afgerond: list[dict]
    geannuleerd: list[dict]
    herijkt: list[tuple[dict, dict]]
    verdwenen: list[dict]
    kostenverschil: Decimal
    per_activiteit: list[tuple[dict, dict]]


def vergelijking(van: datetime.date, tot: datetime.date, **filters) -> Vergelijking:
    """What changed between two peildata: new, completed, cancelled and re-baselined activities, and the cost differences."""
    oud = {r["activiteit_id"]: r for r in rijen(van, **filters)}
    nieuw = {r["activiteit_id"]: r for r in rijen(tot, **filters)}
    beide = [(oud[k], nieuw[k]) for k in nieuw if k in oud]
    return Vergelijking(
        van=van,
        tot=tot,
        nieuw=[r for k, r in nieuw.items() if k not in oud],
        afgerond=[n for o, n in beide if n["activiteit_status"] == Status.AFGEROND and o["activiteit_status"] != Status.AFGEROND],
        geannuleerd=[n for o, n in beide if n["activiteit_status"] == Status.GEANNULEERD and o["activiteit_status"] != Status.GEANNULEERD],
        herijkt=[(o, n) for o, n in beide if n["aantal_herijkingen"] > o["aantal_herijkingen"]],
        verdwenen=[r for k, r in oud.items() if k not in nieuw],
        kostenverschil=_som(r["actueel_totaal"] for r in nieuw.values()) - _som(r["actueel_totaal"] for r in oud.values()),
        per_activiteit=sorted(
            ((o, n) for o, n in beide if (n["actueel_totaal"] or 0) != (o["actueel_totaal"] or 0)),
            key=lambda on: abs((on[1]["actueel_totaal"] or 0) - (on[0]["actueel_totaal"] or 0)),
            reverse=True,
        ),
    )


def recent_gepubliceerd(aantal: int = 10) -> list[dict]:
    """The latest publications (the 'recently changed' list), newest first."""
    return list(stand().order_by("-gepubliceerd_op", "-pk").values(*RIJ_VELDEN)[:aantal])
