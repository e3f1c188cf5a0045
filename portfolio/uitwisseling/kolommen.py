"""The column specification of the exchange format: one place for import, export, open data and the API's names.


The file format
===============
One row per ICT-activiteit. The columns are ``KOLOMMEN``: first the export
columns of the Rijks ICT-dashboard with exactly its names and order
(domain/rapportagemodel.md), so the spreadsheets people already use keep
working; after them the extra columns this import needs for a lossless round
trip. Column names are matched case-insensitively and ignoring extra spaces;
unknown columns are reported as a warning and ignored.

Values
------
* **Amounts: exact euros with 2 decimals** (``1234567.89``), never EUR mln.
  The dashboard shows EUR mln in its charts; a file that is read back must not
  lose the cents. In CSV the export writes a decimal comma (``1234567,89``,
  what Dutch Excel expects with a ``;`` separator); the import accepts a
  decimal comma or point, no thousands separators, at most 2 decimals.
* **Dates**: in CSV ISO ``YYYY-MM-DD`` (the import also accepts
  ``DD-MM-YYYY``, which Dutch Excel writes when it saves a CSV); in XLSX real
  date cells.
* **CSV**: UTF-8 with a byte order mark (so Excel recognises UTF-8), ``;`` as
  separator (the list separator of Dutch Excel). The import sniffs ``;``,
  ``,`` or tab from the header line and also reads Windows-1252 (Excel's
  "CSV (gescheiden door lijstscheidingsteken)"). Text cells that start with
  ``= + - @`` get a leading ``'`` in CSV so a spreadsheet does not run them as
  a formula (CSV injection); the import removes it again. XLSX cells are
  written as text cells, so no prefix is needed there.
* Choice columns (Status, Soort ICT-activiteit, Ontwikkelwijze) hold the Dutch
  labels of the export ("In uitvoering"); the import also accepts the codes.
  Ministerie: the afkorting (the import also accepts the code). Lists inside a
  cell (Reden herijking, Ontwikkelpartijen) are separated by ``;``;
  an ontwikkelpartij is ``Partij (rol)``.

Interpretation of the fuzzy dashboard columns
---------------------------------------------
* *Wij verbeteren op*: the free-text field ``IctActiviteit.wij_verbeteren_op``
  (what the activity improves, e.g. "Dienstverlening").
* *Doorlooptijd initieel*, *Actuele doorlooptijd*: months (1 decimal) from the
  startdatum to the initial / current estimated end date. *Verschil initieel
  en actueel (in jaren)*: current minus initial end date in years.
  *Verschil doorlooptijd (percentage)*: that slip as a percentage of the
  initial duration. *Aanpassing einddatum (absoluut)*: the slip in months;
  *(relatief)*: the category of the dashboard chart: Eerder, Ongewijzigd,
  Later (≤ 1 jaar), Later (> 1 jaar).
* *huidige jaar* is the year of the latest event (its datum is exported as
  *Peildatum actueel*). *Actuele schatting meerjarige kosten vorig jaar* and
  *Cumulatieve meerjarige uitgaven t/m vorig jaar* are the total estimate and
  the cumulative spend of the latest event dated on or before 31-12 of the
  year before; empty when there is none.
* *Actuele kostencategorie*: the dashboard's cost bucket of the current total
  estimate: ``0-10 mln``, ``10-20 mln``, ..., ``50-100 mln``, ``100+ mln`` (lower
  bound inclusive) or ``Onbekend``.
* *AcICT-advies* / *Aantal AcICT-adviezen*: kwaliteitstoetsen of soort
  AcICT-advies (as ``ActiviteitVersie.aantal_acict_adviezen``).


The row itself
--------------
``exportrij`` defines the value of every column from one record of an activity
(``Exportbron``), built from the live tables (``export.exporteren``) or from a
published version's frozen ``gegevens`` (the read model of the public side).
"""

from __future__ import annotations

import datetime
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy

from cio_stelsel import audit

