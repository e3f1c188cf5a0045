"""Two-factor authentication for every account that logs in (BIO 5.17.01, issue 17 "Log-in").

The tests log in through the pages (password, then a code), with real django-otp
devices; only ``Client.force_login`` of other tests verifies by itself (tests/conftest.py).
"""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cio_stelsel.models import AuditRecord
from cio_stelsel.rechten import Rol
from tests.factories import WACHTWOORD, benoem
from tests.rechten.test_matrix import url_namen
from tests.tweede_factor import app_van, code_van, inloggen

pytestmark = pytest.mark.django_db

# What a user who gave only the password still reaches (cio_stelsel/middleware.py).
VRIJ = {
    "login",
    "logout",
    "set_language",
    "gezondheid_levend",
    "gezondheid_gereed",
    "security_txt",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
    "sso_inloggen",
    "sso_terug",
    "jaarrapportage:publiek",
}


def alleen_wachtwoord(user) -> Client:
    client = Client()
    antwoord = client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD})
    assert antwoord.status_code == 302
    return client


def naar_tweede_factor(antwoord) -> bool:
    return antwoord.status_code == 302 and antwoord["Location"].startswith("/account/tweede-factor/")


@pytest.fixture
def office(ministerie):
    return benoem(Rol.CIO_OFFICE, ministerie).persoon.user


def test_bio_5_17_01_the_password_alone_reaches_only_log_in_second_factor_and_public_pages(office):
    app_van(office)
    client = alleen_wachtwoord(office)
    gevraagd = 0
    for naam, route in url_namen().items():
        if "<" in route or naam.startswith("api:") or (naam.startswith("admin:") and naam != "admin:index"):
            continue
        if naam in {"logout", "set_language", "dashboard:taal"} or naam in {"tweede_factor:verifieren", "tweede_factor:inrichten"}:
            continue  # these change the session; the second-factor pages have tests of their own
        if naam.startswith("otp_webauthn:"):
            continue  # the passkey ceremonies check the session themselves: tests/cio_stelsel/test_passkeys.py
        antwoord = client.get(reverse(naam))
        gevraagd += 1
        if naam in VRIJ or naam.startswith(("dashboard:", "istrategie_publiek:")):
            assert not naar_tweede_factor(antwoord), naam
        else:
            assert naar_tweede_factor(antwoord), (naam, antwoord.status_code)
            assert antwoord["Location"].startswith(reverse("tweede_factor:verifieren") + "?next="), naam
    assert gevraagd > 30
    # The API: a session with only the password is no log-in (401); the public API answers.
    assert client.get("/api/v1/activiteiten/").status_code == 401
    assert client.get("/api/v1/publiek/activiteiten/").status_code == 200


def test_bio_5_17_01_enrolment_at_the_first_log_in_then_the_recovery_codes_once(office):
    client = alleen_wachtwoord(office)
    antwoord = client.get(reverse("cio_stelsel:werkvoorraad"))
    assert antwoord["Location"].startswith(reverse("tweede_factor:inrichten"))
    pagina = client.get(antwoord["Location"]).content.decode()
    assert 'src="data:image/svg+xml' in pagina  # the QR code, without inline script or style
    sleutel = re.search(r'id="totp-sleutel"[^>]*>([A-Z2-7]+)<', pagina).group(1)
    device = TOTPDevice.objects.get(user=office, confirmed=False)
    import base64

    assert base64.b32decode(sleutel + "=" * (-len(sleutel) % 8)) == device.bin_key
    # A wrong code is refused, with the field named.
    from django_otp.oath import TOTP

    fout = "000000" if f"{TOTP(device.bin_key).token():06d}" != "000000" else "111111"
    antwoord = client.post(reverse("tweede_factor:inrichten"), {"code": fout})
    assert antwoord.status_code == 200 and "Deze code klopt niet" in antwoord.content.decode()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    device.refresh_from_db()
    code = f"{TOTP(device.bin_key).token():06d}"
    antwoord = client.post(reverse("tweede_factor:inrichten") + "?next=/portfolio/", {"code": code, "next": "/portfolio/"})
    assert antwoord.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", antwoord.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    assert AuditRecord.objects.filter(actie="tweede_factor_ingericht", object_id=str(office.pk)).exists()
    assert AuditRecord.objects.filter(actie="herstelcodes_gemaakt", object_id=str(office.pk)).exists()
    # Enrolling again with the password alone is not possible: the old app is asked.
    ander = alleen_wachtwoord(office)
    assert ander.get(reverse("tweede_factor:inrichten"))["Location"].startswith(reverse("tweede_factor:verifieren"))


