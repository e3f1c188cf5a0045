"""B16 in a real browser: the CIO Rijk starts a Jaarrapportage, watches its progress without reloading, and downloads the PDF.

The generation runs in a real Celery worker thread (``werker``) on the broker of
the settings. A latch in the PDF step holds the generation there until the
browser has shown that step, so the test sees progress between 0 and 100 %
however fast the machine is.
"""

import hashlib
import threading

import pytest
from playwright.sync_api import expect

from dashboard import jaarrapportage_opmaak
from dashboard.models import Jaarrapportage
from tests.browser.test_portfolio import csp_schendingen, inloggen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000


def test_b16_cio_rijk_starts_a_generation_sees_progress_and_downloads_the_pdf(
    page, live_server, werker, portefeuille, cio_rijk, monkeypatch
):
    verder = threading.Event()
    echte_pdf = jaarrapportage_opmaak.pdf

    def pdf_na_het_sein(document):  # holds the worker in the step "PDF maken" until the browser has seen it
        assert verder.wait(60), "de browser zag de stap 'PDF maken' niet"
        return echte_pdf(document)

    monkeypatch.setattr(jaarrapportage_opmaak, "pdf", pdf_na_het_sein)
    schendingen = csp_schendingen(page)
    inloggen(page, live_server, cio_rijk)

    page.goto(f"{live_server.url}/jaarrapportage/")
    expect(page.get_by_role("heading", name="Nieuwe jaarrapportage")).to_be_visible()
    page.get_by_role("combobox", name="Jaar").select_option("2024")
    page.get_by_role("button", name="Genereren").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Jaarrapportage 2024")
    page.evaluate("window.zelfdePagina = true")  # gone if the page reloads
    voortgang = page.locator("progress")
    tekst = page.locator("#voortgang-tekst")
    # The page polls the status: the worker reached the PDF step (40 %) and waits there.
    expect(tekst).to_have_text("PDF maken (40%)", timeout=30_000)
    expect(voortgang).to_have_js_property("value", 40)
    expect(page.locator('[data-veld="status_label"]')).to_have_text("Bezig")
    expect(page.get_by_role("link", name="PDF downloaden")).to_be_hidden()

    verder.set()
    expect(tekst).to_have_text("Gereed (100%)", timeout=60_000)
    expect(voortgang).to_have_js_property("value", 100)
    expect(page.locator('[data-veld="status_label"]')).to_have_text("Concept")
    assert page.evaluate("window.zelfdePagina") is True  # no reload
    expect(page.get_by_role("link", name="Vernieuwen")).to_be_hidden()

    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").click()
    inhoud = open(download.value.path(), "rb").read()
    assert inhoud.startswith(b"%PDF-")
    rapport = Jaarrapportage.objects.get()
    assert rapport.status == Jaarrapportage.Status.CONCEPT
    assert hashlib.sha256(inhoud).hexdigest() == rapport.checksum
    assert download.value.suggested_filename == f"jaarrapportage-2024-concept-{rapport.pk}.pdf"

    # WCAG 2.1 AA (axe-core) on every page of the Jaarrapportage, then finalize and see it public.
    rapporten = ""
    for url in (
        "/jaarrapportage/",
        f"/jaarrapportage/{rapport.pk}/",
        f"/jaarrapportage/{rapport.pk}/html/",
        f"/jaarrapportage/{rapport.pk}/definitief/",
    ):
        rapporten += axe_controle(page, live_server.url + url)
    page.get_by_role("button", name="Ja, definitief maken").click()
    expect(page.get_by_role("status").filter(has_text="is definitief")).to_be_visible()
    for url in ("/jaarrapportage/publiek/", "/jaarrapportage/publiek/2024/"):
        rapporten += axe_controle(page, live_server.url + url)
    assert not rapporten, rapporten
    assert schendingen == []


def axe_controle(page, url: str) -> str:
    """Load ``url`` and run axe (WCAG 2.0/2.1 A and AA, best practices); returns the report of the violations."""
    from axe_playwright_python.sync_playwright import Axe

    antwoord = page.goto(url)
    assert antwoord is not None and antwoord.status == 200, url
    resultaat = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
    )
    return f"\n=== {url}\n{resultaat.generate_report()}" if resultaat.violations_count else ""
