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
import functools
import threading
import unicodedata
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max

from portfolio import publicatiecache
from portfolio.models import ActiviteitVersie, Rapportagemodel, Soort, Status

# The read model of the published stand (which versions, their rows); here for the figures and the callers of old.
from .leesmodel import (  # noqa: F401
    GEPUBLICEERD,
    RIJ_VELDEN,
    gepubliceerde_versie,
    markeer_peildatum,
    peildata,
    peildata_van,
    redenen,
    rijen,
    stand,
    standaard_peildatum,
)

LOPEND = {Status.IN_UITVOERING, Status.IN_HERORIENTATIE}
MILJOEN = Decimal("1000000")
JAAR = Decimal("365.25")

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
    initieel, actueel = rij["initiele_einddatum"], rij["actuele_einddatum"]
    if actueel < initieel:
        return "eerder"
    if actueel == initieel:
        return "ongewijzigd"
    # "At most one year": up to the same date a calendar year later (29-02 -> 28-02), as the
    # export column "Aanpassing einddatum (relatief)" (portfolio.uitwisseling.aanpassing_einddatum).
    return "later_tot_1_jaar" if actueel <= jaar_later(initieel) else "later_meer_dan_1_jaar"


def jaar_later(d: datetime.date) -> datetime.date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


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
    # Activities shown with the figures of an earlier peildatum (no newer version published), issue 12.
    aantal_eerdere_peildatum: int = 0


def _som(waarden) -> Decimal:
    return sum((w for w in waarden if w is not None), Decimal("0.00"))


def _gemiddelde(waarden) -> Decimal | None:
    waarden = [w for w in waarden if w is not None]
    return (sum(waarden, Decimal(0)) / len(waarden)).quantize(Decimal("0.01")) if waarden else None


def kerncijfers(rijen_: list[dict]) -> Kerncijfers:
    # One pass over the rows (this runs for every group of every chart); sums are exact Decimals.
    lopend = afgerond = geannuleerd = met_acict = eerder = 0
    doorlooptijden, vertragingen = [], []
    nul = Decimal("0.00")
    som_actueel_lopend = som_initieel = som_actueel = som_gerealiseerd = vernieuwing = beheer = nul
    for r in rijen_:
        status, actueel = r["activiteit_status"], r["actueel_totaal"]
        if status in LOPEND:
            lopend += 1
            doorlooptijden.append(doorlooptijd_jaren(r))
            if actueel is not None:
                som_actueel_lopend += actueel
        elif status == Status.AFGEROND:
            afgerond += 1
        elif status == Status.GEANNULEERD:
            geannuleerd += 1
        if r["aantal_acict_adviezen"]:
            met_acict += 1
        if r.get("eerdere_peildatum"):
            eerder += 1
        vertragingen.append(vertraging_jaren(r))
        if r["initieel_totaal"] is not None:
            som_initieel += r["initieel_totaal"]
        if r["gerealiseerd"] is not None:
            som_gerealiseerd += r["gerealiseerd"]
        if actueel is not None:
            som_actueel += actueel
            if r["soort"] == Soort.VERNIEUWING:
                vernieuwing += actueel
            elif r["soort"] == Soort.BEHEER_EN_ONDERHOUD:
                beheer += actueel
    return Kerncijfers(
        aantal=len(rijen_),
        lopend=lopend,
        afgerond=afgerond,
        geannuleerd=geannuleerd,
        met_acict_advies=met_acict,
        gemiddelde_doorlooptijd_jaren=_gemiddelde(doorlooptijden),
        som_actueel_lopend=som_actueel_lopend,
        som_initieel=som_initieel,
        som_actueel=som_actueel,
        som_gerealiseerd=som_gerealiseerd,
        gemiddelde_vertraging_jaren=_gemiddelde(vertragingen),
        vernieuwing_actueel=vernieuwing,
        beheer_actueel=beheer,
        aantal_eerdere_peildatum=eerder,
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


def per_soort(rijen_: list[dict]) -> dict[str, Kerncijfers]:
    """{soort: Kerncijfers}: vernieuwing and beheer en onderhoud apart."""
    return groepeer(rijen_, lambda r: r["soort"])


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


def trend(*, lezen=None, **filters) -> list[tuple[datetime.date, Kerncijfers]]:
    """Kerncijfers per peildatum, oldest first (one query per peildatum).

    ``lezen``: the function that reads the rows of a peildatum (default ``rijen``; ``Cijfers`` passes its memo).
    """
    lezen = lezen or rijen
    return [(p, kerncijfers(lezen(p, **filters))) for p in sorted(peildata())]


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


def vergelijking(van: datetime.date, tot: datetime.date, *, lezen=None, **filters) -> Vergelijking:
    """What changed between two peildata: new, completed, cancelled and re-baselined activities, and the cost differences."""
    lezen = lezen or rijen
    oud = {r["activiteit_id"]: r for r in lezen(van, **filters)}
    nieuw = {r["activiteit_id"]: r for r in lezen(tot, **filters)}
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


# -- the public list: facets, free-text search, sorting ----------------------------


@functools.lru_cache(maxsize=16384)
def zoeknormaal(tekst) -> str:
    """Lower case without accents, so 'herorientatie' finds 'heroriëntatie'. (Names repeat: memoised.)"""
    tekst = str(tekst or "")
    if tekst.isascii():
        return tekst.casefold()
    tekst = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in tekst if not unicodedata.combining(c)).casefold()


