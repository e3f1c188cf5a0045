"""The portfolio pages in a real browser: create an activity, re-baseline it, see the derived figures change.

The live server needs a transactional database, which is emptied after each
test; tests/conftest.py puts the data-migration rows (role Groups, Redenen
herijking) back before each transactional test.
"""

import datetime
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cio_stelsel.rechten import Rol
from portfolio import services
from portfolio.models import Gebeurtenis, IctActiviteit, Kamerstuk, Kwaliteitstoets, Mijlpaal, Ontwikkelpartij, RedenHerijking, Soort
from tests.factories import WACHTWOORD, DienstonderdeelFactory, MinisterieFactory, benoem
from tests.tweede_factor import app_van, code_van

pytestmark = pytest.mark.django_db(transaction=True)


def inloggen(page, live_server, user):
    app_van(user)  # before the password: with an app the second step asks for its code
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    # The second factor (BIO 5.17.01): a real code of the user's authenticator app.
    page.get_by_label("Code").fill(code_van(user))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("link", name="Herstelcodes")).to_be_visible()


def csp_schendingen(page) -> list[str]:
    """Collect console messages about the Content-Security-Policy (inline style or script)."""
    meldingen: list[str] = []
    page.on("console", lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None)
    return meldingen


def test_office_creates_an_activity_and_a_herijking_changes_the_derived_figures(page, live_server):
    bzk = MinisterieFactory(naam="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", afkorting="BZK", code="bzk")
    user = benoem(Rol.CIO_OFFICE, bzk).persoon.user
    schendingen = csp_schendingen(page)
    inloggen(page, live_server, user)

    page.goto(f"{live_server.url}/portfolio/")
    page.get_by_role("link", name="Nieuwe ICT-activiteit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe ICT-activiteit")
    page.get_by_label("Naam van de ICT-activiteit").fill("Nieuw zaaksysteem Rijk")
    page.get_by_label("Onderwerp").fill("Dienstverlening")
    page.get_by_label("Startdatum").fill("2024-01-01")
    page.get_by_label("Geschatte einddatum").fill("2026-12-31")
    page.get_by_label("Geschat: uitbesteed werk").fill("10.000.000")
    page.get_by_label("Geschat: intern personeel").fill("2.000.000")
    page.get_by_role("button", name="ICT-activiteit aanmaken").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw zaaksysteem Rijk")
    expect(page.get_by_text("is aangemaakt met de initiële baseline")).to_be_visible()
    kerncijfers = page.locator("ul.kerncijfers")
    expect(kerncijfers).to_contain_text("12,0")
    expect(kerncijfers).to_contain_text("0,0%")

    # open it from the list
    page.get_by_role("link", name="Portfolio", exact=True).first.click()
    page.get_by_role("link", name="Nieuw zaaksysteem Rijk").click()
    page.get_by_role("link", name="Herijking vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Herijking vastleggen")
    # prefilled with the current figures
    expect(page.get_by_label("Geschat: uitbesteed werk")).to_have_value("10.000.000")
    page.get_by_label(re.compile(r"^Datum")).fill("2025-03-01")
    page.get_by_label("Geschatte einddatum").fill("2027-12-31")
    page.get_by_label("Geschat: uitbesteed werk").fill("16.000.000")
    page.get_by_label("Gerealiseerd: uitbesteed werk").fill("3.500.000")
    page.get_by_label("Tegenvallers binnen project").check()
    page.get_by_label("Toelichting wijziging kosten").fill("De aanbesteding viel duurder uit dan geraamd.")
    page.get_by_role("button", name="Herijking vastleggen").click()

    expect(page.get_by_text("De herijking is vastgelegd.")).to_be_visible()
    kerncijfers = page.locator("ul.kerncijfers")
    expect(kerncijfers).to_contain_text("18,0")  # actueel
    expect(kerncijfers).to_contain_text("Initiële schatting: 12,0 mln euro")  # the baseline stays visible
    expect(kerncijfers).to_contain_text("+50,0%")  # difference
    expect(kerncijfers).to_contain_text("+6,0 mln euro")
    expect(kerncijfers).to_contain_text("+1,0")  # slip in years
    expect(kerncijfers).to_contain_text("+33,3% van de initiële doorlooptijd")
    expect(page.locator("dl.gegevens").first).to_contain_text("Tegenvallers binnen project")
    expect(page.get_by_role("img", name="Actuele schatting meerjarige kosten door de tijd, in miljoenen euro")).to_be_visible()
    expect(page.locator("#historie-caption")).to_have_text("Historie van kosten en doorlooptijd")
    expect(page.locator("table:has(#historie-caption) tbody tr")).to_have_count(2)
    assert schendingen == []

    a = IctActiviteit.objects.met_kerncijfers().get(naam="Nieuw zaaksysteem Rijk")
    assert a.kerncijfers.verschil_pct == 50 and a.kerncijfers.aantal_herijkingen == 1


