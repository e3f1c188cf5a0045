"""A large import in a real browser: upload, dry run, confirm, and the status page follows the worker without reloading.

The import runs in a real Celery worker thread (``werker``). A latch in the
service that records the new report holds the worker (not the dry run) there until the browser
has shown "Bezig", so the test sees the page change from running to done
however fast the machine is.
"""

import threading

import pytest
from playwright.sync_api import expect

from portfolio import services, uitwisseling, uitwisseling_views
from portfolio.models import Importtaak
from tests.browser.test_jaarrapportage import axe_controle
from tests.browser.test_portfolio import csp_schendingen, inloggen
from tests.factories import activiteit
from tests.portfolio.test_importtaak import nieuwe_rapportage

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_large_import_runs_in_the_background_and_its_page_shows_the_result(
    page, live_server, werker, office, ministerie, monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(uitwisseling_views, "SYNCHROON_MAX_RIJEN", 0)
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])
    a = activiteit(office, ministerie, naam="Vernieuwing belastingketen")
    bestand = tmp_path / "portfolio.xlsx"
    bestand.write_bytes(uitwisseling.naar_xlsx([nieuwe_rapportage(office)]))
    gewapend, verder = threading.Event(), threading.Event()
    echte_gebeurtenis = services.gebeurtenis_opbouwen  # the rules of a new event, in the bulk import and in gebeurtenis_toevoegen

    def na_het_sein(**kwargs):  # holds the worker inside the import (not the dry run) until the browser has seen "Bezig"
        if gewapend.is_set():
            assert verder.wait(60), "de browser zag de status 'Bezig' niet"
        return echte_gebeurtenis(**kwargs)

    monkeypatch.setattr(services, "gebeurtenis_opbouwen", na_het_sein)
    schendingen = csp_schendingen(page)
    inloggen(page, live_server, office)

    page.goto(f"{live_server.url}/portfolio/import/")
    page.locator("#id_bestand").set_input_files(str(bestand))
    page.get_by_role("button", name="Controleren (proefimport)").click()
    expect(page.get_by_text("op de achtergrond geïmporteerd")).to_be_visible()
    gewapend.set()
    page.get_by_role("button", name="Importeren").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Import van portfolio.xlsx")
    page.evaluate("window.zelfdePagina = true")  # gone if the page reloads
    status = page.locator('[data-veld="status_label"]')
    expect(status).to_have_text("Bezig", timeout=30_000)
    verder.set()
    expect(status).to_have_text("Geslaagd", timeout=60_000)
    expect(page.locator('[data-veld="bijgewerkt"]')).to_have_text("1")
    expect(page.get_by_role("link", name="Vernieuwen")).to_be_hidden()
    assert page.evaluate("window.zelfdePagina") is True  # no reload
    assert a.gebeurtenissen.count() == 2

    taak = Importtaak.objects.get()
    rapport = axe_controle(page, f"{live_server.url}/portfolio/import/{taak.pk}/taak/")
    rapport += axe_controle(page, f"{live_server.url}/portfolio/import/")  # with the list of background imports
    expect(page.get_by_role("link", name="portfolio.xlsx")).to_be_visible()
    assert not rapport, rapport
    assert schendingen == []