def _ja_nee(aantal) -> str:
    return "ja" if aantal else "nee"


# The facets of the list: GET parameter -> the value of a row for it. Every facet is
# multi-valued (?status=a&status=b means a OR b); different facets combine with AND.
FACETTEN = {
    "soort": lambda r: r["soort"],
    "ministerie": lambda r: r["ministerie__code"],
    "organisatie": lambda r: r["organisatie"],
    "onderwerp": lambda r: r["onderwerp"] or ONBEKEND,
    "status": lambda r: r["activiteit_status"],
    "acict": lambda r: _ja_nee(r["aantal_acict_adviezen"]),
    "baat": lambda r: _ja_nee(r["aantal_baten"]),
    # The band of the end-date change, as the chart "Einddatum ten opzichte van de initiële schatting".
    "vertraging": einddatum_klasse,
}

# Sort keys of the list (a leading "-" sorts descending). Empty values always come last.
SORTERINGEN = {
    "naam": lambda r: zoeknormaal(r["naam"]),
    "nummer": lambda r: r["activiteit__nummer"],
    "ministerie": lambda r: (zoeknormaal(r["ministerie__afkorting"]), zoeknormaal(r["naam"])),
    "status": lambda r: r["activiteit_status"],
    "initieel": lambda r: r["initieel_totaal"],
    "actueel": lambda r: r["actueel_totaal"],
    "verschil": kostenverschil_pct,
    "startdatum": lambda r: r["startdatum"],
    "einddatum": lambda r: r["actuele_einddatum"],
    "doorlooptijd": doorlooptijd_jaren,
    "vertraging": vertraging_jaren,
}
STANDAARD_SORTERING = "naam"


def _zoekt(rij: dict, woorden: list[str]) -> bool:
    tekst = zoeknormaal(
        " ".join(
            str(rij[v] or "")
            for v in ("activiteit__nummer", "naam", "organisatie", "onderwerp", "ministerie__afkorting", "ministerie__naam")
        )
    )
    return all(w in tekst for w in woorden)


@dataclass(frozen=True)
class Zoekresultaat:
    rijen: list[dict]
    # {facet: [(value, number of rows with it given the search and the OTHER facets' filters)]}
    facetten: dict[str, list[tuple[str, int]]]


def facetwaarden(rijen_: list[dict]) -> dict[str, list]:
    """{facet: [the row's value for it, per row]} (to memoise with the rows)."""
    return {f: [waarde(r) for r in rijen_] for f, waarde in FACETTEN.items()}


