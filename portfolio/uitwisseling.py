"""Bulk import and export of ICT-activiteiten in the export format of the Rijks ICT-dashboard.

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

What the import does with a row
-------------------------------
Derived columns are computed, never read, except that a filled-in total
(initial, current, cumulative spend) must equal the sum of its cost
categories, so a changed total is not silently ignored. A row whose Nummer
does not exist (or is empty) creates an activity through
``services.activiteit_aanmaken`` with its initial baseline; for an existing
activity the differences are applied through the services: general fields and
ontwikkelpartijen (``activiteit_wijzigen``), a correction of the initial
baseline while it is the only event (``initiele_baseline_wijzigen``),
different current figures or a new Peildatum actueel as a Rapportage, or a
Herijking when Reden herijking lists new reasons (``gebeurtenis_toevoegen``),
and a different Status along the allowed transitions (``status_wijzigen``).
The initial baseline is immutable once a later event exists; events are never
changed, so a toelichting can only come with a new event.

The extra columns "Historie (JSON)" (every event) and the JSON columns of the
lists (mijlpalen, kwaliteitstoetsen, Kamerstukken, baten) make the round trip
into an empty database exact; they are read only for *new* activities. For an
existing activity the database is authoritative for its history and lists (a
differing list column gives a warning). A cell holds at most 32,767 characters
in Excel.

:func:`controleren` is the dry run: it validates every row and collects all
errors as (rij, kolom, reden), rij being the row number in the spreadsheet
(the header is row 1); it never writes and needs a constant number of
queries. What only the services can check (the start gate of art 5.3 for a
new activity, for instance) is found by ``importeren(..., proef=True)``, a
trial run that is always rolled back. :func:`importeren` re-validates (with
the rows locked) and applies all rows through the services in one
transaction, all or nothing, with one extra audit record ``import.uitgevoerd``
(on the ministerie of the rows; without a ministerie when a file spans several).

Speed: the check and the export read the database with a constant number of
queries (tuples, streamed); the import itself costs what the services cost,
about 10 queries per new event and 30-40 per new activity
(benchmarks/import_5000.py).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cio_stelsel import audit
from cio_stelsel.models import Dienstonderdeel, Ministerie, Zbo
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht

from . import invoerregels, services
from .models import (
    KOSTENCATEGORIEEN,
    Gebeurtenis,
    IctActiviteit,
    Kamerstuk,
    Kerncijfers,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelpartij,
    Ontwikkelwijze,
    RedenHerijking,
    Soort,
    Status,
)

CENT = Decimal("0.01")
MAX_BEDRAG = invoerregels.MAX_BEDRAG  # per amount, so five fit in the 15 digits of the total
MAX_RIJEN = 20_000
# Limits checked while a file is read, so that no file ties up a worker before
# it is refused: a spreadsheet wider than MAX_KOLOMMEN columns, a workbook that
# unpacks to more than MAX_UITGEPAKT bytes (checked before anything is parsed;
# our own export of 20,000 rows unpacks to about 37 MB) and a cell longer than
# Excel's own limit (EXCEL_MAX_CEL).
MAX_KOLOMMEN = 200
MAX_UITGEPAKT = 150 * 1024 * 1024
MAX_HISTORIE = 500
MILJOENENGRENS = Decimal("1000.00")  # a positive total below this is probably in EUR mln
EXCEL_MAX_CEL = 32_767

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
    _k(INITIELE_EINDDATUM, "datum", verplicht=True, uitleg=gettext_lazy("Einddatum van de initiële baseline; ligt vast zodra er een latere gebeurtenis is.")),
    _k(ACTUELE_EINDDATUM, "datum", verplicht=True),
    _k(STARTJAAR, "getal", afgeleid=True),
    _k(EINDJAAR, "getal", afgeleid=True),
    _k(DOORLOOPTIJD_INITIEEL, "getal", afgeleid=True, uitleg=gettext_lazy("In maanden.")),
    _k(DOORLOOPTIJD_ACTUEEL, "getal", afgeleid=True, uitleg=gettext_lazy("In maanden.")),
    _k(VERSCHIL_JAREN, "getal", afgeleid=True),
    _k(VERSCHIL_PCT, "getal", afgeleid=True),
    _k(AANPASSING_ABSOLUUT, "getal", afgeleid=True, uitleg=gettext_lazy("In maanden.")),
    _k(AANPASSING_RELATIEF, afgeleid=True, uitleg=gettext_lazy("Eerder, Ongewijzigd, Later (≤ 1 jaar) of Later (> 1 jaar).")),
    _k(REDEN_HERIJKING, verplicht=True, uitleg=gettext_lazy("Alle redenen van alle herijkingen, gescheiden door ';'. Een nieuwe reden legt een herijking vast.")),
    _k(INITIEEL_TOTAAL, "bedrag", afgeleid=True, uitleg=gettext_lazy("Som van de initiële bedragen per kostencategorie; als u hem invult moet hij kloppen.")),
    _k(ACTUEEL_TOTAAL, "bedrag", afgeleid=True, uitleg=gettext_lazy("Som van de actuele bedragen per kostencategorie; als u hem invult moet hij kloppen.")),
    _k(KOSTENCATEGORIE, afgeleid=True),
    _k(VORIG_JAAR_TOTAAL, "bedrag", afgeleid=True, uitleg=gettext_lazy("Van de laatste gebeurtenis op of vóór 31-12 van het jaar vóór de peildatum.")),
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
    _k(DIENSTONDERDEEL, dashboard=False, uitleg=gettext_lazy("Uitvoerend dienstonderdeel (naam of afkorting); leeg als dat het ministerie zelf is.")),
    _k(ZBO, dashboard=False, uitleg=gettext_lazy("Uitvoerende zbo (naam of afkorting).")),
    _k(OPDRACHTGEVER, dashboard=False),
    _k(REDEN_VAN_STARTEN, dashboard=False),
    _k(DOEL, dashboard=False),
    _k(SAMENVATTING, dashboard=False),
    _k(MAATWERK, dashboard=False, uitleg=gettext_lazy("ja, nee of leeg.")),
    _k(INITIELE_DATUM, "datum", dashboard=False, uitleg=gettext_lazy("Datum van de initiële baseline; leeg: de startdatum.")),
    _k(PEILDATUM, "datum", dashboard=False, uitleg=gettext_lazy("Datum van de laatste gebeurtenis. Een andere datum of andere actuele cijfers leggen een nieuwe rapportage vast.")),
    _k(TOELICHTING_KOSTEN, dashboard=False, uitleg=gettext_lazy("Van de laatste gebeurtenis; verplicht bij een herijking (of de toelichting einddatum).")),
    _k(TOELICHTING_EINDDATUM, dashboard=False),
    _k(DECHARGEDATUM, "datum", dashboard=False, uitleg=gettext_lazy("Verplicht bij Afgerond.")),
    _k(ANNULERINGSDATUM, "datum", dashboard=False, uitleg=gettext_lazy("Verplicht bij Geannuleerd.")),
    _k(REDEN_ANNULERING, dashboard=False, uitleg=gettext_lazy("Verplicht bij Geannuleerd.")),
    _k(HISTORIE, "json", dashboard=False, uitleg=gettext_lazy("Alle gebeurtenissen; alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(MIJLPALEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(KWALITEITSTOETSEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(KAMERSTUKKEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(BATEN, "json", dashboard=False, uitleg=gettext_lazy("Alleen ingelezen bij een nieuwe ICT-activiteit.")),
    _k(CIJFERS_PEILDATUM, "datum", afgeleid=True, dashboard=False, uitleg=gettext_lazy(
        "Open data: de peildatum van de gepubliceerde versie waar de cijfers vandaan komen. Eerder dan de peildatum "
        "van het bestand: er is voor die peildatum (nog) geen nieuwere versie gepubliceerd. Niet ingelezen.")),
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


# -----------------------------------------------------------------------------
# Reading files


class OngeldigBestand(ValueError):
    """The file cannot be read at all (type, encoding, no header). The message is for the user."""


class Rijen(list):
    """The rows of a file as dicts {column: value}, with the header and the spreadsheet row numbers."""

    def __init__(self, rijen=(), *, kolommen=None, rijnummers=None, naam=""):
        super().__init__(rijen)
        self.kolommen: list[str] = list(kolommen or [])
        self.rijnummers: list[int] = list(rijnummers or [])
        self.naam = naam
        self.fouten: list[Fout] = []
        self.waarschuwingen: list[Fout] = []


_FORMULE = re.compile(r"^'*[=+\-@\t\r]")
_ONTSNAPT = re.compile(r"^'+[=+\-@\t\r]")


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def inlezen(bestand, naam: str) -> Rijen:
    """Read a .csv or .xlsx file into rows. Raises OngeldigBestand with a Dutch message."""
    naam = naam or ""
    ext = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    inhoud = bestand if isinstance(bestand, (bytes, bytearray)) else bestand.read()
    if not inhoud:
        raise OngeldigBestand(_("Het bestand is leeg."))
    if ext == "csv":
        rijen = _inlezen_csv(bytes(inhoud))
    elif ext == "xlsx":
        rijen = _inlezen_xlsx(bytes(inhoud))
    elif ext in ("xls", "ods", "numbers"):
        raise OngeldigBestand(
            _("Bestanden van het type .%(ext)s worden niet ondersteund. Sla het bestand op als .xlsx (Excel-werkmap) of .csv.") % {"ext": ext}
        )
    else:
        raise OngeldigBestand(_("Alleen .csv- en .xlsx-bestanden kunnen worden ingelezen."))
    rijen.naam = naam
    return rijen


def _punten(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _kop_en_rijen(tabel: Iterable[tuple[int, list]]) -> Rijen:
    """Build Rijen from (row number, cells) pairs; the first non-empty row is the header.

    Stops at the first row over MAX_RIJEN and at the first cell over
    EXCEL_MAX_CEL characters, so the rest of a huge file is never read.
    """
    tabel = (_binnen_grenzen(nr, cellen) for nr, cellen in tabel)
    kop = None
    for rijnummer, cellen in tabel:
        if any(not _leeg(c) for c in cellen):
            kop = cellen
            break
    if kop is None:
        raise OngeldigBestand(_("Het bestand heeft geen kopregel met kolomnamen."))
    namen = [kolomnaam(c) for c in kop]
    rijen = Rijen(kolommen=[n for n in namen if n])
    gezien = set()
    for i, n in enumerate(namen):
        if not n:
            continue
        if n in gezien:
            raise OngeldigBestand(_("De kolom '%(kolom)s' komt meer dan eens voor in de kopregel.") % {"kolom": n})
        gezien.add(n)
    zonder_naam_gemeld = False
    for rijnummer, cellen in tabel:
        if all(_leeg(c) for c in cellen):
            continue
        rij = {}
        for i, waarde in enumerate(cellen):
            n = namen[i] if i < len(namen) else ""
            if n:
                rij[n] = waarde
            elif not _leeg(waarde) and not zonder_naam_gemeld:
                rijen.waarschuwingen.append(
                    Fout(rijnummer, _("kolom %(nr)s") % {"nr": i + 1}, _("Deze cel staat in een kolom zonder naam en wordt genegeerd."))
                )
                zonder_naam_gemeld = True
        rijen.append(rij)
        rijen.rijnummers.append(rijnummer)
        if len(rijen) > MAX_RIJEN:
            raise OngeldigBestand(_("Het bestand heeft meer dan %(n)s rijen; splits het in kleinere bestanden.") % {"n": _punten(MAX_RIJEN)})
    return rijen


def _binnen_grenzen(rijnummer: int, cellen: list) -> tuple[int, list]:
    if len(cellen) > MAX_KOLOMMEN and any(not _leeg(c) for c in cellen[MAX_KOLOMMEN:]):
        raise OngeldigBestand(
            _("Rij %(rij)s heeft een waarde voorbij kolom %(n)s; een bestand heeft hoogstens %(n)s kolommen.") % {"rij": rijnummer, "n": MAX_KOLOMMEN}
        )
    for i, c in enumerate(cellen):
        if isinstance(c, str) and len(c) > EXCEL_MAX_CEL:
            raise OngeldigBestand(
                _("De cel in rij %(rij)s, kolom %(kolom)s is langer dan %(n)s tekens (de grens van Excel).")
                % {"rij": rijnummer, "kolom": i + 1, "n": _punten(EXCEL_MAX_CEL)}
            )
    return rijnummer, cellen


def _inlezen_csv(inhoud: bytes) -> Rijen:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = inhoud.decode("cp1252")
        except UnicodeDecodeError:
            raise OngeldigBestand(_("Het CSV-bestand is niet in UTF-8 of Windows-1252 opgeslagen.")) from None
    if "\x00" in tekst:
        raise OngeldigBestand(_("Dit lijkt geen CSV-bestand (tekst) te zijn."))
    eerste = tekst.split("\n", 1)[0]
    if re.fullmatch(r"sep=.\r?", eerste):  # Excel's "sep=;" line
        scheiding, tekst = eerste[4], tekst.split("\n", 1)[1] if "\n" in tekst else ""
    else:
        scheiding = max(";,\t", key=lambda s: (eerste.count(s), s == ";"))
    try:
        gelezen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding))
    except csv.Error as exc:
        raise OngeldigBestand(_("Het CSV-bestand kan niet worden gelezen: %(fout)s") % {"fout": exc}) from None

    def ontsnapping_weg(waarde: str) -> str:
        return waarde[1:] if _ONTSNAPT.match(waarde) else waarde

    return _kop_en_rijen((i, [ontsnapping_weg(c) for c in cellen]) for i, cellen in enumerate(gelezen, start=1))


def _inlezen_xlsx(inhoud: bytes) -> Rijen:
    import zipfile

    from openpyxl import load_workbook

    if not inhoud.startswith(b"PK"):
        raise OngeldigBestand(_("Dit is geen geldig .xlsx-bestand."))
    try:
        # Before anything is parsed: what the parts unpack to. (zipfile stops at the
        # size an entry declares and then fails its CRC check, so a lying header
        # cannot unpack more.)
        uitgepakt = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(inhoud)).infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise OngeldigBestand(_("Dit is geen geldig .xlsx-bestand (%(fout)s).") % {"fout": exc.__class__.__name__}) from None
    if uitgepakt > MAX_UITGEPAKT:
        raise OngeldigBestand(
            _("Het bestand is uitgepakt %(mb)s MB, meer dan de grens van %(grens)s MB; splits het in kleinere bestanden.")
            % {"mb": _punten(uitgepakt // 2**20), "grens": MAX_UITGEPAKT // 2**20}
        )
    try:
        wb = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, SyntaxError) as exc:  # SyntaxError: broken XML
        raise OngeldigBestand(_("Dit is geen geldig .xlsx-bestand (%(fout)s).") % {"fout": exc.__class__.__name__}) from None
    try:
        ws = wb["ICT-activiteiten"] if "ICT-activiteiten" in wb.sheetnames else wb.worksheets[0]
        ws.reset_dimensions()  # do not trust the size the file claims
        _kolomgrens(ws)
        return _kop_en_rijen((i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, SyntaxError) as exc:
        if isinstance(exc, OngeldigBestand):
            raise
        raise OngeldigBestand(_("Dit is geen geldig .xlsx-bestand (%(fout)s).") % {"fout": exc.__class__.__name__}) from None
    finally:
        wb.close()


def _kolomgrens(ws) -> None:
    """Refuse a row with a cell beyond MAX_KOLOMMEN *before* openpyxl pads it to that width.

    openpyxl's read-only sheet turns one cell in column XFD into a row of
    16,384 values; 2,000 such rows took seconds on every read. Its row builder
    (``_get_row``, which receives the parsed cells with their column numbers)
    is wrapped to look at the last cell first.
    """
    bouw = getattr(ws, "_get_row", None)
    if bouw is None:  # another openpyxl: _binnen_grenzen still refuses the padded row
        return

    def _get_row(row, min_col=1, max_col=None, values_only=False):
        if row and row[-1]["column"] > MAX_KOLOMMEN:
            raise OngeldigBestand(
                _("Rij %(rij)s heeft een waarde voorbij kolom %(n)s; een bestand heeft hoogstens %(n)s kolommen.")
                % {"rij": row[-1].get("row", "?"), "n": MAX_KOLOMMEN}
            )
        return bouw(row, min_col, max_col, values_only)

    ws._get_row = _get_row


# -----------------------------------------------------------------------------
# Parsing cell values


class _Ongeldig(Exception):
    def __init__(self, reden):
        super().__init__(reden)
        self.reden = reden


def tekst(waarde) -> str:
    """A text cell: stripped, Windows line ends normalised; numbers and dates as text."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, datetime.datetime):
        return waarde.date().isoformat() if waarde.time() == datetime.time() else waarde.isoformat()
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return str(waarde).replace("\r\n", "\n").replace("\r", "\n").strip()


