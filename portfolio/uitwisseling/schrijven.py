"""Writing export rows as CSV (Dutch Excel), XLSX and ODS, header first (the columns of ``kolommen.KOLOMMEN``).

Another subject's open data (the I-strategie Rijk, the toezeggingen) passes its own ``kolommen`` (names),
``soorten`` (per column: tekst, getal, bedrag, datum) and sheet name ``blad``.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal

from .kolommen import KOLOM, KOLOMMEN

# A text cell a spreadsheet would run as a formula gets a leading ' in CSV (lezen._ONTSNAPT removes it).
_FORMULE = re.compile(r"^'*[=+\-@\t\r]")


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


def naar_csv(rijen: list[list], kolommen: list[str] | None = None) -> bytes:
    """CSV as Dutch Excel reads it: UTF-8 with BOM, ';' separator, decimal comma, ISO dates, header first."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(kolommen or KOLOMMEN)
    for rij in rijen:
        schrijver.writerow([_csv_waarde(w) for w in rij])
    return uit.getvalue().encode("utf-8-sig")


def naar_xlsx(
    rijen: list[list], kolommen: list[str] | None = None, soorten: list[str] | None = None, blad: str = "ICT-activiteiten"
) -> bytes:
    """An XLSX workbook: sheet "ICT-activiteiten", bold frozen header, real dates and numbers, text as text cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    kolommen = kolommen or KOLOMMEN
    soorten = soorten or [KOLOM[n].soort for n in kolommen]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(blad)
    ws.freeze_panes = "A2"
    for i, soort in enumerate(soorten, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 14 if soort in ("bedrag", "datum", "getal") else 24
    vet = Font(bold=True)
    kop = []
    for naam in kolommen:
        cel = WriteOnlyCell(ws, value=naam)
        cel.font = vet
        kop.append(cel)
    ws.append(kop)
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


def naar_ods(
    rijen: list[list], kolommen: list[str] | None = None, soorten: list[str] | None = None, blad: str = "ICT-activiteiten"
) -> bytes:
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

    kolommen = kolommen or KOLOMMEN
    soorten = soorten or [KOLOM[n].soort for n in kolommen]
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
        f'<office:body><office:spreadsheet><table:table table:name="{escape(blad)}">'
        f'<table:table-column table:number-columns-repeated="{len(kolommen)}"/>'
        "<table:table-header-rows><table:table-row>",
        "".join(tekstcel(n, ' table:style-name="kop"') for n in kolommen),
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
        f"<dc:title>{escape(blad)}</dc:title><dc:language>nl</dc:language>"
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
