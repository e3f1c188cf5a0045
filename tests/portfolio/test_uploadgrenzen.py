"""Issue 17: uploads that cannot take the server down.

Each attack file from the issue, built here as real bytes (a minimal XLSX
written with zipfile, deflate-compressed like the originals):

- 1,000,000 rows in about a megabyte: refused at row 20,001, without reading
  the rest (the rest of the sheet here is broken XML, which reading it would
  report instead);
- one cell in column XFD on 2,000 rows (a 22 KB file): refused at the first
  such row with the column limit, not padded to 16,384 columns;
- a 200 MB inline string in a file of about 200 KB: refused by what the file
  unpacks to, before it is parsed.
"""

import io
import zipfile

import pytest

from portfolio import uitwisseling as u

TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="ICT-activiteiten" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
KOP = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nummer</t></is></c><c r="B1" t="inlineStr"><is><t>Naam</t></is></c></row>'


def xlsx(rijen_xml, *, dimensie='<dimension ref="A1:B2"/>') -> bytes:
    """A minimal workbook whose sheet is KOP followed by the chunks of ``rijen_xml`` (streamed into the zip).

    With a (deliberately wrong) <dimension>, as Excel writes one: without it
    openpyxl scans the whole sheet once when it opens the workbook.
    """
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as blad:
            blad.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            blad.write(dimensie.encode() + b"<sheetData>")
            blad.write(KOP.encode())
            for stuk in rijen_xml:
                blad.write(stuk.encode() if isinstance(stuk, str) else stuk)
            blad.write(b"</sheetData></worksheet>")
    return uit.getvalue()


def test_a_small_file_with_a_million_rows_stops_at_the_row_limit_without_reading_the_rest():
    def rijen():
        for r in range(2, 1_000_002):
            yield f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
            if r == u.MAX_RIJEN + 20_000:  # well past the parser's read-ahead
                yield "<row><c broken"  # never reached when the reading stops at the limit

    inhoud = xlsx(rijen())
    assert len(inhoud) < 12 * 2**20
    with pytest.raises(u.OngeldigBestand, match="meer dan 20.000 rijen"):
        u.inlezen(inhoud, "miljoen.xlsx")


def test_one_cell_in_column_xfd_is_refused_with_the_column_limit():
    inhoud = xlsx(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(2, 2_002))
    assert len(inhoud) < 40_000
    with pytest.raises(u.OngeldigBestand, match="voorbij kolom 200"):
        u.inlezen(inhoud, "xfd.xlsx")


def test_a_huge_inline_string_is_refused_by_its_unpacked_size_before_parsing():
    def rijen():
        yield '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>'
        blok = b"a" * 2**20
        for _ in range(200):
            yield blok
        yield "</t></is></c></row>"

    inhoud = xlsx(rijen())
    assert len(inhoud) < 400_000
    with pytest.raises(u.OngeldigBestand, match="uitgepakt 200 MB, meer dan de grens van 150 MB"):
        u.inlezen(inhoud, "string.xlsx")


def test_a_cell_longer_than_excels_limit_is_refused_naming_row_and_column():
    tekst = "b" * (u.EXCEL_MAX_CEL + 1)
    inhoud = xlsx([f'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>{tekst}</t></is></c></row>'])
    with pytest.raises(u.OngeldigBestand, match="rij 2, kolom 2 is langer dan 32.767 tekens"):
        u.inlezen(inhoud, "lang.xlsx")
    csv = ("Nummer;Naam\n1;" + tekst + "\n").encode()
    with pytest.raises(u.OngeldigBestand):
        u.inlezen(csv, "lang.csv")


def test_a_csv_with_too_many_rows_stops_at_the_limit():
    inhoud = ("Nummer;Naam\n" + "".join(f"{i};x\n" for i in range(1, u.MAX_RIJEN + 2))).encode()
    with pytest.raises(u.OngeldigBestand, match="meer dan 20.000 rijen"):
        u.inlezen(inhoud, "veel.csv")


def test_a_normal_minimal_workbook_still_reads():
    rijen = u.inlezen(xlsx(['<row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><t>Project</t></is></c></row>']), "ok.xlsx")
    assert rijen.kolommen == ["Nummer", "Naam"] and rijen[0]["Naam"] == "Project"


@pytest.mark.parametrize("dimensie", ['<dimension ref="A1:B2"/>', ""])
def test_broken_sheet_xml_is_a_clear_error_not_a_crash(dimensie):
    with pytest.raises(u.OngeldigBestand, match="geen geldig .xlsx-bestand"):
        u.inlezen(xlsx(['<row r="2"><c r="A2"><v>1</v></c></row><row><c broken'], dimensie=dimensie), "kapot.xlsx")