_DATUM_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATUM_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")


def datum(waarde) -> datetime.date | None:
    if _leeg(waarde):
        return None
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        raise _Ongeldig(_("'%(w)s' is geen datum: gebruik JJJJ-MM-DD of een datumcel.") % {"w": tekst(waarde)})
    t = tekst(waarde)
    if m := _DATUM_ISO.match(t):
        j, mnd, d = (int(x) for x in m.groups())
    elif m := _DATUM_NL.match(t):
        d, mnd, j = (int(x) for x in m.groups())
    else:
        raise _Ongeldig(_("'%(w)s' is geen datum: gebruik JJJJ-MM-DD (bijvoorbeeld 2025-12-31).") % {"w": t})
    try:
        return datetime.date(j, mnd, d)
    except ValueError:
        raise _Ongeldig(_("'%(w)s' is geen bestaande datum.") % {"w": t}) from None


_GETAL = re.compile(r"^[+-]?\d+([.,]\d+)?$", re.ASCII)  # ASCII digits only (invoerregels)


def bedrag(waarde) -> Decimal | None:
    """An amount in euros: at most 2 decimals, not negative, decimal comma or point, no thousands separators."""
    if _leeg(waarde):
        return None
    if isinstance(waarde, bool):
        raise _Ongeldig(_("'%(w)s' is geen bedrag.") % {"w": waarde})
    if isinstance(waarde, float):
        d = Decimal(repr(waarde))
        afgerond = d.quantize(CENT, rounding=ROUND_HALF_UP)
        if abs(d - afgerond) > Decimal("0.000001"):
            raise _Ongeldig(_("'%(w)s' heeft meer dan 2 decimalen: bedragen zijn in euro's met centen.") % {"w": waarde})
        d = afgerond
    elif isinstance(waarde, (int, Decimal)):
        d = Decimal(waarde)
    else:
        t = tekst(waarde).replace("€", "").replace("\u00a0", "").replace(" ", "")
        if not _GETAL.match(t):
            if re.match(r"^[+-]?\d{1,3}([.,]\d{3})+([.,]\d+)?$", t):
                raise _Ongeldig(_("'%(w)s': gebruik geen scheidingstekens voor duizendtallen (schrijf 1234567,89).") % {"w": tekst(waarde)})
            raise _Ongeldig(_("'%(w)s' is geen bedrag: gebruik euro's met hoogstens 2 decimalen, bijvoorbeeld 1234567,89.") % {"w": tekst(waarde)})
        t = t.replace(",", ".")
        if "." in t and len(t.split(".")[1]) > 2:
            raise _Ongeldig(_("'%(w)s' heeft meer dan 2 decimalen: bedragen zijn in euro's met centen (niet in miljoenen).") % {"w": tekst(waarde)})
        d = invoerregels.bedrag_uit_tekst(t)
    d = invoerregels.normaliseer_nul(d)
    if d != d.quantize(CENT):
        raise _Ongeldig(_("'%(w)s' heeft meer dan 2 decimalen.") % {"w": tekst(waarde)})
    if d < 0:
        raise _Ongeldig(_("Een bedrag mag niet negatief zijn."))
    if d > MAX_BEDRAG:
        raise _Ongeldig(invoerregels.bedrag_fouten(d)[0])
    return d.quantize(CENT)


def geheel_getal(waarde) -> int | None:
    if _leeg(waarde):
        return None
    if isinstance(waarde, bool):
        raise _Ongeldig(_("'%(w)s' is geen geheel getal.") % {"w": waarde})
    if isinstance(waarde, int):
        return waarde
    if isinstance(waarde, float) and waarde.is_integer():
        return int(waarde)
    t = tekst(waarde)
    if not re.fullmatch(r"\d+", t):
        raise _Ongeldig(_("'%(w)s' is geen geheel getal.") % {"w": t})
    return int(t)


def ja_nee(waarde) -> bool | None:
    if _leeg(waarde):
        return None
    if isinstance(waarde, bool):
        return waarde
    t = _sleutel(tekst(waarde))
    if t in ("ja", "j", "yes", "true", "waar", "1"):
        return True
    if t in ("nee", "n", "no", "false", "onwaar", "0"):
        return False
    raise _Ongeldig(_("'%(w)s': vul ja of nee in (of laat leeg).") % {"w": tekst(waarde)})


def _keuze(choices) -> Callable:
    """A parser for a TextChoices column: the Dutch label or the code."""
    with translation.override("nl"):
        opties = {_sleutel(c.label): c.value for c in choices}
        labels = [str(c.label) for c in choices]
    opties.update({_sleutel(c.value): c.value for c in choices})

    def lees(waarde, *, leeg_mag=False):
        if _leeg(waarde):
            if leeg_mag:
                return ""
            raise _Ongeldig(_("Vul een waarde in: %(opties)s.") % {"opties": ", ".join(labels)})
        waarde_t = tekst(waarde)
        try:
            return opties[_sleutel(waarde_t)]
        except KeyError:
            raise _Ongeldig(_("'%(w)s' is geen geldige waarde; kies uit: %(opties)s.") % {"w": waarde_t, "opties": ", ".join(labels)}) from None

    return lees


def _label(choices, waarde) -> str:
    if not waarde:
        return ""
    with translation.override("nl"):
        return str(choices(waarde).label)


def splits_lijst(waarde) -> list[str]:
    return [d.strip() for d in re.split(r"[;\n]", tekst(waarde)) if d.strip()]


def partij_tekst(partij: str, rol: str) -> str:
    if rol:
        return f"{partij} ({rol})"
    return f"{partij} ()" if partij.rstrip().endswith(")") else partij


def lees_partij(deel: str) -> tuple[str, str]:
    """'Partij (rol)' → (partij, rol): the role is the last balanced parenthesised group; "Logius (BZK) ()" has no role."""
    deel = deel.strip()
    if not deel.endswith(")"):
        return deel, ""
    diepte = 0
    for i in range(len(deel) - 1, -1, -1):
        if deel[i] == ")":
            diepte += 1
        elif deel[i] == "(":
            diepte -= 1
            if diepte == 0:
                return deel[:i].strip(), deel[i + 1 : -1].strip()
    return deel, ""