# -- screenshots with realistic data ---------------------------------------------------

PROJECTEN = [
    # naam, onderwerp, soort, start, eind, initieel (mln), herijkingen [(datum, eind, mln, gerealiseerd mln, reden)]
    (
        "Vernieuwing Basisregistratie Personen",
        "Burgerzaken",
        Soort.VERNIEUWING,
        (2019, 3, 1),
        (2023, 12, 31),
        62.5,
        [((2021, 6, 1), (2025, 6, 30), 88.0, 31.0, "tegenvallers"), ((2023, 9, 1), (2026, 12, 31), 104.3, 67.2, "scopewijziging")],
    ),
    ("Werkplek Rijk 2030", "Bedrijfsvoering", Soort.BEHEER_EN_ONDERHOUD, (2022, 1, 1), (2027, 12, 31), 45.0, []),
    (
        "Digitale Overheid: MijnOverheid",
        "Digitalisering",
        Soort.VERNIEUWING,
        (2021, 1, 1),
        (2024, 12, 31),
        23.8,
        [((2023, 12, 31), (2025, 12, 31), 27.1, 19.4, "prijsontwikkeling")],
    ),
    ("Modernisering zaaksysteem", "Dienstverlening", Soort.VERNIEUWING, (2023, 5, 1), (2026, 4, 30), 12.2, []),
    ("Hulpmiddel archivering", "Bedrijfsvoering", Soort.VERNIEUWING, (2024, 1, 1), (2025, 6, 30), 3.4, []),
    (
        "Beheer Rijksportaal Personeel",
        "Bedrijfsvoering",
        Soort.BEHEER_EN_ONDERHOUD,
        (2020, 1, 1),
        (2028, 12, 31),
        110.0,
        [((2024, 12, 31), (2029, 12, 31), 131.5, 72.0, "wetswijziging")],
    ),
]


