"""The informatieplan in a real browser: concept → CISO section → ter vaststelling → vastgesteld → openbaar → kwaliteitstoets.

Each role logs in through /inloggen/ with its second factor in a browser context of its own: the
CIO-office drafts (B10), the CISO writes the information-security section (B11), the minister decides and
makes the plan openbaar (B12, section 4), the CIO Rijk reviews it (art 11 i). Then the public I-plan pages
and the main internal plan pages are checked with axe-core (0 violations), the public ones without JavaScript.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cio_stelsel.rechten import Rol
from informatieplannen.models import Criterium, Informatieplan
from tests.browser.test_toegankelijkheid import WCAG, axe_controle
from tests.factories import WACHTWOORD, activiteit, benoem
from tests.tweede_factor import app_van, code_van

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def als(browser, live_server):
    """als(user) → a logged-in page in a fresh browser context of its own."""
    contexten = []

    def inloggen(user):
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        context.set_default_timeout(15_000)
        contexten.append(context)
        page = context.new_page()
        app_van(user)
        page.goto(f"{live_server.url}/inloggen/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.locator("#id_code").fill(code_van(user))
        page.get_by_role("button", name="Controleren").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        return page

    yield inloggen
    for context in contexten:
        context.close()


def _axe(page, naam: str) -> str:
    resultaat = Axe().run(page, options=WCAG)
    return f"\n=== {naam}: {resultaat.violations_count} violation(s)\n{resultaat.generate_report()}" if resultaat.violations_count else ""


def test_b10_b11_b12_a_plan_from_concept_to_kwaliteitstoets_and_the_public_iplan_page(
    browser, live_server, als, office, ciso, cio_rijk, ministerie
):
    minister = benoem(Rol.MINISTER, ministerie).persoon.user
    act = activiteit(office, ministerie, naam="Basisregistratie Personen vernieuwen")
    rapport = ""

    # The CIO-office drafts the plan and its portfolio with the financial paragraph (B10).
    page = als(office)
    page.goto(f"{live_server.url}/informatieplannen/nieuw/")
    page.get_by_label("Titel").fill("Informatieplan BZK 2026-2029")
    page.get_by_label("Eerste jaar").fill("2026")
    page.get_by_label("Laatste jaar").fill("2029")
    page.get_by_label("Ambities", exact=True).fill("Een wendbare en veilige I-functie.")
    page.get_by_label("Strategische doelen").fill("Digitale weerbaarheid versterken.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1, name="Informatieplan BZK 2026-2029")).to_be_visible()
    plan = Informatieplan.objects.get()
    expect(page.get_by_text("De paragraaf informatiebeveiliging van de CISO ontbreekt")).to_be_visible()

    page.get_by_role("link", name="Activiteit toevoegen").click()
    page.get_by_label("Bestaande ICT-activiteit").select_option(value=str(act.pk))
    for jaar in range(2026, 2030):
        page.get_by_label(f"Bedrag {jaar} (EUR)").fill("2500000")
        page.get_by_label(f"Onderbouwing {jaar}").fill(f"Meerjarenbegroting {jaar}.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("row", name=act.naam).first).to_be_visible()
    rapport += _axe(page, "plan (concept, CIO-office)")

    # B11: the CISO writes the information-security section.
    cs = als(ciso)
    cs.goto(f"{live_server.url}/informatieplannen/{plan.pk}/")
    cs.get_by_role("link", name="Paragraaf informatiebeveiliging schrijven").click()
    cs.get_by_label("Paragraaf informatiebeveiliging").fill("BIO op orde; risicomanagement per activiteit.")
    cs.get_by_role("button", name="Opslaan").click()
    expect(cs.get_by_text("De paragraaf informatiebeveiliging is vastgelegd.")).to_be_visible()

    # The CIO-office offers the plan to the minister, after confirming.
    page.goto(f"{live_server.url}/informatieplannen/{plan.pk}/")
    page.get_by_role("link", name="Ter vaststelling aanbieden").click()
    page.get_by_role("button", name="Ja, aanbieden").click()
    expect(page.get_by_text("Het informatieplan is ter vaststelling aangeboden aan de minister.")).to_be_visible()

    # B12: the minister finds the task on the werkvoorraad, decides the plan and makes it openbaar.
    m = als(minister)
    m.goto(f"{live_server.url}/werk/")
    m.get_by_role("link", name="Informatieplan vaststellen: Informatieplan BZK 2026-2029").click()
    m.get_by_role("link", name="Vaststellen", exact=True).click()
    m.get_by_role("button", name="Ja, vaststellen").click()
    expect(m.get_by_text("Het informatieplan is vastgesteld.")).to_be_visible()
    m.get_by_role("link", name="Openbaar maken").click()
    rapport += _axe(m, "openbaar maken (minister)")
    m.get_by_label("Samenvatting voor de openbare I-plan-pagina").fill("BZK werkt aan een wendbare en veilige I-functie.")
    m.get_by_role("button", name="Ja, openbaar maken").click()
    expect(m.get_by_text("Het informatieplan is openbaar")).to_be_visible()

    # Art 11 i: the CIO Rijk reviews it against each criterion of the kwaliteitskader.
    rijk = als(cio_rijk)
    rijk.goto(f"{live_server.url}/werk/")
    rijk.get_by_role("link", name="Kwaliteitstoets informatieplan: Informatieplan BZK 2026-2029 (BZK)").click()
    rapport += _axe(rijk, "plan (vastgesteld, CIO Rijk, with the consistency table)")
    expect(rijk.get_by_role("heading", name="Samenhang met het portfolio")).to_be_visible()
    rijk.get_by_role("link", name="Kwaliteitstoets vastleggen").click()
    for c in Criterium:
        rijk.locator(f"input[name='beoordeling_{c.value}'][value='voldoende']").check()
        rijk.get_by_label(f"Bevinding: {c.label}").fill(f"{c.label}: op orde.")
    rijk.locator("input[name='eindoordeel'][value='aandachtspunten']").check()
    rijk.get_by_label("Samenvatting voor de Minister van BZK").fill("Het plan voldoet met aandachtspunten.")
    rijk.get_by_role("button", name="Opslaan").click()
    expect(rijk.get_by_text("De kwaliteitstoets is vastgelegd.")).to_be_visible()
    plan.refresh_from_db()
    assert plan.status == Informatieplan.Status.GETOETST and plan.openbaar

    # An actualisatie: the CIO-office starts it and sees what changed.
    page.goto(f"{live_server.url}/informatieplannen/{plan.pk}/")
    page.get_by_role("link", name="Actualisatie beginnen").click()
    page.get_by_role("button", name="Ja, actualisatie beginnen").click()
    page.get_by_role("link", name="Ambities en periode bewerken").click()
    page.get_by_label("Ambities", exact=True).fill("Een wendbare, veilige en open I-functie.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Bekijk wat er is veranderd").click()
    expect(page.get_by_text("Een wendbare, veilige en open I-functie.")).to_be_visible()
    rapport += _axe(page, "wijzigingen")

    # The public I-plan page, without JavaScript and without log-in: the summary, the period and the PDF.
    publiek = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", java_script_enabled=False)
    p = publiek.new_page()
    p.goto(f"{live_server.url}/i-plannen/")
    p.get_by_role("link", name=ministerie.naam).click()
    expect(p.get_by_text("BZK werkt aan een wendbare en veilige I-functie.")).to_be_visible()
    expect(p.get_by_text("2026–2029").first).to_be_visible()
    assert "BIO op orde" not in p.content() and "aandachtspunten" not in p.content()
    assert "open I-functie" not in p.content()  # the concept actualisatie stays internal
    with p.expect_download() as download:
        p.get_by_role("link", name="Download het informatieplan (PDF, toegankelijk)").click()
    with open(download.value.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    publiek.close()

    assert not rapport, rapport


def test_section4_the_public_iplan_pages_have_no_axe_violations(browser, live_server, office, ciso, ministerie, ander_ministerie):
    from informatieplannen import services

    minister = benoem(Rol.MINISTER, ministerie).persoon.user
    plan = services.plan_opstellen(
        actor=office,
        ministerie=ministerie,
        gegevens={
            "titel": "Informatieplan BZK",
            "periode_van": 2025,
            "periode_tot": 2027,
            "ambities": "Wendbaar.",
            "strategische_doelen": "Veilig.",
        },
    )
    services.regel_toevoegen(
        actor=office,
        plan=plan,
        voorgenomen_naam="Nieuw zaaksysteem",
        financien=[{"jaar": j, "bedrag": "100000", "redenering": "Raming."} for j in (2025, 2026, 2027)],
    )
    services.informatiebeveiliging_schrijven(actor=ciso, plan=plan, tekst="BIO.")
    services.plan_aanbieden(actor=office, plan=plan)
    services.plan_vaststellen(actor=minister, plan=plan)
    services.plan_openbaar_maken(actor=minister, plan=plan, samenvatting="Samenvatting.")
    rapport = ""
    for pad in ("/i-plannen/", f"/i-plannen/{ministerie.code}/", f"/i-plannen/{ander_ministerie.code}/"):
        kaal = browser.new_context(locale="nl-NL", java_script_enabled=False)
        response = kaal.new_page().goto(f"{live_server.url}{pad}")
        assert response.status == 200, pad
        kaal.close()
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")  # axe itself is a script
        rapport += axe_controle(context.new_page(), f"{live_server.url}{pad}")
        context.close()
    assert not rapport, rapport
