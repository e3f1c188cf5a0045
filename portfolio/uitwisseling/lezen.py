"""Reading an uploaded .csv or .xlsx file into rows (``inlezen``), within the limits that keep a worker free.

The limits are checked while the file is streamed: more than MAX_RIJEN rows,
a value beyond MAX_KOLOMMEN columns, a workbook that unpacks to more than
MAX_UITGEPAKT bytes or a cell longer than EXCEL_MAX_CEL characters is refused
with an ``OngeldigBestand`` (a Dutch message for the user) before the rest is read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .kolommen import kolomnaam

MAX_RIJEN = 20_000
# Limits checked while a file is read, so that no file ties up a worker before
# it is refused: a spreadsheet wider than MAX_KOLOMMEN columns, a workbook that
# unpacks to more than MAX_UITGEPAKT bytes (checked before anything is parsed;
# our own export of 20,000 rows unpacks to about 37 MB) and a cell longer than
# Excel's own limit (EXCEL_MAX_CEL).
MAX_KOLOMMEN = 200
MAX_UITGEPAKT = 150 * 1024 * 1024
EXCEL_MAX_CEL = 32_767


# Errors in a file (also of the check and the import)


@dataclass(frozen=True)
class Fout:
    """An error (or warning) in the file: row number in the spreadsheet (header = 1; None: the whole file)."""

    rij: int | None
    kolom: str
    reden: str


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
            _("Bestanden van het type .%(ext)s worden niet ondersteund. Sla het bestand op als .xlsx (Excel-werkmap) of .csv.")
            % {"ext": ext}
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
    for _rijnummer, cellen in tabel:
        if any(not _leeg(c) for c in cellen):
            kop = cellen
            break
    if kop is None:
        raise OngeldigBestand(_("Het bestand heeft geen kopregel met kolomnamen."))
    namen = [kolomnaam(c) for c in kop]
    rijen = Rijen(kolommen=[n for n in namen if n])
    gezien = set()
    for n in namen:
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
            raise OngeldigBestand(
                _("Het bestand heeft meer dan %(n)s rijen; splits het in kleinere bestanden.") % {"n": _punten(MAX_RIJEN)}
            )
    return rijen


def _binnen_grenzen(rijnummer: int, cellen: list) -> tuple[int, list]:
    if len(cellen) > MAX_KOLOMMEN and any(not _leeg(c) for c in cellen[MAX_KOLOMMEN:]):
        raise OngeldigBestand(
            _("Rij %(rij)s heeft een waarde voorbij kolom %(n)s; een bestand heeft hoogstens %(n)s kolommen.")
            % {"rij": rijnummer, "n": MAX_KOLOMMEN}
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