def _realistisch(office, ministerie, dienstonderdeel):
    eerste = None
    for i, (naam, onderwerp, soort, start, eind, mln, herijkingen) in enumerate(PROJECTEN):
        a = services.activiteit_aanmaken(
            actor=office,
            gegevens={
                "naam": naam,
                "ministerie": ministerie,
                "dienstonderdeel": dienstonderdeel if i % 2 else None,
                "onderwerp": onderwerp,
                "soort": soort,
                "startdatum": datetime.date(*start),
                "samenvatting": "Vervanging van een verouderd systeem door een modulaire oplossing die beter aansluit op de dienstverlening aan burgers.",
                "doel": "Betrouwbare, veilige en toekomstvaste registratie.",
                "opdrachtgevende_organisatie": "DGOO",
                "dienstverlening": "Inschrijving en adreswijziging",
                "ontwikkelwijze": "agile_scrum",
                "maatwerk": True,
            },
            initieel={
                "datum": datetime.date(*start),
                "einddatum": datetime.date(*eind),
                "geschat_uitbesteed_werk": Decimal(str(mln * 0.6 * 1e6)).quantize(Decimal("1")),
                "geschat_extern_personeel": Decimal(str(mln * 0.25 * 1e6)).quantize(Decimal("1")),
                "geschat_intern_personeel": Decimal(str(mln * 0.15 * 1e6)).quantize(Decimal("1")),
            },
        )
        for datum, nieuw_eind, nieuw_mln, gerealiseerd, reden in herijkingen:
            a.refresh_from_db()
            services.gebeurtenis_toevoegen(
                actor=office,
                activiteit=a,
                versie=a.versie,
                soort=Gebeurtenis.Soort.HERIJKING,
                datum=datetime.date(*datum),
                einddatum=datetime.date(*nieuw_eind),
                bedragen={
                    "geschat_uitbesteed_werk": Decimal(str(nieuw_mln * 0.6 * 1e6)).quantize(Decimal("1")),
                    "geschat_extern_personeel": Decimal(str(nieuw_mln * 0.25 * 1e6)).quantize(Decimal("1")),
                    "geschat_intern_personeel": Decimal(str(nieuw_mln * 0.15 * 1e6)).quantize(Decimal("1")),
                    "gerealiseerd_uitbesteed_werk": Decimal(str(gerealiseerd * 0.7 * 1e6)).quantize(Decimal("1")),
                    "gerealiseerd_extern_personeel": Decimal(str(gerealiseerd * 0.3 * 1e6)).quantize(Decimal("1")),
                },
                toelichting_kosten="Meerwerk na de aanbesteding en hogere tarieven.",
                toelichting_einddatum="Gefaseerde invoering bij de gemeenten.",
                redenen=RedenHerijking.objects.filter(code=reden),
            )
            a.refresh_from_db()
            services.gebeurtenis_toevoegen(
                actor=office,
                activiteit=a,
                versie=a.versie,
                soort=Gebeurtenis.Soort.RAPPORTAGE,
                datum=datetime.date(datum[0], 12, 31),
                einddatum=datetime.date(*nieuw_eind),
                bedragen={
                    "geschat_uitbesteed_werk": Decimal(str(nieuw_mln * 0.6 * 1e6)).quantize(Decimal("1")),
                    "geschat_extern_personeel": Decimal(str(nieuw_mln * 0.25 * 1e6)).quantize(Decimal("1")),
                    "geschat_intern_personeel": Decimal(str(nieuw_mln * 0.15 * 1e6)).quantize(Decimal("1")),
                    "gerealiseerd_uitbesteed_werk": Decimal(str(gerealiseerd * 0.8 * 1e6)).quantize(Decimal("1")),
                    "gerealiseerd_extern_personeel": Decimal(str(gerealiseerd * 0.35 * 1e6)).quantize(Decimal("1")),
                },
            )
        if eerste is None:
            eerste = a
    Mijlpaal.objects.create(
        activiteit=eerste,
        omschrijving="Aanbesteding gegund",
        verwachte_datum=datetime.date(2020, 3, 1),
        gerealiseerde_datum=datetime.date(2020, 5, 1),
        behaald=True,
        conform_eisen=True,
        projectplanversie="1.2",
    )
    Mijlpaal.objects.create(activiteit=eerste, omschrijving="Eerste gemeenten aangesloten", verwachte_datum=datetime.date(2025, 9, 1))
    Kwaliteitstoets.objects.create(
        activiteit=eerste,
        toetsdatum=datetime.date(2021, 4, 15),
        uitvoerende_partij="Adviescollege ICT-toetsing",
        soort=Kwaliteitstoets.Soort.ACICT_ADVIES,
        omschrijving="Advies: herijk de planning en versterk de sturing.",
    )
    Kamerstuk.objects.create(
        activiteit=eerste,
        nummer="27 859, nr. 160",
        titel="Voortgangsrapportage vernieuwing BRP",
        link="https://zoek.officielebekendmakingen.nl/kst-27859-160.html",
        briefdatum=datetime.date(2021, 10, 4),
        acict_advies=True,
    )
    Ontwikkelpartij.objects.create(activiteit=eerste, partij="RvIG", rol="Opdrachtnemer")
    Ontwikkelpartij.objects.create(activiteit=eerste, partij="Marktpartij X", rol="Bouw en test")
    return eerste


def test_list_and_detail_with_realistic_data_render_without_csp_violations(page, live_server, tmp_path):
    bzk = MinisterieFactory(naam="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", afkorting="BZK", code="bzk")
    rvig = DienstonderdeelFactory(ministerie=bzk, naam="Rijksdienst voor Identiteitsgegevens", afkorting="RvIG")
    office = benoem(Rol.CIO_OFFICE, bzk).persoon.user
    eerste = _realistisch(office, bzk, rvig)
    map_ = Path(os.environ.get("PORTFOLIO_SCHERMAFDRUKKEN") or tmp_path)
    map_.mkdir(parents=True, exist_ok=True)
    schendingen = csp_schendingen(page)
    inloggen(page, live_server, office)

    for breedte in (1280, 390):
        page.set_viewport_size({"width": breedte, "height": 900})
        page.goto(f"{live_server.url}/portfolio/?sorteer=-actueel")
        expect(page.locator("th[aria-sort=descending]")).to_contain_text("Actuele schatting")
        page.screenshot(path=str(map_ / f"lijst-{breedte}.png"), full_page=True)
        page.goto(f"{live_server.url}/portfolio/{eerste.nummer}/")
        expect(page.get_by_role("img", name=re.compile("Geschatte einddatum"))).to_be_visible()
        page.screenshot(path=str(map_ / f"detail-{breedte}.png"), full_page=True)
        # the page itself never scrolls sideways: wide tables scroll inside their wrapper
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/portfolio/{eerste.nummer}/bewerken/")
    page.screenshot(path=str(map_ / "bewerken-1280.png"), full_page=True)
    page.goto(f"{live_server.url}/portfolio/{eerste.nummer}/gebeurtenis/?soort=herijking")
    page.screenshot(path=str(map_ / "herijking-1280.png"), full_page=True)
    assert schendingen == []