def zoeken(
    rijen_: list[dict],
    *,
    q: str = "",
    filters: dict[str, set[str]] | None = None,
    sortering: str = STANDAARD_SORTERING,
    waarden: dict[str, list] | None = None,
) -> Zoekresultaat:
    """Filter, count and sort the rows of a stand for the public list (in Python: no query).

    ``filters``: {facet: set of accepted values}; an empty set does not filter.
    A facet's counts apply the search and every other facet (the usual faceted
    search), so each number says how many rows ticking that option would add.
    ``sortering`` must be a key of SORTERINGEN, optionally with a leading "-".
    ``waarden``: ``facetwaarden(rijen_)``, when the caller memoised it.
    """
    filters = {k: v for k, v in (filters or {}).items() if v}
    onbekend = set(filters) - set(FACETTEN)
    if onbekend:
        raise ValueError(f"Onbekend filter: {', '.join(sorted(onbekend))}")
    waarden = waarden if waarden is not None else facetwaarden(rijen_)
    woorden = zoeknormaal(q).split()
    # The rows that pass the search, by index.
    indices = [i for i, r in enumerate(rijen_) if _zoekt(r, woorden)] if woorden else range(len(rijen_))
    past = {f: [waarden[f][i] in filters[f] for i in indices] for f in filters}

    facetten = {}
    for f in FACETTEN:
        andere = [past[g] for g in past if g != f]
        kolom = [waarden[f][i] for i in indices]
        if andere:
            teller = Counter(w for w, *ok in zip(kolom, *andere) if all(ok))
        else:
            teller = Counter(kolom)
        for gekozen in filters.get(f, ()):
            teller.setdefault(gekozen, 0)  # a selected value stays visible, also with 0 rows
        facetten[f] = sorted(teller.items(), key=lambda kv: zoeknormaal(kv[0]))
    if past:
        resultaat = [rijen_[i] for i, *ok in zip(indices, *past.values()) if all(ok)]
    else:
        resultaat = [rijen_[i] for i in indices]

    aflopend = sortering.startswith("-")
    sleutel = SORTERINGEN[sortering.lstrip("-")]
    gesleuteld = [(sleutel(r), r) for r in resultaat]
    met = [(k, r) for k, r in gesleuteld if k is not None]
    met.sort(key=lambda kr: (kr[0], kr[1]["activiteit__nummer"]), reverse=aflopend)
    return Zoekresultaat(rijen=[r for _k, r in met] + [r for k, r in gesleuteld if k is None], facetten=facetten)


# -- one activity, and what changed recently ------------------------------------


def laatst_gepubliceerd(op: datetime.date | None = None, **filters) -> datetime.datetime | None:
    """When the newest published version on or before ``op`` was published (for Last-Modified)."""
    qs = ActiviteitVersie.objects.filter(status=GEPUBLICEERD, **filters)
    if op is not None:
        qs = qs.filter(peildatum__lte=op)
    return qs.order_by().aggregate(m=Max("gepubliceerd_op"))["m"]


def nieuwste(rijen_: list[dict], aantal: int = 10) -> list[dict]:
    """The latest publications among ``rijen_``, newest first (as recent_gepubliceerd, without a query)."""
    return sorted(rijen_, key=lambda r: (r["gepubliceerd_op"] is not None, r["gepubliceerd_op"], r["pk"]), reverse=True)[:aantal]


# -- memoised per process, for the public pages -------------------------------------


def publicatiestempel() -> tuple:
    """What is published, in two small queries: (the time of the newest publication, the threshold models,
    the publication generation of portfolio.publicatiecache, as this process follows it: no cache read
    while the follower vouches for it).

    A published version never changes (a correction is a new version) and
    every publication stamps ``gepubliceerd_op``, so each publication changes
    the first part; a changed threshold changes the second; any other change to
    data the public rows read live (a renamed ministerie) bumps the generation,
    the third (see portfolio.publicatiecache). The memo below and
    the open-data ETags are keyed by it, so they are right whichever process
    published and whatever the page cache holds. (Read from the partial index
    versie_gepubliceerd_op: one index entry, whatever the number of versions.)
    """
    laatste = ActiviteitVersie.objects.filter(status=GEPUBLICEERD).order_by().aggregate(m=Max("gepubliceerd_op"))["m"]
    drempels = tuple(Rapportagemodel.objects.order_by("geldig_vanaf").values_list("geldig_vanaf", "drempel_eur"))
    # the generation as this process follows it (no round trip to Redis), else from the cache
    generatie = publicatiecache.volger.generatie()
    return laatste, drempels, generatie if generatie is not None else publicatiecache.generatie()


