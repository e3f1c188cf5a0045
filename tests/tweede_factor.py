"""The second factor in tests (BIO 5.17.01): real django-otp devices, never a switch in the code.

* ``Client.force_login`` (patched in tests/conftest.py) also verifies the session
  with a real recovery-code device of the user, as ``django_otp.login`` does.
* A test that logs in through the pages (a browser test, ``client.post('/inloggen/')``)
  gives the user a real TOTP device with ``app_van`` and types ``code_van(user)``.
"""

import time

from django.contrib.sessions.backends.base import SessionBase
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

TEST_APPARAAT = "Test (force_login)"


def sessie_verifieren(session: SessionBase, user) -> None:
    device, _nieuw = StaticDevice.objects.get_or_create(user=user, name=TEST_APPARAAT, defaults={"confirmed": True})
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def app_van(user) -> TOTPDevice:
    """The user's confirmed authenticator app (made with a random key if there is none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)


def code_van(user) -> str:
    """A code the user's app shows now: one django-otp has not seen yet (a code works once; tolerance 1 step)."""
    device = app_van(user)
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if device.last_t >= totp.t():
        totp.time = (device.last_t + 1) * device.step + device.t0
    return f"{totp.token():0{device.digits}d}"


def inloggen(client, user, wachtwoord: str | None = None):
    """Log in through the pages: the password, then a code of the user's app. Returns the last response."""
    from django.urls import reverse

    from tests.factories import WACHTWOORD

    antwoord = client.post(reverse("login"), {"username": user.username, "password": wachtwoord or WACHTWOORD})
    assert antwoord.status_code == 302, antwoord
    antwoord = client.post(reverse("tweede_factor:verifieren"), {"code": code_van(user)})
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    return antwoord
