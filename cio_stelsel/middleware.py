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


# What a logged-in user who has not passed the second factor may still reach: the
# log-in and second-factor pages, the password pages, single sign-on, the public
# dashboard and Jaarrapportage, health, security.txt and the language switch. The
# API decides itself (cio_stelsel/api/authentication.py: an unverified session is
# no log-in there; a token was made by a verified user).
TWEEDE_FACTOR_VRIJ_NAMEN = {
    "login",
    "logout",
    "set_language",
    "gezondheid_levend",
    "gezondheid_gereed",
    "security_txt",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "sso_inloggen",
    "sso_terug",
}
# otp_webauthn: the passkey ceremonies (cio_stelsel/passkey_urls.py), which check the session themselves;
# istrategie_publiek: the public I-strategie and toezeggingen pages (informatieplannen/istrategie_urls.py).
TWEEDE_FACTOR_VRIJ_NAAMRUIMTEN = {"dashboard", "api", "otp_webauthn", "istrategie_publiek"}
# Only these two of the second-factor pages: new recovery codes and the reset need a verified session.
TWEEDE_FACTOR_PAGINAS = {"verifieren", "inrichten"}


def tweede_factor_vrij(resolver_match) -> bool:
    if resolver_match is None:
        return True  # a 404: nothing to protect
    if resolver_match.url_name in TWEEDE_FACTOR_VRIJ_NAMEN and not resolver_match.namespaces:
        return True
    namespaces = resolver_match.namespaces
    if namespaces and namespaces[0] in TWEEDE_FACTOR_VRIJ_NAAMRUIMTEN:
        return True
    if namespaces == ["tweede_factor"]:
        return resolver_match.url_name in TWEEDE_FACTOR_PAGINAS
    return namespaces == ["jaarrapportage"] and (resolver_match.url_name or "").startswith("publiek")


class TweedeFactorMiddleware:
    """After the password, the second factor (BIO 5.17.01): enrol or enter a code before any staff page.

    Applies to every account and to the Django admin; there is no exemption by
    setting, role or superuser flag. After django_otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or tweede_factor_vrij(request.resolver_match):
            return None
        from django.contrib.auth.views import redirect_to_login

        from .tweede_factor import heeft_tweede_factor

        doel = "tweede_factor:verifieren" if heeft_tweede_factor(user) else "tweede_factor:inrichten"
        return redirect_to_login(request.get_full_path(), doel)
