"""Passkeys (WebAuthn) as the second factor (BIO 5.17.01, issue 17 "Log-in"), on django-otp-webauthn.

The ceremonies run through the library's endpoints with a software authenticator
(tests/passkey_authenticator.py: real keys and signatures, checked by py_webauthn);
tests/browser/test_passkeys.py runs them in Chromium with its virtual authenticator.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from cio_stelsel.models import AuditRecord
from cio_stelsel.rechten import Rol
from tests.cio_stelsel.test_beveiliging import _manage
from tests.factories import WACHTWOORD, benoem
from tests.passkey_authenticator import Authenticator, passkey_aanmelden, passkey_registreren
from tests.tweede_factor import app_van, inloggen

pytestmark = pytest.mark.django_db

WERKVOORRAAD = "cio_stelsel:werkvoorraad"


@pytest.fixture
def authenticator(settings):
    return Authenticator(origin=settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0])


def alleen_wachtwoord(user) -> Client:
    client = Client()
    assert client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD}).status_code == 302
    return client


def naar_tweede_factor(antwoord, stap: str = "verifieren") -> bool:
    return antwoord.status_code == 302 and antwoord["Location"].startswith(reverse(f"tweede_factor:{stap}"))


def met_passkey(user, authenticator) -> WebAuthnCredential:
    """A user who enrolled with a passkey at the first log-in (no app)."""
    client = alleen_wachtwoord(user)
    antwoord = passkey_registreren(client, authenticator)
    assert antwoord.status_code == 200, antwoord.content
    return WebAuthnCredential.objects.get(pk=antwoord.json()["id"])


def test_bio_5_17_01_a_passkey_is_the_alternative_enrolment_at_the_first_log_in(office, authenticator):
    client = alleen_wachtwoord(office)
    antwoord = client.get(reverse("tweede_factor:inrichten"))
    assert antwoord.status_code == 200 and 'id="passkey-registration-placeholder"' in antwoord.content.decode()
    sessie_voor = client.session.session_key
    antwoord = passkey_registreren(client, authenticator)
    assert antwoord.status_code == 200, antwoord.content
    passkey = WebAuthnCredential.objects.get(pk=antwoord.json()["id"], user=office)
    assert passkey.confirmed
    # The registration verified the session, with a new session key (no fixation across the step).
    assert client.session.session_key != sessie_voor
    assert client.get(reverse(WERKVOORRAAD)).status_code == 200
    assert AuditRecord.objects.filter(actie="passkey_geregistreerd", object_id=str(office.pk)).exists()
    # The next log-in asks for the passkey, not a new enrolment.
    ander = alleen_wachtwoord(office)
    assert naar_tweede_factor(ander.get(reverse(WERKVOORRAAD)))
    assert naar_tweede_factor(ander.get(reverse("tweede_factor:inrichten")))


def test_bio_5_17_01_a_passkey_log_in_satisfies_the_second_factor_and_without_it_staff_pages_redirect(office, authenticator):
    passkey = met_passkey(office, authenticator)
    client = alleen_wachtwoord(office)
    # Without the passkey step: every staff page, the admin included, sends to the second-factor step.
    for url in (reverse(WERKVOORRAAD), reverse("tweede_factor:passkeys"), "/beheer/"):
        assert naar_tweede_factor(client.get(url)), url
    pagina = client.get(reverse("tweede_factor:verifieren")).content.decode()
    assert 'id="passkey-verification-placeholder"' in pagina and "otp_webauthn_auth.js" in pagina
    antwoord = passkey_aanmelden(client, authenticator, volgende="/portfolio/")
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json() == {"id": passkey.pk, "redirect_url": "/portfolio/"}
    assert client.get(reverse(WERKVOORRAAD)).status_code == 200
    assert client.get(reverse("tweede_factor:passkeys")).status_code == 200
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None and passkey.sign_count == 1


def test_bio_5_17_01_a_wrong_signature_or_another_users_passkey_does_not_verify(office, cio, authenticator, settings):
    met_passkey(office, authenticator)
    client = alleen_wachtwoord(office)
    # A signature from another origin (a phishing site) is refused.
    elders = Authenticator(origin="https://cio-stelsel.example.org", sleutels=authenticator.sleutels)
    assert passkey_aanmelden(client, elders).status_code == 422
    assert naar_tweede_factor(client.get(reverse(WERKVOORRAAD)))
    # Another user's passkey does not verify this user's session.
    van_cio = Authenticator(origin=authenticator.origin)
    met_passkey(cio, van_cio)
    assert passkey_aanmelden(client, van_cio).status_code == 403
    assert naar_tweede_factor(client.get(reverse(WERKVOORRAAD)))
    # Without a password first there is no passkey log-in at all (never instead of the password).
    anoniem = Client()
    begin = anoniem.post(reverse("otp_webauthn:credential-authentication-begin"), content_type="application/json")
    assert begin.status_code == 403


def test_bio_5_17_01_the_password_alone_cannot_add_a_passkey_to_an_enrolled_account(office, authenticator):
    app_van(office)
    client = alleen_wachtwoord(office)
    antwoord = client.post(reverse("otp_webauthn:credential-registration-begin"), content_type="application/json")
    assert antwoord.status_code == 403
    assert not WebAuthnCredential.objects.filter(user=office).exists()
    # After the app's code it can.
    inloggen(client, office)
    assert passkey_registreren(client, authenticator).status_code == 200
    assert WebAuthnCredential.objects.filter(user=office).count() == 1
    assert client.get(reverse("tweede_factor:passkeys")).status_code == 200


def test_bio_5_17_01_the_user_sees_and_removes_their_passkey_after_a_confirmation_audited(office, authenticator):
    app_van(office)
    client = Client()
    inloggen(client, office)
    passkey_registreren(client, authenticator)
    passkey = WebAuthnCredential.objects.get(user=office)
    pagina = client.get(reverse("tweede_factor:passkeys")).content.decode()
    verwijder_url = reverse("tweede_factor:passkey_verwijderen", args=[passkey.pk])
    assert passkey.name in pagina and verwijder_url in pagina
    # The GET asks for confirmation and removes nothing.
    bevestiging = client.get(verwijder_url)
    assert bevestiging.status_code == 200 and "Weet u het zeker?" in bevestiging.content.decode()
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    antwoord = client.post(verwijder_url)
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("tweede_factor:passkeys")
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    record = AuditRecord.objects.get(actie="passkey_verwijderd", object_id=str(office.pk))
    assert record.voor["passkey"] == passkey.credential_id_sha256


def test_bio_5_17_01_a_user_cannot_remove_another_users_passkey(office, cio, authenticator):
    passkey = met_passkey(cio, authenticator)
    app_van(office)
    client = Client()
    inloggen(client, office)
    url = reverse("tweede_factor:passkey_verwijderen", args=[passkey.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    assert not AuditRecord.objects.filter(actie="passkey_verwijderd").exists()
    # Nor sees it in their own list.
    assert passkey.credential_id_sha256 not in client.get(reverse("tweede_factor:passkeys")).content.decode()


def test_bio_5_17_01_the_last_second_factor_cannot_be_removed(office, authenticator):
    passkey = met_passkey(office, authenticator)
    client = alleen_wachtwoord(office)
    assert passkey_aanmelden(client, authenticator).status_code == 200
    url = reverse("tweede_factor:passkey_verwijderen", args=[passkey.pk])
    antwoord = client.post(url)
    assert antwoord.status_code == 400
    assert "Dit is uw enige tweede factor" in antwoord.content.decode()
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    # With an app besides it, it can go.
    TOTPDevice.objects.create(user=office, name="Authenticator-app", confirmed=True)
    assert client.post(url).status_code == 302
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()


def test_bio_5_17_01_the_functioneel_beheerders_reset_removes_the_passkeys_audited(office, beheerder, authenticator):
    passkey = met_passkey(office, authenticator)
    app_van(office)
    gebruiker = alleen_wachtwoord(office)
    assert passkey_aanmelden(gebruiker, authenticator).status_code == 200
    assert gebruiker.get(reverse(WERKVOORRAAD)).status_code == 200
    beheer = Client()
    beheer.force_login(beheerder)
    antwoord = beheer.post(reverse("tweede_factor:beheer"), {"gebruiker": office.pk, "reden": "Beveiligingssleutel kwijt"})
    assert antwoord.status_code == 302
    assert not WebAuthnCredential.objects.filter(user=office).exists()
    assert not TOTPDevice.objects.filter(user=office).exists()
    record = AuditRecord.objects.get(actie="tweede_factor_gereset", object_id=str(office.pk))
    assert passkey.name in record.voor["apparaten"] and record.reden == "Beveiligingssleutel kwijt"
    # The session verified with the removed passkey is no longer verified: enrolment follows.
    assert naar_tweede_factor(gebruiker.get(reverse(WERKVOORRAAD)), "inrichten")
    # The old passkey no longer works.
    opnieuw = alleen_wachtwoord(office)
    assert passkey_aanmelden(opnieuw, authenticator).status_code == 404


def test_bio_5_17_01_only_a_functioneel_beheerder_resets_passkeys(office, authenticator, ministerie):
    passkey = met_passkey(office, authenticator)
    cio = benoem(Rol.DEPARTEMENTALE_CIO, ministerie).persoon.user
    client = Client()
    client.force_login(cio)
    antwoord = client.post(reverse("tweede_factor:beheer"), {"gebruiker": office.pk, "reden": "Poging"})
    assert antwoord.status_code == 403
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()


def test_the_passkey_settings_come_from_the_environment(settings):
    # The development default works with `make run` at http://localhost:8000 (browsers refuse an IP address as RP ID).
    assert settings.OTP_WEBAUTHN_RP_ID == "localhost"
    assert settings.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["http://localhost:8000"]
    assert settings.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is False
    # Production: the first of ALLOWED_HOSTS over https, unless WEBAUTHN_* say otherwise.
    toon = "from django.conf import settings as s; print(s.OTP_WEBAUTHN_RP_ID, ','.join(s.OTP_WEBAUTHN_ALLOWED_ORIGINS))"
    productie = {"DJANGO_SETTINGS_MODE": "production", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "cio.example.nl,localhost"}
    assert _manage("shell", "--no-imports", "-c", toon, **productie).stdout.split() == ["cio.example.nl", "https://cio.example.nl"]
    eigen = {"WEBAUTHN_RP_ID": "example.nl", "WEBAUTHN_ORIGINS": "https://cio.example.nl, https://portfolio.example.nl"}
    assert _manage("shell", "--no-imports", "-c", toon, **productie, **eigen).stdout.split() == [
        "example.nl",
        "https://cio.example.nl,https://portfolio.example.nl",
    ]
