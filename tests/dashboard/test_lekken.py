"""Nothing unpublished leaks: a draft, a checked version, a later change of the live activity and an oordeel,
each holding MARKER, never appear in any public page or file, whatever the URL and whoever asks."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from tests.conftest import ingelogd
from tests.dashboard.publiek import MARKER, P2024, P2025

pytestmark = pytest.mark.django_db


def publieke_urls(publiek) -> list[str]:
    nummers = [a.nummer for a in (*publiek.openbaar, publiek.klein, publiek.concept, publiek.gecontroleerd)]
    urls = ["/", "/activiteiten/", "/ministeries/", "/grafieken/", "/open-data/", "/toegankelijkheid/", "/bestaat-niet/"]
    for p in (P2024, P2025):
        q = f"?peildatum={p.isoformat()}"
        urls += [f"/{q}", f"/activiteiten/{q}", f"/grafieken/{q}", f"/ministeries/{q}"]
        urls += [f"/activiteiten/{q}&ministerie={m}&status=in_uitvoering&sort=-actueel" for m in ("bzk", "fin")]
        urls += [f"/ministeries/{m}/{q}" for m in ("bzk", "fin")]
        urls += [reverse("dashboard:export", args=[f]) + q for f in ("json", "csv", "xlsx", "ods")]
        for n in nummers:
            urls += [f"/activiteiten/{n}/{q}"] + [reverse("dashboard:export_activiteit", args=[n, f]) + q for f in ("csv", "xlsx")]
    urls += [f"/ministeries/{m}/?van=2024-12-31&tot=2025-12-31" for m in ("bzk", "fin")]
    urls += [f"/activiteiten/?organisatie={o}" for o in ("Logius", "Ministerie van Financiën (FIN)")]
    return urls


def inhoud(response) -> str:
    """The text of a response; spreadsheets are unzipped (XLSX and ODS are zip files of XML)."""
    data = response.content
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "".join(z.read(naam).decode("utf-8", "replace") for naam in z.namelist())
    return data.decode("utf-8", "replace")


@pytest.mark.parametrize("wie", ["anoniem", "office", "cio_rijk"])
def test_no_unpublished_data_in_any_public_response(publiek, wie, request):
    client = ingelogd(request.getfixturevalue(wie)) if wie != "anoniem" else request.getfixturevalue("client")
    gezien = 0
    for url in publieke_urls(publiek):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        assert MARKER not in inhoud(response), url
        gezien += response.status_code == 200
    assert gezien > 50


def test_unpublished_activities_are_404_everywhere(client, publiek):
    for a in (publiek.concept, publiek.gecontroleerd):
        assert client.get(f"/activiteiten/{a.nummer}/").status_code == 404
        assert client.get(reverse("dashboard:export_activiteit", args=[a.nummer, "csv"])).status_code == 404
    data = json.loads(client.get(reverse("dashboard:export", args=["json"])).content)
    assert publiek.concept.nummer not in {r["Nummer"] for r in data["activiteiten"]}


def test_searching_for_the_marker_finds_nothing(client, publiek):
    response = client.get("/activiteiten/", {"q": MARKER})
    assert response.context["totaal"] == 0 and response.context["rijen"] == []


def test_the_live_change_is_not_shown_but_the_published_version_is(client, publiek):
    response = client.get(f"/activiteiten/{publiek.basisregistratie.nummer}/")
    assert b"Vernieuwing Basisregistratie Personen" in response.content
    assert b"Vervanging van de centrale voorziening." in response.content
    # the rapportage of 30-06-2026 exists only in the live history
    assert [e.datum.isoformat() for e in response.context["gebeurtenissen"]][-1] == "2025-12-31"


def test_the_marker_is_there_to_be_found_internally(publiek, office):
    """Control: the unpublished change is in the live data (so the tests above would see a leak)."""
    response = ingelogd(office).get(reverse("portfolio:detail", args=[publiek.basisregistratie.nummer]))
    assert MARKER in inhoud(response)