class _Geheugen:
    """A small LRU memo of figures per process (thread-safe); entries of an older stamp simply age out."""

    def __init__(self, maximum: int = 64):
        self.maximum = maximum
        self._waarden: OrderedDict = OrderedDict()
        self._slot = threading.Lock()

    def ophalen(self, sleutel, maken):
        with self._slot:
            if sleutel in self._waarden:
                self._waarden.move_to_end(sleutel)
                return self._waarden[sleutel]
        waarde = maken()
        with self._slot:
            self._waarden[sleutel] = waarde
            while len(self._waarden) > self.maximum:
                self._waarden.popitem(last=False)
        return waarde

    def legen(self) -> None:
        with self._slot:
            self._waarden.clear()


geheugen = _Geheugen(maximum=512)


def _filtersleutel(filters: dict) -> tuple:
    return tuple(sorted((k, getattr(v, "pk", v)) for k, v in filters.items()))


class Cijfers:
    """The selectors above for one request of a public page, memoised per process by ``publicatiestempel()``.

    The figures are computed by the same functions (so they equal what the
    exports, the API and the Jaarrapportage compute); only the reading of
    published data that did not change since the last request is skipped.
    Two queries per request for the stamp, none more when nothing was
    published since. The rows are shared between requests: read, never change them.
    """

    def __init__(self):
        self.stempel = publicatiestempel()

    def _onthouden(self, naam: str, maken, *args, **filters):
        return geheugen.ophalen((self.stempel, naam, args, _filtersleutel(filters)), maken)

    def peildata(self) -> list[datetime.date]:
        return self._onthouden("peildata", peildata)

    @property
    def drempels(self) -> tuple:
        """Every Rapportagemodel as (geldig_vanaf, drempel_eur), by geldig_vanaf (read for the stamp)."""
        return self.stempel[1]

    def redenen(self):
        """The reasons for a herijking (``kolommen.Redenen``, for ``leesmodel.record``); a saved reason bumps the generation."""
        return self._onthouden("redenen", redenen)

    def rijen(self, op: datetime.date, **filters) -> list[dict]:
        return self._onthouden("rijen", lambda: rijen(op, **filters), op, **filters)

    def afgeleid(self, functie, op: datetime.date, **filters):
        """``functie(rijen(op, **filters))`` (kerncijfers, per_ministerie, kostenklassen, ...), memoised."""
        return self._onthouden(f"{functie.__module__}.{functie.__qualname__}", lambda: functie(self.rijen(op, **filters)), op, **filters)

    def zoeken(self, op: datetime.date, *, q: str, filters: dict[str, set[str]], sortering: str) -> Zoekresultaat:
        """``zoeken`` over the stand on ``op``; the unfiltered list (per sort order) is memoised too."""
        rijen_ = self.rijen(op)
        waarden = self.afgeleid(facetwaarden, op)
        if q or any(filters.values()):
            return zoeken(rijen_, q=q, filters=filters, sortering=sortering, waarden=waarden)
        return self._onthouden("zoeken", lambda: zoeken(rijen_, sortering=sortering, waarden=waarden), op, sortering)

    def trend(self, **filters) -> list[tuple[datetime.date, Kerncijfers]]:
        return self._onthouden("trend", lambda: trend(lezen=self.rijen, **filters), **filters)

    def vergelijking(self, van: datetime.date, tot: datetime.date, **filters) -> Vergelijking:
        return self._onthouden("vergelijking", lambda: vergelijking(van, tot, lezen=self.rijen, **filters), van, tot, **filters)
