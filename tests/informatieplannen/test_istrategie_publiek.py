"""The public I-strategie and toezeggingen pages, their open data and the public API: what the public sees, and what not.

Section 4 of besluit.md: the I-strategie is public; progress notes (and who wrote them), the reference of the
CIO-beraad's minutes, who recorded an update and the links to (possibly unpublished) ICT-activiteiten are not.
"""

import datetime
import io
import json

import pytest
from django.urls import reverse

from informatieplannen import istrategie
from informatieplannen.models import StrategieActualisatie
from tests.factories import activiteit

from .istrategie_fixtures import GEHEIM

pytestmark = pytest.mark.django_db
D = datetime.timedelta
VERSLAG = "Intern verslag CIO-beraad kenmerk 2026-0042"
FORMATEN = ("json", "csv", "xlsx", "ods")


@pytest.fixture
def gevuld(strategie, actie_bzk, actie_beraad, office, cio_rijk, toezegging_bzk, motie_fin, ministerie, vandaag):
    """A progress note, an update and a commitment linked to an action and to an unpublished activity."""
    istrategie.voortgang_melden(actor=office, actie=actie_bzk, tekst=GEHEIM, status="vertraagd")
    StrategieActualisatie.objects.create(
        strategie=strategie,
        jaar=vandaag.year,
        besproken_in_cio_beraad_op=vandaag - D(days=30),
        cio_beraad_verslag=VERSLAG,
        kamerstuk="26 643, nr. 1300",
        verzonden_op=vandaag - D(days=20),
        vastgelegd_door=cio_rijk,
    )
    geheim_project = activiteit(office, ministerie, naam="Ongepubliceerd geheim project")
    istrategie.toezegging_koppelen(actor=cio_rijk, toezegging=toezegging_bzk, acties=[actie_bzk], activiteiten=[geheim_project])
    return {"office": office, "cio_rijk": cio_rijk}


def _bestanden(client, naam, formaat, **params):
    r = client.get(reverse(f"istrategie_publiek:{naam}", args=[formaat]), params)
    assert r.status_code == 200, (naam, formaat, r.status_code)
    inhoud = r.content
    if formaat == "xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(inhoud))
        return "\n".join(str(c.value) for ws in wb for rij in ws.iter_rows() for c in rij if c.value is not None)
    if formaat == "ods":
        import zipfile

        return zipfile.ZipFile(io.BytesIO(inhoud)).read("content.xml").decode()
    return inhoud.decode("utf-8-sig")


def test_public_istrategie_page_shows_every_action_with_its_status_and_the_chart_with_a_table(client, gevuld, actie_bzk, actie_beraad):
    r = client.get(reverse("istrategie_publiek:istrategie"))
    body = r.content.decode()
    assert r.status_code == 200
    assert actie_bzk.omschrijving in body and actie_beraad.omschrijving in body
    assert "Vertraagd" in body and "Niet gestart" in body
    assert "<svg" in body and "Tabel bij de grafiek: Voortgang per thema" in body
    # Overdue stands out in words, not only by colour.
    assert "Termijn verstreken" in body
    assert "26 643, nr. 1300" in body


def test_nothing_internal_reaches_the_public_pages_the_open_data_or_the_public_api(client, login, gevuld, office, actie_bzk):
    verboden = [GEHEIM, VERSLAG, "Ongepubliceerd geheim project", office.username, office.email]
    teksten = [
        client.get(reverse("istrategie_publiek:istrategie")).content.decode(),
        client.get(reverse("istrategie_publiek:toezeggingen")).content.decode(),
        client.get(reverse("api:publiek-istrategie")).content.decode(),
        client.get(reverse("api:publiek-toezeggingen")).content.decode(),
    ]
    for formaat in FORMATEN:
        teksten.append(_bestanden(client, "istrategie_export", formaat))
        teksten.append(_bestanden(client, "toezeggingen_export", formaat))
    for tekst in teksten:
        for woord in verboden:
            assert woord and woord not in tekst
    # The internal fields do exist, on the staff pages (so the test above can fail).
    assert GEHEIM in login(office).get(reverse("istrategie:actie", args=[actie_bzk.pk])).content.decode()
    assert VERSLAG in login(office).get(reverse("istrategie:overzicht")).content.decode()


