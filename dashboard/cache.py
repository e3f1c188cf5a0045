"""Caching of the public pages and files: in the server (Django's cache) and in HTTP.

Server side, ``publiek`` stores the whole response of a public view in
Django's cache (Redis when ``REDIS_URL`` is set, else in-process memory),
keyed by the path, the sorted query string, the language and the publication
generation (``portfolio.publicatiecache``). Publishing by the CIO Rijk bumps
the generation, so every public page is rendered anew from then on; entries of
old generations expire (``TIMEOUT``).

A cached page is shared by all anonymous visitors, so it must not contain
anything of one visitor: public pages render no CSRF token (the language
switch is a link, see ``views.taal``) and no user data. Requests that may
belong to someone (a session or a messages cookie: logged in, or a message
waiting) are rendered without the cache and marked private. A response that
used a CSRF token anyway is never stored (defence in depth).

In HTTP, anonymous page responses may be kept by browsers and proxies for
``MAX_AGE`` seconds (``Vary: Cookie, Accept-Language``); the open-data files
carry an ETag and Last-Modified and answer a conditional GET with 304
(``conditional``).
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django.utils.translation import get_language

from portfolio import publicatiecache

TIMEOUT = 24 * 60 * 60
MAX_AGE = 5 * 60
# Headers of a view's response kept in the cache (the middleware adds the rest on every request).
BEWAARDE_HEADERS = ("Content-Type", "Content-Disposition", "ETag", "Last-Modified", "Content-Language")


def persoonlijk(request) -> bool:
    """Whether the request may belong to someone: a session (log-in) or a pending message."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def sleutel(request) -> str:
    query = sorted((k, v) for k, waarden in request.GET.lists() for v in waarden)
    ruw = repr((request.path, query, get_language())).encode()
    return f"publiek:{publicatiecache.generatie()}:{hashlib.sha256(ruw).hexdigest()}"


def _markeer(response, *, gedeeld: bool):
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    if gedeeld:
        patch_cache_control(response, public=True, max_age=MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def publiek(view):
    """Serve a public GET view from the cache for anonymous visitors; render and store on a miss.

    Only 200 responses are stored, never one that used a CSRF token or set a
    cookie. Authenticated (or possibly authenticated) requests are rendered
    without the cache.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or persoonlijk(request):
            return _markeer(view(request, *args, **kwargs), gedeeld=False)
        key = sleutel(request)
        bewaard = cache.get(key)
        if bewaard is not None:
            status, headers, inhoud = bewaard
            response = HttpResponse(inhoud, status=status)
            for naam, waarde in headers:
                response[naam] = waarde
            response["X-Cache"] = "hit"
            return _markeer(response, gedeeld=True)
        response = view(request, *args, **kwargs)
        deelbaar = (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
        if deelbaar:
            headers = [(h, response[h]) for h in BEWAARDE_HEADERS if h in response]
            cache.set(key, (response.status_code, headers, response.content), TIMEOUT)
            response["X-Cache"] = "miss"
        return _markeer(response, gedeeld=deelbaar)

    return wrapper


def conditional(etag_en_datum):
    """HTTP validation for a file view: ``etag_en_datum(request, *args, **kwargs)`` → (etag, datetime | None).

    Sets ETag and Last-Modified and answers If-None-Match / If-Modified-Since
    with 304 before the view runs. Cheap by design: the function should read
    one aggregate, not the data. (Django's ``condition`` decorator needs two
    separate functions; this one computes both from one query.)
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
