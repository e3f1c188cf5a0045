"""Issue 20, finding 5: a way back into a locked or forgotten account, by e-mail.

Django's reset flow under /account/wachtwoord/, rate-limited per IP address and
per address (in the cache), with the same answer whether or not the address exists.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from cio_stelsel.rechten import Rol
from tests.factories import WACHTWOORD, MinisterieFactory, benoem

NIEUW = "Nieuw-en-lang-wachtwoord-2026"


@pytest.fixture(autouse=True)
def _schone_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gebruiker(db):
    return benoem(Rol.CIO_OFFICE, MinisterieFactory()).persoon.user


def _aanvragen(client, adres):
    return client.post(reverse("password_reset"), {"email": adres})


def _link(bericht) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", bericht.body).group(1)


def test_issue20_5_the_reset_pages_exist(client):
    assert client.get(reverse("password_reset")).status_code == 200
    assert reverse("password_reset") == "/account/wachtwoord/vergeten/"
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def test_issue20_5_same_answer_whether_or_not_the_address_exists(client, gebruiker):
    bestaand = _aanvragen(client, gebruiker.email)
    onbekend = _aanvragen(client, "niemand@example.nl")
    assert bestaand.status_code == onbekend.status_code == 302
    assert bestaand["Location"] == onbekend["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [gebruiker.email]
    assert "CIO-stelsel" in mail.outbox[0].subject and gebruiker.username in mail.outbox[0].body


def test_issue20_5_reset_through_the_link_audited_and_lifts_a_lockout(client, gebruiker, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": gebruiker.username, "password": "fout-wachtwoord-123"})
    assert client.post(reverse("login"), {"username": gebruiker.username, "password": WACHTWOORD}).status_code == 429
    _aanvragen(client, gebruiker.email)
    link = _link(mail.outbox[0])
    formulier = client.get(link, follow=True)  # Django redirects to a URL without the token
    assert formulier.status_code == 200
    adres = formulier.redirect_chain[-1][0]
    response = client.post(adres, {"new_password1": NIEUW, "new_password2": NIEUW})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_complete")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(NIEUW)
    record = AuditRecord.objects.get(actie="account.wachtwoord_hersteld")
    assert record.actor == gebruiker
    # The lock-out is lifted: the new password logs in.
    assert Client().post(reverse("login"), {"username": gebruiker.username, "password": NIEUW}).status_code == 302
    # The link works once.
    assert "ongeldig" in client.get(link, follow=True).content.decode()


def test_issue20_5_weak_password_refused_on_reset(client, gebruiker):
    _aanvragen(client, gebruiker.email)
    adres = client.get(_link(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    response = client.post(adres, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200 and response.context["form"].errors["new_password2"]
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(WACHTWOORD)


def test_issue20_5_rate_limited_per_address_without_telling(client, gebruiker, settings):
    settings.WACHTWOORDHERSTEL_PER_ADRES = 2
    antwoorden = [_aanvragen(Client(REMOTE_ADDR=f"10.0.0.{i}"), gebruiker.email) for i in range(4)]
    assert {r.status_code for r in antwoorden} == {302}
    assert len(mail.outbox) == 2
    # Upper case is the same address.
    _aanvragen(Client(REMOTE_ADDR="10.0.1.1"), gebruiker.email.upper())
    assert len(mail.outbox) == 2


def test_issue20_5_rate_limited_per_ip_address(gebruiker, settings):
    settings.WACHTWOORDHERSTEL_PER_IP = 3
    client = Client(REMOTE_ADDR="192.0.2.7")
    statussen = [_aanvragen(client, f"iemand{i}@example.nl").status_code for i in range(4)]
    assert statussen == [302, 302, 302, 429]
    assert _aanvragen(client, gebruiker.email).status_code == 429
    assert not mail.outbox
    assert _aanvragen(Client(REMOTE_ADDR="192.0.2.8"), gebruiker.email).status_code == 302
