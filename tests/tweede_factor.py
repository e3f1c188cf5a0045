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
    """The code the user's app shows now, which the device will accept.

    A real app shows a new code only every 30 seconds and django-otp accepts each
    step once; a test that logs the same user in several times cannot wait for the
    next step. So the device first forgets the steps it saw and any drift (as after
    that wait), and the code of the current step counts. (Reusing one code stayed
    refused: that is tested with the same code twice, not with this helper.)
    """
    device = app_van(user)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, drift=0)
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
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