def lees_partijen(waarde) -> list[tuple[str, str]]:
    return [lees_partij(deel) for deel in splits_lijst(waarde)]


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
    MIJLPALEN: (Mijlpaal, "mijlpalen", ["omschrijving", "verwachte_datum", "gerealiseerde_datum", "behaald", "conform_eisen", "projectplanversie"]),
    KWALITEITSTOETSEN: (Kwaliteitstoets, "kwaliteitstoetsen", ["toetsdatum", "uitvoerende_partij", "soort", "omschrijving"]),
    KAMERSTUKKEN: (Kamerstuk, "kamerstukken", ["nummer", "titel", "link", "briefdatum", "acict_advies"]),
    BATEN: (MaatschappelijkeBaat, "baten", ["toelichting", "kwantitatief_per_jaar", "kwantitatief_incidenteel"]),
}


def lijst_json(items: Iterable[dict], velden: list[str]) -> str:
    uit = [{v: audit._json_waarde(item[v]) for v in velden} for item in items]
    return _json(uit) if uit else ""


# -- reading the database lightly: tuples and dicts, streamed, a constant number of queries ----------

_EV_VELDEN = ["pk", "activiteit_id", "soort", "datum", "einddatum", "toelichting_kosten", "toelichting_einddatum",
              "totaal_geschat", "totaal_gerealiseerd",
              *[f"geschat_{c}" for c in KOSTENCATEGORIEEN], *[f"gerealiseerd_{c}" for c in KOSTENCATEGORIEEN]]


def gebeurtenissen_per_activiteit(activiteiten, redenen: dict | None = None) -> Iterable[tuple[int, list["_Ev"]]]:
    """(activiteit id, its events by datum and pk) for ``activiteiten`` (a queryset or a list of ids).

    Two queries (the reasons, then the events streamed in chunks), whatever the
    number of activities: model instances and their related managers cost too
    much for tens of thousands of events.
    """
    filter_ = {"activiteit__in": activiteiten.values("pk")} if hasattr(activiteiten, "values") else {"activiteit_id__in": list(activiteiten)}
    redenen = redenen if redenen is not None else {r.pk: r for r in RedenHerijking.objects.all()}
    per_gebeurtenis: dict[int, list] = {}
    koppeling = Gebeurtenis.redenen.through.objects.filter(**{f"gebeurtenis__{k}": v for k, v in filter_.items()})
    for g_id, r_id in koppeling.order_by("gebeurtenis_id", "redenherijking_id").values_list("gebeurtenis_id", "redenherijking_id"):
        per_gebeurtenis.setdefault(g_id, []).append(redenen[r_id])
    huidige, groep = None, []
    # The events in force: a corrected (superseded) event is not exported (Gebeurtenis.objects.geldend()).
    rijen = Gebeurtenis.objects.geldend().filter(**filter_).order_by("activiteit_id", "datum", "pk").values_list(*_EV_VELDEN)
    for t in rijen.iterator(chunk_size=2000):
        if t[1] != huidige:
            if groep:
                yield huidige, groep
            huidige, groep = t[1], []
        groep.append(_Ev.uit_rij(t, per_gebeurtenis.get(t[0], [])))
    if groep:
        yield huidige, groep


def _lijsten_per_activiteit(activiteiten, kolommen: Iterable[str]) -> dict[str, dict[int, list[dict]]]:
    """Per JSON list column: {activiteit id: [items as dicts]} in the model's ordering; one query per list."""
    filter_ = {"activiteit__in": activiteiten.values("pk")} if hasattr(activiteiten, "values") else {"activiteit_id__in": list(activiteiten)}
    uit = {}
    for kolom in kolommen:
        model, _related, velden = LIJSTEN[kolom]
        per: dict[int, list[dict]] = {}
        for item in model.objects.filter(**filter_).order_by("activiteit_id", *model._meta.ordering).values("activiteit_id", *velden):
            per.setdefault(item["activiteit_id"], []).append(item)
        uit[kolom] = per
    return uit


class Redenen:
    """The reasons for a herijking, by pk and by name, with their order (for the column Reden herijking)."""

    def __init__(self, redenen: Iterable[RedenHerijking]):
        self.op_pk = {r.pk: r for r in redenen}
        self.op_naam = {r.naam: r for r in self.op_pk.values()}
        self.volgorde = {r.pk: (r.volgorde, r.naam) for r in self.op_pk.values()}

    @classmethod
    def laden(cls) -> "Redenen":
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
    "nummer", "naam", "status", "soort", "onderwerp", "dienstverlening", "wij_verbeteren_op", "ontwikkelwijze", "startdatum",
    "opdrachtgevende_organisatie", "reden_van_starten", "doel", "samenvatting", "maatwerk", "dechargedatum", "annuleringsdatum",
    "reden_annulering",
]
_DATUMVELDEN = {"startdatum", "dechargedatum", "annuleringsdatum"}


def _bron_uit_model(a: IctActiviteit, historie: dict | None, lijsten: dict[str, list[dict]], partijen: list[str]) -> Exportbron:
    algemeen = {v: getattr(a, v) for v in ALGEMENE_VELDEN}
    algemeen.update(
        ministerie_afkorting=a.ministerie.afkorting,
        ministerie_naam=a.ministerie.naam,
        dienstonderdeel_naam=a.dienstonderdeel.naam if a.dienstonderdeel else "",
        zbo_naam=a.zbo.naam if a.zbo else "",
    )
    return Exportbron(algemeen, a.kerncijfers, historie, lijsten, partijen)


# The key figures in a version's gegevens (peildatumstand.momentopname): JSON values by kind.
_KERNCIJFER_DUUR = {"doorlooptijd_initieel", "doorlooptijd_actueel", "vertraging"}
_KERNCIJFER_DATUM = {"initiele_einddatum", "actuele_einddatum", "peildatum"}
_KERNCIJFER_GETAL = {"aantal_herijkingen"}


def _uit_json_datum(w) -> datetime.date | None:
    return datetime.date.fromisoformat(w[:10]) if w else None


def _uit_json_bedrag(w) -> Decimal | None:
    return None if w in (None, "") else Decimal(str(w))


def kerncijfers_uit_gegevens(k: dict) -> Kerncijfers:
    waarden = {}
    for sleutel, w in k.items():
        if sleutel in _KERNCIJFER_DUUR:
            waarden[sleutel] = None if w is None else datetime.timedelta(days=int(w))
        elif sleutel in _KERNCIJFER_DATUM:
            waarden[sleutel] = _uit_json_datum(w)
        elif sleutel in _KERNCIJFER_GETAL:
            waarden[sleutel] = w
        else:
            waarden[sleutel] = _uit_json_bedrag(w)
    return Kerncijfers(**waarden)


def gebeurtenissen_uit_gegevens(items: list[dict], redenen: Redenen) -> list["_Ev"]:
    """The events of a version's gegevens as ``_Ev`` (by datum and pk, as frozen)."""
    return [
        _Ev(
            soort=g["soort"],
            datum=_uit_json_datum(g["datum"]),
            einddatum=_uit_json_datum(g.get("einddatum")),
            geschat={c: _bedrag_uit(_uit_json_bedrag(g.get(f"geschat_{c}"))) for c in KOSTENCATEGORIEEN},
            gerealiseerd={c: _bedrag_uit(_uit_json_bedrag(g.get(f"gerealiseerd_{c}"))) for c in KOSTENCATEGORIEEN},
            toelichting_kosten=g.get("toelichting_kosten") or "",
            toelichting_einddatum=g.get("toelichting_einddatum") or "",
            redenen=[redenen.op_naam_of_los(naam) for naam in g.get("redenen", [])],
            totaal_geschat=_uit_json_bedrag(g.get("totaal_geschat")),
            totaal_gerealiseerd=_uit_json_bedrag(g.get("totaal_gerealiseerd")),
        )
        for g in items
    ]


def bron_uit_gegevens(gegevens: dict, redenen: Redenen) -> Exportbron:
    """The export record of a published version's frozen ``gegevens`` (ActiviteitVersie.gegevens)."""
    algemeen = {v: gegevens.get(v) for v in ALGEMENE_VELDEN}
    for v in _DATUMVELDEN:
        algemeen[v] = _uit_json_datum(algemeen[v])
    for v in ("onderwerp", "dienstverlening", "wij_verbeteren_op", "ontwikkelwijze", "opdrachtgevende_organisatie",
              "reden_van_starten", "doel", "samenvatting", "reden_annulering"):
        algemeen[v] = algemeen[v] or ""
    organisatie = gegevens.get("organisatie") or ""
    algemeen.update(
        ministerie_afkorting=gegevens.get("ministerie_afkorting", ""),
        ministerie_naam=gegevens.get("ministerie_naam", ""),
        # The version holds the organisation's name (str of the dienstonderdeel or zbo) and which of the two it is.
        dienstonderdeel_naam=organisatie if gegevens.get("dienstonderdeel") else "",
        zbo_naam=organisatie if gegevens.get("zbo") else "",
    )
    evs = gebeurtenissen_uit_gegevens(gegevens.get("gebeurtenissen", []), redenen)
    lijsten = {kolom: [{v: item.get(v) for v in velden} for item in gegevens.get(related, [])] for kolom, (_m, related, velden) in LIJSTEN.items()}
    partijen = [partij_tekst(p.get("partij", ""), p.get("rol", "")) for p in gegevens.get("ontwikkelpartijen", [])]
    return Exportbron(algemeen, kerncijfers_uit_gegevens(gegevens.get("kerncijfers", {})), historie_samenvatting(evs, redenen), lijsten, partijen, evs)


def exporteren(queryset) -> list[list]:
    """The rows (without header) of ``queryset`` of IctActiviteit, in KOLOMMEN order, by Nummer.

    A constant number of queries: one for the activities with their key figures
    (``met_kerncijfers()``, the derived figures), one for the events (streamed),
    one for the herijking reasons, one per list. Values are Python values (str,
    int, Decimal, date, None); naar_csv / naar_xlsx format them.
    """
    basis = queryset.order_by()
    redenen = Redenen.laden()
    historie = {aid: historie_samenvatting(evs, redenen) for aid, evs in gebeurtenissen_per_activiteit(basis, redenen.op_pk)}
    lijsten = _lijsten_per_activiteit(basis, LIJSTEN)
    partijen: dict[int, list[str]] = {}
    for aid, partij, rol in Ontwikkelpartij.objects.filter(activiteit__in=basis.values("pk")).order_by("activiteit_id", "pk").values_list("activiteit_id", "partij", "rol"):
        partijen.setdefault(aid, []).append(partij_tekst(partij, rol))
    qs = queryset.met_kerncijfers().select_related("ministerie", "dienstonderdeel", "zbo").order_by("nummer")
    return [
        exportrij(_bron_uit_model(a, historie.get(a.pk), {k: v.get(a.pk, []) for k, v in lijsten.items()}, partijen.get(a.pk, [])))
        for a in qs.iterator(chunk_size=1000)
    ]


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


