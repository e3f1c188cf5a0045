"""The permission matrix of the earlier issues, repeated through the API (B1, B5, B7, B9, B14, B15, B28).

From every side: the own office (alice), another ministry's office (charlie),
the CIO Rijk (reads all that is reportable, changes nothing, L1068) and
anonymous. The API has no rules of its own: reads are ``zichtbaar_voor`` (a
404 for another organisation's objects) and writes are the services'
PermissionDenied (403).
"""

import datetime

import pytest

from oordelen import services as oordeel_services
from oordelen.models import Aanmelding, CioOordeel
from portfolio.models import ActiviteitVersie, IctActiviteit
from tests.api.conftest import PEILDATUM, api

pytestmark = pytest.mark.django_db

ASPECTEN = {
    "aanleiding": "Voor de start",
    "kwaliteitskader_versie": "Kwaliteitskader CIO-oordelen Rijksoverheid 2.1",
    "beheersing": "voldoende",
    "beheersing_toelichting": "Op orde.",
    "haalbaarheid": "voldoende",
    "haalbaarheid_toelichting": "Haalbaar.",
    "risicos": "voldoende",
    "risicos_toelichting": "In beeld.",
    "implicaties": "voldoende",
    "implicaties_toelichting": "Geen.",
}


def nieuw(ministerie_code="bzk", **extra):
    return {
        "naam": "Digitaal loket",
        "ministerie": ministerie_code,
        "startdatum": "2023-01-01",
        "onderwerp": "Dienstverlening",
        "initieel": {"einddatum": "2026-12-31", "geschat_uitbesteed_werk": "9000000.00"},
        **extra,
    }


def url(a, deel=""):
    return f"/api/v1/activiteiten/{a.nummer}/{deel}"


# --------------------------------------------------------------------------
# Anonymous: 401 on every authenticated endpoint, the public ones are open


@pytest.mark.parametrize(
    "methode,pad",
    [
        ("get", "/api/v1/activiteiten/"),
        ("get", "/api/v1/activiteiten/1/"),
        ("post", "/api/v1/activiteiten/"),
        ("patch", "/api/v1/activiteiten/1/"),
        ("get", "/api/v1/activiteiten/1/gebeurtenissen/"),
        ("get", "/api/v1/activiteiten/1/mijlpalen/"),
        ("get", "/api/v1/versies/"),
        ("post", "/api/v1/versies/publiceren/"),
        ("get", "/api/v1/oordelen/"),
        ("post", "/api/v1/oordelen/"),
        ("get", "/api/v1/aanmeldingen/"),
    ],
)
def test_anonymous_gets_401_with_problem_json_on_authenticated_endpoints(methode, pad, eigen_activiteit):
    r = getattr(api(), methode)(pad, {}, format="json") if methode != "get" else api().get(pad)
    assert r.status_code == 401
    assert r["Content-Type"] == "application/problem+json"
    assert r["WWW-Authenticate"].startswith("Token")
    assert r.json()["status"] == 401


@pytest.mark.parametrize("pad", ["activiteiten/", "kerncijfers/", "ministeries/", "peildata/"])
def test_anonymous_reads_the_public_endpoints(pad, eigen_activiteit):
    assert api().get(f"/api/v1/publiek/{pad}").status_code == 200


def test_b15_public_api_shows_only_published_versions(office, cio, eigen_activiteit):
    from portfolio import services

    services.versie_voorbereiden(actor=office, activiteit=eigen_activiteit, peildatum=PEILDATUM)  # concept
    assert api().get("/api/v1/publiek/activiteiten/").json()["count"] == 0
    assert api().get(f"/api/v1/publiek/activiteiten/{eigen_activiteit.nummer}/").status_code == 404


# --------------------------------------------------------------------------
# Activities (B14: own organisation only; the CIO Rijk reads all, changes none)


