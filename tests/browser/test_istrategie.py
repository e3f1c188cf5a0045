"""WCAG 2.1 AA (axe-core, 0 violations) on the public I-strategie and toezeggingen pages and the staff pages (issue 14, B26).

The public pages are loaded without JavaScript too (they must not need it), empty and with data.
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from cio_stelsel.models import Overlegorgaan
from cio_stelsel.rechten import Rol
from informatieplannen import istrategie
from informatieplannen.models import Actie, IStrategie, Maatregel, Speerpunt, StrategieActualisatie, Thema
from tests.factories import MinisterieFactory, benoem

from .test_toegankelijkheid import axe_controle

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.timedelta
PUBLIEK = ["/i-strategie/", "/toezeggingen/", "/toezeggingen/?ministerie=bzk&status=open&te_laat=1", "/toezeggingen/?status=fout"]


def _vullen():
    vandaag = timezone.localdate()
    bzk = MinisterieFactory(naam="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", afkorting="BZK", code="bzk")
    fin = MinisterieFactory(naam="Ministerie van Financiën", afkorting="FIN", code="fin")
    office = benoem(Rol.CIO_OFFICE, bzk).persoon.user
    cio_rijk = benoem(Rol.CIO_RIJK).persoon.user
    s = IStrategie.objects.create(titel="I-strategie Rijk 2021-2025", periode_van=2021, periode_tot=2025)
    beraad = Overlegorgaan.objects.get_or_create(soort=Overlegorgaan.Soort.CIO_BERAAD)[0]
    acties = []
    for i, naam in enumerate(["Digitale weerbaarheid", "Data", "Cloud"]):
        t = Thema.objects.create(strategie=s, naam=naam, volgorde=i)
        sp = Speerpunt.objects.create(thema=t, naam=f"I-speerpunt {naam}")
        m = Maatregel.objects.create(speerpunt=sp, omschrijving=f"Maatregel {naam}")
        acties.append(
            Actie.objects.create(maatregel=m, omschrijving=f"Actie {naam} BZK", houder_ministerie=bzk, termijn=vandaag - D(days=10))
        )
        Actie.objects.create(
            maatregel=m, omschrijving=f"Actie {naam} beraad", houder_overlegorgaan=beraad, termijn=vandaag + D(days=90), status="afgerond"
        )
    istrategie.voortgang_melden(actor=office, actie=acties[0], tekst="Eerste ronde.", status="vertraagd")
    StrategieActualisatie.objects.create(
        strategie=s,
        jaar=vandaag.year - 1,
        besproken_in_cio_beraad_op=vandaag - D(days=420),
        cio_beraad_verslag="Verslag",
        kamerstuk="26 643, nr. 1100",
        verzonden_op=vandaag - D(days=400),
    )
    for nummer, soort, m, termijn in (
        ("TZ202501-151", "toezegging", bzk, vandaag - D(days=5)),
        ("26 643, nr. 1200", "motie", fin, vandaag + D(days=50)),
    ):
        t = istrategie.toezegging_registreren(
            actor=cio_rijk,
            gegevens={
                "soort": soort,
                "nummer": nummer,
                "tekst": f"Tekst {nummer}",
                "datum": datetime.date(2025, 1, 1),
                "ministerie": m,
                "termijn": termijn,
            },
        )
    istrategie.toezegging_koppelen(actor=cio_rijk, toezegging=t, acties=[acties[1]], activiteiten=[])
    return {"office": office, "cio_rijk": cio_rijk, "actie": acties[0], "toezegging": t, "strategie": s}


def _publiek(browser, live_server, paden) -> str:
    rapport = ""
    zonder_js = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = zonder_js.new_page()
    for pad in paden:
        r = page.goto(f"{live_server.url}{pad}")
        assert r.status == (400 if "fout" in pad else 200), pad
        met_js = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        rapport += axe_controle(met_js.new_page(), f"{live_server.url}{pad}")
        met_js.close()
    zonder_js.close()
    return rapport


def test_public_istrategie_and_toezeggingen_pages_have_no_axe_violations_empty_and_filled(browser, live_server):
    rapport = _publiek(browser, live_server, [p for p in PUBLIEK if "ministerie=" not in p])  # no ministerie exists yet
    _vullen()
    rapport += _publiek(browser, live_server, PUBLIEK)
    assert not rapport, rapport


def test_staff_istrategie_pages_have_no_axe_violations(browser, live_server):
    d = _vullen()
    rapport = ""
    for user, paden in (
        (
            d["cio_rijk"],
            [
                "/i-strategie/beheer/",
                "/i-strategie/beheer/acties/?te_laat=1",
                f"/i-strategie/beheer/acties/{d['actie'].pk}/",
                f"/i-strategie/beheer/{d['strategie'].pk}/actualisatie/",
                f"/i-strategie/beheer/actie/{d['actie'].maatregel_id}/nieuw/",
                f"/i-strategie/beheer/thema/{d['actie'].maatregel.speerpunt.thema_id}/verwijderen/",
                "/toezeggingen/beheer/",
                f"/toezeggingen/beheer/{d['toezegging'].pk}/",
                f"/toezeggingen/beheer/{d['toezegging'].pk}/koppelen/",
                "/toezeggingen/beheer/nieuw/",
                "/werk/",
            ],
        ),
        (d["office"], [f"/i-strategie/beheer/acties/{d['actie'].pk}/voortgang/", "/werk/"]),
    ):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        page = context.new_page()
        for pad in paden:
            rapport += axe_controle(page, f"{live_server.url}{pad}")
        # A form with its errors showing (B26: the Kamerstuk is required).
        if user == d["cio_rijk"]:
            page.goto(f"{live_server.url}/i-strategie/beheer/{d['strategie'].pk}/actualisatie/")
            page.get_by_role("button", name="Opslaan").click()
            page.wait_for_load_state()
            assert page.locator("#id_kamerstuk_fout").is_visible()
            from axe_playwright_python.sync_playwright import Axe

            from .test_toegankelijkheid import WCAG

            resultaat = Axe().run(page, options=WCAG)
            if resultaat.violations_count:
                rapport += f"\n=== form with errors: {resultaat.generate_report()}"
        context.close()
    assert not rapport, rapport
