"""Performance of the public pages: the page cache, its renewal on publication, and query counts that do not grow
with the number of activities."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dashboard import selectors
from tests.conftest import ingelogd
from tests.dashboard.publiek import P2024, P2025, publiceren
from tests.factories import activiteit

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------
# The page cache


def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, publiek):
    eerste = client.get("/activiteiten/", {"ministerie": "bzk"})
    assert eerste["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        tweede = client.get("/activiteiten/", {"ministerie": "bzk"})
    assert tweede["X-Cache"] == "hit" and tweede.content == eerste.content
    assert len(queries) == 0
    # the same filters in another order are the same page
    assert client.get("/activiteiten/?status=in_uitvoering&ministerie=bzk")["X-Cache"] == "miss"
    assert client.get("/activiteiten/?ministerie=bzk&status=in_uitvoering")["X-Cache"] == "hit"


def test_cached_pages_may_be_kept_by_browsers_and_vary_by_cookie_and_language(client, publiek):
    for response in (client.get("/"), client.get("/")):
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
        assert {"Cookie", "Accept-Language"} <= {v.strip() for v in response["Vary"].split(",")}


def test_publishing_renews_the_cached_pages(client, publiek, ministerie, office, cio, cio_rijk, django_capture_on_commit_callbacks):
    assert client.get("/").context["k"].aantal == 5
    assert client.get("/")["X-Cache"] == "hit"
    nieuw = activiteit(office, ministerie, naam="Net gepubliceerd project", geschat=7_000_000)
    with django_capture_on_commit_callbacks(execute=True):
        publiceren(office, cio, cio_rijk, [nieuw], P2025)
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert response.context["k"].aantal == 6
    assert "Net gepubliceerd project" in response.content.decode()  # in "recent gepubliceerd"


def test_preparing_or_signing_off_does_not_renew_the_cache(client, publiek, ministerie, office, cio, django_capture_on_commit_callbacks):
    from portfolio import services

    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        v = services.versie_voorbereiden(actor=office, activiteit=activiteit(office, ministerie, geschat=7_000_000), peildatum=P2025)
        services.versies_aftekenen(actor=cio, ministerie=ministerie, peildatum=P2025, versies=[v])
    assert client.get("/")["X-Cache"] == "hit"


def test_logged_in_users_get_their_own_uncached_page_and_it_is_never_stored(publiek, office, client):
    ik = ingelogd(office)
    for _ in range(2):
        response = ik.get("/")
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "Ingelogd als" in response.content.decode()
        assert "csrfmiddlewaretoken" in response.content.decode()  # the logout form, only for them
    anoniem = client.get("/")
    assert "Ingelogd als" not in anoniem.content.decode() and "csrfmiddlewaretoken" not in anoniem.content.decode()


def test_the_language_is_part_of_the_cache_key(client, publiek):
    assert "Kerncijfers op peildatum" in client.get("/").content.decode()
    engels = client.get("/", headers={"Accept-Language": "en"})
    assert engels["X-Cache"] == "miss" and 'lang="en"' in engels.content.decode()
    assert 'lang="nl"' in client.get("/").content.decode()


def test_error_responses_are_not_cached(client, publiek):
    client.get("/activiteiten/", {"sort": "x"})
    assert client.get("/activiteiten/", {"sort": "x"}).status_code == 400
    assert "X-Cache" not in client.get("/activiteiten/999999/")


# --------------------------------------------------------------------------
# Queries per page do not grow with the number of activities


def _portefeuille(aantal, ministerie, ander_ministerie, office, cio, collega_ander_ministerie, cio_ander_ministerie, cio_rijk, monkeypatch):
    from portfolio import services

    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])
    bzk = [
        activiteit(office, ministerie, naam=f"Project {i}", geschat=6_000_000 + i * 1_000_000, onderwerp=f"Onderwerp {i % 4}")
        for i in range(aantal - aantal // 3)
    ]
    fin = [activiteit(collega_ander_ministerie, ander_ministerie, naam=f"Fin-project {i}", geschat=8_000_000) for i in range(aantal // 3)]
    for p in (P2024, P2025):
        publiceren(office, cio, cio_rijk, bzk, p)
        publiceren(collega_ander_ministerie, cio_ander_ministerie, cio_rijk, fin, p)
    return bzk[0].nummer


def _queries(client, urls) -> dict[str, int]:
    uit = {}
    for url in urls:
        cache.clear()
        selectors.geheugen.legen()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        uit[url] = len(queries)
    return uit


PAGINAS = [
    "/",
    "/?peildatum=2024-12-31",
    "/activiteiten/",
    "/activiteiten/?ministerie=bzk&status=in_uitvoering&q=project&sort=-actueel&page=1",
    "/activiteiten/{n}/",
    "/activiteiten/{n}/?peildatum=2024-12-31",
    "/ministeries/",
    "/ministeries/bzk/",
    "/ministeries/bzk/?van=2024-12-31&tot=2025-12-31",
    "/grafieken/",
    "/open-data/",
    "/toegankelijkheid/",
    "/open-data/activiteiten.json",
    "/open-data/activiteiten.csv",
    "/open-data/activiteiten.xlsx",
    "/open-data/activiteiten.ods",
    "/open-data/activiteiten/{n}.csv",
    "/open-data/activiteiten/{n}.xlsx",
]


# The most queries a page may do (cold: no cached page, nothing memoised). The ministerie page reads the stand
# of every peildatum for its trend (two queries each: the threshold in force and the rows), so it grows with
# the number of peildata, never with the number of activities.
MAXIMUM = {"/ministeries/bzk/": 9, "/ministeries/bzk/?van=2024-12-31&tot=2025-12-31": 9}


@pytest.mark.parametrize("aantal", [5, 40])
def test_queries_per_public_page_stay_below_a_small_maximum(
    aantal,
    client,
    ministerie,
    ander_ministerie,
    office,
    cio,
    collega_ander_ministerie,
    cio_ander_ministerie,
    cio_rijk,
    monkeypatch,
    django_assert_max_num_queries,
):
    n = _portefeuille(
        aantal, ministerie, ander_ministerie, office, cio, collega_ander_ministerie, cio_ander_ministerie, cio_rijk, monkeypatch
    )
    for pagina in PAGINAS:
        cache.clear()
        selectors.geheugen.legen()
        with django_assert_max_num_queries(MAXIMUM.get(pagina, 8), info=pagina):
            assert client.get(pagina.format(n=n)).status_code == 200


def test_queries_are_the_same_for_5_and_40_activities(
    client,
    ministerie,
    ander_ministerie,
    office,
    cio,
    collega_ander_ministerie,
    cio_ander_ministerie,
    cio_rijk,
    monkeypatch,
):
    """Both sizes in one test (independent of test order): the counts are equal page by page."""
    n = _portefeuille(5, ministerie, ander_ministerie, office, cio, collega_ander_ministerie, cio_ander_ministerie, cio_rijk, monkeypatch)
    klein = _queries(client, [u.format(n=n) for u in PAGINAS])
    extra_bzk = [activiteit(office, ministerie, naam=f"Extra {i}", geschat=9_000_000) for i in range(35)]
    for p in (P2024, P2025):
        publiceren(office, cio, cio_rijk, extra_bzk, p)
    groot = _queries(client, [u.format(n=n) for u in PAGINAS])
    assert list(klein.values()) == list(groot.values()), {u: (klein[u], groot[u]) for u in klein if klein[u] != groot[u]}
    assert datetime.date.today() > P2025
