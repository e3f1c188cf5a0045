"""Caching of the public pages and files: in the server (Django's cache) and in HTTP.

Server side, whole responses of the public views are kept in Django's cache
(Redis when ``REDIS_URL`` is set, else in-process memory), keyed by the path,
the sorted query string and the language, and stamped with the publication
generation (``portfolio.publicatiecache``): publishing by the CIO Rijk, and a
saved or deleted row of the data the pages read live (a ministerie's name, the
threshold: ``publicatiecache.PUBLIEKE_STAMDATA``), bump the generation after
the commit, so from then on every public page is rendered anew; entries of an
older generation are replaced when next asked for, or expire (``TIMEOUT``).

Two parts:

* ``publiek`` (a view decorator) marks a response as shareable and sets its
  HTTP caching headers;
* ``PubliekeCacheMiddleware`` (right after WhiteNoise in MIDDLEWARE) serves a
  stored page before sessions, CSRF, authentication and the URL resolver run,
  with one cache round trip (the generation and the page in one
  ``get_many``), and stores a marked response on its way out, with the headers
  the inner middleware added.

A stored page is shared by all anonymous visitors, so it must not contain
anything of one visitor: public pages render no CSRF token (the language
switch is a link, see ``views.taal``) and no user data. Requests that may
belong to someone (a session or a messages cookie: logged in, or a message
waiting) never get or fill a stored page and are marked private. A response
that sets a cookie (a CSRF token, a session, messages) is never stored.

With Redis, each worker process also keeps the pages it served in memory
(``Geheugen``, at most ``GEHEUGEN_BYTES``), stamped with the generation like
the stored ones, and serves them while ``publicatiecache.volger`` vouches that
the generation is unchanged: a hit then costs no round trip to Redis at all,
only a non-blocking look at the subscription that announces every new
generation. When the follower is not sure (no Redis, a broken subscription),
the page comes from Redis as before.

In HTTP, anonymous page responses may be kept by browsers and proxies for
``MAX_AGE`` seconds (``Vary: Cookie, Accept-Language``); the open-data files
carry an ETag and Last-Modified and answer a conditional GET with 304
(``conditional``).
"""

import hashlib
import threading
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django.utils.translation import get_language_from_request

from portfolio import publicatiecache

TIMEOUT = 24 * 60 * 60
MAX_AGE = 5 * 60
OVERGESLAGEN_HEADERS = {"set-cookie", "x-cache"}
GEHEUGEN_BYTES = 64 * 1024 * 1024  # per worker process


class Geheugen:
    """The pages this process served, newest last, at most ``grens`` bytes of content (least recently used out first)."""

    def __init__(self, grens: int = GEHEUGEN_BYTES):
        self.grens = grens
        self._paginas: OrderedDict[str, tuple] = OrderedDict()
        self._bytes = 0
        self._slot = threading.Lock()

    def lezen(self, key: str, generatie: int):
        with self._slot:
            bewaard = self._paginas.get(key)
            if bewaard is None or bewaard[0] != generatie:
                return None
            self._paginas.move_to_end(key)
            return bewaard

    def bewaren(self, key: str, bewaard: tuple) -> None:
        grootte = len(bewaard[3])
        if grootte > self.grens:
            return
        with self._slot:
            oud = self._paginas.pop(key, None)
            if oud is not None:
                self._bytes -= len(oud[3])
            self._paginas[key] = bewaard
            self._bytes += grootte
            while self._bytes > self.grens:
                _key, weg = self._paginas.popitem(last=False)
                self._bytes -= len(weg[3])

    def legen(self) -> None:
        with self._slot:
            self._paginas.clear()
            self._bytes = 0


geheugen = Geheugen()


