"""The public API: the published dashboard data with the same figures as dashboard.selectors, cacheable and throttled."""

import datetime
from decimal import Decimal

import pytest

from dashboard import selectors
from portfolio import services
from portfolio.models import Gebeurtenis, Kwaliteitstoets, RedenHerijking
from tests.api.conftest import PEILDATUM, api, publiceer
from tests.factories import activiteit, bedragen

pytestmark = pytest.mark.django_db
VORIGE = datetime.date(2023, 12, 31)


@pytest.fixture
def gepubliceerd(office, cio, cio_rijk, collega_ander_ministerie, cio_ander_ministerie, ministerie, ander_ministerie):
    """Two ministries, three activities, two peildata; one herijking and one AcICT advice; one below the threshold."""
    a = activiteit(office, ministerie, naam="Vernieuwing basisregistratie", geschat=12_000_000, onderwerp="Burgerzaken")
    b = activiteit(office, ministerie, naam="Klein project", geschat=1_000_000)
    c = activiteit(
        collega_ander_ministerie,
        ander_ministerie,
        naam="Belastingdienst modernisering",
        geschat=40_000_000,
        soort="beheer_en_onderhoud",
        onderwerp="Belastingen",
    )
    for x in (a, b):
        publiceer(office, cio, cio_rijk, x, VORIGE)
    publiceer(collega_ander_ministerie, cio_ander_ministerie, cio_rijk, c, VORIGE)
    a.refresh_from_db()
    services.gebeurtenis_toevoegen(
        actor=office,
        activiteit=a,
        versie=a.versie,
        soort=Gebeurtenis.Soort.HERIJKING,
        datum=datetime.date(2024, 6, 30),
        einddatum=datetime.date(2027, 6, 30),
        bedragen=bedragen(18_000_000, 4_000_000),
        toelichting_kosten="Scope uitgebreid.",
        redenen=list(RedenHerijking.objects.filter(code="wetswijziging")),
    )
    Kwaliteitstoets.objects.create(
        activiteit=a, toetsdatum=datetime.date(2024, 3, 1), uitvoerende_partij="AcICT", soort=Kwaliteitstoets.Soort.ACICT_ADVIES
    )
    publiceer(office, cio, cio_rijk, a, PEILDATUM)
    return a, b, c


def test_list_is_the_stand_of_the_selectors_for_each_peildatum(gepubliceerd):
    a, b, c = gepubliceerd
    for op in (None, VORIGE, PEILDATUM):
        params = {"peildatum": op.isoformat()} if op else {}
        r = api().get("/api/v1/publiek/activiteiten/", params)
        assert r.status_code == 200
        rijen = selectors.zoeken(selectors.rijen(op)).rijen
        assert [x["nummer"] for x in r.json()["results"]] == [x["activiteit__nummer"] for x in rijen]
        assert b.nummer not in [x["nummer"] for x in r.json()["results"]]  # below the threshold (B15)
    nieuw = {x["nummer"]: x for x in api().get("/api/v1/publiek/activiteiten/").json()["results"]}
    oud = {x["nummer"]: x for x in api().get("/api/v1/publiek/activiteiten/", {"peildatum": VORIGE.isoformat()}).json()["results"]}
    assert (oud[a.nummer]["actueel_totaal"], nieuw[a.nummer]["actueel_totaal"]) == ("12000000.00", "18000000.00")
    assert nieuw[a.nummer]["initieel_totaal"] == "12000000.00"
    assert nieuw[a.nummer]["herijkingen_per_reden"] == {"Wetswijziging": 1}
    assert nieuw[a.nummer]["acict_advies"] is True and oud[a.nummer]["acict_advies"] is False
    assert nieuw[c.nummer]["peildatum"] == VORIGE.isoformat()  # its latest published version on or before the date


def test_kerncijfers_and_ministeries_equal_the_selectors(gepubliceerd):
    for op in (VORIGE, PEILDATUM):
        rijen = selectors.rijen(op)
        k = selectors.kerncijfers(rijen)
        data = api().get("/api/v1/publiek/kerncijfers/", {"peildatum": op.isoformat()}).json()
        for veld, waarde in k.__dict__.items():
            assert (Decimal(data[veld]) if isinstance(waarde, Decimal) else data[veld]) == waarde, veld
        assert data["kostenklassen"] == selectors.kostenklassen(rijen)
        assert data["einddatum_verandering"] == selectors.einddatum_verandering(rijen)
        assert data["herijkingen_per_reden"] == selectors.herijkingen_per_reden(rijen)
        per_ministerie = api().get("/api/v1/publiek/ministeries/", {"peildatum": op.isoformat()}).json()["ministeries"]
        verwacht = selectors.per_ministerie(rijen)
        assert [(m["afkorting"], m["naam"]) for m in per_ministerie] == list(verwacht)
        for m in per_ministerie:
            assert m["aantal"] == verwacht[(m["afkorting"], m["naam"])].aantal
            assert Decimal(m["som_actueel"]) == verwacht[(m["afkorting"], m["naam"])].som_actueel


