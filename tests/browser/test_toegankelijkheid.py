"""WCAG 2.1 AA: axe-core in a real browser (Debian's Chromium) on every public page type and the main internal pages.

The data: the published portfolio of tests/dashboard/publiek.py, built through the
services (two ministeries, two peildata, a herijking, a correction, completed and
cancelled activities, every list of an activity). ``manage.py demo_laden`` takes
about 70 seconds here, too long for a test; this set covers every element the
demo has on these pages.

Each page is checked against the WCAG 2.0/2.1 A and AA rules of axe-core (plus
its best practices) and must have zero violations; on failure the report says
which rule, which element, and how to fix it. Besides, the public pages must not
need JavaScript (the browser runs with JavaScript off for them) and show no
Content-Security-Policy violation.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from cio_stelsel.rechten import Rol
from tests.dashboard.publiek import MARKER, bouwen, oordeel_met_marker
from tests.factories import DienstonderdeelFactory, MinisterieFactory, benoem

pytestmark = pytest.mark.django_db(transaction=True)

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@pytest.fixture
def gegevens(monkeypatch, settings):
    from django.core.cache import cache

    from dashboard import selectors

    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000
    cache.clear()
    selectors.geheugen.legen()
    bzk = MinisterieFactory(naam="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", afkorting="BZK", code="bzk")
    fin = MinisterieFactory(naam="Ministerie van Financiën", afkorting="FIN", code="fin")
    logius = DienstonderdeelFactory(ministerie=bzk, naam="Logius", afkorting="Logius")
    rollen = {
        "office": benoem(Rol.CIO_OFFICE, bzk),
        "cio": benoem(Rol.DEPARTEMENTALE_CIO, bzk),
        "ciso": benoem(Rol.DEPARTEMENTALE_CISO, bzk),
        "cio_rijk": benoem(Rol.CIO_RIJK),
        "office_fin": benoem(Rol.CIO_OFFICE, fin),
        "cio_fin": benoem(Rol.DEPARTEMENTALE_CIO, fin),
        "ciso_fin": benoem(Rol.DEPARTEMENTALE_CISO, fin),
    }
    users = {naam: t.persoon.user for naam, t in rollen.items()}
    p = bouwen(
        monkeypatch,
        bzk=bzk,
        fin=fin,
        logius=logius,
        **{k: users[k] for k in ("office", "cio", "ciso", "cio_rijk", "office_fin", "cio_fin")},
    )
    oordeel_met_marker(users["office_fin"], users["ciso_fin"], users["cio_fin"], p.belasting)
    yield p, users
    cache.clear()
    selectors.geheugen.legen()


def axe_controle(page, url: str) -> str:
    """Load ``url`` and run axe; returns the report of the violations ('' when there are none)."""
    response = page.goto(url)
    assert response is not None
    resultaat = Axe().run(page, options=WCAG)
    if resultaat.violations_count:
        return f"\n=== {url} ({response.status}): {resultaat.violations_count} violation(s)\n{resultaat.generate_report()}"
    return ""


def publieke_paginas(p) -> dict[str, tuple[str, int]]:
    n = p.basisregistratie.nummer
    return {
        "home": ("/", 200),
        "lijst": ("/activiteiten/", 200),
        "lijst met filters": (
            "/activiteiten/?status=in_uitvoering&status=afgerond&ministerie=bzk&organisatie=Logius&acict=nee&q=beheer&sort=-actueel",
            200,
        ),
        "lijst zonder resultaat": ("/activiteiten/?q=bestaat-niet", 200),
        "activiteit": (f"/activiteiten/{n}/", 200),
        "activiteit eerdere peildatum": (f"/activiteiten/{n}/?peildatum=2024-12-31", 200),
        "ministeries": ("/ministeries/", 200),
        "ministerie": ("/ministeries/bzk/", 200),
        "vergelijking": ("/ministeries/fin/?van=2024-12-31&tot=2025-12-31", 200),
        "grafieken": ("/grafieken/", 200),
        "open data": ("/open-data/", 200),
        "toegankelijkheid": ("/toegankelijkheid/", 200),
        "zoeken": ("/zoeken/?q=beheer", 200),
        "zoeken zonder zoekterm": ("/zoeken/", 200),
        "rijksbreed vergelijken": ("/vergelijken/", 200),
        "400": ("/activiteiten/?sort=onbekend", 400),
        "404": ("/activiteiten/999999/", 404),
    }


@pytest.mark.parametrize("breedte", [1280, 375])
def test_every_public_page_type_has_no_axe_violations(browser, live_server, gegevens, breedte):
    p, _users = gegevens
    venster = {"width": breedte, "height": 900}
    # Public pages must work without JavaScript.
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", java_script_enabled=False, viewport=venster)
    page = context.new_page()
    csp = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    rapport = ""
    for naam, (pad, status) in publieke_paginas(p).items():
        response = page.goto(f"{live_server.url}{pad}")
        assert response.status == status, naam
        assert MARKER not in page.content(), naam
        context_js = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport=venster)  # axe itself is a script
        rapport += axe_controle(context_js.new_page(), f"{live_server.url}{pad}")
        context_js.close()
    context.close()
    assert not csp, csp
    assert not rapport, rapport


def test_the_list_filters_work_with_the_keyboard_and_without_javascript(browser, live_server, gegevens):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/activiteiten/")
    page.get_by_role("checkbox", name="Afgerond").check()
    page.get_by_role("button", name="Filters toepassen").press("Enter")
    assert "status=afgerond" in page.url
    assert page.get_by_role("link", name="Migratie rekencentrum").is_visible()
    assert page.get_by_role("status").inner_text().startswith("1 ICT-activiteit")
    context.close()


def test_main_internal_pages_have_no_axe_violations(browser, live_server, gegevens):
    p, users = gegevens
    client = Client()
    client.force_login(users["office"], backend="django.contrib.auth.backends.ModelBackend")
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    rapport = axe_controle(page, f"{live_server.url}/inloggen/")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    for pad in ["/werk/", "/portfolio/", f"/portfolio/{p.basisregistratie.nummer}/", "/"]:
        rapport += axe_controle(page, f"{live_server.url}{pad}")
    context.close()
    assert not rapport, rapport


def test_b13_the_reporting_model_pages_have_no_axe_violations(browser, live_server, gegevens):
    """The CIO Rijk's pages for the reporting model, also with the form's errors showing."""
    import datetime

    from django.utils import timezone

    from portfolio import rapportagemodel_services

    _p, users = gegevens
    cio_rijk = users["cio_rijk"]
    toekomst = rapportagemodel_services.drempel_vaststellen(
        actor=cio_rijk,
        geldig_vanaf=timezone.localdate() + datetime.timedelta(days=60),
        drempel_eur=8_000_000,
        toelichting="Kader Portfoliomanagement Rijk",
    )
    reden = rapportagemodel_services.reden_toevoegen(actor=cio_rijk, naam="Nieuwe reden")
    client = Client()
    client.force_login(cio_rijk, backend="django.contrib.auth.backends.ModelBackend")
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    rapport = ""
    for pad in [
        "/portfolio/rapportagemodel/",
        f"/portfolio/rapportagemodel/drempel/{toekomst.pk}/intrekken/",
        f"/portfolio/rapportagemodel/reden/{reden.pk}/",
        f"/portfolio/rapportagemodel/reden/{reden.pk}/verwijderen/",
    ]:
        rapport += axe_controle(page, f"{live_server.url}{pad}")

    # A threshold from before the newest published peildatum (31-12-2025): refused on the field, with the input kept.
    page.goto(f"{live_server.url}/portfolio/rapportagemodel/")
    page.get_by_label("Geldig vanaf").fill("2025-06-01")
    page.get_by_label("Drempel (EUR)").fill("7.000.000")
    page.get_by_label("Toelichting").fill("Kader Portfoliomanagement Rijk 2025")
    page.get_by_role("button", name="Drempel vaststellen").click()
    page.wait_for_load_state()
    assert "31-12-2025" in page.locator("#id_drempel-geldig_vanaf_fout").inner_text()
    assert page.get_by_label("Toelichting").input_value() == "Kader Portfoliomanagement Rijk 2025"
    resultaat = Axe().run(page, options=WCAG)
    if resultaat.violations_count:
        rapport += f"\n=== form with errors: {resultaat.violations_count} violation(s)\n{resultaat.generate_report()}"
    context.close()
    assert not rapport, rapport