from ..models import (
    KOSTENCATEGORIEEN,
    Gebeurtenis,
    Kamerstuk,
    Kerncijfers,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelwijze,
    RedenHerijking,
    Soort,
    Status,
)

CENT = Decimal("0.01")


# -----------------------------------------------------------------------------
# Columns

# The names of the cost categories in the file: fixed Dutch (a file format, not UI text).
CATEGORIE_NAMEN = {
    "intern_personeel": "Intern personeel",
    "extern_personeel": "Extern personeel",
    "overig_materieel": "Overig materieel",
    "uitbesteed_werk": "Uitbesteed werk",
    "overige_kosten": "Overige kosten",
}
assert list(CATEGORIE_NAMEN) == KOSTENCATEGORIEEN, "CATEGORIE_NAMEN volgt portfolio.models.Kostencategorie"


def kolom_initieel(cat: str) -> str:
    return f"{CATEGORIE_NAMEN[cat]} initieel (EUR)"


def kolom_actueel(cat: str) -> str:
    return f"{CATEGORIE_NAMEN[cat]} actueel (EUR)"


def kolom_gerealiseerd(cat: str) -> str:
    return f"{CATEGORIE_NAMEN[cat]} gerealiseerd (EUR)"


NUMMER = "Nummer"
MINISTERIE = "Ministerie"
MINISTERIE_NAAM = "Ministerie (naam)"
NAAM = "ICT-activiteit"
STATUS = "Status"
SOORT = "Soort ICT-activiteit"
ONDERWERP = "Onderwerp"
DIENSTVERLENING = "Dienstverlening"
WIJ_VERBETEREN_OP = "Wij verbeteren op"
AANTAL_BATEN = "Aantal baten"
AANTAL_MIJLPALEN = "Aantal behaalde mijlpalen"
ONTWIKKELPARTIJEN = "Ontwikkelpartijen"
ONTWIKKELWIJZE = "Ontwikkelwijze"
ACICT_ADVIES = "AcICT-advies"
AANTAL_ACICT = "Aantal AcICT-adviezen"
STARTDATUM = "Startdatum"
INITIELE_EINDDATUM = "Initiële schatting einddatum"
ACTUELE_EINDDATUM = "Actuele schatting einddatum"
STARTJAAR = "Startjaar"
EINDJAAR = "Actueel eindjaar"
DOORLOOPTIJD_INITIEEL = "Doorlooptijd initieel"
DOORLOOPTIJD_ACTUEEL = "Actuele doorlooptijd"
VERSCHIL_JAREN = "Verschil initieel en actueel (in jaren)"
VERSCHIL_PCT = "Verschil doorlooptijd (percentage)"
AANPASSING_ABSOLUUT = "Aanpassing einddatum (absoluut)"
AANPASSING_RELATIEF = "Aanpassing einddatum (relatief)"
REDEN_HERIJKING = "Reden herijking"
INITIEEL_TOTAAL = "Initiële schatting meerjarige kosten"
ACTUEEL_TOTAAL = "Actuele schatting meerjarige kosten huidige jaar"
KOSTENCATEGORIE = "Actuele kostencategorie"
VORIG_JAAR_TOTAAL = "Actuele schatting meerjarige kosten vorig jaar"
PROGNOSE = "Prognose toekomstige kosten"
UITGAVEN = "Cumulatieve meerjarige uitgaven t/m huidige jaar"
UITGAVEN_VORIG_JAAR = "Cumulatieve meerjarige uitgaven t/m vorig jaar"
# The extra columns for a lossless round trip.
DIENSTONDERDEEL = "Dienstonderdeel"
ZBO = "Zbo"
OPDRACHTGEVER = "Opdrachtgevende organisatie"
REDEN_VAN_STARTEN = "Reden van starten"
DOEL = "Doel"
SAMENVATTING = "Samenvatting"
MAATWERK = "Maatwerk"
INITIELE_DATUM = "Initiële datum"
PEILDATUM = "Peildatum actueel"
TOELICHTING_KOSTEN = "Toelichting wijziging kosten"
TOELICHTING_EINDDATUM = "Toelichting wijziging einddatum"
DECHARGEDATUM = "Dechargedatum"
ANNULERINGSDATUM = "Annuleringsdatum"
REDEN_ANNULERING = "Reden annulering"
HISTORIE = "Historie (JSON)"
MIJLPALEN = "Mijlpalen (JSON)"
KWALITEITSTOETSEN = "Kwaliteitstoetsen (JSON)"
KAMERSTUKKEN = "Tweede Kamerstukken (JSON)"
BATEN = "Maatschappelijke baten (JSON)"
# Open data (issue 12): the peildatum of the published version the figures are from.
CIJFERS_PEILDATUM = "Peildatum cijfers"