def test_filtered_figures_use_the_same_search_as_the_list(gepubliceerd):
    a, b, c = gepubliceerd
    data = api().get("/api/v1/publiek/kerncijfers/", {"ministerie": "fin"}).json()
    assert data["aantal"] == 1 and Decimal(data["som_actueel"]) == Decimal("40000000")
    lijst = api().get("/api/v1/publiek/activiteiten/", {"soort": "beheer_en_onderhoud"}).json()
    assert [x["nummer"] for x in lijst["results"]] == [c.nummer]
    assert [x["nummer"] for x in api().get("/api/v1/publiek/activiteiten/", {"q": "basisregistratie"}).json()["results"]] == [a.nummer]
    assert [x["nummer"] for x in api().get("/api/v1/publiek/activiteiten/", {"acict": "ja"}).json()["results"]] == [a.nummer]
    namen = [x["naam"] for x in api().get("/api/v1/publiek/activiteiten/", {"ordering": "-actueel"}).json()["results"]]
    assert namen == ["Belastingdienst modernisering", "Vernieuwing basisregistratie"]


def test_detail_is_the_published_record_without_internal_fields(gepubliceerd, office):
    a, b, c = gepubliceerd
    services.activiteit_wijzigen(actor=office, activiteit=a, gegevens={"naam": "Concept-naam na publicatie"}, versie=a.versie + 1)
    r = api().get(f"/api/v1/publiek/activiteiten/{a.nummer}/")
    assert r.status_code == 200
    d = r.json()
    assert d["naam"] == "Vernieuwing basisregistratie"  # what was published, not the later draft
    assert [g["soort"] for g in d["gebeurtenissen"]] == ["initieel", "herijking"]
    assert d["gebeurtenissen"][1]["redenen"] == ["Wetswijziging"]
    assert [t["soort"] for t in d["kwaliteitstoetsen"]] == ["acict_advies"]
    assert "versie" not in d and "id" not in d["gebeurtenissen"][0]
    assert api().get(f"/api/v1/publiek/activiteiten/{b.nummer}/").status_code == 404  # below the threshold
    assert api().get("/api/v1/publiek/activiteiten/999999/").status_code == 404


def test_peildata(gepubliceerd):
    assert api().get("/api/v1/publiek/peildata/").json() == {"standaard": "2024-12-31", "peildata": ["2024-12-31", "2023-12-31"]}


def test_nothing_published_gives_empty_answers(db):
    assert api().get("/api/v1/publiek/activiteiten/").json()["count"] == 0
    assert api().get("/api/v1/publiek/kerncijfers/").json()["aantal"] == 0
    assert api().get("/api/v1/publiek/ministeries/").json() == {"peildatum": None, "ministeries": []}
    assert api().get("/api/v1/publiek/peildata/").json() == {"standaard": None, "peildata": []}


@pytest.mark.parametrize("pad", ["activiteiten/", "kerncijfers/", "ministeries/", "peildata/"])
def test_etag_and_last_modified_give_304_until_something_is_published(pad, gepubliceerd, office, cio, cio_rijk):
    c = api()
    eerste = c.get(f"/api/v1/publiek/{pad}")
    etag, gewijzigd = eerste["ETag"], eerste["Last-Modified"]
    assert "public" in eerste["Cache-Control"]
    r = c.get(f"/api/v1/publiek/{pad}", HTTP_IF_NONE_MATCH=etag)
    assert r.status_code == 304 and r["ETag"] == etag and not r.content
    assert c.get(f"/api/v1/publiek/{pad}", HTTP_IF_MODIFIED_SINCE=gewijzigd).status_code == 304
    assert c.get(f"/api/v1/publiek/{pad}?peildatum=2023-12-31", HTTP_IF_NONE_MATCH=etag).status_code == 200  # another query
    a, b, _c = gepubliceerd
    publiceer(office, cio, cio_rijk, b, PEILDATUM)
    r = c.get(f"/api/v1/publiek/{pad}", HTTP_IF_NONE_MATCH=etag)
    assert r.status_code == 200 and r["ETag"] != etag


def test_public_endpoints_are_throttled_with_problem_json(settings, db):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "3/minute", "publiek": "100/minute"},
    }
    c = api()
    codes = [c.get("/api/v1/publiek/peildata/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = c.get("/api/v1/publiek/peildata/")
    assert r["Content-Type"] == "application/problem+json" and int(r["Retry-After"]) > 0
    assert r.json()["title"] == "Te veel verzoeken"


def test_public_endpoints_ignore_credentials(office, gepubliceerd):
    from rest_framework.test import APIClient

    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION="Token onzin")
    assert c.get("/api/v1/publiek/activiteiten/").status_code == 200
    assert c.post("/api/v1/publiek/activiteiten/", {}, format="json").status_code == 405