def persoonlijk(request) -> bool:
    """Whether the request may belong to someone: a session (log-in) or a pending message."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def sleutel(request) -> str:
    """The cache key of a public page: path, sorted query and language (LocaleMiddleware's choice for this request)."""
    query = sorted((k, v) for k, waarden in request.GET.lists() for v in waarden)
    taal = get_language_from_request(request)
    ruw = repr((request.path, query, taal)).encode()
    return f"publiek:{hashlib.sha256(ruw).hexdigest()}"


def _markeer(response, *, gedeeld: bool):
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    if gedeeld:
        patch_cache_control(response, public=True, max_age=MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def publiek(view):
    """Mark a public GET view's response as shareable (the middleware stores it) and set its caching headers.

    Requests that may belong to someone are rendered as usual and marked private.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        gedeeld = request.method in ("GET", "HEAD") and not persoonlijk(request)
        response = view(request, *args, **kwargs)
        if gedeeld and response.status_code == 200:
            request.publiek_bewaren = True
        return _markeer(response, gedeeld=gedeeld)

    return wrapper


class PubliekeCacheMiddleware:
    """Serve and store the responses of ``publiek`` views for anonymous GET requests (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or persoonlijk(request):
            return self.get_response(request)
        key = sleutel(request)
        gevolgd = publicatiecache.volger.generatie()
        bewaard = geheugen.lezen(key, gevolgd) if gevolgd is not None else None
        if bewaard is None:
            gevonden = cache.get_many([publicatiecache.SLEUTEL, key])
            generatie = gevonden.get(publicatiecache.SLEUTEL) or publicatiecache.generatie()
            bewaard = gevonden.get(key)
            if bewaard is not None and bewaard[0] != generatie:
                bewaard = None
            if bewaard is not None and generatie == gevolgd:
                geheugen.bewaren(key, bewaard)
        if bewaard is not None:
            return _bewaard_antwoord(request, bewaard)
        response = self.get_response(request)
        if getattr(request, "publiek_bewaren", False) and response.status_code == 200 and not response.streaming and not response.cookies:
            headers = [(k, v) for k, v in response.headers.items() if k.lower() not in OVERGESLAGEN_HEADERS]
            bewaard = (generatie, response.status_code, headers, response.content)
            cache.set(key, bewaard, TIMEOUT)
            if generatie == gevolgd:
                geheugen.bewaren(key, bewaard)
            response["X-Cache"] = "miss"
        return response


def _bewaard_antwoord(request, bewaard):
    _gen, status, headers, inhoud = bewaard
    response = HttpResponse(inhoud, status=status, headers=dict(headers))
    response["X-Cache"] = "hit"
    if "ETag" in response or "Last-Modified" in response:
        # a stored open-data file: answer If-None-Match / If-Modified-Since as the view would
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified") or ""),
            response=response,
        )
    return response


def conditional(etag_en_datum):
    """HTTP validation for a file view: ``etag_en_datum(request, *args, **kwargs)`` → (etag, datetime | None).

    Sets ETag and Last-Modified and answers If-None-Match / If-Modified-Since
    with 304 before the view runs. Cheap by design: the function should read
    a stamp, not the data. (Django's ``condition`` decorator needs two
    separate functions; this one computes both from one stamp.)
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            etag, gewijzigd = etag_en_datum(request, *args, **kwargs)
            if etag is None:
                return view(request, *args, **kwargs)
            etag = quote_etag(etag)
            tijd = int(gewijzigd.timestamp()) if gewijzigd else None
            if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
            if_modified_since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE") or "")
            if if_none_match:
                niet_gewijzigd = etag in parse_etags(if_none_match) or if_none_match.strip() == "*"
            else:
                niet_gewijzigd = bool(tijd and if_modified_since and tijd <= if_modified_since)
            if niet_gewijzigd:
                response = HttpResponse(status=304)
            else:
                response = view(request, *args, **kwargs)
            if response.status_code in (200, 304):
                response["ETag"] = etag
                if tijd:
                    response["Last-Modified"] = http_date(tijd)
                patch_cache_control(response, public=True, max_age=MAX_AGE)
            return response

        return wrapper

    return decorator
