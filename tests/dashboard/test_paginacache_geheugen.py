"""The page cache in each worker's memory (dashboard.cache.Geheugen), followed by a Redis subscription.

Against a real Redis server of the test's own: a page served from memory never
outlives a publication by the CIO Rijk (the public sees only what is published,
besluit.md "Publication"), nor a cache clear, nor a Redis restart that may have
lost an announcement; a logged-in user never gets the anonymous page; a page
from memory carries the same headers (security, language, caching) as the page
rendered.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from dashboard import cache as paginacache
from portfolio import publicatiecache
from tests.conftest import ingelogd
from tests.dashboard.publiek import P2025, publiceren
from tests.exploitatie.conftest import eigen_redis  # noqa: F401 - the fixture
from tests.factories import activiteit

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(eigen_redis, monkeypatch):  # noqa: F811
    """The project's Redis cache on the test's own Redis, with a fresh follower and memory (as a new worker process)."""
    caches = {
        "default": {
            "BACKEND": "cio_stelsel.cache.VeerkrachtigeRedisCache",
            "LOCATION": eigen_redis.url,
            "KEY_PREFIX": "geheugentest",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    volger = publicatiecache.Volger()
    monkeypatch.setattr(publicatiecache, "volger", volger)
    monkeypatch.setattr(paginacache, "geheugen", paginacache.Geheugen())
    with override_settings(CACHES=caches):
        yield eigen_redis
        volger._sluiten()


def _uit_geheugen(client, pad: str, **kwargs):
    """GET ``pad`` until it is served from this process's memory: no query and no page read from Redis."""
    client.get(pad, **kwargs)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad, **kwargs)
    assert response["X-Cache"] == "hit" and len(queries) == 0
    assert publicatiecache.volger.generatie() is not None, "the follower vouches for the generation"
    assert len(paginacache.geheugen._paginas) >= 1, "the page is in memory"
    cache.delete_many([k for k in _paginasleutels()])  # from here on only the memory holds it
    assert client.get(pad, **kwargs)["X-Cache"] == "hit"
    return response


def _paginasleutels():
    return list(paginacache.geheugen._paginas)


def test_publication_by_the_cio_rijk_renews_the_page_in_memory(
    redis_cache, client, publiek, ministerie, office, cio, cio_rijk, django_capture_on_commit_callbacks
):
    assert "Net gepubliceerd project" not in _uit_geheugen(client, "/").content.decode()
    voor = publicatiecache.volger.generatie()
    nieuw = activiteit(office, ministerie, naam="Net gepubliceerd project", geschat=7_000_000)
    with django_capture_on_commit_callbacks(execute=True):
        publiceren(office, cio, cio_rijk, [nieuw], P2025)
    # the follower learns of the new generation through the subscription alone
    assert publicatiecache.volger.generatie() == cache.get(publicatiecache.SLEUTEL) != voor
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert "Net gepubliceerd project" in response.content.decode()
    assert client.get("/")["X-Cache"] == "hit"


def test_a_generation_bumped_by_another_process_renews_the_page_in_memory(redis_cache, client, publiek):
    import redis

    _uit_geheugen(client, "/activiteiten/")
    # another worker's nieuwe_generatie: its own connection, nothing shared with this process
    ander = redis.Redis.from_url(redis_cache.url)
    sleutel = cache.make_key(publicatiecache.SLEUTEL)
    ander.incr(sleutel)
    ander.publish(cache.make_key(publicatiecache.KANAAL), "")
    assert client.get("/activiteiten/")["X-Cache"] == "miss"


def test_the_announcement_is_what_renews_the_page_in_memory(redis_cache, client, publiek):
    """The other side of the test above: a bump without its announcement (QuerySet.update, raw SQL) is not seen by memory."""
    import redis

    _uit_geheugen(client, "/activiteiten/")
    redis.Redis.from_url(redis_cache.url).incr(cache.make_key(publicatiecache.SLEUTEL))
    assert client.get("/activiteiten/")["X-Cache"] == "hit"


def test_clearing_the_cache_renews_the_page_in_memory(redis_cache, client, publiek):
    _uit_geheugen(client, "/")
    cache.clear()
    assert client.get("/")["X-Cache"] == "miss"


def test_a_redis_restart_renews_the_page_in_memory(redis_cache, client, publiek):
    """An announcement made while the subscription was down would be lost: after a reconnect memory is not trusted."""
    _uit_geheugen(client, "/")
    redis_cache.stoppen()
    assert client.get("/").status_code == 200  # rendered without Redis
    redis_cache.starten()  # the same port, empty
    response = client.get("/")
    assert response.status_code == 200 and response.get("X-Cache") != "hit"


def test_a_logged_in_user_never_gets_the_anonymous_page_from_memory(redis_cache, client, publiek, office):
    anoniem = _uit_geheugen(client, "/")
    assert "Ingelogd als" not in anoniem.content.decode()
    ik = ingelogd(office)
    for _ in range(2):
        response = ik.get("/")
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "Ingelogd als" in response.content.decode()


def test_the_language_selects_its_own_page_in_memory(redis_cache, client, publiek):
    assert 'lang="nl"' in _uit_geheugen(client, "/").content.decode()
    engels = client.get("/", headers={"Accept-Language": "en"})
    assert engels["X-Cache"] == "miss" and 'lang="en"' in engels.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/")
    assert response["X-Cache"] == "hit" and 'lang="en"' in response.content.decode()
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert 'lang="nl"' in client.get("/").content.decode()


def test_a_page_from_memory_has_the_headers_of_the_rendered_page(redis_cache, client, publiek):
    gerenderd = client.get("/ministeries/")
    assert gerenderd["X-Cache"] == "miss"
    uit_geheugen = _uit_geheugen(client, "/ministeries/")
    koppen = lambda r: {k: v for k, v in r.headers.items() if k != "X-Cache"}  # noqa: E731
    assert koppen(uit_geheugen) == koppen(gerenderd)
    for kop in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"):
        assert kop in uit_geheugen, kop
