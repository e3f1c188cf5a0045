import time

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Sets the Content-Security-Policy of settings.CONTENT_SECURITY_POLICY (no inline script or style)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response



# The session key with the time (seconds) of the last request that renewed a staff session.
LAATST_ACTIEF = "laatst_actief"
VERLENG_NA = 60  # renew the expiry at most once a minute: no session write on every request


def activiteit_vastleggen(request, sessie=None) -> None:
    (sessie or request.session)[LAATST_ACTIEF] = int(time.time())


class SessieVerlengenMiddleware:
    """Staff sessions end after SESSION_COOKIE_AGE seconds without a request (BIO: automatic log-off).

    A request renews the expiry by saving the session, at most once every
    VERLENG_NA seconds, so the idle limit holds to within a minute without a
    database write per request. Log-in sets the first time (``ingelogd``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and int(time.time()) - request.session.get(LAATST_ACTIEF, 0) >= VERLENG_NA:
            activiteit_vastleggen(request)
        return self.get_response(request)


def ingelogd(sender, request, user, **kwargs) -> None:
    """user_logged_in: the session starts as active now (no extra write at the first request)."""
    if request is not None and hasattr(request, "session"):
        activiteit_vastleggen(request)
