"""Passkeys (WebAuthn) as a second factor (BIO 5.17.01), on django-otp-webauthn.

A passkey is a django-otp device (``WebAuthnCredential``) like the authenticator
app: after the password the user verifies the session with it instead of a
code. It never replaces the password (``OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN``
is off). The ceremonies themselves (challenge, signature, origin and RP ID) are
the library's (``passkey_views``); this module holds the rules around them:

* registering one needs a verified session, except at the first log-in of an
  account without any second factor, where a passkey is the alternative to
  enrolling an app (the library refuses the other case: ``NotVerified``);
* the session verified by a passkey gets a new key, as after a code;
* a user removes only their own passkeys, never the last second factor they
  have (that would leave the account with the password alone);
* every registration and removal is audited; the functioneel beheerder's reset
  (``tweede_factor.apparaten_resetten``) removes the passkeys too.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from . import audit, tweede_factor


def van(user):
    """The user's passkeys, newest first."""
    return WebAuthnCredential.objects.filter(user=user).order_by("-created_at", "-pk")


def heeft_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def omschrijving(device: WebAuthnCredential) -> dict:
    return {"apparaat": device.name, "passkey": device.credential_id_sha256}


def geregistreerd(*, request, user, device: WebAuthnCredential) -> None:
    """After the library stored a new passkey: named, audited; an unverified session (first log-in) is verified by it."""
    if not device.name:
        # The library leaves the name blank; the list needs one to tell passkeys apart.
        device.name = f"Passkey {timezone.localtime(device.created_at):%d-%m-%Y %H:%M}"
        device.save(update_fields=["name"])
    audit.vastleggen(actor=user, actie="passkey_geregistreerd", obj=user, na=omschrijving(device))
    if not request.user.is_verified():
        tweede_factor.sessie_verifieren(request, device)


def gebruikt(*, request, device: WebAuthnCredential) -> None:
    """A passkey passed the authentication ceremony: the session is verified with it."""
    if device.user_id != request.user.pk:
        raise PermissionDenied(_("Deze passkey hoort niet bij uw account."))
    tweede_factor.sessie_verifieren(request, device)


@transaction.atomic
def verwijderen(*, actor, device: WebAuthnCredential) -> None:
    """The user removes one of their own passkeys (audited); never someone else's, never the last second factor."""
    if device.user_id != actor.pk:
        raise PermissionDenied(_("U kunt alleen uw eigen passkeys verwijderen."))
    andere_passkeys = WebAuthnCredential.objects.filter(user=actor, confirmed=True).exclude(pk=device.pk).exists()
    if not andere_passkeys and not TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise ValidationError(
            {
                "passkey": _(
                    "Dit is uw enige tweede factor: zonder passkey of authenticator-app kunt u niet meer inloggen. "
                    "Registreer eerst een andere passkey, of vraag functioneel beheer uw tweede factor te herstellen."
                )
            }
        )
    voor = omschrijving(device)
    device.delete()
    audit.vastleggen(actor=actor, actie="passkey_verwijderd", obj=actor, voor=voor, na={})
