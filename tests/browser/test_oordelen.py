"""The CIO-oordeel in a real browser: draft → CISO contribution → decision → start (B1, B5), and the refusal of art 5.3.

Each user logs in through /inloggen/ in their own browser context (no shared cookies).
"""

import re

import pytest
from playwright.sync_api import expect

from oordelen.models import CioOordeel
from portfolio.models import IctActiviteit, Status
from tests.factories import WACHTWOORD, activiteit
from tests.tweede_factor import app_van, code_van

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def als(browser, live_server):
    """als(user) → a logged-in page in a fresh browser context of its own."""
    contexten = []

    def inloggen(user):
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        context.set_default_timeout(10_000)
        contexten.append(context)
        page = context.new_page()
        app_van(user)  # before the password: with an app the second step asks for its code
        page.goto(f"{live_server.url}/inloggen/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.locator("#id_code").fill(code_van(user))  # the second factor (BIO 5.17.01)
        page.get_by_role("button", name="Controleren").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        return page

    yield inloggen
    for context in contexten:
        context.close()


@pytest.fixture
def groot(office, ministerie):
    return activiteit(office, ministerie, naam="Nieuw belastingsysteem", geschat=40_000_000)


def test_b1_b5_from_draft_to_decision_and_start(live_server, als, office, ciso, cio, groot):
    # The CIO-office drafts the oordeel.
    page = als(office)
    page.goto(f"{live_server.url}/oordelen/activiteit/{groot.nummer}/nieuw/")
    expect(page.get_by_role("link", name="Nieuw belastingsysteem").first).to_be_visible()
    page.get_by_label("Aanleiding / fase").fill("Voor de start")
    page.get_by_label("Versie kwaliteitskader").fill("Kwaliteitskader CIO-oordelen Rijksoverheid 2.1")
    for aspect, waarde in (
        ("beheersing", "voldoende"),
        ("haalbaarheid", "aandachtspunten"),
        ("risicos", "voldoende"),
        ("implicaties", "voldoende"),
    ):
        page.locator(f"#id_{aspect}").select_option(waarde)
        page.locator(f"#id_{aspect}_toelichting").fill(f"Toelichting op {aspect}.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").filter(has_text="concept-oordeel is opgeslagen")).to_be_visible()
    oordeel_url = page.url
    assert re.search(r"/oordelen/\d+/$", oordeel_url)
    page.get_by_role("button", name="Uitloggen").click()

    # The CIO sees that the decision waits for the CISO (B5).
    page = als(cio)
    page.goto(oordeel_url)
    expect(page.get_by_text("Wacht op de CISO")).to_be_visible()
    expect(page.get_by_role("button", name="Oordeel vaststellen")).to_have_count(0)

    # The CISO contributes.
    page = als(ciso)
    page.goto(oordeel_url)
    page.get_by_label("Bijdrage over informatiebeveiliging").fill("BIO-maatregelen getoetst; DPIA uitgevoerd.")
    page.get_by_role("button", name="Bijdrage vastleggen").click()
    expect(page.get_by_role("status").filter(has_text="bijdrage over informatiebeveiliging is vastgelegd")).to_be_visible()

    # The CIO decides: positive under conditions.
    page = als(cio)
    page.goto(oordeel_url)
    page.get_by_label("Positief onder voorwaarden").check()
    page.get_by_label("Motivering").fill("Goed voorbereid; de regie moet sterker.")
    page.get_by_role("textbox", name="Voorwaarden").fill("Externe review vóór fase 2\nExitstrategie uitwerken")
    page.get_by_role("button", name="Oordeel vaststellen").click()
    # An irreversible decision is confirmed first (issue 18), with what will be recorded.
    expect(page.get_by_role("heading", name="Weet u zeker dat u dit CIO-oordeel vaststelt?")).to_be_visible()
    expect(page.get_by_text("Exitstrategie uitwerken")).to_be_visible()
    page.get_by_role("button", name="Ja, stel het oordeel vast").click()
    expect(page.get_by_role("status").filter(has_text="CIO-oordeel is vastgesteld")).to_be_visible()
    expect(page.get_by_text("Geldend oordeel:")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Download PDF"))).to_be_visible()
    oordeel = CioOordeel.objects.get(activiteit=groot)
    assert oordeel.status == CioOordeel.Status.VASTGESTELD and oordeel.uitkomst == "positief_onder_voorwaarden"

    # The office starts the activity through the portfolio status page.
    page = als(office)
    page.goto(f"{live_server.url}/portfolio/{groot.nummer}/status/")
    page.get_by_label("In uitvoering").check()
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_role("status").filter(has_text="In uitvoering")).to_be_visible()
    expect(page.locator(".paginakop .label").first).to_have_text("In uitvoering")
    assert IctActiviteit.objects.get(pk=groot.pk).status == Status.IN_UITVOERING


def test_b1_start_without_oordeel_is_refused_citing_art_5_3(live_server, als, office, groot):
    page = als(office)
    page.goto(f"{live_server.url}/portfolio/{groot.nummer}/status/")
    page.get_by_label("In uitvoering").check()
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.locator(".foutoverzicht")).to_contain_text("art 5.3")
    expect(page.locator(".veld--fout")).to_contain_text("positief CIO-oordeel")
    expect(page.locator(".lead .label")).to_have_text("Nog niet gestart")
    assert IctActiviteit.objects.get(pk=groot.pk).status == Status.NOG_NIET_GESTART
