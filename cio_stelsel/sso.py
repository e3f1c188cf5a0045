"""Single sign-on by OpenID Connect (mozilla-django-oidc), on only when OIDC_RP_CLIENT_ID is set.

The identity is matched to an **existing** Persoon with a user account: by the
e-mail address in the claim ``OIDC_PERSOON_CLAIM`` (default ``email``),
case-insensitively. Nothing is created or changed from claims: no user, no
Persoon, no role, no name (roles come only from Roltoewijzingen that a
functioneel beheerder made). An unknown identity is refused with a Dutch message
on the log-in page.

The second factor: when the provider reports multi-factor authentication, in
``amr`` (RFC 8176: one of OIDC_MFA_AMR) or ``acr`` (one of OIDC_MFA_ACR), the SSO
log-in counts as verified (a device named ``tweede_factor.SSO_NAAM`` that accepts no code); otherwise the local
TOTP code is asked next, as after a password (cio_stelsel/middleware.py).
"""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import tweede_factor

logger = logging.getLogger(__name__)


def mfa_gemeld(*claimsets: dict) -> bool:
    """Did the provider authenticate with more than one factor (amr / acr of the ID token or userinfo)?"""
    amr_waarden = {str(w).lower() for w in settings.OIDC_MFA_AMR}
    acr_waarden = {str(w) for w in settings.OIDC_MFA_ACR}
    for claims in claimsets:
        amr = claims.get("amr") or []
        if isinstance(amr, str):
            amr = [amr]
        if any(str(w).lower() in amr_waarden for w in amr):
            return True
        if acr_waarden and str(claims.get("acr", "")) in acr_waarden:
            return True
    return False


class PersoonOidcBackend(OIDCAuthenticationBackend):
    """Authenticates the user of the Persoon whose e-mail address the provider vouches for."""

    def _waarde(self, claims) -> str:
        waarde = claims.get(settings.OIDC_PERSOON_CLAIM)
        return waarde.strip() if isinstance(waarde, str) else ""

    def retrieve_matching_jwk(self, token):
        """The signing key. A token without ``kid`` (optional in RFC 7515) is accepted when the
        provider publishes exactly one signing key for its algorithm; the signature is still checked."""
        kop = jwt.get_unverified_header(token)
        if "kid" in kop:
            return super().retrieve_matching_jwk(token)
        antwoord = requests.get(
            self.OIDC_OP_JWKS_ENDPOINT,
            verify=self.get_settings("OIDC_VERIFY_SSL", True),
            timeout=self.get_settings("OIDC_TIMEOUT", 10),
        )
        antwoord.raise_for_status()
        sleutels = [
            k for k in antwoord.json().get("keys", []) if k.get("use", "sig") == "sig" and k.get("alg", kop.get("alg")) == kop.get("alg")
        ]
        if len(sleutels) != 1:
            raise SuspiciousOperation("Het ID-token noemt geen sleutel (kid) en de provider heeft er niet precies één.")
        return jwt.PyJWK(sleutels[0])

    def verify_claims(self, claims):
        return bool(self._waarde(claims))

    def filter_users_by_claims(self, claims):
        waarde = self._waarde(claims)
        if not waarde:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, persoon__email__iexact=waarde)

    def create_user(self, claims):
        raise SuspiciousOperation("Het CIO-stelsel maakt geen gebruikers aan uit claims.")

    def update_user(self, user, claims):
        return user  # nothing is taken over from claims

    def get_or_create_user(self, access_token, id_token, payload):
        user_info = self.get_userinfo(access_token, id_token, payload)
        try:
            user = super().get_or_create_user(access_token, id_token, payload)
        except SuspiciousOperation:
            user = None
        if user is None:
            logger.warning("SSO geweigerd: geen (unieke) persoon voor %s", self._waarde(user_info) or "(geen claim)")
            messages.error(
                self.request,
                _(
                    "Inloggen met eenmalige aanmelding is geweigerd: er is in het CIO-stelsel geen persoon met een "
                    "account voor deze identiteit. Vraag functioneel beheer om uw e-mailadres bij uw persoon vast te "
                    "leggen, of log in met uw gebruikersnaam en wachtwoord."
                ),
            )
            return None
        if mfa_gemeld(payload, user_info):
            # django_otp's user_logged_in handler verifies the session with this device.
            user.otp_device, _nieuw = StaticDevice.objects.get_or_create(
                user=user, name=tweede_factor.SSO_NAAM, defaults={"confirmed": True}
            )
        return user


def _aan():
    if not settings.SSO_AAN:
        raise Http404(_("Eenmalige aanmelding (SSO) is niet ingesteld."))


def inloggen(request):
    """Start the log-in at the provider (state, nonce and PKCE in the session)."""
    _aan()
    return OIDCAuthenticationRequestView.as_view()(request)


def terug(request):
    """The provider's redirect back: exchange the code, match the Persoon, log in."""
    _aan()
    return OIDCAuthenticationCallbackView.as_view()(request)
