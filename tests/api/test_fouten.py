"""Errors are RFC 9457 application/problem+json in Dutch, with field errors in 'fouten'; bad input is never a 5xx."""

import pytest

from tests.api.conftest import api

pytestmark = pytest.mark.django_db

PROBLEEMVELDEN = {"type", "title", "status", "detail", "instance"}


def probleem(r, status):
    assert r.status_code == status, (r.status_code, r.content[:500])
    assert r["Content-Type"] == "application/problem+json"
    body = r.json()
    assert PROBLEEMVELDEN <= set(body) and body["status"] == status
    return body


def test_field_errors_in_dutch(office):
    r = api(office).post(
        "/api/v1/activiteiten/",
        {"naam": "", "ministerie": "bestaat-niet", "soort": "onzin", "initieel": {"einddatum": "31-12-2025"}},
        format="json",
    )
    body = probleem(r, 400)
    assert body["title"] == "Ongeldige invoer"
    assert body["fouten"]["naam"] == ["Dit veld mag niet leeg zijn."]
    assert "ministerie" in body["fouten"] and "soort" in body["fouten"]
    assert "initieel.einddatum" in body["fouten"]
    assert "verkeerde formaat" in body["fouten"]["initieel.einddatum"][0]


def test_service_validation_errors_keep_their_field(office, eigen_activiteit):
    r = api(office).post(
        f"/api/v1/activiteiten/{eigen_activiteit.nummer}/gebeurtenissen/",
        {"versie": 1, "soort": "herijking", "datum": "2024-06-30", "einddatum": "2026-12-31"},
        format="json",
    )
    body = probleem(r, 400)
    assert "redenen" in body["fouten"] and "herijking" in body["fouten"]["redenen"][0]


def test_stale_version_is_a_409(office, eigen_activiteit):
    c = api(office)
    assert c.patch(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/", {"naam": "Eerste", "versie": 1}, format="json").status_code == 200
    body = probleem(c.patch(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/", {"naam": "Tweede", "versie": 1}, format="json"), 409)
    assert "versie 2" in body["detail"]
    probleem(c.patch(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/", {"naam": "Zonder versie"}, format="json"), 400)


def test_parse_error_and_wrong_media_type(office):
    c = api(office)
    probleem(c.generic("POST", "/api/v1/activiteiten/", "{kapot", content_type="application/json"), 400)
    probleem(c.generic("POST", "/api/v1/activiteiten/", "naam=x", content_type="application/x-www-form-urlencoded"), 415)
    probleem(c.put("/api/v1/activiteiten/1/", {}, format="json"), 405)


def test_unknown_address_under_the_api_is_a_problem_404(office):
    probleem(api(office).get("/api/v1/bestaat-niet/"), 404)
    probleem(api().get("/api/v1/activiteiten/99999999999999999999/"), 404)


SLECHTE_QUERIES = [
    "?page=abc",
    "?page=0",
    "?page=-1",
    "?page=99999999999999999999",
    "?page=5",
    "?page_size=abc",
    "?page_size=100000",
    "?peildatum=x",
    "?peildatum=2025-02-30",
    "?peildatum=99999-01-01",
    "?ordering=drop",
    "?ordering=-naam,;drop",
    "?status=onzin",
    "?soort=%00",
    "?q=%00",
    "?ministerie=" + "x" * 500,
    "?acict=misschien",
    "?activiteit=1e999",
    "?activiteit=-5",
    "?activiteit=99999999999999999999",
    "?onderwerp=%00",
]


@pytest.mark.parametrize("query", SLECHTE_QUERIES)
@pytest.mark.parametrize(
    "pad",
    [
        "publiek/activiteiten/",
        "publiek/kerncijfers/",
        "publiek/ministeries/",
        "publiek/activiteiten/1/",
        "activiteiten/",
        "versies/",
        "oordelen/",
        "aanmeldingen/",
    ],
)
def test_nonsense_query_parameters_never_give_a_5xx(pad, query, office, eigen_activiteit):
    r = api(office).get(f"/api/v1/{pad}{query}")
    assert r.status_code < 500, (r.status_code, r.content[:300])
    if r.status_code >= 400:
        probleem(r, r.status_code)


SLECHTE_LICHAMEN = [
    {"naam": "x" * 10_000, "ministerie": "bzk", "initieel": {"einddatum": "2026-01-01"}},
    {"naam": "a\x00b", "ministerie": "bzk", "initieel": {"einddatum": "2026-01-01"}},
    {"naam": "a", "ministerie": "bzk", "initieel": {"einddatum": "2026-01-01", "geschat_intern_personeel": "1e400"}},
    {"naam": "a", "ministerie": "bzk", "initieel": {"einddatum": "2026-01-01", "geschat_intern_personeel": 10**30}},
    {"naam": "a", "ministerie": "bzk", "initieel": {"einddatum": "2026-01-01", "geschat_intern_personeel": "-5"}},
    {"naam": "a", "ministerie": "bzk", "initieel": {"einddatum": "9999-12-31"}, "startdatum": "0001-01-01"},
    {"naam": "a", "ministerie": "bzk", "initieel": {"einddatum": "2020-01-01"}, "startdatum": "2021-01-01"},
    {"naam": "a", "ministerie": "bzk", "dienstonderdeel": 10**20, "initieel": {"einddatum": "2026-01-01"}},
    {"naam": "a", "ministerie": "bzk", "zbo": "abc", "initieel": {"einddatum": "2026-01-01"}},
    {"naam": "a", "ministerie": ["bzk"], "initieel": "nee"},
    [1, 2, 3],
    "tekst",
    None,
]


@pytest.mark.parametrize("lichaam", SLECHTE_LICHAMEN)
def test_bad_bodies_never_give_a_5xx(lichaam, office, eigen_activiteit):
    c = api(office)
    for methode, pad in [
        ("post", "/api/v1/activiteiten/"),
        ("patch", f"/api/v1/activiteiten/{eigen_activiteit.nummer}/"),
        ("post", f"/api/v1/activiteiten/{eigen_activiteit.nummer}/gebeurtenissen/"),
        ("post", f"/api/v1/activiteiten/{eigen_activiteit.nummer}/status/"),
        ("post", f"/api/v1/activiteiten/{eigen_activiteit.nummer}/mijlpalen/"),
        ("post", "/api/v1/versies/voorbereiden/"),
        ("post", "/api/v1/versies/aftekenen/"),
        ("post", "/api/v1/oordelen/"),
        ("post", "/api/v1/aanmeldingen/"),
    ]:
        r = getattr(c, methode)(pad, lichaam, format="json")
        assert r.status_code < 500, (pad, r.status_code, r.content[:300])


def test_date_out_of_range_and_huge_version_are_400(office, eigen_activiteit):
    c = api(office)
    body = probleem(c.patch(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/", {"versie": 10**20}, format="json"), 400)
    assert "versie" in body["fouten"]
    body = probleem(
        c.post("/api/v1/versies/voorbereiden/", {"activiteit": eigen_activiteit.nummer, "peildatum": "2999-12-31"}, format="json"), 400
    )
    assert "peildatum" in body["fouten"]