def test_b14_office_lists_and_reads_only_its_own_activities(office, eigen_activiteit, andere_activiteit):
    c = api(office)
    assert [r["nummer"] for r in c.get("/api/v1/activiteiten/").json()["results"]] == [eigen_activiteit.nummer]
    assert c.get(url(eigen_activiteit)).status_code == 200
    assert c.get(url(andere_activiteit)).status_code == 404
    assert c.get(url(andere_activiteit, "gebeurtenissen/")).status_code == 404
    assert c.get(url(andere_activiteit, "kamerstukken/")).status_code == 404


def test_b14_other_ministrys_office_does_not_see_ours(collega_ander_ministerie, eigen_activiteit, andere_activiteit):
    c = api(collega_ander_ministerie)
    assert [r["nummer"] for r in c.get("/api/v1/activiteiten/").json()["results"]] == [andere_activiteit.nummer]
    assert c.get(url(eigen_activiteit)).status_code == 404


def test_b14_office_creates_in_its_own_ministry_only(office, ministerie, ander_ministerie):
    c = api(office)
    r = c.post("/api/v1/activiteiten/", nieuw(), format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["kerncijfers"]["initieel_totaal"] == "9000000.00"
    assert IctActiviteit.objects.filter(nummer=r.json()["nummer"], ministerie=ministerie).exists()
    r = c.post("/api/v1/activiteiten/", nieuw("fin"), format="json")
    assert r.status_code == 403
    assert "B14" in r.json()["detail"]


def test_b14_office_changes_its_own_activity_and_not_anothers(office, eigen_activiteit, andere_activiteit):
    c = api(office)
    r = c.patch(url(eigen_activiteit), {"naam": "Nieuwe naam", "versie": eigen_activiteit.versie}, format="json")
    assert r.status_code == 200 and r.json()["naam"] == "Nieuwe naam" and r.json()["versie"] == eigen_activiteit.versie + 1
    assert c.patch(url(andere_activiteit), {"naam": "Overgenomen", "versie": 1}, format="json").status_code == 404
    assert c.post(url(andere_activiteit, "status/"), {"versie": 1, "status": "geannuleerd"}, format="json").status_code == 404
    andere_activiteit.refresh_from_db()
    assert andere_activiteit.naam == "Belastingdienst modernisering"


def test_b14_office_cannot_move_an_activity_to_another_ministry(office, eigen_activiteit):
    r = api(office).patch(url(eigen_activiteit), {"ministerie": "fin", "versie": eigen_activiteit.versie}, format="json")
    assert r.status_code in (400, 403)
    eigen_activiteit.refresh_from_db()
    assert eigen_activiteit.ministerie.code == "bzk"


def test_cio_rijk_reads_all_activities_and_changes_none(cio_rijk, ministerie, eigen_activiteit, andere_activiteit):
    c = api(cio_rijk)
    assert {r["nummer"] for r in c.get("/api/v1/activiteiten/").json()["results"]} == {eigen_activiteit.nummer, andere_activiteit.nummer}
    assert c.get(url(andere_activiteit)).status_code == 200
    pogingen = [
        c.patch(url(eigen_activiteit), {"naam": "Door CIO Rijk", "versie": eigen_activiteit.versie}, format="json"),
        c.post("/api/v1/activiteiten/", nieuw(), format="json"),
        c.post(
            url(eigen_activiteit, "gebeurtenissen/"),
            {
                "versie": eigen_activiteit.versie,
                "soort": "rapportage",
                "datum": "2024-12-31",
                "einddatum": "2026-06-30",
                "geschat_uitbesteed_werk": "13000000.00",
            },
            format="json",
        ),
        c.post(
            url(eigen_activiteit, "status/"),
            {"versie": eigen_activiteit.versie, "status": "geannuleerd", "annuleringsdatum": "2024-01-01", "reden": "Stop"},
            format="json",
        ),
        c.post(url(eigen_activiteit, "mijlpalen/"), {"versie": eigen_activiteit.versie, "omschrijving": "Go-live"}, format="json"),
        c.post("/api/v1/versies/voorbereiden/", {"activiteit": eigen_activiteit.nummer, "peildatum": "2024-12-31"}, format="json"),
    ]
    assert [p.status_code for p in pogingen] == [403] * len(pogingen)
    assert all(p["Content-Type"] == "application/problem+json" for p in pogingen)
    eigen_activiteit.refresh_from_db()
    assert eigen_activiteit.naam == "Vernieuwing basisregistratie" and eigen_activiteit.versie == 1


def test_b14_office_records_an_event_and_edits_the_lists_of_its_own_activity(office, eigen_activiteit):
    c = api(office)
    r = c.post(
        url(eigen_activiteit, "gebeurtenissen/"),
        {
            "versie": 1,
            "soort": "herijking",
            "datum": "2024-06-30",
            "einddatum": "2026-12-31",
            "geschat_uitbesteed_werk": "15000000.00",
            "toelichting_kosten": "Scope uitgebreid.",
            "redenen": ["wetswijziging"],
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    assert r.json()["redenen"] == ["wetswijziging"] and r.json()["totaal_geschat"] == "15000000.00"
    detail = c.get(url(eigen_activiteit)).json()
    assert detail["kerncijfers"]["initieel_totaal"] == "12000000.00"  # the baseline stays next to the new estimate
    assert detail["kerncijfers"]["actueel_totaal"] == "15000000.00"
    r = c.post(
        url(eigen_activiteit, "mijlpalen/"),
        {"versie": detail["versie"], "omschrijving": "Go-live", "verwachte_datum": "2025-06-01"},
        format="json",
    )
    assert r.status_code == 201, r.json()
    mijlpaal = r.json()["id"]
    versie = c.get(url(eigen_activiteit)).json()["versie"]
    r = c.patch(url(eigen_activiteit, f"mijlpalen/{mijlpaal}/"), {"versie": versie, "behaald": True}, format="json")
    assert r.status_code == 200 and r.json()["behaald"] is True
    assert c.delete(url(eigen_activiteit, f"mijlpalen/{mijlpaal}/") + f"?versie={versie}").status_code == 409  # stale version
    versie = c.get(url(eigen_activiteit)).json()["versie"]
    assert c.delete(url(eigen_activiteit, f"mijlpalen/{mijlpaal}/") + f"?versie={versie}").status_code == 204
    assert c.get(url(eigen_activiteit, "mijlpalen/")).json() == []


def test_b14_list_rows_of_another_activity_are_not_reachable_through_ours(
    office, collega_ander_ministerie, eigen_activiteit, andere_activiteit
):
    c = api(collega_ander_ministerie)
    r = c.post(url(andere_activiteit, "kamerstukken/"), {"versie": 1, "nummer": "26 643, nr. 1", "titel": "Brief"}, format="json")
    assert r.status_code == 201
    stuk = r.json()["id"]
    # Alice addresses charlie's Kamerstuk under her own activity: it is not there.
    assert api(office).patch(url(eigen_activiteit, f"kamerstukken/{stuk}/"), {"versie": 1, "titel": "X"}, format="json").status_code == 404


# --------------------------------------------------------------------------
# Publication (B14 sign-off by the departmental CIO, B15 publication by the CIO Rijk)


def test_b14_b15_publication_steps_through_the_api(office, cio, cio_rijk, cio_ander_ministerie, eigen_activiteit):
    r = api(office).post("/api/v1/versies/voorbereiden/", {"activiteit": eigen_activiteit.nummer, "peildatum": "2024-12-31"}, format="json")
    assert r.status_code == 201, r.json()
    versie = r.json()["id"]
    stap = {"ministerie": "bzk", "peildatum": "2024-12-31", "versies": [versie]}
    assert api(office).post("/api/v1/versies/aftekenen/", stap, format="json").status_code == 403
    assert api(cio_ander_ministerie).post("/api/v1/versies/aftekenen/", stap, format="json").status_code in (400, 403)
    # B28 (issue 14): the CIO Rijk does not even see the concept version, so it is not one of "this ministry's versions" to it.
    assert api(cio_rijk).post("/api/v1/versies/aftekenen/", stap, format="json").status_code in (400, 403)
    r = api(cio).post("/api/v1/versies/aftekenen/", stap, format="json")
    assert r.status_code == 200 and [v["status"] for v in r.json()] == ["gecontroleerd"]
    assert api(cio).post("/api/v1/versies/publiceren/", stap, format="json").status_code == 403
    r = api(cio_rijk).post("/api/v1/versies/publiceren/", stap, format="json")
    assert r.status_code == 200 and [v["status"] for v in r.json()] == ["gepubliceerd"]
    assert ActiviteitVersie.objects.get(pk=versie).status == "gepubliceerd"
    assert api().get("/api/v1/publiek/activiteiten/").json()["count"] == 1


def test_b14_versions_are_visible_to_the_own_organisation_and_the_cio_rijk(
    office, cio, collega_ander_ministerie, cio_rijk, eigen_activiteit
):
    r = api(office).post("/api/v1/versies/voorbereiden/", {"activiteit": eigen_activiteit.nummer, "peildatum": "2024-12-31"}, format="json")
    versie = r.json()["id"]
    assert api(collega_ander_ministerie).get("/api/v1/versies/").json()["count"] == 0
    assert api(collega_ander_ministerie).get(f"/api/v1/versies/{versie}/").status_code == 404
    # B28 (issue 14): the CIO Rijk reads the version once the CIO signed it off, not the concept.
    assert api(cio_rijk).get(f"/api/v1/versies/{versie}/").status_code == 404
    stap = {"ministerie": "bzk", "peildatum": "2024-12-31", "versies": [versie]}
    assert api(cio).post("/api/v1/versies/aftekenen/", stap, format="json").status_code == 200
    assert api(cio_rijk).get(f"/api/v1/versies/{versie}/").status_code == 200
    r = api(collega_ander_ministerie).post(
        "/api/v1/versies/voorbereiden/", {"activiteit": eigen_activiteit.nummer, "peildatum": "2024-12-31"}, format="json"
    )
    assert r.status_code == 404


# --------------------------------------------------------------------------
# Oordelen (B5, B7, B1) and aanmeldingen (B8, B9, B28)


def test_oordeel_workflow_through_the_api_with_the_rights_of_each_role(
    office, ciso, cio, sg, cio_rijk, collega_ander_ministerie, eigen_activiteit
):
    r = api(office).post("/api/v1/oordelen/", {"activiteit": eigen_activiteit.nummer, **ASPECTEN}, format="json")
    assert r.status_code == 201, r.json()
    oordeel = r.json()["id"]
    pad = f"/api/v1/oordelen/{oordeel}/"
    # Charlie (another ministry) does not see it; the CIO Rijk does not see drafts (B7, B28).
    assert api(collega_ander_ministerie).get(pad).status_code == 404
    assert api(cio_rijk).get(pad).status_code == 404
    assert (
        api(collega_ander_ministerie)
        .post("/api/v1/oordelen/", {"activiteit": eigen_activiteit.nummer, **ASPECTEN}, format="json")
        .status_code
        == 404
    )
    assert api(cio_rijk).post("/api/v1/oordelen/", {"activiteit": eigen_activiteit.nummer, **ASPECTEN}, format="json").status_code == 403
    # B5: only the CISO contributes, and the CIO cannot decide without it.
    besluit = {"uitkomst": "negatief", "motivering": "Onvoldoende beheersing."}
    r = api(cio).post(pad + "vaststellen/", besluit, format="json")
    assert r.status_code == 400 and "ciso_bijdrage" in r.json()["fouten"]
    assert api(office).post(pad + "ciso-bijdrage/", {"ciso_bijdrage": "BIO getoetst."}, format="json").status_code == 403
    assert api(ciso).post(pad + "ciso-bijdrage/", {"ciso_bijdrage": "BIO getoetst."}, format="json").status_code == 200
    assert api(office).post(pad + "vaststellen/", besluit, format="json").status_code == 403
    r = api(cio).post(pad + "vaststellen/", besluit, format="json")
    assert r.status_code == 200 and r.json()["status"] == "vastgesteld"
    # B7: a decided oordeel is visible to the CIO Rijk.
    assert api(cio_rijk).get(pad).status_code == 200
    # B1 / art 5.3: only the SG (or minister) records the afwijking.
    afwijking = {
        "door_rol": "secretaris_generaal",
        "motivering": "Maatschappelijke noodzaak weegt zwaarder.",
        "datum": datetime.date.today().isoformat(),
    }
    assert api(cio).post(pad + "afwijking/", afwijking, format="json").status_code == 403
    r = api(sg).post(pad + "afwijking/", afwijking, format="json")
    assert r.status_code == 201 and r.json()["afwijking"]["door_rol"] == "secretaris_generaal"
    assert CioOordeel.objects.get(pk=oordeel).afwijking.vastgelegd_door == sg


def test_b8_b9_aanmelding_through_the_api(office, ciso, cio, cio_rijk, eigen_activiteit):
    o = oordeel_services.oordeel_opstellen(actor=office, activiteit=eigen_activiteit, gegevens=ASPECTEN)
    r = api(office).post("/api/v1/aanmeldingen/", {"activiteit": eigen_activiteit.nummer}, format="json")
    assert r.status_code == 400 and "B8" in r.json()["detail"]  # no decided oordeel yet
    oordeel_services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    oordeel_services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="positief", motivering="Goed.")
    r = api(office).post("/api/v1/aanmeldingen/", {"activiteit": eigen_activiteit.nummer, "toelichting": "Graag toetsen."}, format="json")
    assert r.status_code == 201, r.json()
    pad = f"/api/v1/aanmeldingen/{r.json()['id']}/"
    assert api(cio_rijk).get(pad).status_code == 404  # a draft is internal (B28)
    assert api(office).post(pad + "indienen/", {}, format="json").status_code == 403  # B9
    r = api(cio).post(pad + "indienen/", {}, format="json")
    assert r.status_code == 200 and r.json()["status"] == Aanmelding.Status.AANGEMELD
    assert api(cio_rijk).get(pad).status_code == 200
    assert api(cio_rijk).post(pad + "collegebesluit/", {"toetsen": True, "datum": "2025-01-10"}, format="json").status_code == 403
    r = api(office).post(pad + "collegebesluit/", {"toetsen": True, "datum": "2025-01-10"}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "toetsing_besloten"
    r = api(office).post(
        pad + "advies/", {"datum": "2025-03-01", "samenvatting": "Advies.", "aanbevelingen": ["Beperk de scope."]}, format="json"
    )
    assert r.status_code == 200
    aanbeveling = r.json()["aanbevelingen"][0]["id"]
    reactie = {
        "datum": "2025-04-01",
        "toelichting": "Wij nemen het over.",
        "reacties": [{"aanbeveling": aanbeveling, "reactie": "overgenomen"}],
    }
    assert api(office).post(pad + "reactie/", reactie, format="json").status_code == 403
    r = api(cio).post(pad + "reactie/", reactie, format="json")
    assert r.status_code == 200 and r.json()["status"] == "reactie_vastgesteld"


def test_b1_start_gate_through_the_api(office, eigen_activiteit):
    r = api(office).post(url(eigen_activiteit, "status/"), {"versie": 1, "status": "in_uitvoering"}, format="json")
    assert r.status_code == 400
    assert "art 5.3" in r.json()["fouten"]["status"][0]
