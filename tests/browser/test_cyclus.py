"""Issue 12 in a real browser: a whole reporting cycle.

Due peildatum on the cycle page → the CIO-office prepares the versions (a herijking dated after the
peildatum is left out, and the page says so) → the CIO signs off the ministry in one step from the
werkvoorraad → the CIO Rijk publishes two ministries at once → the public page shows the stand on the peildatum.
"""

import datetime

import pytest
from playwright.sync_api import expect

from cio_stelsel.rechten import Rol
from portfolio import services
from portfolio.models import ActiviteitVersie, Gebeurtenis, RedenHerijking
from tests.browser.test_portfolio import csp_schendingen, inloggen
from tests.factories import MinisterieFactory, activiteit, bedragen, benoem

pytestmark = pytest.mark.django_db(transaction=True)

P2025 = datetime.date(2025, 12, 31)


def wissel(page, live_server, user):
    page.context.clear_cookies()
    inloggen(page, live_server, user)


def test_issue12_a_whole_cycle_from_due_peildatum_to_the_public_stand(page, live_server, settings):
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000
    bzk = MinisterieFactory(naam="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", afkorting="BZK", code="bzk")
    fin = MinisterieFactory(naam="Ministerie van Financiën", afkorting="FIN", code="fin")
    office, office_fin = benoem(Rol.CIO_OFFICE, bzk).persoon.user, benoem(Rol.CIO_OFFICE, fin).persoon.user
    cio, cio_fin = benoem(Rol.DEPARTEMENTALE_CIO, bzk).persoon.user, benoem(Rol.DEPARTEMENTALE_CIO, fin).persoon.user
    cio_rijk = benoem(Rol.CIO_RIJK).persoon.user
    digid = activiteit(
        office,
        bzk,
        naam="Doorontwikkeling DigiD Machtigen",
        startdatum=datetime.date(2023, 1, 1),
        einddatum=datetime.date(2026, 12, 31),
        geschat=45_200_000,
    )
    digid.refresh_from_db()
    services.gebeurtenis_toevoegen(
        actor=office,
        activiteit=digid,
        versie=digid.versie,
        soort=Gebeurtenis.Soort.HERIJKING,
        datum=datetime.date(2026, 2, 2),
        einddatum=datetime.date(2027, 6, 30),
        bedragen=bedragen(56_200_000),
        toelichting_kosten="Uitbreiding.",
        redenen=list(RedenHerijking.objects.all()[:1]),
    )
    belasting = activiteit(office_fin, fin, naam="Nieuw belastingsysteem", geschat=60_000_000)
    # FIN's version is prepared and signed off outside the browser.
    v = services.versie_voorbereiden(actor=office_fin, activiteit=belasting, peildatum=P2025)
    services.versies_aftekenen(actor=cio_fin, ministerie=fin, peildatum=P2025, versies=[v])
    schendingen = csp_schendingen(page)

    # The CIO-office: the cycle shows the due peildatum and 2025 with one activity without a version.
    inloggen(page, live_server, office)
    page.goto(f"{live_server.url}/portfolio/publicatie/cyclus/")
    expect(page.get_by_role("heading", name="Peildatum 31-12-2026")).to_be_visible()
    rij = page.locator('section[data-peildatum="2025-12-31"] tr[data-ministerie="BZK"]')
    expect(rij).to_contain_text("CIO-office: 1 versie(s) voorbereiden")
    rij.get_by_role("link", name="Ministerie van Binnenlandse Zaken").click()
    page.get_by_role("button", name="Versie voorbereiden").click()
    expect(page.get_by_text("Niet in deze versie, want gedateerd na de peildatum 31-12-2025")).to_be_visible()
    expect(page.get_by_text("Herijking 02-02-2026")).to_be_visible()

    # The CIO: the step on the werkvoorraad, then the whole ministry signed off in one step, with the list.
    wissel(page, live_server, cio)
    page.goto(f"{live_server.url}/werk/")
    page.get_by_role("link", name="Departementale CIO: 1 versie(s) aftekenen").click()
    expect(page.get_by_role("table").first).to_contain_text("Doorontwikkeling DigiD Machtigen")
    expect(page.get_by_text("Herijking 02-02-2026")).to_be_visible()
    page.get_by_role("button", name="Ja, datakwaliteit aftekenen").click()
    expect(page.get_by_text("is afgetekend")).to_be_visible()

    # The CIO Rijk publishes both ministries at once after the confirmation listing them.
    wissel(page, live_server, cio_rijk)
    page.goto(f"{live_server.url}/portfolio/publicatie/cyclus/")
    page.get_by_role("link", name="2 gecontroleerde versies publiceren…").click()
    expect(page.locator('table[data-ministerie="BZK"]')).to_contain_text("Doorontwikkeling DigiD Machtigen")
    expect(page.locator('table[data-ministerie="FIN"]')).to_contain_text("Nieuw belastingsysteem")
    page.get_by_role("button", name="Ja, publiceren").click()
    expect(page.get_by_text("zijn gepubliceerd voor peildatum 31-12-2025")).to_be_visible()
    assert ActiviteitVersie.objects.filter(peildatum=P2025, status="gepubliceerd").count() == 2

    # Publicly: the stand on 31-12-2025, without the 2026 herijking.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/activiteiten/{digid.nummer}/?peildatum=2025-12-31")
    kerncijfers = page.locator("ul.kerncijfers")
    expect(kerncijfers).to_contain_text("45,2")
    expect(kerncijfers).not_to_contain_text("56,2")
    assert schendingen == []