@dataclass(frozen=True)
class Kolom:
    """One column of the file. ``soort``: tekst, getal, bedrag, datum or json (for parsing and XLSX formats)."""

    naam: str
    soort: str = "tekst"
    afgeleid: bool = False
    verplicht: bool = False
    uitleg: Any = ""
    dashboard: bool = True


def _k(naam, soort="tekst", *, afgeleid=False, verplicht=False, uitleg="", dashboard=True):
    return Kolom(naam, soort, afgeleid, verplicht, uitleg, dashboard)


KOLOMDEFINITIES: list[Kolom] = [
    _k(NUMMER, "getal", verplicht=True, uitleg=gettext_lazy("Vast publiek nummer. Leeg of onbekend: een nieuwe ICT-activiteit.")),
    _k(MINISTERIE, verplicht=True, uitleg=gettext_lazy("Afkorting of code van het ministerie, bijvoorbeeld BZK.")),
    _k(MINISTERIE_NAAM, afgeleid=True),
    _k(NAAM, verplicht=True, uitleg=gettext_lazy("Naam van de ICT-activiteit.")),
    _k(STATUS, verplicht=True, uitleg=gettext_lazy("Nog niet gestart, In uitvoering, In heroriëntatie, Afgerond of Geannuleerd.")),
    _k(SOORT, verplicht=True, uitleg=gettext_lazy("Vernieuwing of Beheer en onderhoud.")),
    _k(ONDERWERP),
    _k(DIENSTVERLENING),
    _k(WIJ_VERBETEREN_OP, uitleg=gettext_lazy("Vrije tekst: waarop de activiteit verbetert.")),
    _k(AANTAL_BATEN, "getal", afgeleid=True),
    _k(AANTAL_MIJLPALEN, "getal", afgeleid=True),
    _k(ONTWIKKELPARTIJEN, uitleg=gettext_lazy("Partijen gescheiden door ';', elk als 'Partij (rol)'.")),
    _k(ONTWIKKELWIJZE, uitleg=gettext_lazy("Agile Scrum, SAFe, Waterval, Standaardproduct, Hybride of Anders.")),
    _k(ACICT_ADVIES, afgeleid=True),
    _k(AANTAL_ACICT, "getal", afgeleid=True),
    _k(STARTDATUM, "datum", verplicht=True),
    _k(
        INITIELE_EINDDATUM,
        "datum",
        verplicht=True,
        uitleg=gettext_lazy("Einddatum van de initiële baseline; ligt vast zodra er een latere gebeurtenis is."),
    ),
    _k(ACTUELE_EINDDATUM, "datum", verplicht=True),
    _k(STARTJAAR, "getal", afgeleid=True),
    _k(EINDJAAR, "getal", afgeleid=True),
    _k(DOORLOOPTIJD_INITIEEL, "getal", afgeleid=True, uitleg=gettext_lazy("In maanden.")),
    _k(DOORLOOPTIJD_ACTUEEL, "getal", afgeleid=True, uitleg=gettext_lazy("In maanden.")),
    _k(VERSCHIL_JAREN, "getal", afgeleid=True),
    _k(VERSCHIL_PCT, "getal", afgeleid=True),
    _k(AANPASSING_ABSOLUUT, "getal", afgeleid=True, uitleg=gettext_lazy("In maanden.")),
    _k(AANPASSING_RELATIEF, afgeleid=True, uitleg=gettext_lazy("Eerder, Ongewijzigd, Later (≤ 1 jaar) of Later (> 1 jaar).")),
    _k(
        REDEN_HERIJKING,
        verplicht=True,
        uitleg=gettext_lazy("Alle redenen van alle herijkingen, gescheiden door ';'. Een nieuwe reden legt een herijking vast."),
    ),
    _k(
        INITIEEL_TOTAAL,
        "bedrag",
        afgeleid=True,
        uitleg=gettext_lazy("Som van de initiële bedragen per kostencategorie; als u hem invult moet hij kloppen."),
    ),
    _k(
        ACTUEEL_TOTAAL,
        "bedrag",
        afgeleid=True,
        uitleg=gettext_lazy("Som van de actuele bedragen per kostencategorie; als u hem invult moet hij kloppen."),
    ),
    _k(KOSTENCATEGORIE, afgeleid=True),
    _k(
        VORIG_JAAR_TOTAAL,
        "bedrag",
        afgeleid=True,
        uitleg=gettext_lazy("Van de laatste gebeurtenis op of vóór 31-12 van het jaar vóór de peildatum."),
    ),
    _k(PROGNOSE, "bedrag", afgeleid=True),
    *[
        k
        for cat in KOSTENCATEGORIEEN
        for k in (
            _k(kolom_initieel(cat), "bedrag", verplicht=True),
            _k(kolom_actueel(cat), "bedrag", verplicht=True),
            _k(kolom_gerealiseerd(cat), "bedrag", verplicht=True, uitleg=gettext_lazy("Cumulatief gerealiseerd tot de peildatum.")),
        )
    ],
    _k(UITGAVEN, "bedrag", afgeleid=True, uitleg=gettext_lazy("Som van de gerealiseerde bedragen; als u hem invult moet hij kloppen.")),
    _k(UITGAVEN_VORIG_JAAR, "bedrag", afgeleid=True),
    # -- extra, after all dashboard columns ----------------------------------
    _k(
        DIENSTONDERDEEL,
        dashboard=False,
        uitleg=gettext_lazy("Uitvoerend dienstonderdeel (naam of afkorting); leeg als dat het ministerie zelf is."),
    ),
    _k(ZBO, dashboard=False, uitleg=gettext_lazy("Uitvoerende zbo (naam of afkorting).")),
    _k(OPDRACHTGEVER, dashboard=False),
    _k(REDEN_VAN_STARTEN, dashboard=False),
    _k(DOEL, dashboard=False),
    _k(SAMENVATTING, dashboard=False),
    _k(MAATWERK, dashboard=False, uitleg=gettext_lazy("ja, nee of leeg.")),
    _k(INITIELE_DATUM, "datum", dashboard=False, uitleg=gettext_lazy("Datum van de initiële baseline; leeg: de startdatum.")),
    _k(
        PEILDATUM,
        "datum",
        dashboard=False,
        uitleg=gettext_lazy(
            "Datum van de laatste gebeurtenis. Een andere datum of andere actuele cijfers leggen een nieuwe rapportage vast."
        ),
    ),
    _k(
        TOELICHTING_KOSTEN,
        dashboard=False,
        uitleg=gettext_lazy("Van de laatste gebeurtenis; verplicht bij een herijking (of de toelichting einddatum)."),
    ),
    _k(TOELICHTING_EINDDATUM, dashboard=False),
    _k(DECHARGEDATUM, "datum", dashboard=False, uitleg=gettext_lazy("Verplicht bij Afgerond.")),
    _k(ANNULERINGSDATUM, "datum", dashboard=False, uitleg=gettext_lazy("Verplicht bij Geannuleerd.")),
    _k(REDEN_ANNULERING, dashboard=False, uitleg=gettext_lazy("Verplicht bij Geannuleerd.")),
    _k(HISTORIE, "json", dashboard=False, uitleg=gettext_lazy("Alle gebeurtenissen; alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(MIJLPALEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(KWALITEITSTOETSEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(KAMERSTUKKEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(BATEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(
        CIJFERS_PEILDATUM,
        "datum",
        afgeleid=True,
        dashboard=False,
        uitleg=gettext_lazy(
            "Open data: de peildatum van de gepubliceerde versie waar de cijfers vandaan komen. Eerder dan de peildatum "
            "van het bestand: er is voor die peildatum (nog) geen nieuwere versie gepubliceerd. Niet ingelezen."
        ),
    ),
]
KOLOMMEN: list[str] = [k.naam for k in KOLOMDEFINITIES]
KOLOM = {k.naam: k for k in KOLOMDEFINITIES}
VERPLICHT = [k.naam for k in KOLOMDEFINITIES if k.verplicht]
assert len(set(KOLOMMEN)) == len(KOLOMMEN)


def _sleutel(tekst: str) -> str:
    """Compare names and labels without case, accents and extra spaces."""
    tekst = unicodedata.normalize("NFKD", str(tekst))
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    return " ".join(tekst.casefold().split())


_KOLOM_OP_SLEUTEL = {_sleutel(n): n for n in KOLOMMEN}


def kolomnaam(kop: Any) -> str:
    """The canonical column name for a header cell (unknown names unchanged, stripped)."""
    tekst = "" if kop is None else str(kop).replace("\ufeff", "").strip()
    return _KOLOM_OP_SLEUTEL.get(_sleutel(tekst), tekst)


def _label(choices, waarde) -> str:
    if not waarde:
        return ""
    with translation.override("nl"):
        return str(choices(waarde).label)


def partij_tekst(partij: str, rol: str) -> str:
    if rol:
        return f"{partij} ({rol})"
    return f"{partij} ()" if partij.rstrip().endswith(")") else partij


# -----------------------------------------------------------------------------
# Export


def _bedrag_uit(waarde) -> Decimal | None:
    return None if waarde is None else Decimal(waarde).quantize(CENT)


def _som(bedragen: dict) -> Decimal:
    return sum((bedragen[c] for c in KOSTENCATEGORIEEN), Decimal("0.00"))


def kostencategorie(totaal: Decimal | None) -> str:
    """The cost bucket of the dashboard chart, by the current total estimate in EUR mln (lower bound inclusive)."""
    if totaal is None:
        return "Onbekend"
    mln = Decimal(totaal) / Decimal(1_000_000)
    for grens, label in ((10, "0-10 mln"), (20, "10-20 mln"), (30, "20-30 mln"), (40, "30-40 mln"), (50, "40-50 mln"), (100, "50-100 mln")):
        if mln < grens:
            return label
    return "100+ mln"


def _jaar_later(d: datetime.date) -> datetime.date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def aanpassing_einddatum(initieel: datetime.date | None, actueel: datetime.date | None) -> str:
    """The category of the dashboard chart "einddatum t.o.v. initieel"."""
    if initieel is None or actueel is None:
        return ""
    if actueel < initieel:
        return "Eerder"
    if actueel == initieel:
        return "Ongewijzigd"
    return "Later (≤ 1 jaar)" if actueel <= _jaar_later(initieel) else "Later (> 1 jaar)"


def vorig_jaar(gebeurtenissen: list) -> Any | None:
    """The latest event dated on or before 31-12 of the year before the latest event (``gebeurtenissen`` by datum, pk)."""
    if not gebeurtenissen:
        return None
    grens = datetime.date(gebeurtenissen[-1].datum.year - 1, 12, 31)
    kandidaat = None
    for g in gebeurtenissen:
        if g.datum <= grens:
            kandidaat = g
    return kandidaat


def _json(waarde) -> str:
    return json.dumps(waarde, ensure_ascii=False, separators=(",", ":"))


def _bedragen_json(bedragen: dict) -> dict:
    return {c: f"{bedragen[c]:.2f}" for c in KOSTENCATEGORIEEN if bedragen[c]}


def historie_json(gebeurtenissen: list) -> str:
    """The column Historie (JSON): every event of an activity (``_Ev``), compactly (zero amounts and empty texts left out)."""
    items = []
    for g in gebeurtenissen:
        item = {"soort": g.soort, "datum": g.datum.isoformat()}
        if g.einddatum:
            item["einddatum"] = g.einddatum.isoformat()
        geschat = _bedragen_json(g.geschat)
        gerealiseerd = _bedragen_json(g.gerealiseerd)
        if geschat:
            item["geschat"] = geschat
        if gerealiseerd:
            item["gerealiseerd"] = gerealiseerd
        if g.toelichting_kosten:
            item["toelichting_kosten"] = g.toelichting_kosten
        if g.toelichting_einddatum:
            item["toelichting_einddatum"] = g.toelichting_einddatum
        if g.redenen:
            item["redenen"] = sorted(r.code for r in g.redenen)
        items.append(item)
    return _json(items)


# The fields of the lists in their JSON columns (all of them, in this order).
LIJSTEN = {
    MIJLPALEN: (
        Mijlpaal,
        "mijlpalen",
        ["omschrijving", "verwachte_datum", "gerealiseerde_datum", "behaald", "conform_eisen", "projectplanversie"],
    ),
    KWALITEITSTOETSEN: (Kwaliteitstoets, "kwaliteitstoetsen", ["toetsdatum", "uitvoerende_partij", "soort", "omschrijving"]),
    KAMERSTUKKEN: (Kamerstuk, "kamerstukken", ["nummer", "titel", "link", "briefdatum", "acict_advies"]),
    BATEN: (MaatschappelijkeBaat, "baten", ["toelichting", "kwantitatief_per_jaar", "kwantitatief_incidenteel"]),
}


def lijst_json(items: Iterable[dict], velden: list[str]) -> str:
    uit = [{v: audit._json_waarde(item[v]) for v in velden} for item in items]
    return _json(uit) if uit else ""


# -- reading the database lightly: tuples and dicts, streamed, a constant number of queries ----------


_EV_VELDEN = [
    "pk",
    "activiteit_id",
    "soort",
    "datum",
    "einddatum",
    "toelichting_kosten",
    "toelichting_einddatum",
    "totaal_geschat",
    "totaal_gerealiseerd",
    *[f"geschat_{c}" for c in KOSTENCATEGORIEEN],
    *[f"gerealiseerd_{c}" for c in KOSTENCATEGORIEEN],
]


class Redenen:
    """The reasons for a herijking, by pk and by name, with their order (for the column Reden herijking)."""

    def __init__(self, redenen: Iterable[RedenHerijking]):
        self.op_pk = {r.pk: r for r in redenen}
        self.op_naam = {r.naam: r for r in self.op_pk.values()}
        self.volgorde = {r.pk: (r.volgorde, r.naam) for r in self.op_pk.values()}

    @classmethod
    def laden(cls) -> Redenen:
        return cls(RedenHerijking.objects.all())

    def op_naam_of_los(self, naam: str) -> RedenHerijking:
        """The reason with this name; one renamed or removed since gets an unsaved stand-in (code from the name)."""
        from django.utils.text import slugify

        return self.op_naam.get(naam) or RedenHerijking(naam=naam, code=slugify(naam))


def historie_samenvatting(evs: list, redenen: Redenen) -> dict | None:
    """What the export row needs of an event history (``_Ev`` by datum): the JSON column, last year's and the latest event, the reasons."""
    if not evs:
        return None
    herijkt = {(r.pk, r.naam): r for ev in evs if ev.soort == Gebeurtenis.Soort.HERIJKING for r in ev.redenen}
    initiele = next((ev for ev in evs if ev.soort == Gebeurtenis.Soort.INITIEEL), evs[0])
    return {
        "json": historie_json(evs),
        "vorige": vorig_jaar(evs),
        "laatste": evs[-1],
        "initiele_datum": initiele.datum,
        "redenen": "; ".join(r.naam for r in sorted(herijkt.values(), key=lambda r: redenen.volgorde.get(r.pk, (0, r.naam)))),
    }


@dataclass
class Exportbron:
    """The common record of one activity for an export row, from the live tables or from a published version.

    ``algemeen``: the general fields as Python values (the names of IctActiviteit,
    plus ministerie_afkorting, ministerie_naam, dienstonderdeel_naam, zbo_naam);
    ``kerncijfers``: its derived figures; ``historie``: ``historie_samenvatting``;
    ``lijsten``: per JSON list column its items as dicts of the LIJSTEN fields;
    ``partijen``: the ontwikkelpartijen as 'Partij (rol)'. ``gebeurtenissen``
    is filled only when read from a version (the public activity page shows them).
    """

    algemeen: dict
    kerncijfers: Kerncijfers
    historie: dict | None
    lijsten: dict[str, list[dict]]
    partijen: list[str]
    gebeurtenissen: list = field(default_factory=list)


ALGEMENE_VELDEN = [
    "nummer",
    "naam",
    "status",
    "soort",
    "onderwerp",
    "dienstverlening",
    "wij_verbeteren_op",
    "ontwikkelwijze",
    "startdatum",
    "opdrachtgevende_organisatie",
    "reden_van_starten",
    "doel",
    "samenvatting",
    "maatwerk",
    "dechargedatum",
    "annuleringsdatum",
    "reden_annulering",
]
_DATUMVELDEN = {"startdatum", "dechargedatum", "annuleringsdatum"}


def exportrij(bron: Exportbron) -> list:
    """One export row in KOLOMMEN order: every column is defined here, for the live and the published export."""
    with translation.override("nl"):
        return _exportrij(bron)


def _exportrij(bron: Exportbron) -> list:
    a, k, historie, lijsten = bron.algemeen, bron.kerncijfers, bron.historie, bron.lijsten
    laatste = historie["laatste"] if historie else None
    vorige = historie["vorige"] if historie else None
    aantal_acict = sum(1 for t in lijsten[KWALITEITSTOETSEN] if t["soort"] == Kwaliteitstoets.Soort.ACICT_ADVIES)
    startdatum = a["startdatum"]
    w = {
        NUMMER: a["nummer"],
        MINISTERIE: a["ministerie_afkorting"],
        MINISTERIE_NAAM: a["ministerie_naam"],
        NAAM: a["naam"],
        STATUS: _label(Status, a["status"]),
        SOORT: _label(Soort, a["soort"]),
        ONDERWERP: a["onderwerp"],
        DIENSTVERLENING: a["dienstverlening"],
        WIJ_VERBETEREN_OP: a["wij_verbeteren_op"],
        AANTAL_BATEN: len(lijsten[BATEN]),
        AANTAL_MIJLPALEN: sum(1 for m in lijsten[MIJLPALEN] if m["behaald"]),
        ONTWIKKELPARTIJEN: "; ".join(bron.partijen),
        ONTWIKKELWIJZE: _label(Ontwikkelwijze, a["ontwikkelwijze"]),
        ACICT_ADVIES: "ja" if aantal_acict else "nee",
        AANTAL_ACICT: aantal_acict,
        STARTDATUM: startdatum,
        INITIELE_EINDDATUM: k.initiele_einddatum,
        ACTUELE_EINDDATUM: k.actuele_einddatum,
        STARTJAAR: startdatum.year if startdatum else None,
        EINDJAAR: k.actuele_einddatum.year if k.actuele_einddatum else None,
        DOORLOOPTIJD_INITIEEL: k.doorlooptijd_initieel_maanden,
        DOORLOOPTIJD_ACTUEEL: k.doorlooptijd_actueel_maanden,
        VERSCHIL_JAREN: k.vertraging_jaren,
        VERSCHIL_PCT: k.vertraging_pct,
        AANPASSING_ABSOLUUT: Kerncijfers._maanden(k.vertraging),
        AANPASSING_RELATIEF: aanpassing_einddatum(k.initiele_einddatum, k.actuele_einddatum),
        REDEN_HERIJKING: historie["redenen"] if historie else "",
        INITIEEL_TOTAAL: _bedrag_uit(k.initieel_totaal),
        ACTUEEL_TOTAAL: _bedrag_uit(k.actueel_totaal),
        KOSTENCATEGORIE: kostencategorie(k.actueel_totaal),
        VORIG_JAAR_TOTAAL: _bedrag_uit(vorige.totaal_geschat) if vorige else None,
        PROGNOSE: _bedrag_uit(k.prognose),
        UITGAVEN: _bedrag_uit(k.gerealiseerd),
        UITGAVEN_VORIG_JAAR: _bedrag_uit(vorige.totaal_gerealiseerd) if vorige else None,
        DIENSTONDERDEEL: a["dienstonderdeel_naam"],
        ZBO: a["zbo_naam"],
        OPDRACHTGEVER: a["opdrachtgevende_organisatie"],
        REDEN_VAN_STARTEN: a["reden_van_starten"],
        DOEL: a["doel"],
        SAMENVATTING: a["samenvatting"],
        MAATWERK: "" if a["maatwerk"] is None else ("ja" if a["maatwerk"] else "nee"),
        INITIELE_DATUM: historie["initiele_datum"] if historie else None,
        PEILDATUM: k.peildatum,
        TOELICHTING_KOSTEN: laatste.toelichting_kosten if laatste else "",
        TOELICHTING_EINDDATUM: laatste.toelichting_einddatum if laatste else "",
        DECHARGEDATUM: a["dechargedatum"],
        ANNULERINGSDATUM: a["annuleringsdatum"],
        REDEN_ANNULERING: a["reden_annulering"],
        HISTORIE: historie["json"] if historie else "",
        CIJFERS_PEILDATUM: None,
    }
    for cat in KOSTENCATEGORIEEN:
        w[kolom_initieel(cat)] = _bedrag_uit(getattr(k, f"initieel_{cat}", None))
        w[kolom_actueel(cat)] = _bedrag_uit(getattr(k, f"actueel_{cat}", None))
        w[kolom_gerealiseerd(cat)] = _bedrag_uit(getattr(k, f"gerealiseerd_{cat}", None))
    for kolom, (_model, _related, velden) in LIJSTEN.items():
        w[kolom] = lijst_json(lijsten[kolom], velden)
    return [w[n] for n in KOLOMMEN]


@dataclass
class _Ev:
    """An event in memory (from the database, the file or its history)."""

    soort: str
    datum: datetime.date
    einddatum: datetime.date | None
    geschat: dict
    gerealiseerd: dict
    toelichting_kosten: str = ""
    toelichting_einddatum: str = ""
    redenen: list = field(default_factory=list)  # RedenHerijking

    totaal_geschat: Decimal | None = None
    totaal_gerealiseerd: Decimal | None = None

    @classmethod
    def uit_rij(cls, t: tuple, redenen: list) -> _Ev:
        """From a values_list row of _EV_VELDEN."""
        n = len(KOSTENCATEGORIEEN)
        return cls(
            soort=t[2],
            datum=t[3],
            einddatum=t[4],
            geschat={c: _bedrag_uit(w) for c, w in zip(KOSTENCATEGORIEEN, t[9 : 9 + n])},
            gerealiseerd={c: _bedrag_uit(w) for c, w in zip(KOSTENCATEGORIEEN, t[9 + n : 9 + 2 * n])},
            toelichting_kosten=t[5],
            toelichting_einddatum=t[6],
            redenen=redenen,
            totaal_geschat=t[7],
            totaal_gerealiseerd=t[8],
        )

    def bedragen(self) -> dict:
        d = {f"geschat_{c}": self.geschat[c] for c in KOSTENCATEGORIEEN}
        d.update({f"gerealiseerd_{c}": self.gerealiseerd[c] for c in KOSTENCATEGORIEEN})
        return d
