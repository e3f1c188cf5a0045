"""Security basics: production settings, headers, CSP, log-in with lock-out."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from cio_stelsel.rechten import Rol
from tests.factories import WACHTWOORD, MinisterieFactory, benoem
from tests.tweede_factor import app_van, code_van, inloggen

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    omgeving = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    omgeving.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=120)


def test_production_refuses_to_start_without_secret_key_or_allowed_hosts():
    zonder_sleutel = _manage("check", DJANGO_SETTINGS_MODE="production", ALLOWED_HOSTS="cio.example.nl")
    assert zonder_sleutel.returncode != 0 and "SECRET_KEY" in zonder_sleutel.stderr
    zonder_hosts = _manage("check", DJANGO_SETTINGS_MODE="production", SECRET_KEY="x" * 60)
    assert zonder_hosts.returncode != 0 and "ALLOWED_HOSTS" in zonder_hosts.stderr


def test_check_deploy_passes_without_warnings_in_production_mode():
    resultaat = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODE="production",
        SECRET_KEY="k3y-" + "a7Xq9LmZ2pR8vT4wB6nC1dF5gH0jK3sU" * 2,
        ALLOWED_HOSTS="cio.example.nl",
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "no issues" in resultaat.stdout


@pytest.mark.django_db
def test_security_headers_and_csp_without_unsafe_inline(client):
    response = client.get(reverse("login"))
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_login_with_valid_password_and_logout(client):
    user = benoem(Rol.CIO_OFFICE, MinisterieFactory()).persoon.user
    response = client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD})
    assert response.status_code == 302 and response.url == reverse("cio_stelsel:werkvoorraad")
    # BIO 5.17.01: the password alone leads to the second factor (enrolment: no app yet), not to the page.
    assert client.get(reverse("cio_stelsel:werkvoorraad"))["Location"].startswith(reverse("tweede_factor:inrichten"))
    app_van(user)
    assert client.post(reverse("tweede_factor:verifieren"), {"code": code_van(user)}).status_code == 302
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 302


@pytest.mark.django_db
def test_lockout_after_repeated_failed_logins_even_with_the_right_password(client, settings):
    user = benoem(Rol.CIO_OFFICE, MinisterieFactory()).persoon.user
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": user.username, "password": "fout-wachtwoord-123"})
    assert response.status_code == 429
    response = client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD})
    assert response.status_code == 429
    assert "te vaak" in response.content.decode().lower() or "geblokkeerd" in response.content.decode().lower()


@pytest.mark.django_db
def test_weak_passwords_are_refused_on_password_change(client):
    user = benoem(Rol.CIO_OFFICE, MinisterieFactory()).persoon.user
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("password_change"), {"old_password": WACHTWOORD, "new_password1": "12345678", "new_password2": "12345678"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]


def test_anonymous_user_is_sent_to_login_for_internal_pages(client):
    response = client.get(reverse("cio_stelsel:werkvoorraad"))
    assert response.status_code == 302 and reverse("login") in response.url


@pytest.mark.django_db
def test_security_txt_follows_rfc_9116_with_a_future_expiry_and_a_policy_page(client, settings):
    import datetime

    settings.SECURITY_TXT_CONTACT = "mailto:cert@example.nl"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    velden = dict(regel.split(": ", 1) for regel in response.content.decode().splitlines())
    assert velden["Contact"] == "mailto:cert@example.nl"
    verloopt = datetime.datetime.strptime(velden["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    nu = datetime.datetime.now(datetime.UTC)
    assert nu < verloopt <= nu + datetime.timedelta(days=365), "RFC 9116 2.5.5: in the future, less than a year ahead"
    assert velden["Canonical"].endswith("/.well-known/security.txt")
    beleid = client.get(velden["Policy"])
    assert beleid.status_code == 200 and "cert@example.nl" in beleid.content.decode()


@pytest.mark.django_db
def test_staff_session_ends_after_inactivity_and_a_request_renews_it(client, settings):
    from cio_stelsel.middleware import LAATST_ACTIEF, VERLENG_NA

    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    user = benoem(Rol.CIO_OFFICE, MinisterieFactory()).persoon.user
    client.force_login(user)
    # A minute and more after the last renewal, a request renews the expiry.
    import datetime

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    sessie = client.session
    sessie[LAATST_ACTIEF] -= VERLENG_NA
    sessie.save()
    Session.objects.filter(pk=sessie.session_key).update(expire_date=timezone.now() + datetime.timedelta(seconds=120))
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    verloopt = Session.objects.get(pk=sessie.session_key).expire_date
    assert verloopt > timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60), "the request renewed the expiry"
    # Within the minute a request does not write the session again.
    Session.objects.filter(pk=sessie.session_key).update(expire_date=timezone.now() + datetime.timedelta(seconds=120))
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    assert Session.objects.get(pk=sessie.session_key).expire_date < timezone.now() + datetime.timedelta(seconds=121)
    # An expired session is no longer a log-in.
    sessie = client.session
    sessie.set_expiry(-1)
    sessie.save()
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 302


@pytest.mark.django_db
def test_changing_the_password_ends_the_users_other_sessions_but_not_this_one(settings):
    from django.test import Client

    user = benoem(Rol.CIO_OFFICE, MinisterieFactory()).persoon.user
    hier, elders = Client(), Client()
    for c in (hier, elders):
        inloggen(c, user)  # password and second factor
    nieuw = "Een-nieuw-lang-wachtwoord-2026!"
    response = hier.post(reverse("password_change"), {"old_password": WACHTWOORD, "new_password1": nieuw, "new_password2": nieuw})
    assert response.status_code == 302
    assert hier.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    assert elders.get(reverse("cio_stelsel:werkvoorraad")).status_code == 302