def test_open_data_of_the_istrategie_in_four_formats_with_the_same_rows(client, gevuld, actie_bzk):
    data = json.loads(client.get(reverse("istrategie_publiek:istrategie_export", args=["json"])).content)
    assert data["metadata"]["aantal"] == 2 and data["metadata"]["licentie"] == "CC0 1.0"
    rij = next(a for a in data["acties"] if a["Actie"] == actie_bzk.omschrijving)
    assert rij["Status"] == "Vertraagd" and rij["Houder"] == actie_bzk.houder_ministerie.naam and rij["Te laat"] == "ja"
    assert rij["Termijn"] == actie_bzk.termijn.isoformat()
    for formaat in ("csv", "xlsx", "ods"):
        tekst = _bestanden(client, "istrategie_export", formaat)
        assert actie_bzk.omschrijving in tekst and "I-speerpunt" in tekst
    r = client.get(reverse("istrategie_publiek:istrategie_export", args=["csv"]))
    assert r["Access-Control-Allow-Origin"] == "*" and "attachment" in r["Content-Disposition"]


def test_public_toezeggingen_are_filterable_and_overdue_ones_stand_out_in_words(client, gevuld):
    url = reverse("istrategie_publiek:toezeggingen")
    body = client.get(url).content.decode()
    assert "TZ202501-151" in body and "26 643, nr. 1200" in body and "Te laat" in body and "rij--te-laat" in body
    body = client.get(url, {"ministerie": "fin"}).content.decode()
    assert "26 643, nr. 1200" in body and "TZ202501-151" not in body
    body = client.get(url, {"te_laat": "1"}).content.decode()
    assert "TZ202501-151" in body and "26 643, nr. 1200" not in body
    body = client.get(url, {"status": "afgedaan"}).content.decode()
    assert "TZ202501-151" not in body
    # The linked action shows; the open data follows the filters.
    assert "Pentesten" in client.get(url).content.decode()
    data = json.loads(client.get(reverse("istrategie_publiek:toezeggingen_export", args=["json"]), {"ministerie": "bzk"}).content)
    assert [t["Nummer"] for t in data["toezeggingen"]] == ["TZ202501-151"] and data["toezeggingen"][0]["Te laat"] == "ja"


@pytest.mark.parametrize("params, woord", [({"ministerie": "xyz"}, "ministerie"), ({"status": "kwijt"}, "status")])
def test_an_unknown_filter_is_a_400_that_names_the_parameter(client, gevuld, params, woord):
    for naam in ("istrategie_publiek:toezeggingen",):
        r = client.get(reverse(naam), params)
        assert r.status_code == 400 and f"parameter {woord}" in r.content.decode()
    r = client.get(reverse("istrategie_publiek:toezeggingen_export", args=["csv"]), params)
    assert r.status_code == 400
    assert client.get(reverse("api:publiek-toezeggingen"), params).status_code == 400


def test_public_pages_work_without_any_data(client, db):
    assert "nog geen I-strategie" in client.get(reverse("istrategie_publiek:istrategie")).content.decode()
    assert client.get(reverse("istrategie_publiek:toezeggingen")).status_code == 200
    assert client.get(reverse("istrategie_publiek:istrategie_export", args=["csv"])).status_code == 404
    assert client.get(reverse("istrategie_publiek:toezeggingen_export", args=["xlsx"])).status_code == 200
    assert client.get(reverse("api:publiek-istrategie")).status_code == 404
    assert client.get(reverse("api:publiek-toezeggingen")).json()["results"] == []


def test_public_pages_are_in_the_public_navigation(client, db):
    body = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("istrategie_publiek:istrategie") in body and reverse("istrategie_publiek:toezeggingen") in body


def test_public_pages_before_the_second_factor(client, office, strategie):
    """A session that gave the password but not yet the code reaches the public pages, as the dashboard."""
    client.force_login(office)
    from django_otp import DEVICE_ID_SESSION_KEY

    s = client.session
    s.pop(DEVICE_ID_SESSION_KEY, None)
    s.save()
    assert client.get(reverse("istrategie_publiek:istrategie")).status_code == 200
    assert client.get(reverse("istrategie:overzicht")).status_code == 302


def test_the_public_istrategie_page_does_not_grow_in_queries_with_the_actions(
    client, strategie, maatregel, ministerie, vandaag, django_assert_max_num_queries
):
    from informatieplannen.models import Actie

    for i in range(30):
        Actie.objects.create(maatregel=maatregel, omschrijving=f"Actie {i}", houder_ministerie=ministerie, termijn=vandaag)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("istrategie_publiek:istrategie")).status_code == 200
