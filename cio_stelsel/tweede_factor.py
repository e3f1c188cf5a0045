"""Two-factor authentication (BIO 5.17.01): a TOTP app with one-time recovery codes, and passkeys, on django-otp.

Every account that logs in passes a second factor after its password: a code
of its authenticator app (``TOTPDevice``), one of its recovery codes
(``StaticDevice``, each code works once) or one of its passkeys
(``WebAuthnCredential`` of django-otp-webauthn, cio_stelsel/passkeys.py). An
account without a confirmed app or passkey enrols at its first log-in (``tweede_factor_views.inrichten``). Until the
session is verified (``django_otp.login``) ``TweedeFactorMiddleware`` lets it
reach only the log-in, second-factor and public pages, the Django admin
included; there is no setting that skips it.

A functioneel beheerder (STELSEL_BEHEREN) resets a user's devices (app,
recovery codes and passkeys) when the phone or security key is lost (``apparaten_resetten``): the user enrols again at the next log-in,
and every session of the user that was verified with a removed device is
unverified at its next request (the middleware no longer finds the device).

Every change is audited, like every other state change.
"""

import base64

import django_otp
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from . import audit
from .permissions import heeft_rijksbreed_recht
from .rechten import RijksbreedRecht

APP_NAAM = "Authenticator-app"
HERSTELCODES_NAAM = "Herstelcodes"
# An SSO log-in whose provider reported multi-factor authentication (cio_stelsel/sso.py).
SSO_NAAM = "Eenmalige aanmelding met MFA"
AANTAL_HERSTELCODES = 10


def heeft_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def heeft_tweede_factor(user) -> bool:
    """An app or a passkey: the user verifies at log-in instead of enrolling."""
    return heeft_app(user) or WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def geheim_base32(device: TOTPDevice) -> str:
    """The key as the authenticator app wants it typed in (base32, no padding)."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def app_voorbereiden(*, user) -> TOTPDevice:
    """The unconfirmed app device of the enrolment page: the same key until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_NAAM).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAAM, confirmed=False)
    return device


def app_bevestigen(*, request, user, device: TOTPDevice, code: str) -> list[str]:
    """The first code of the app confirms it: the session is verified and the recovery codes are made."""
    # Verified outside the transaction, so that a failure's throttling is kept.
    if device.user_id != user.pk or not device.verify_token(_code(code)):
        raise ValidationError({"code": _("Deze code klopt niet. Voer de zescijferige code in die de app nu toont.")})
    with transaction.atomic():
        return _app_bevestigd(request=request, user=user, device=device)


def _app_bevestigd(*, request, user, device: TOTPDevice) -> list[str]:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    audit.vastleggen(actor=user, actie="tweede_factor_ingericht", obj=user, na={"apparaat": device.name})
    codes = herstelcodes_maken(user=user)
    sessie_verifieren(request, device)
    return codes


def sessie_verifieren(request, device) -> None:
    """The session passed the second factor: a new session key (no fixation across the step), then django-otp's mark."""
    request.session.cycle_key()
    django_otp.login(request, device)


@transaction.atomic
def herstelcodes_maken(*, user) -> list[str]:
    """Ten new recovery codes (the old ones stop working); shown once, stored as django-otp keeps them."""
    device, _nieuw = StaticDevice.objects.get_or_create(user=user, name=HERSTELCODES_NAAM, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    audit.vastleggen(actor=user, actie="herstelcodes_gemaakt", obj=user, na={"aantal": len(codes)})
    return codes


def _code(code: str) -> str:
    return "".join((code or "").split()).lower()


def code_controleren(*, request, user, code: str):
    """Verify the session with an app code (six digits) or a recovery code, which is used up.

    A code is tried only on the devices of its kind, each with django-otp's
    throttling (every failure doubles the wait before the next attempt). Wrong: ValidationError.
    """
    code = _code(code)
    if code.isdigit():
        apparaten = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        apparaten = StaticDevice.objects.filter(user=user, confirmed=True, name=HERSTELCODES_NAAM)
    # Not in one transaction: a failure's throttling must be kept.
    for device in apparaten:
        if device.verify_token(code):
            with transaction.atomic():
                sessie_verifieren(request, device)
                if isinstance(device, StaticDevice):
                    audit.vastleggen(actor=user, actie="herstelcode_gebruikt", obj=user, na={"over": device.token_set.count()})
            return device
    raise ValidationError({"code": _("Deze code klopt niet of is al gebruikt. Wacht even en probeer de nieuwe code van uw app.")})


@transaction.atomic
def apparaten_resetten(*, actor, gebruiker, reden: str) -> int:
    """A functioneel beheerder removes all second-factor devices of ``gebruiker``; enrolment follows at log-in."""
    if not heeft_rijksbreed_recht(actor, RijksbreedRecht.STELSEL_BEHEREN):
        raise PermissionDenied(_("Alleen een functioneel beheerder kan de tweede factor van een gebruiker herstellen."))
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef een reden op (bijvoorbeeld: telefoon kwijt).")})
    apparaten = [d.name for d in django_otp.devices_for_user(gebruiker, confirmed=None)]
    TOTPDevice.objects.filter(user=gebruiker).delete()
    StaticDevice.objects.filter(user=gebruiker).delete()
    WebAuthnCredential.objects.filter(user=gebruiker).delete()
    audit.vastleggen(
        actor=actor,
        actie="tweede_factor_gereset",
        obj=gebruiker,
        voor={"apparaten": apparaten},
        na={"apparaten": []},
        reden=reden.strip(),
    )
    return len(apparaten)


def demo_app_inrichten(*, user, sleutel_hex: str) -> bool:
    """The demo loader: a confirmed app with the published demo key, unless the user has an app already."""
    if heeft_app(user):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(user=user, name=APP_NAAM, key=sleutel_hex, confirmed=True)
    audit.vastleggen(actor=None, actie="tweede_factor_ingericht", obj=user, na={"apparaat": APP_NAAM}, reden="Demodata")
    return True