def _csv_waarde(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return f"{waarde}".replace(".", ",")
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    if isinstance(waarde, str):
        return "'" + waarde if _FORMULE.match(waarde) else waarde
    return str(waarde)


def naar_csv(rijen: list[list]) -> bytes:
    """CSV as Dutch Excel reads it: UTF-8 with BOM, ';' separator, decimal comma, ISO dates, header first."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for rij in rijen:
        schrijver.writerow([_csv_waarde(w) for w in rij])
    return uit.getvalue().encode("utf-8-sig")


def naar_xlsx(rijen: list[list]) -> bytes:
    """An XLSX workbook: sheet "ICT-activiteiten", bold frozen header, real dates and numbers, text as text cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("ICT-activiteiten")
    ws.freeze_panes = "A2"
    for i, naam in enumerate(KOLOMMEN, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 14 if KOLOM[naam].soort in ("bedrag", "datum", "getal") else 24
    vet = Font(bold=True)
    kop = []
    for naam in KOLOMMEN:
        cel = WriteOnlyCell(ws, value=naam)
        cel.font = vet
        kop.append(cel)
    ws.append(kop)
    soorten = [KOLOM[n].soort for n in KOLOMMEN]
    for rij in rijen:
        cellen = []
        for waarde, soort in zip(rij, soorten):
            if isinstance(waarde, str):
                cel = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", waarde))
                cel.data_type = "s"  # never a formula, whatever the text starts with
            else:
                cel = WriteOnlyCell(ws, value=waarde)
                if isinstance(waarde, datetime.date):
                    cel.number_format = "yyyy-mm-dd"
                elif soort == "bedrag":
                    cel.number_format = "#,##0.00"
            cellen.append(cel)
        ws.append(cellen)
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def naar_ods(rijen: list[list]) -> bytes:
    """An OpenDocument spreadsheet (ODS): sheet "ICT-activiteiten", bold header, typed cells (numbers, dates, text).

    Written directly as OpenDocument XML: odfpy builds a DOM element per cell
    and needs about 9 seconds for 2,000 rows of these columns; this takes a
    fraction of a second and gives the same file structure (the tests read it
    back with odfpy).
    """
    import zipfile
    from xml.sax.saxutils import escape

    def tekstcel(waarde: str, stijl: str = "") -> str:
        regels = "".join(f"<text:p>{escape(r)}</text:p>" for r in waarde.split("\n"))
        return f'<table:table-cell{stijl} office:value-type="string" calcext:value-type="string">{regels}</table:table-cell>'

    def cel(waarde, soort: str) -> str:
        if waarde is None or waarde == "":
            return "<table:table-cell/>"
        if isinstance(waarde, bool):
            return tekstcel("ja" if waarde else "nee")
        if isinstance(waarde, (int, Decimal)):
            stijl = ' table:style-name="bedrag"' if soort == "bedrag" else ""
            return f'<table:table-cell{stijl} office:value-type="float" office:value="{waarde}" calcext:value-type="float"><text:p>{waarde}</text:p></table:table-cell>'
        if isinstance(waarde, datetime.date):
            d = waarde.isoformat()
            return f'<table:table-cell table:style-name="datum" office:value-type="date" office:date-value="{d}" calcext:value-type="date"><text:p>{d}</text:p></table:table-cell>'
        return tekstcel(ILLEGAAL.sub("", str(waarde)))

    soorten = [KOLOM[n].soort for n in KOLOMMEN]
    delen = [
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">'
        "<office:automatic-styles>"
        '<number:date-style style:name="N-datum"><number:year number:style="long"/><number:text>-</number:text>'
        '<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>'
        '<number:number-style style:name="N-bedrag"><number:number number:decimal-places="2" number:min-decimal-places="2" '
        'number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
        '<style:style style:name="kop" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="datum" style:family="table-cell" style:data-style-name="N-datum"/>'
        '<style:style style:name="bedrag" style:family="table-cell" style:data-style-name="N-bedrag"/>'
        "</office:automatic-styles>"
        '<office:body><office:spreadsheet><table:table table:name="ICT-activiteiten">'
        f'<table:table-column table:number-columns-repeated="{len(KOLOMMEN)}"/>'
        "<table:table-header-rows><table:table-row>",
        "".join(tekstcel(n, ' table:style-name="kop"') for n in KOLOMMEN),
        "</table:table-row></table:table-header-rows>",
    ]
    for rij in rijen:
        delen.append("<table:table-row>" + "".join(cel(w, soort) for w, soort in zip(rij, soorten)) + "</table:table-row>")
    delen.append("</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
        "<dc:title>ICT-activiteiten</dc:title><dc:language>nl</dc:language>"
        "</office:meta></office:document-meta>"
    )
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        # The mimetype first and uncompressed, as OpenDocument requires.
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", "".join(delen), compress_type=zipfile.ZIP_DEFLATED)
    return uit.getvalue()


# Characters XML 1.0 does not allow (control characters other than tab, newline, carriage return).
ILLEGAAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


# -----------------------------------------------------------------------------
# Dry run


@dataclass(frozen=True)
class Fout:
    """An error (or warning) in the file: row number in the spreadsheet (header = 1; None: the whole file)."""

    rij: int | None
    kolom: str
    reden: str


NIEUW, BIJGEWERKT, ONGEWIJZIGD = "nieuw", "bijgewerkt", "ongewijzigd"


@dataclass
class Stap:
    """One service call for a row, with the columns its errors belong to."""

    soort: str  # aanmaken, wijzigen, baseline, gebeurtenis, status
    kwargs: dict
    kolommen: dict = field(default_factory=dict)
    standaardkolom: str = NUMMER


@dataclass
class Rijplan:
    rij: int
    nummer: int | None
    naam: str
    actie: str = ONGEWIJZIGD
    wijzigingen: list[str] = field(default_factory=list)
    ministerie: Ministerie | None = None
    activiteit: IctActiviteit | None = None
    stappen: list[Stap] = field(default_factory=list)
    fout: bool = False
    huidige_stap: Stap | None = None


@dataclass
class Controle:
    """The result of the dry run."""

    fouten: list[Fout] = field(default_factory=list)
    waarschuwingen: list[Fout] = field(default_factory=list)
    rijen: list[Rijplan] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten

    def aantal(self, actie: str) -> int:
        return sum(1 for r in self.rijen if r.actie == actie and not r.fout)

    @property
    def aantal_nieuw(self) -> int:
        return self.aantal(NIEUW)

    @property
    def aantal_bijgewerkt(self) -> int:
        return self.aantal(BIJGEWERKT)

    @property
    def aantal_ongewijzigd(self) -> int:
        return self.aantal(ONGEWIJZIGD)

    @property
    def te_doen(self) -> bool:
        return self.geldig and any(r.stappen for r in self.rijen)


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
    def uit_rij(cls, t: tuple, redenen: list) -> "_Ev":
        """From a values_list row of _EV_VELDEN."""
        n = len(KOSTENCATEGORIEEN)
        return cls(
            soort=t[2], datum=t[3], einddatum=t[4],
            geschat={c: _bedrag_uit(w) for c, w in zip(KOSTENCATEGORIEEN, t[9 : 9 + n])},
            gerealiseerd={c: _bedrag_uit(w) for c, w in zip(KOSTENCATEGORIEEN, t[9 + n : 9 + 2 * n])},
            toelichting_kosten=t[5], toelichting_einddatum=t[6], redenen=redenen,
            totaal_geschat=t[7], totaal_gerealiseerd=t[8],
        )

    def bedragen(self) -> dict:
        d = {f"geschat_{c}": self.geschat[c] for c in KOSTENCATEGORIEEN}
        d.update({f"gerealiseerd_{c}": self.gerealiseerd[c] for c in KOSTENCATEGORIEEN})
        return d


@dataclass
class _Historie:
    """What the check needs of an activity's event history: the initial baseline, the latest event, how many, all herijking reasons."""

    eerste: _Ev
    laatste: _Ev
    aantal: int
    bekend: set  # RedenHerijking pks of all herijkingen

    @classmethod
    def van(cls, evs: list) -> "_Historie":
        eerste = next((ev for ev in evs if ev.soort == Gebeurtenis.Soort.INITIEEL), evs[0])
        return cls(eerste, evs[-1], len(evs), {r.pk for ev in evs if ev.soort == Gebeurtenis.Soort.HERIJKING for r in ev.redenen})


def _nul() -> dict:
    return {c: Decimal("0.00") for c in KOSTENCATEGORIEEN}


# Which column a service's field error belongs to.
ACTIVITEIT_KOLOMMEN = {
    "naam": NAAM, "ministerie": MINISTERIE, "dienstonderdeel": DIENSTONDERDEEL, "zbo": ZBO,
    "opdrachtgevende_organisatie": OPDRACHTGEVER, "onderwerp": ONDERWERP, "dienstverlening": DIENSTVERLENING,
    "wij_verbeteren_op": WIJ_VERBETEREN_OP, "soort": SOORT, "startdatum": STARTDATUM,
    "reden_van_starten": REDEN_VAN_STARTEN, "doel": DOEL, "samenvatting": SAMENVATTING, "maatwerk": MAATWERK,
    "ontwikkelwijze": ONTWIKKELWIJZE, "nummer": NUMMER, "status": STATUS,
}
BASELINE_KOLOMMEN = {
    "datum": INITIELE_DATUM, "einddatum": INITIELE_EINDDATUM,
    **{f"geschat_{c}": kolom_initieel(c) for c in KOSTENCATEGORIEEN},
    **{f"gerealiseerd_{c}": kolom_gerealiseerd(c) for c in KOSTENCATEGORIEEN},
    "toelichting_kosten": TOELICHTING_KOSTEN, "toelichting_einddatum": TOELICHTING_EINDDATUM,
}
GEBEURTENIS_KOLOMMEN = {
    "datum": PEILDATUM, "einddatum": ACTUELE_EINDDATUM, "redenen": REDEN_HERIJKING, "soort": REDEN_HERIJKING,
    **{f"geschat_{c}": kolom_actueel(c) for c in KOSTENCATEGORIEEN},
    **{f"gerealiseerd_{c}": kolom_gerealiseerd(c) for c in KOSTENCATEGORIEEN},
    "toelichting_kosten": TOELICHTING_KOSTEN, "toelichting_einddatum": TOELICHTING_EINDDATUM,
}
STATUS_KOLOMMEN = {"status": STATUS, "dechargedatum": DECHARGEDATUM, "annuleringsdatum": ANNULERINGSDATUM, "reden": REDEN_ANNULERING}


def statuspad(van: str, naar: str) -> list[str] | None:
    """The shortest series of allowed transitions (services.OVERGANGEN) from ``van`` to ``naar``; [] if equal."""
    if van == naar:
        return []
    vorige = {van: None}
    rij = deque([van])
    while rij:
        s = rij.popleft()
        for volgende in sorted(services.OVERGANGEN[Status(s)]):
            if volgende not in vorige:
                vorige[volgende] = s
                if volgende == naar:
                    pad = [naar]
                    while vorige[pad[-1]] != van:
                        pad.append(vorige[pad[-1]])
                    return list(reversed(pad))
                rij.append(volgende)
    return None


def _d(datum_: datetime.date | None) -> str:
    return datum_.strftime("%d-%m-%Y") if datum_ else "—"


class _Context:
    """Everything the rows are checked against, loaded with a constant number of queries."""

    def __init__(self, actor, nummers: set[int], vergrendelen: bool, lijstkolommen: Iterable[str] = ()):
        self.actor = actor
        self.scope = scope(actor, Recht.PORTFOLIO_BEWERKEN)
        self.ministeries = list(Ministerie.objects.all())
        self.dienstonderdelen: dict[int, list[Dienstonderdeel]] = {}
        for do in Dienstonderdeel.objects.all():
            self.dienstonderdelen.setdefault(do.ministerie_id, []).append(do)
        self.zbos: dict[int, list[Zbo]] = {}
        for z in Zbo.objects.all():
            self.zbos.setdefault(z.ministerie_id, []).append(z)
        self.redenen = list(RedenHerijking.objects.all())
        self.reden_op_sleutel = {}
        for r in self.redenen:
            self.reden_op_sleutel[_sleutel(r.naam)] = r
            self.reden_op_sleutel[_sleutel(r.code)] = r
        self.bestaand: dict[int, IctActiviteit] = {}
        lijst = sorted(nummers)
        for i in range(0, len(lijst), 1000):
            qs = IctActiviteit.objects.filter(nummer__in=lijst[i : i + 1000])
            if vergrendelen:
                qs = qs.select_for_update(of=("self",))
            qs = qs.select_related("ministerie", "dienstonderdeel", "zbo").prefetch_related("ontwikkelpartijen")
            self.bestaand.update({a.nummer: a for a in qs})
        ids = [a.pk for a in self.bestaand.values()]
        self.historie: dict[int, _Historie] = {}
        self.lijsten: dict[str, dict[int, list[dict]]] = {}
        for i in range(0, len(ids), 1000):
            for aid, evs in gebeurtenissen_per_activiteit(ids[i : i + 1000], {r.pk: r for r in self.redenen}):
                self.historie[aid] = _Historie.van(evs)
            for kolom, per in _lijsten_per_activiteit(ids[i : i + 1000], lijstkolommen).items():
                self.lijsten.setdefault(kolom, {}).update(per)
        self.status = _keuze(Status)
        self.soort = _keuze(Soort)
        self.ontwikkelwijze = _keuze(Ontwikkelwijze)
        with translation.override("nl"):
            self.redennamen = ", ".join(r.naam for r in self.redenen)

    def ministerie(self, waarde: str) -> Ministerie:
        s = _sleutel(waarde)
        op_code = [m for m in self.ministeries if _sleutel(m.code) == s]
        if op_code:
            return op_code[0]
        kandidaten = [m for m in self.ministeries if _sleutel(m.afkorting) == s]
        if len(kandidaten) > 1:
            actief = [m for m in kandidaten if m.is_actief]
            if len(actief) == 1:
                return actief[0]
            raise _Ongeldig(_("Meer dan één ministerie heeft de afkorting '%(w)s': gebruik de code (%(codes)s).") % {
                "w": waarde, "codes": ", ".join(m.code for m in kandidaten)})
        if not kandidaten:
            raise _Ongeldig(_("Onbekend ministerie '%(w)s': gebruik de afkorting of code, bijvoorbeeld BZK.") % {"w": waarde})
        return kandidaten[0]

    @staticmethod
    def _binnen(objecten: list, waarde: str, wat: str, ministerie: Ministerie):
        s = _sleutel(waarde)
        kandidaten = [o for o in objecten if _sleutel(o.naam) == s] or [o for o in objecten if o.afkorting and _sleutel(o.afkorting) == s]
        if len(kandidaten) == 1:
            return kandidaten[0]
        if not kandidaten:
            raise _Ongeldig(_("'%(w)s' is geen %(wat)s van %(m)s.") % {"w": waarde, "wat": wat, "m": ministerie.afkorting})
        raise _Ongeldig(_("'%(w)s' is niet eenduidig: meer dan één %(wat)s van %(m)s heet zo.") % {"w": waarde, "wat": wat, "m": ministerie.afkorting})

    def dienstonderdeel(self, ministerie, waarde):
        return self._binnen(self.dienstonderdelen.get(ministerie.pk, []), waarde, _("dienstonderdeel"), ministerie)

    def zbo(self, ministerie, waarde):
        return self._binnen(self.zbos.get(ministerie.pk, []), waarde, _("zbo"), ministerie)

    def reden(self, waarde: str) -> RedenHerijking:
        try:
            return self.reden_op_sleutel[_sleutel(waarde)]
        except KeyError:
            raise _Ongeldig(_("Onbekende reden herijking '%(w)s'; kies uit: %(opties)s.") % {"w": waarde, "opties": self.redennamen}) from None


_FOUT = object()  # a value that could not be read (its error is already recorded)


def _ok(*waarden) -> bool:
    return all(w is not _FOUT for w in waarden)


class _Rijcontrole:
    """Checks one row and plans its service calls; never writes."""

    def __init__(self, ctx: _Context, rij: int, waarden: dict, kolommen: set[str], peildatum: datetime.date | None):
        self.ctx = ctx
        self.rij = rij
        self.w = waarden
        self.kolommen = kolommen
        self.peildatum = peildatum
        self.fouten: list[Fout] = []
        self.waarschuwingen: list[Fout] = []

    # -- helpers -----------------------------------------------------------
    def fout(self, kolom: str, reden) -> None:
        self.fouten.append(Fout(self.rij, kolom, str(reden)))

    def waarschuwing(self, kolom: str, reden) -> None:
        self.waarschuwingen.append(Fout(self.rij, kolom, str(reden)))

    def heeft(self, kolom: str) -> bool:
        return kolom in self.kolommen

    def lees(self, kolom: str, parser: Callable, **kwargs):
        try:
            return parser(self.w.get(kolom), **kwargs)
        except _Ongeldig as exc:
            self.fout(kolom, exc.reden)
            return _FOUT

    def tekstveld(self, kolom: str, veld: str) -> str:
        waarde = tekst(self.w.get(kolom))
        max_length = IctActiviteit._meta.get_field(veld).max_length
        if max_length and len(waarde) > max_length:
            self.fout(kolom, _("Hoogstens %(n)s tekens (nu %(m)s).") % {"n": max_length, "m": len(waarde)})
            return _FOUT
        return waarde

    # -- the check ---------------------------------------------------------
    def controleren(self, nummer) -> Rijplan:
        ctx = self.ctx
        plan = Rijplan(rij=self.rij, nummer=nummer if nummer is not _FOUT else None, naam=tekst(self.w.get(NAAM)))
        bestaand = ctx.bestaand.get(nummer) if _ok(nummer) and nummer else None
        if bestaand is not None and not ctx.scope.omvat(bestaand.ministerie_id, bestaand.dienstonderdeel_id):
            self.fout(NUMMER, _("ICT-activiteit %(nr)s hoort bij een organisatie waarvoor u geen ICT-activiteiten mag wijzigen (B14).") % {"nr": nummer})
            plan.fout = True
            return plan
        plan.activiteit = bestaand
        plan.actie = BIJGEWERKT if bestaand else NIEUW

        velden = self._algemene_velden(bestaand)
        plan.ministerie = velden["ministerie"] if _ok(velden["ministerie"]) else None
        if bestaand is not None:
            hist = ctx.historie.get(bestaand.pk)
            if hist is None or hist.eerste.soort != Gebeurtenis.Soort.INITIEEL:
                self.fout(NUMMER, _("ICT-activiteit %(nr)s heeft geen initiële baseline; neem contact op met de functioneel beheerder.") % {"nr": nummer})
                plan.fout = True
                return plan
            historie = None
        else:
            historie = self._historie()
            hist = None

        startdatum = velden["startdatum"]
        gebeurtenisplan = self._gebeurtenissen(bestaand, hist, historie, startdatum, plan)
        statusplan = self._status(bestaand, velden, startdatum)
        partijen = self._partijen(bestaand)
        lijsten = self._lijsten(bestaand)

        if self.fouten:
            plan.fout = True
            return plan

        # -- the plan ------------------------------------------------------
        if bestaand is None:
            gegevens = {k: v for k, v in velden.items()}
            eerste, overige = gebeurtenisplan["basis"], gebeurtenisplan["historie"]
            initieel = {"datum": eerste.datum, "einddatum": eerste.einddatum, **eerste.bedragen(),
                        "toelichting_kosten": eerste.toelichting_kosten, "toelichting_einddatum": eerste.toelichting_einddatum}
            plan.stappen.append(Stap("aanmaken", {"gegevens": gegevens, "initieel": initieel},
                                     {**ACTIVITEIT_KOLOMMEN, **BASELINE_KOLOMMEN}))
            plan.wijzigingen.append(_("Nieuwe ICT-activiteit met initiële baseline per %(d)s") % {"d": _d(eerste.datum)})
            for ev in overige:
                plan.stappen.append(Stap("gebeurtenis", self._gebeurteniskwargs(ev), {}, standaardkolom=HISTORIE))
            if overige:
                plan.wijzigingen.append(_("%(n)s gebeurtenissen uit de historie") % {"n": len(overige)})
        else:
            gewijzigd = {k: v for k, v in velden.items() if not self._gelijk(k, v, getattr(bestaand, k))}
            toevoegen, verwijderen = partijen
            if gewijzigd or toevoegen or verwijderen:
                plan.stappen.append(Stap("wijzigen", {"gegevens": gewijzigd, "onderdelen": toevoegen, "verwijderen": verwijderen}, ACTIVITEIT_KOLOMMEN))
                if gewijzigd:
                    plan.wijzigingen.append(_("Gewijzigd: %(velden)s") % {"velden": ", ".join(ACTIVITEIT_KOLOMMEN[k] for k in gewijzigd)})
                if toevoegen or verwijderen:
                    plan.wijzigingen.append(_("Ontwikkelpartijen: %(plus)s toegevoegd, %(min)s verwijderd") % {"plus": len(toevoegen), "min": len(verwijderen)})
            if gebeurtenisplan["baseline"]:
                plan.stappen.append(Stap("baseline", {"gegevens": gebeurtenisplan["baseline"]}, BASELINE_KOLOMMEN))
                plan.wijzigingen.append(_("Initiële baseline gecorrigeerd (er is nog geen latere gebeurtenis)"))
        nieuw_ev = gebeurtenisplan["nieuw"]
        if nieuw_ev is not None:
            plan.stappen.append(Stap("gebeurtenis", self._gebeurteniskwargs(nieuw_ev), GEBEURTENIS_KOLOMMEN, standaardkolom=PEILDATUM))
            if nieuw_ev.soort == Gebeurtenis.Soort.HERIJKING:
                plan.wijzigingen.append(_("Herijking per %(d)s (%(redenen)s)") % {"d": _d(nieuw_ev.datum), "redenen": "; ".join(r.naam for r in nieuw_ev.redenen)})
            else:
                plan.wijzigingen.append(_("Rapportage per %(d)s") % {"d": _d(nieuw_ev.datum)})
        if bestaand is None and (partijen[0] or lijsten):
            plan.stappen.append(Stap("wijzigen", {"gegevens": {}, "onderdelen": partijen[0] + lijsten, "verwijderen": []}, {}, standaardkolom=ONTWIKKELPARTIJEN))
            plan.wijzigingen.append(_("%(n)s ontwikkelpartijen en lijstonderdelen") % {"n": len(partijen[0]) + len(lijsten)})
        for stap in statusplan:
            plan.stappen.append(stap)
        if statusplan:
            with translation.override("nl"):
                van = Status(bestaand.status if bestaand else Status.NOG_NIET_GESTART).label
                naar = Status(statusplan[-1].kwargs["status"]).label
            plan.wijzigingen.append(_("Status: %(van)s → %(naar)s") % {"van": van, "naar": naar})
        if bestaand is not None and not plan.stappen:
            plan.actie = ONGEWIJZIGD
        return plan

    @staticmethod
    def _gelijk(veld: str, nieuw, oud) -> bool:
        if veld in ("ministerie", "dienstonderdeel", "zbo"):
            return (nieuw.pk if nieuw else None) == (oud.pk if oud else None)
        if isinstance(nieuw, str):
            return nieuw == tekst(oud)
        return nieuw == oud

    def _gebeurteniskwargs(self, ev: _Ev) -> dict:
        return {
            "soort": ev.soort, "datum": ev.datum, "einddatum": ev.einddatum, "bedragen": ev.bedragen(),
            "toelichting_kosten": ev.toelichting_kosten, "toelichting_einddatum": ev.toelichting_einddatum,
            "redenen": list(ev.redenen),
        }

    # -- general fields ----------------------------------------------------
    def _algemene_velden(self, bestaand: IctActiviteit | None) -> dict:
        """The general fields the file sets (only columns present; for a new activity all of them)."""
        ctx = self.ctx
        velden: dict[str, Any] = {}
        ministerie = _FOUT
        if _leeg(self.w.get(MINISTERIE)):
            self.fout(MINISTERIE, _("Vul het ministerie in (afkorting of code)."))
        else:
            ministerie = self.lees(MINISTERIE, lambda w: ctx.ministerie(tekst(w)))
        velden["ministerie"] = ministerie
        dienstonderdeel = bestaand.dienstonderdeel if bestaand else None
        zbo = bestaand.zbo if bestaand else None
        if _ok(ministerie):
            if self.heeft(DIENSTONDERDEEL):
                dienstonderdeel = None if _leeg(self.w.get(DIENSTONDERDEEL)) else self.lees(DIENSTONDERDEEL, lambda w: ctx.dienstonderdeel(ministerie, tekst(w)))
            elif dienstonderdeel is not None and dienstonderdeel.ministerie_id != ministerie.pk:
                self.fout(DIENSTONDERDEEL, _("Het dienstonderdeel %(do)s hoort niet bij %(m)s: neem de kolom Dienstonderdeel op.") % {"do": dienstonderdeel, "m": ministerie.afkorting})
                dienstonderdeel = _FOUT
            if self.heeft(ZBO):
                zbo = None if _leeg(self.w.get(ZBO)) else self.lees(ZBO, lambda w: ctx.zbo(ministerie, tekst(w)))
            elif zbo is not None and zbo.ministerie_id != ministerie.pk:
                self.fout(ZBO, _("De zbo %(zbo)s hoort niet bij %(m)s: neem de kolom Zbo op.") % {"zbo": zbo, "m": ministerie.afkorting})
                zbo = _FOUT
            if _ok(dienstonderdeel, zbo) and dienstonderdeel and zbo:
                self.fout(ZBO, _("Kies een dienstonderdeel óf een zbo als uitvoerende organisatie, niet beide."))
            if _ok(dienstonderdeel) and not ctx.scope.omvat(ministerie.pk, dienstonderdeel.pk if dienstonderdeel else None):
                self.fout(MINISTERIE, _("U mag geen ICT-activiteiten invoeren of wijzigen voor %(org)s (B14, art 16.4).") % {
                    "org": f"{ministerie.afkorting} / {dienstonderdeel}" if dienstonderdeel else ministerie.afkorting})
        if self.heeft(DIENSTONDERDEEL) or not bestaand:
            velden["dienstonderdeel"] = dienstonderdeel
        if self.heeft(ZBO) or not bestaand:
            velden["zbo"] = zbo
        naam = self.tekstveld(NAAM, "naam")
        if naam == "":
            self.fout(NAAM, _("Vul de naam van de ICT-activiteit in."))
        velden["naam"] = naam
        velden["soort"] = self.lees(SOORT, ctx.soort)
        velden["startdatum"] = self.lees(STARTDATUM, datum)
        for kolom, veld in ((ONDERWERP, "onderwerp"), (DIENSTVERLENING, "dienstverlening"), (WIJ_VERBETEREN_OP, "wij_verbeteren_op"),
                            (OPDRACHTGEVER, "opdrachtgevende_organisatie"), (REDEN_VAN_STARTEN, "reden_van_starten"),
                            (DOEL, "doel"), (SAMENVATTING, "samenvatting")):
            if self.heeft(kolom) or not bestaand:
                velden[veld] = self.tekstveld(kolom, veld)
        if self.heeft(MAATWERK) or not bestaand:
            velden["maatwerk"] = self.lees(MAATWERK, ja_nee)
        if self.heeft(ONTWIKKELWIJZE) or not bestaand:
            velden["ontwikkelwijze"] = self.lees(ONTWIKKELWIJZE, ctx.ontwikkelwijze, leeg_mag=True)
        return velden

    # -- events ------------------------------------------------------------
    def _bedragen(self, kolomnaam_: Callable) -> dict | Any:
        uit = {}
        for cat in KOSTENCATEGORIEEN:
            waarde = self.lees(kolomnaam_(cat), bedrag)
            uit[cat] = Decimal("0.00") if waarde is None else waarde
        return uit if _ok(*uit.values()) else _FOUT

    def _controleer_totaal(self, kolom: str, bedragen) -> None:
        totaal = self.lees(kolom, bedrag)
        if _ok(totaal, bedragen) and totaal is not None and totaal != _som(bedragen):
            self.fout(kolom, _("%(totaal)s is niet de som van de bedragen per kostencategorie (%(som)s). Dit totaal wordt berekend: pas de bedragen per kostencategorie aan.") % {
                "totaal": f"{totaal:.2f}", "som": f"{_som(bedragen):.2f}"})

    def _historie(self) -> list[_Ev] | None:
        """The events of the column Historie (JSON) for a new activity; None when absent or empty."""
        if not self.heeft(HISTORIE) or _leeg(self.w.get(HISTORIE)):
            return None
        try:
            items = json.loads(tekst(self.w.get(HISTORIE)))
            if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
                raise ValueError
            if len(items) > MAX_HISTORIE:
                self.fout(HISTORIE, _("Meer dan %(n)s gebeurtenissen in één historie.") % {"n": MAX_HISTORIE})
                return _FOUT
        except ValueError:
            self.fout(HISTORIE, _("Geen geldige historie: verwacht een JSON-lijst van gebeurtenissen (zoals in de export), of laat de cel leeg."))
            return _FOUT
        evs = []
        fouten_voor = len(self.fouten)
        for nr, item in enumerate(items, start=1):
            def f(reden, nr=nr):
                self.fout(HISTORIE, _("Gebeurtenis %(nr)s: %(reden)s") % {"nr": nr, "reden": reden})
            soort = item.get("soort")
            verwacht = [Gebeurtenis.Soort.INITIEEL] if nr == 1 else [Gebeurtenis.Soort.RAPPORTAGE, Gebeurtenis.Soort.HERIJKING]
            if soort not in verwacht:
                f(_("soort moet %(s)s zijn.") % {"s": " of ".join(verwacht)})
                continue
            try:
                d = datum(item.get("datum"))
                e = datum(item.get("einddatum"))
                bedragen = {}
                for sleutel in ("geschat", "gerealiseerd"):
                    waarden = item.get(sleutel) or {}
                    if not isinstance(waarden, dict) or set(waarden) - set(KOSTENCATEGORIEEN):
                        raise _Ongeldig(_("%(s)s bevat onbekende kostencategorieën.") % {"s": sleutel})
                    bedragen[sleutel] = {c: bedrag(waarden.get(c)) or Decimal("0.00") for c in KOSTENCATEGORIEEN}
                redenen = [self.ctx.reden(str(r)) for r in (item.get("redenen") or [])]
            except _Ongeldig as exc:
                f(exc.reden)
                continue
            if d is None:
                f(_("de datum ontbreekt."))
                continue
            evs.append(_Ev(soort, d, e, bedragen["geschat"], bedragen["gerealiseerd"], str(item.get("toelichting_kosten") or ""),
                           str(item.get("toelichting_einddatum") or ""), redenen))
        return evs if len(self.fouten) == fouten_voor else _FOUT

    def _gebeurtenissen(self, bestaand, hist: "_Historie | None", historie, startdatum, plan) -> dict:
        """Compare the initial and current figures of the row with the history; plan baseline correction and a new event."""
        uit = {"basis": None, "historie": [], "baseline": {}, "nieuw": None}
        init_datum = self.lees(INITIELE_DATUM, datum) if self.heeft(INITIELE_DATUM) else None
        init_eind = self.lees(INITIELE_EINDDATUM, datum)
        init_bedragen = self._bedragen(kolom_initieel)
        act_eind = self.lees(ACTUELE_EINDDATUM, datum)
        act_bedragen = self._bedragen(kolom_actueel)
        ger_bedragen = self._bedragen(kolom_gerealiseerd)
        peildatum = self.lees(PEILDATUM, datum) if self.heeft(PEILDATUM) else None
        if peildatum is None:
            peildatum = self.peildatum
        toel_k = tekst(self.w.get(TOELICHTING_KOSTEN)) if self.heeft(TOELICHTING_KOSTEN) else None
        toel_e = tekst(self.w.get(TOELICHTING_EINDDATUM)) if self.heeft(TOELICHTING_EINDDATUM) else None
        redenen = []
        for deel in splits_lijst(self.w.get(REDEN_HERIJKING)):
            r = self.lees(REDEN_HERIJKING, lambda w, deel=deel: self.ctx.reden(deel))
            if _ok(r) and r not in redenen:
                redenen.append(r)
        if _ok(init_bedragen, act_bedragen) and any(Decimal("0") < _som(b) < MILJOENENGRENS for b in (init_bedragen, act_bedragen)):
            self.waarschuwing(ACTUEEL_TOTAAL, _("Het totaal is kleiner dan 1.000 euro. Bedragen staan in het bestand in euro's, niet in miljoenen."))
        self._controleer_totaal(INITIEEL_TOTAAL, init_bedragen)
        self._controleer_totaal(ACTUEEL_TOTAAL, act_bedragen)
        self._controleer_totaal(UITGAVEN, ger_bedragen)
        if _ok(startdatum) and startdatum:
            for kolom, e in ((INITIELE_EINDDATUM, init_eind), (ACTUELE_EINDDATUM, act_eind)):
                if _ok(e) and e and e <= startdatum:
                    self.fout(kolom, _("De einddatum (%(e)s) moet na de startdatum (%(s)s) liggen.") % {"e": _d(e), "s": _d(startdatum)})
        if not _ok(init_eind, init_bedragen, init_datum, historie):
            return uit

        # -- the history before this row ------------------------------------
        if hist is None:  # a new activity
            if historie:
                evs = historie
                hist = _Historie.van(evs)
                eerste = evs[0]
                for kolom, ok in ((INITIELE_DATUM, init_datum is None or init_datum == eerste.datum),
                                  (INITIELE_EINDDATUM, init_eind == eerste.einddatum),
                                  *((kolom_initieel(c), init_bedragen[c] == eerste.geschat[c]) for c in KOSTENCATEGORIEEN)):
                    if not ok:
                        self.fout(kolom, _("Wijkt af van de initiële baseline in %(h)s. Maak die kolom leeg om de activiteit uit de kolommen op te bouwen.") % {"h": HISTORIE})
                if _ok(startdatum) and startdatum:
                    for nr, ev in enumerate(evs, start=1):
                        if ev.einddatum and ev.einddatum <= startdatum:
                            self.fout(HISTORIE, _("Gebeurtenis %(nr)s: de einddatum (%(e)s) moet na de startdatum (%(s)s) liggen.") % {"nr": nr, "e": _d(ev.einddatum), "s": _d(startdatum)})
                for nr, (voor, na) in enumerate(zip(evs, evs[1:]), start=2):
                    if na.datum < voor.datum:
                        self.fout(HISTORIE, _("Gebeurtenis %(nr)s ligt vóór de vorige: de historie moet op datum staan.") % {"nr": nr})
                    if na.soort == Gebeurtenis.Soort.HERIJKING and (not na.redenen or not (na.toelichting_kosten.strip() or na.toelichting_einddatum.strip())):
                        self.fout(HISTORIE, _("Gebeurtenis %(nr)s: een herijking heeft redenen en een toelichting.") % {"nr": nr})
                    if na.soort == Gebeurtenis.Soort.RAPPORTAGE and na.redenen:
                        self.fout(HISTORIE, _("Gebeurtenis %(nr)s: redenen horen alleen bij een herijking.") % {"nr": nr})
                uit["basis"], uit["historie"] = evs[0], list(evs[1:])
            else:
                d = init_datum or (startdatum if _ok(startdatum) else None)
                if d is None:
                    self.fout(INITIELE_DATUM if self.heeft(INITIELE_DATUM) else STARTDATUM,
                              _("Vul de startdatum of de initiële datum in: de datum van de initiële baseline."))
                    return uit
                basis = _Ev(Gebeurtenis.Soort.INITIEEL, d, init_eind, dict(init_bedragen), _nul())
                # One event only when the current figures are the initial ones (then the file's spend is the baseline's).
                if (_ok(act_eind, act_bedragen, ger_bedragen, peildatum) and (peildatum is None or peildatum == d)
                        and act_eind == init_eind and act_bedragen == init_bedragen and not redenen):
                    basis.gerealiseerd = dict(ger_bedragen)
                    basis.toelichting_kosten = toel_k or ""
                    basis.toelichting_einddatum = toel_e or ""
                hist = _Historie(basis, basis, 1, set())
                uit["basis"] = basis
        else:  # an existing activity: the initial columns may change only while the baseline is the only event
            eerste = hist.eerste
            wijziging = {}
            if init_datum is not None and init_datum != eerste.datum:
                wijziging["datum"] = (INITIELE_DATUM, init_datum)
            if init_eind != eerste.einddatum:
                wijziging["einddatum"] = (INITIELE_EINDDATUM, init_eind)
            for c in KOSTENCATEGORIEEN:
                if init_bedragen[c] != eerste.geschat[c]:
                    wijziging[f"geschat_{c}"] = (kolom_initieel(c), init_bedragen[c])
            if wijziging and hist.aantal > 1:
                for veld, (kolom, _w) in wijziging.items():
                    oud = _d(getattr(eerste, veld)) if veld in ("datum", "einddatum") else f"{eerste.geschat[veld[8:]]:.2f}"
                    self.fout(kolom, _("De initiële baseline ligt vast zodra er een latere rapportage of herijking is (nu %(oud)s). Leg een wijziging vast als herijking in de actuele kolommen.") % {"oud": oud})
                return uit
            if wijziging:
                uit["baseline"] = {veld: w for veld, (_k_, w) in wijziging.items()}
                eerste = _Ev(eerste.soort, wijziging.get("datum", (None, eerste.datum))[1], wijziging.get("einddatum", (None, eerste.einddatum))[1],
                             {c: wijziging.get(f"geschat_{c}", (None, eerste.geschat[c]))[1] for c in KOSTENCATEGORIEEN},
                             eerste.gerealiseerd, eerste.toelichting_kosten, eerste.toelichting_einddatum, eerste.redenen)
                hist = _Historie(eerste, eerste, 1, hist.bekend)

        # -- the current figures ------------------------------------------------
        if not _ok(act_eind, act_bedragen, ger_bedragen, peildatum):
            return uit
        laatste = hist.laatste
        bekend = hist.bekend
        weg = [r for r in self.ctx.redenen if r.pk in bekend and r not in redenen]
        if weg:
            self.fout(REDEN_HERIJKING, _("Een eerdere herijking kan niet worden verwijderd; ontbrekende reden(en): %(r)s.") % {"r": "; ".join(r.naam for r in weg)})
        nieuwe_redenen = [r for r in redenen if r.pk not in bekend]
        cijfers_anders = act_eind != laatste.einddatum or act_bedragen != laatste.geschat or ger_bedragen != laatste.gerealiseerd
        datum_anders = peildatum is not None and peildatum != laatste.datum
        if cijfers_anders or datum_anders or nieuwe_redenen:
            if peildatum is None:
                self.fout(PEILDATUM, _("De actuele cijfers wijken af van de laatste gebeurtenis (%(d)s): vul de peildatum van de nieuwe rapportage in.") % {"d": _d(laatste.datum)})
                return uit
            if peildatum < laatste.datum:
                self.fout(PEILDATUM, _("De peildatum ligt vóór de laatste gebeurtenis (%(d)s): de historie wordt alleen aangevuld.") % {"d": _d(laatste.datum)})
                return uit
            soort = Gebeurtenis.Soort.HERIJKING if nieuwe_redenen else Gebeurtenis.Soort.RAPPORTAGE
            ev = _Ev(soort, peildatum, act_eind, dict(act_bedragen), dict(ger_bedragen), toel_k or "", toel_e or "", nieuwe_redenen)
            if soort == Gebeurtenis.Soort.HERIJKING and not (ev.toelichting_kosten.strip() or ev.toelichting_einddatum.strip()):
                self.fout(TOELICHTING_KOSTEN, _("Een herijking heeft een toelichting: vul de toelichting wijziging kosten of einddatum in."))
            uit["nieuw"] = ev
        elif (toel_k is not None and toel_k != tekst(laatste.toelichting_kosten)) or (toel_e is not None and toel_e != tekst(laatste.toelichting_einddatum)):
            kolom = TOELICHTING_KOSTEN if toel_k is not None and toel_k != tekst(laatste.toelichting_kosten) else TOELICHTING_EINDDATUM
            self.fout(kolom, _("De toelichting hoort bij de laatste gebeurtenis (%(d)s) en die wordt nooit overschreven. Leg een nieuwe rapportage vast (andere peildatum of cijfers) of laat de toelichting ongewijzigd.") % {"d": _d(laatste.datum)})
        return uit

    # -- status --------------------------------------------------------------
    def _status(self, bestaand, velden, startdatum) -> list[Stap]:
        status = self.lees(STATUS, self.ctx.status)
        decharge = self.lees(DECHARGEDATUM, datum) if self.heeft(DECHARGEDATUM) else None
        annulering = self.lees(ANNULERINGSDATUM, datum) if self.heeft(ANNULERINGSDATUM) else None
        reden = tekst(self.w.get(REDEN_ANNULERING)) if self.heeft(REDEN_ANNULERING) else None
        if not _ok(status, decharge, annulering):
            return []
        huidig = bestaand.status if bestaand else Status.NOG_NIET_GESTART
        with translation.override("nl"):
            label = str(Status(status).label)
        # What only a status transition sets must match the database (or be about to be set).
        for kolom, waarde, oud, hoort_bij in (
            (DECHARGEDATUM, decharge, bestaand.dechargedatum if bestaand else None, Status.AFGEROND),
            (ANNULERINGSDATUM, annulering, bestaand.annuleringsdatum if bestaand else None, Status.GEANNULEERD),
            (REDEN_ANNULERING, reden, bestaand.reden_annulering if bestaand else "", Status.GEANNULEERD),
        ):
            gelijk = waarde == tekst(oud) if isinstance(waarde, str) else waarde == oud
            if waarde is None or gelijk:
                continue
            if status == hoort_bij and huidig != hoort_bij:
                continue  # set by the transition below
            if status != hoort_bij:
                self.fout(kolom, _("Hoort alleen bij de status %(s)s; laat deze cel leeg.") % {"s": Status(hoort_bij).label})
            else:
                self.fout(kolom, _("Wordt vastgelegd bij de overgang naar %(s)s en kan daarna niet meer worden gewijzigd (nu %(oud)s).") % {
                    "s": label, "oud": _d(oud) if isinstance(oud, datetime.date) else (oud or "—")})
        if status == huidig:
            return []
        pad = statuspad(huidig, status)
        if pad is None:
            with translation.override("nl"):
                self.fout(STATUS, _("Van '%(van)s' naar '%(naar)s' kan niet volgens de statusdefinities.") % {"van": Status(huidig).label, "naar": label})
            return []
        stappen = []
        for stap in pad:
            kwargs = {"status": stap}
            if stap == Status.IN_UITVOERING and not (_ok(startdatum) and startdatum):
                self.fout(STARTDATUM, _("Een activiteit in uitvoering heeft een startdatum."))
            if stap == Status.AFGEROND:
                if not decharge:
                    self.fout(DECHARGEDATUM, _("'Afgerond' betekent dat decharge is verleend: vul de dechargedatum in.")
                              if self.heeft(DECHARGEDATUM) else _("'Afgerond' betekent dat decharge is verleend: neem de kolom Dechargedatum op en vul hem in."))
                elif _ok(startdatum) and startdatum and decharge < startdatum:
                    self.fout(DECHARGEDATUM, _("De dechargedatum ligt vóór de startdatum."))
                kwargs["dechargedatum"] = decharge
            if stap == Status.GEANNULEERD:
                if not annulering:
                    self.fout(ANNULERINGSDATUM, _("Vul de datum in waarop de activiteit is gestopt."))
                if not (reden or "").strip():
                    self.fout(REDEN_ANNULERING, _("Geef de reden van de annulering."))
                kwargs["annuleringsdatum"] = annulering
                kwargs["reden"] = reden or ""
            stappen.append(Stap("status", kwargs, STATUS_KOLOMMEN, standaardkolom=STATUS))
        # The start gate (art 5.3, from the oordelen app) for an existing activity; for a new one it runs in the service.
        if bestaand is not None and huidig == Status.NOG_NIET_GESTART and Status.IN_UITVOERING in pad:
            for voorwaarde in services.STARTVOORWAARDEN:
                try:
                    voorwaarde(bestaand)
                except ValidationError as exc:
                    for reden_ in exc.messages:
                        self.fout(STATUS, reden_)
        return stappen

    # -- lists ---------------------------------------------------------------
    def _partijen(self, bestaand) -> tuple[list, list]:
        if not self.heeft(ONTWIKKELPARTIJEN):
            return [], []
        gelezen = lees_partijen(self.w.get(ONTWIKKELPARTIJEN))
        fout = False
        for partij, rol in gelezen:
            p = Ontwikkelpartij(partij=partij, rol=rol)
            try:
                p.clean_fields(exclude=["activiteit"])
            except ValidationError as exc:
                fout = True
                for veld, berichten in exc.message_dict.items():
                    self.fout(ONTWIKKELPARTIJEN, f"{partij_tekst(partij, rol)}: {' '.join(berichten)}")
        if fout:
            return [], []
        oud = list(bestaand.ontwikkelpartijen.all()) if bestaand else []
        gelijk = 0
        while gelijk < min(len(oud), len(gelezen)) and (oud[gelijk].partij, oud[gelijk].rol) == gelezen[gelijk]:
            gelijk += 1
        return [Ontwikkelpartij(partij=p, rol=r) for p, r in gelezen[gelijk:]], oud[gelijk:]

    def _lijsten(self, bestaand) -> list:
        """The list items of the JSON columns for a new activity (model instances, validated)."""
        onderdelen = []
        for kolom, (model, related, velden) in LIJSTEN.items():
            if not self.heeft(kolom):
                continue
            waarde = tekst(self.w.get(kolom))
            if bestaand is not None:
                if waarde and _normaliseer_json(waarde) != _normaliseer_json(lijst_json(self.ctx.lijsten.get(kolom, {}).get(bestaand.pk, []), velden)):
                    self.waarschuwing(kolom, _("Wijkt af van het register; deze kolom wordt alleen bij een nieuwe ICT-activiteit ingelezen. Wijzig de lijst op de pagina van de activiteit."))
                continue
            if not waarde:
                continue
            try:
                items = json.loads(waarde)
                if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                    raise ValueError
            except ValueError:
                self.fout(kolom, _("Geen geldige JSON-lijst (zoals in de export)."))
                continue
            for nr, item in enumerate(items, start=1):
                onbekend = set(item) - set(velden)
                if onbekend:
                    self.fout(kolom, _("Onderdeel %(nr)s: onbekende velden %(v)s.") % {"nr": nr, "v": ", ".join(sorted(onbekend))})
                    continue
                obj = model(**{v: item[v] for v in velden if v in item and item[v] is not None})
                try:
                    obj.full_clean(exclude=["activiteit"], validate_unique=False, validate_constraints=False)
                except ValidationError as exc:
                    for veld, berichten in exc.message_dict.items():
                        self.fout(kolom, _("Onderdeel %(nr)s, %(veld)s: %(reden)s") % {"nr": nr, "veld": veld, "reden": " ".join(berichten)})
                    continue
                onderdelen.append(obj)
        if bestaand is None:
            for kolom, aantal_kolom in ((BATEN, AANTAL_BATEN), (MIJLPALEN, AANTAL_MIJLPALEN), (KWALITEITSTOETSEN, AANTAL_ACICT)):
                try:
                    aantal = geheel_getal(self.w.get(aantal_kolom))
                except _Ongeldig:
                    aantal = None
                if aantal and (not self.heeft(kolom) or not tekst(self.w.get(kolom))):
                    self.waarschuwing(aantal_kolom, _("Het bestand noemt %(n)s, maar bevat de lijst zelf niet (kolom %(k)s): die wordt niet aangemaakt.") % {"n": aantal, "k": kolom})
        return onderdelen


def _normaliseer_json(waarde: str) -> Any:
    try:
        return json.loads(waarde) if waarde else []
    except ValueError:
        return waarde


def _kolommen_van(rijen) -> list[str]:
    kolommen = getattr(rijen, "kolommen", None)
    if kolommen:
        return list(kolommen)
    gezien = {}
    for rij in rijen:
        for k in rij:
            gezien.setdefault(kolomnaam(k), None)
    return list(gezien)


def controleren(rijen, actor, *, peildatum: datetime.date | None = None, _vergrendelen: bool = False) -> Controle:
    """The dry run: check every row against the database and the actor's rights, collect ALL errors. Never writes.

    ``peildatum``: the date of new rapportages for rows whose Peildatum actueel is absent or empty.
    """
    controle = Controle()
    controle.fouten.extend(getattr(rijen, "fouten", []))
    controle.waarschuwingen.extend(getattr(rijen, "waarschuwingen", []))
    kolommen = _kolommen_van(rijen)
    for k in kolommen:
        if k not in KOLOM:
            controle.waarschuwingen.append(Fout(1, k, _("Onbekende kolom; wordt genegeerd.")))
    for k in VERPLICHT:
        if k not in kolommen:
            controle.fouten.append(Fout(1, k, _("Deze verplichte kolom ontbreekt in de kopregel.")))
    if controle.fouten:
        return controle
    if not any(any(not _leeg(w) for w in rij.values()) for rij in rijen):
        controle.fouten.append(Fout(None, "", _("Het bestand bevat geen ICT-activiteiten, alleen een kopregel.")))
        return controle
    rijnummers = list(getattr(rijen, "rijnummers", None) or range(2, len(rijen) + 2))
    if isinstance(rijen, Rijen):  # inlezen already used the canonical column names
        genormaliseerd = rijen
    else:
        genormaliseerd = [{kolomnaam(k): v for k, v in rij.items()} for rij in rijen]

    nummers: dict[int, int] = {}
    gelezen_nummers = []
    for rijnummer, rij in zip(rijnummers, genormaliseerd):
        try:
            nummer = geheel_getal(rij.get(NUMMER))
            if nummer is not None and nummer <= 0:
                raise _Ongeldig(_("Het nummer is een positief geheel getal."))
        except _Ongeldig as exc:
            controle.fouten.append(Fout(rijnummer, NUMMER, exc.reden))
            nummer = _FOUT
        gelezen_nummers.append(nummer)
        if _ok(nummer) and nummer is not None:
            if nummer in nummers:
                controle.fouten.append(Fout(rijnummer, NUMMER, _("Nummer %(nr)s komt ook voor in rij %(rij)s.") % {"nr": nummer, "rij": nummers[nummer]}))
            else:
                nummers[nummer] = rijnummer

    # The lists of existing activities are only compared (for a warning) when the file fills such a column.
    lijstkolommen = [k for k in LIJSTEN if any(not _leeg(rij.get(k)) for rij in genormaliseerd)]
    ctx = _Context(actor, set(nummers), _vergrendelen, lijstkolommen)
    if ctx.scope.leeg:
        controle.fouten.append(Fout(None, "", _("U heeft geen recht om ICT-activiteiten in te voeren of te wijzigen.")))
    kolomset = set(kolommen)
    for rijnummer, rij, nummer in zip(rijnummers, genormaliseerd, gelezen_nummers):
        rc = _Rijcontrole(ctx, rijnummer, rij, kolomset, peildatum)
        plan = rc.controleren(nummer)
        if nummer is _FOUT or (nummer is not None and nummers.get(nummer) != rijnummer):
            plan.fout = True
        controle.fouten.extend(rc.fouten)
        controle.waarschuwingen.extend(rc.waarschuwingen)
        controle.rijen.append(plan)
    return controle


# -----------------------------------------------------------------------------
# Import


@dataclass
class Resultaat:
    uitgevoerd: bool
    controle: Controle
    fouten: list[Fout] = field(default_factory=list)
    nieuw: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0


def _fouten_uit(exc: Exception, rij: int, stap: Stap) -> list[Fout]:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        uit = []
        for veld, fouten in exc.message_dict.items():
            kolom = stap.kolommen.get(veld, stap.standaardkolom)
            uit.extend(Fout(rij, kolom, bericht) for bericht in fouten)
        return uit
    if isinstance(exc, ValidationError):
        return [Fout(rij, stap.standaardkolom, bericht) for bericht in exc.messages]
    if isinstance(exc, PermissionDenied):
        return [Fout(rij, MINISTERIE, str(exc) or _("Geen recht."))]
    return [Fout(rij, stap.standaardkolom, _("De database weigerde de wijziging: %(fout)s") % {"fout": exc})]


def _voer_uit(plan: Rijplan, actor, nummer: int | None) -> None:
    obj = plan.activiteit
    versie = obj.versie if obj is not None else None
    for stap in plan.stappen:
        plan.huidige_stap = stap
        kw = stap.kwargs
        if stap.soort == "aanmaken":
            obj = services.activiteit_aanmaken(actor=actor, gegevens=kw["gegevens"], initieel=kw["initieel"], nummer=nummer)
            versie = obj.versie
        elif stap.soort == "wijzigen":
            obj = services.activiteit_wijzigen(actor=actor, activiteit=obj, versie=versie, **kw)
            versie = obj.versie
        elif stap.soort == "baseline":
            services.initiele_baseline_wijzigen(actor=actor, activiteit=obj, versie=versie, gegevens=kw["gegevens"])
            versie += 1
        elif stap.soort == "gebeurtenis":
            services.gebeurtenis_toevoegen(actor=actor, activiteit=obj, versie=versie, **kw)
            versie += 1
        elif stap.soort == "status":
            obj = services.status_wijzigen(actor=actor, activiteit=obj, versie=versie, **kw)
            versie = obj.versie
        else:  # pragma: no cover
            raise AssertionError(stap.soort)


def importeren(rijen, actor, *, bestandsnaam: str = "", peildatum: datetime.date | None = None, proef: bool = False) -> Resultaat:
    """Import a file: re-validate, then apply every row through the services in ONE transaction (all or nothing).

    New activities without a Nummer get the next free numbers. If any row fails
    in a service, the whole import is rolled back and every failing row is
    reported. On success one extra audit record ``import.uitgevoerd``.

    ``proef=True``: a trial run that does everything and then always rolls
    back, so the dry run also shows what only the services find (the start
    gate of art 5.3 for a new activity, for instance).
    """
    naam = bestandsnaam or getattr(rijen, "naam", "")
    with transaction.atomic():
        controle = controleren(rijen, actor, peildatum=peildatum, _vergrendelen=True)
        resultaat = Resultaat(uitgevoerd=False, controle=controle)
        if not controle.geldig:
            resultaat.fouten = list(controle.fouten)
            return resultaat
        te_doen = [p for p in controle.rijen if p.stappen]
        volgend = (IctActiviteit.objects.aggregate(m=Max("nummer"))["m"] or 0) + 1
        volgend = max([volgend] + [p.nummer + 1 for p in controle.rijen if p.nummer])
        for plan in te_doen:
            nummer = plan.nummer
            if plan.activiteit is None and not nummer:
                nummer, volgend = volgend, volgend + 1
                plan.nummer = nummer
            # No savepoint of our own: every service is atomic (a savepoint of its own), so a failing
            # call leaves the transaction usable and the remaining rows are still tried (to report
            # all failing rows); whatever succeeded is rolled back with the whole import below.
            try:
                _voer_uit(plan, actor, nummer)
            except (ValidationError, PermissionDenied, DatabaseError) as exc:
                resultaat.fouten.extend(_fouten_uit(exc, plan.rij, plan.huidige_stap))
        if resultaat.fouten:
            transaction.set_rollback(True)
            return resultaat
        resultaat.nieuw = controle.aantal_nieuw
        resultaat.bijgewerkt = controle.aantal_bijgewerkt
        resultaat.ongewijzigd = controle.aantal_ongewijzigd
        if te_doen:
            ministeries = {p.ministerie.pk: p.ministerie for p in te_doen if p.ministerie is not None}
            eerste = sorted(ministeries.values(), key=lambda m: m.naam)[0]
            audit.vastleggen(
                actor=actor,
                actie="import.uitgevoerd",
                obj=eerste,
                ministerie=eerste if len(ministeries) == 1 else None,
                na={
                    "bestand": naam,
                    "rijen": len(controle.rijen),
                    "nieuw": resultaat.nieuw,
                    "bijgewerkt": resultaat.bijgewerkt,
                    "ongewijzigd": resultaat.ongewijzigd,
                    "ministeries": sorted(m.code for m in ministeries.values()),
                    "nieuwe_nummers": [p.nummer for p in te_doen if p.actie == NIEUW],
                    "bijgewerkte_nummers": [p.nummer for p in te_doen if p.actie == BIJGEWERKT],
                },
                reden=_("Import uit bestand %(naam)s") % {"naam": naam} if naam else "",
            )
        if proef:
            transaction.set_rollback(True)
            return resultaat
        resultaat.uitgevoerd = True
    return resultaat
