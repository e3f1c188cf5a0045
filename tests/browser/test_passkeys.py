"""Passkeys in a real browser (BIO 5.17.01, issue 17): Chromium's virtual authenticator through the DevTools protocol.

The authenticator (CTAP2, built in, resident keys, user verification) answers
the library's own script (django-otp-webauthn's static JavaScript, under the
site's Content-Security-Policy) as a platform passkey would: registration at the
first log-in, then the second factor at the next log-in, and removal. The pages
are checked with axe (0 violations).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from cio_stelsel.models import AuditRecord
from tests.browser.test_toegankelijkheid import WCAG
from tests.factories import WACHTWOORD
from tests.tweede_factor import app_van

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def passkey_site(live_server, settings):
    """The live server as the relying party: RP ID localhost (a domain, as browsers require), its origin allowed."""
    url = live_server.url.replace("127.0.0.1", "localhost")
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [url]
    return url


@pytest.fixture
def met_authenticator(browser):
    """A page with a virtual platform authenticator (ctap2, internal, resident key, user verified); CSP reports collected."""
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]
    page.csp = []
    page.on("console", lambda m: page.csp.append(m.text) if "Content Security Policy" in m.text else None)
    page.sleutels = lambda: cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    yield page
    context.close()


def wachtwoord(page, site: str, user, volgende: str = "") -> None:
    page.goto(f"{site}/inloggen/" + (f"?next={volgende}" if volgende else ""))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def axe(page) -> str:
    resultaat = Axe().run(page, options=WCAG)
    return f"\n=== {page.url}\n{resultaat.generate_report()}" if resultaat.violations_count else ""


def test_bio_5_17_01_register_a_passkey_at_the_first_log_in_then_log_in_with_it(passkey_site, met_authenticator, office):
    page = met_authenticator
    rapport = ""
    wachtwoord(page, passkey_site, office, volgende="/portfolio/")
    expect(page).to_have_url(re.compile(r"/account/tweede-factor/inrichten/"))
    rapport += axe(page)
    page.get_by_role("button", name="Passkey registreren").click()
    # The library's script stored the passkey; ours goes on to the recovery codes.
    expect(page).to_have_url(re.compile(r"/account/tweede-factor/herstelcodes/"))
    assert len(page.sleutels()) == 1
    passkey = WebAuthnCredential.objects.get(user=office)
    assert passkey.discoverable is True
    assert AuditRecord.objects.filter(actie="passkey_geregistreerd", object_id=str(office.pk)).exists()
    page.get_by_role("button", name="Nieuwe herstelcodes maken").click()
    expect(page.locator("code").first).to_be_visible()

    # Log out; the next log-in asks for the passkey, and staff pages wait for it.
    page.get_by_role("button", name="Uitloggen").click()
    wachtwoord(page, passkey_site, office, volgende="/portfolio/")
    expect(page).to_have_url(re.compile(r"/account/tweede-factor/\?next="))
    werkvoorraad = reverse("cio_stelsel:werkvoorraad")
    page.goto(passkey_site + werkvoorraad)
    expect(page).to_have_url(re.compile(r"/account/tweede-factor/\?next=" + re.escape(werkvoorraad) + "$"))
    rapport += axe(page)
    page.get_by_role("button", name="Bevestigen met passkey").click()
    expect(page).to_have_url(passkey_site + werkvoorraad)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
    assert not page.csp, page.csp
    assert not rapport, rapport


def test_bio_5_17_01_add_a_passkey_after_the_app_and_remove_it_after_a_confirmation(passkey_site, met_authenticator, office):
    from tests.tweede_factor import code_van

    page = met_authenticator
    rapport = ""
    app_van(office)
    wachtwoord(page, passkey_site, office)
    page.locator("#id_code").fill(code_van(office))
    page.get_by_role("button", name="Controleren").click()
    page.get_by_role("link", name="Passkeys").click()
    expect(page.get_by_text("U heeft nog geen passkey.")).to_be_visible()
    rapport += axe(page)
    page.get_by_role("button", name="Passkey registreren").click()
    expect(page.get_by_role("table")).to_be_visible()
    passkey = WebAuthnCredential.objects.get(user=office)
    expect(page.get_by_role("cell", name=passkey.name, exact=True)).to_be_visible()
    rapport += axe(page)
    page.get_by_role("link", name=re.compile("Verwijderen")).click()
    expect(page.get_by_role("heading", name="Weet u het zeker?")).to_be_visible()
    rapport += axe(page)
    page.get_by_role("button", name="Ja, verwijderen").click()
    expect(page.get_by_text("U heeft nog geen passkey.")).to_be_visible()
    assert not WebAuthnCredential.objects.filter(user=office).exists()
    assert AuditRecord.objects.filter(actie="passkey_verwijderd", object_id=str(office.pk)).exists()
    assert not page.csp, page.csp
    assert not rapport, rapport
