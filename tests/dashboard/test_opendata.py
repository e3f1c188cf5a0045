"""Open data: every format with the dashboard's columns, one activity, earlier peildata, HTTP validation."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dashboard import opendata
from portfolio import uitwisseling as u
from portfolio.models import IctActiviteit, RedenHerijking
from tests.dashboard.publiek import P2024, P2025

pytestmark = pytest.mark.django_db


def export(client, formaat, **params):
    return client.get(reverse("dashboard:export", args=[formaat]), params)


def lees(formaat: str, inhoud: bytes) -> list[list]:
    """The table of a file: the header, then the rows (cells as text, as a spreadsheet user sees them)."""
    if formaat == "csv":
        return list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))
    if formaat == "xlsx":
        ws = load_workbook(io.BytesIO(inhoud), read_only=True)["ICT-activiteiten"]
        return [["" if c is None else c for c in rij] for rij in ws.iter_rows(values_only=True)]
    if formaat == "ods":
        from odf.opendocument import load
        from odf.table import Table, TableCell, TableRow

        doc = load(io.BytesIO(inhoud))
        tabel = doc.spreadsheet.getElementsByType(Table)[0]
        assert tabel.getAttribute("name") == "ICT-activiteiten"
        rijen = []
        for rij in tabel.getElementsByType(TableRow):
            cellen = []
            for cel in rij.getElementsByType(TableCell):
                soort = cel.getAttribute("valuetype")
                if soort == "float":
                    cellen.append(Decimal(cel.getAttribute("value")))
                elif soort == "date":
                    cellen.append(cel.getAttribute("datevalue"))
                else:
                    cellen.append("\n".join(str(p) for p in cel.childNodes))
            rijen.append(cellen)
        return rijen
    raise AssertionError(formaat)


@pytest.mark.parametrize("formaat", ["csv", "xlsx", "ods"])
def test_all_activities_as_a_spreadsheet_with_the_dashboard_columns(client, publiek, formaat):
    response = export(client, formaat)
    assert response.status_code == 200
    assert response["Content-Type"] == opendata.FORMATEN[formaat]
    assert response["Content-Disposition"] == f'attachment; filename="ict-activiteiten-2025-12-31.{formaat}"'
    tabel = lees(formaat, response.content)
    assert tabel[0] == u.KOLOMMEN
    # the first columns are exactly those of the Rijks ICT-dashboard (rapportagemodel.md), in its order
    assert tabel[0][:8] == [
        "Nummer",
        "Ministerie",
        "Ministerie (naam)",
        "ICT-activiteit",
        "Status",
        "Soort ICT-activiteit",
        "Onderwerp",
        "Dienstverlening",
    ]
    rijen = {int(r[0]): dict(zip(tabel[0], r)) for r in tabel[1:]}
    assert set(rijen) == {a.nummer for a in publiek.openbaar}
    basis = rijen[publiek.basisregistratie.nummer]
    assert basis["ICT-activiteit"] == "Vernieuwing Basisregistratie Personen"
    assert basis["Status"] == "In uitvoering" and basis["Ministerie"] == "BZK"
    assert basis["AcICT-advies"] == "ja" and int(basis["Aantal AcICT-adviezen"]) == 1
    assert basis["Reden herijking"] == "Wetswijziging; Tegenvallers binnen project"
    verwacht = {"csv": "30000000,00", "xlsx": 30000000, "ods": Decimal("30000000.00")}[formaat]
    assert basis["Actuele schatting meerjarige kosten huidige jaar"] == verwacht
    assert basis["Aanpassing einddatum (relatief)"] == "Later (≤ 1 jaar)"
    assert rijen[publiek.beheer.nummer]["Dienstonderdeel"] == "Logius"


def test_all_activities_as_json_with_metadata(client, publiek):
    response = export(client, "json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    meta = data["metadata"]
    assert meta["peildatum"] == "2025-12-31" and meta["licentie"] == "CC0 1.0" and meta["aantal"] == 5
    assert meta["kolommen"] == u.KOLOMMEN and meta["gegenereerd_op"] and meta["laatst_gepubliceerd"]
    rij = next(r for r in data["activiteiten"] if r["Nummer"] == publiek.basisregistratie.nummer)
    assert list(rij) == u.KOLOMMEN
    assert rij["Actuele schatting meerjarige kosten huidige jaar"] == 30000000
    assert rij["Initiële schatting meerjarige kosten"] == 20000000
    assert rij["Startdatum"] == "2022-01-01"
    assert [g["soort"] for g in rij["Historie (JSON)"]] == ["initieel", "rapportage", "herijking", "rapportage"]
    redenen = dict(RedenHerijking.objects.values_list("naam", "code"))
    assert rij["Historie (JSON)"][2]["redenen"] == sorted([redenen["Tegenvallers binnen project"], redenen["Wetswijziging"]])
    assert rij["Tweede Kamerstukken (JSON)"][0]["nummer"] == "26 643, nr. 900"


def test_peildatum_parameter_gives_an_earlier_year(client, publiek):
    data = json.loads(export(client, "json", peildatum="2024-12-31").content)
    assert data["metadata"]["peildatum"] == "2024-12-31"
    nummers = {r["Nummer"] for r in data["activiteiten"]}
    assert publiek.belasting.nummer not in nummers  # new in 2025
    basis = next(r for r in data["activiteiten"] if r["Nummer"] == publiek.basisregistratie.nummer)
    assert basis["Actuele schatting meerjarige kosten huidige jaar"] == 20000000
    assert export(client, "csv", peildatum="2024-12-31")["Content-Disposition"].endswith('ict-activiteiten-2024-12-31.csv"')


@pytest.mark.parametrize("peildatum", ["2024-13-01", "morgen", "2023-12-31"])
def test_a_bad_or_unpublished_peildatum_is_400(client, publiek, peildatum):
    assert export(client, "csv", peildatum=peildatum).status_code == 400


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_one_activity(client, publiek, formaat):
    a = publiek.basisregistratie
    response = client.get(reverse("dashboard:export_activiteit", args=[a.nummer, formaat]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="ict-activiteit-{a.nummer}-2025-12-31.{formaat}"'
    tabel = lees(formaat, response.content)
    assert tabel[0] == u.KOLOMMEN and len(tabel) == 2
    assert int(tabel[1][0]) == a.nummer
    eerder = client.get(reverse("dashboard:export_activiteit", args=[a.nummer, formaat]), {"peildatum": "2024-12-31"})
    rij = dict(zip(u.KOLOMMEN, lees(formaat, eerder.content)[1]))
    assert rij["Reden herijking"] == ""


def test_one_activity_not_public_or_other_format_is_404(client, publiek):
    assert client.get(reverse("dashboard:export_activiteit", args=[publiek.concept.nummer, "csv"])).status_code == 404
    assert client.get(reverse("dashboard:export_activiteit", args=[publiek.klein.nummer, "xlsx"])).status_code == 404
    assert client.get(f"/open-data/activiteiten/{publiek.basisregistratie.nummer}.ods").status_code == 404
    assert client.get("/open-data/activiteiten.pdf").status_code == 404


def test_the_published_row_equals_the_live_export_of_the_same_data(client, publiek):
    """One row function (uitwisseling.exportrij) for both: an unchanged activity exports the same row from its version."""
    # (basisregistratie changed after its publication, so its live row differs: that is the point of versions)
    for a in (publiek.beheer, publiek.afgerond, publiek.geannuleerd, publiek.belasting):
        live = u.exporteren(IctActiviteit.objects.filter(pk=a.pk))[0]
        gepubliceerd = next(r for r in opendata.alle(P2025) if r[0] == a.nummer)
        # Except the open data's "Peildatum cijfers" (issue 12): the version's peildatum, empty in a live export.
        verschillen = {k: (x, y) for k, x, y in zip(u.KOLOMMEN, live, gepubliceerd) if x != y and k != u.CIJFERS_PEILDATUM}
        assert verschillen == {}, a.naam


def test_the_open_data_file_can_be_read_back_by_the_import(client, publiek, office):
    tabel = u.inlezen(export(client, "csv").content, "open-data.csv")
    assert tabel.kolommen == u.KOLOMMEN
    controle = u.controleren(tabel, office)
    eigen = {r.nummer for r in controle.rijen if not r.fout}
    assert {publiek.basisregistratie.nummer, publiek.beheer.nummer} <= {r.nummer for r in controle.rijen}
    assert eigen  # BZK's rows are checked against the office's rights, FIN's are refused


# --------------------------------------------------------------------------
# HTTP: validators, 304, caching headers


@pytest.mark.parametrize("formaat", ["json", "csv", "xlsx", "ods"])
def test_etag_last_modified_and_304(client, publiek, formaat):
    response = export(client, formaat)
    etag, gewijzigd = response["ETag"], response["Last-Modified"]
    assert etag.startswith('W/"') and gewijzigd.endswith("GMT")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    nogmaals = client.get(reverse("dashboard:export", args=[formaat]), headers={"If-None-Match": etag})
    assert nogmaals.status_code == 304 and nogmaals.content == b"" and nogmaals["ETag"] == etag
    assert client.get(reverse("dashboard:export", args=[formaat]), headers={"If-Modified-Since": gewijzigd}).status_code == 304
    assert client.get(reverse("dashboard:export", args=[formaat]), headers={"If-None-Match": 'W/"iets-anders"'}).status_code == 200


def test_a_publication_changes_the_etag_and_the_file(
    client, publiek, ministerie, office, cio, cio_rijk, django_capture_on_commit_callbacks
):
    from tests.dashboard.publiek import publiceren
    from tests.factories import activiteit

    voor = export(client, "csv")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):  # the publication renews the page cache on commit
        publiceren(office, cio, cio_rijk, [activiteit(office, ministerie, naam="Nieuw project", geschat=9_000_000)], P2025)
    response = client.get(reverse("dashboard:export", args=["csv"]), headers={"If-None-Match": voor})
    assert response.status_code == 200 and response["ETag"] != voor
    assert b"Nieuw project" in response.content


def test_etag_differs_per_peildatum_and_format(client, publiek):
    etags = {export(client, f, peildatum=p.isoformat())["ETag"] for f in ("csv", "json") for p in (P2024, P2025)}
    assert len(etags) == 4


def test_csv_protects_against_formula_injection(client, publiek, ministerie, office, cio, cio_rijk, django_capture_on_commit_callbacks):
    from tests.dashboard.publiek import publiceren
    from tests.factories import activiteit

    with django_capture_on_commit_callbacks(execute=True):
        publiceren(office, cio, cio_rijk, [activiteit(office, ministerie, naam='=HYPERLINK("http://x")', geschat=9_000_000)], P2025)
    assert b"'=HYPERLINK" in export(client, "csv").content