def test_bio_5_17_01_a_wrong_code_is_refused_and_a_used_code_does_not_work_twice(office):
    app_van(office)
    client = alleen_wachtwoord(office)
    antwoord = client.post(reverse("tweede_factor:verifieren"), {"code": "12345"})
    assert antwoord.status_code == 200 and "Deze code klopt niet" in antwoord.content.decode()
    assert naar_tweede_factor(client.get(reverse("cio_stelsel:werkvoorraad")))
    TOTPDevice.objects.filter(user=office).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    code = code_van(office)
    assert client.post(reverse("tweede_factor:verifieren"), {"code": code}).status_code == 302
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    # The same code in another session: refused (a TOTP code works once).
    tweede = alleen_wachtwoord(office)
    assert tweede.post(reverse("tweede_factor:verifieren"), {"code": code}).status_code == 200
    assert naar_tweede_factor(tweede.get(reverse("cio_stelsel:werkvoorraad")))


def test_bio_5_17_01_a_recovery_code_works_once(office):
    app_van(office)
    apparaat = StaticDevice.objects.create(user=office, name="Herstelcodes", confirmed=True)
    apparaat.token_set.create(token="abcd2345")
    eerste = alleen_wachtwoord(office)
    assert eerste.post(reverse("tweede_factor:verifieren"), {"code": "ABCD 2345"}).status_code == 302
    assert eerste.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    assert not StaticToken.objects.filter(device=apparaat).exists()
    assert AuditRecord.objects.filter(actie="herstelcode_gebruikt", object_id=str(office.pk)).exists()
    StaticDevice.objects.filter(pk=apparaat.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    tweede = alleen_wachtwoord(office)
    assert tweede.post(reverse("tweede_factor:verifieren"), {"code": "abcd2345"}).status_code == 200
    assert naar_tweede_factor(tweede.get(reverse("cio_stelsel:werkvoorraad")))


def test_bio_5_17_01_new_recovery_codes_need_a_verified_session(office):
    app_van(office)
    assert naar_tweede_factor(alleen_wachtwoord(office).post(reverse("tweede_factor:herstelcodes")))
    client = Client()
    inloggen(client, office)
    antwoord = client.post(reverse("tweede_factor:herstelcodes"))
    assert len(re.findall(r"<li><code>([a-z0-9]+)</code></li>", antwoord.content.decode())) == 10


def test_bio_5_17_01_the_django_admin_requires_the_second_factor(beheerder):
    beheerder.is_staff = True
    beheerder.save()
    app_van(beheerder)
    client = alleen_wachtwoord(beheerder)
    assert naar_tweede_factor(client.get("/beheer/"))
    # Also without the middleware: the admin site itself asks for a verified user.
    verzoek = RequestFactory().get("/beheer/")
    verzoek.user = beheerder
    beheerder.is_verified = lambda: False
    assert not admin.site.has_permission(verzoek)
    beheerder.is_verified = lambda: True
    assert admin.site.has_permission(verzoek)
    client.post(reverse("tweede_factor:verifieren"), {"code": code_van(beheerder)})
    assert client.get("/beheer/").status_code == 200


def test_bio_5_17_01_a_functioneel_beheerder_resets_a_users_devices_audited(office, beheerder):
    app_van(office)
    gebruiker_sessie = Client()
    inloggen(gebruiker_sessie, office)
    assert gebruiker_sessie.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    beheer = Client()
    beheer.force_login(beheerder)
    assert beheer.get(reverse("tweede_factor:beheer")).status_code == 200
    antwoord = beheer.post(reverse("tweede_factor:beheer"), {"gebruiker": office.pk, "reden": "Telefoon kwijt"})
    assert antwoord.status_code == 302
    assert not TOTPDevice.objects.filter(user=office).exists()
    assert not StaticDevice.objects.filter(user=office).exists()
    record = AuditRecord.objects.get(actie="tweede_factor_gereset", object_id=str(office.pk))
    assert record.actor == beheerder and record.reden == "Telefoon kwijt" and record.voor["apparaten"]
    # The user's verified session is verified no longer: enrolment at the next request.
    assert gebruiker_sessie.get(reverse("cio_stelsel:werkvoorraad"))["Location"].startswith(reverse("tweede_factor:inrichten"))
    # Without a reason: a form error naming the field.
    antwoord = beheer.post(reverse("tweede_factor:beheer"), {"gebruiker": office.pk, "reden": ""})
    assert antwoord.status_code == 200 and "reden" in antwoord.context["form"].errors


@pytest.mark.parametrize("rol", [Rol.CIO_OFFICE, Rol.DEPARTEMENTALE_CIO, Rol.CISO_RIJK])
def test_bio_5_17_01_only_who_holds_stelsel_beheren_resets_devices(rol, ministerie, office):
    """STELSEL_BEHEREN (rechten.py: the functioneel beheerder, and the CIO Rijk) resets; no other role."""
    app_van(office)
    ander = benoem(rol, None if rol == Rol.CISO_RIJK else ministerie).persoon.user
    client = Client()
    client.force_login(ander)
    assert client.get(reverse("tweede_factor:beheer")).status_code == 403
    assert client.post(reverse("tweede_factor:beheer"), {"gebruiker": office.pk, "reden": "x"}).status_code == 403
    assert TOTPDevice.objects.filter(user=office).exists()
    assert not AuditRecord.objects.filter(actie="tweede_factor_gereset").exists()


def test_bio_5_17_01_api_tokens_stay_as_they_are(office):
    import datetime

    from cio_stelsel import services

    _token, geheim = services.api_token_aanmaken(
        actor=office, naam="t", alleen_lezen=True, verloopt_op=datetime.date.today() + datetime.timedelta(days=30)
    )
    assert Client().get("/api/v1/activiteiten/", HTTP_AUTHORIZATION=f"Token {geheim}").status_code == 200


def test_bio_5_17_01_the_demo_accounts_log_in_with_the_published_key(capsys):
    from django.core.management import call_command

    from cio_stelsel.demo import DEMO_TOTP_SLEUTEL, DEMO_WACHTWOORD, demo_totp_code

    call_command("demo_laden")
    uitvoer = capsys.readouterr().out
    assert DEMO_TOTP_SLEUTEL in uitvoer and "demo_code" in uitvoer
    user = get_user_model().objects.get(username="office-bzk")
    client = Client()
    assert client.post(reverse("login"), {"username": "office-bzk", "password": DEMO_WACHTWOORD}).status_code == 302
    assert naar_tweede_factor(client.get(reverse("cio_stelsel:werkvoorraad")))
    call_command("demo_code")
    code = capsys.readouterr().out.strip()
    assert code == demo_totp_code() or len(code) == 6
    assert client.post(reverse("tweede_factor:verifieren"), {"code": demo_totp_code()}).status_code == 302
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    # Idempotent: a second run keeps the one app.
    call_command("demo_laden", verbosity=0)
    assert TOTPDevice.objects.filter(user=user).count() == 1
