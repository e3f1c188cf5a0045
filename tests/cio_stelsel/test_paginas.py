"""The organisation pages: who may open them, the form flows through the real services, and their query counts."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cio_stelsel import services, stelselcontrole
from cio_stelsel.models import Art17Afwijking, AuditRecord, HandvestVersie, Overlegorgaan, Persoon, Roltoewijzing, vandaag
from cio_stelsel.rechten import Rol
from tests.factories import (
    DienstonderdeelFactory,
    MinisterieFactory,
    PersoonFactory,
    ZboFactory,
    benoem,
    overlegorgaan,
)

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------
# Data


@pytest.fixture
def stelsel(ministerie):
    """A ministerie with its CIO, CISO, a substantial dienstonderdeel without roles, a zbo and overlegorganen."""
    cio = benoem(Rol.DEPARTEMENTALE_CIO, ministerie, persoon=PersoonFactory(voornaam="Carla", achternaam="Cioweg", met_account=True))
    ciso = benoem(Rol.DEPARTEMENTALE_CISO, ministerie)
    DienstonderdeelFactory(ministerie=ministerie, naam="Dienst Uitvoering", substantieel=True)
    DienstonderdeelFactory(ministerie=ministerie, naam="Rijksdienstverlener ICT", dienstverlener=True)
    ZboFactory(ministerie=ministerie, naam="Autoriteit Persoonsgegevensproef")
    beraad = overlegorgaan(Overlegorgaan.Soort.CIO_BERAAD)
    overlegorgaan(Overlegorgaan.Soort.CISO_RAAD)
    HandvestVersie.objects.create(overlegorgaan=beraad, versie="1.0", vastgesteld_op=datetime.date(2021, 3, 1))
    return {"ministerie": ministerie, "cio": cio, "ciso": ciso, "beraad": beraad}


def pagina_urls(stelsel):
    """Every GET page of the app, with real ids."""
    m = stelsel["ministerie"]
    record = AuditRecord.objects.filter(object_id=str(stelsel["cio"].pk)).first()
    return {
        "werkvoorraad": reverse("cio_stelsel:werkvoorraad"),
        "ministeries": reverse("cio_stelsel:ministeries"),
        "ministeries_historisch": reverse("cio_stelsel:ministeries") + "?historisch=1",
        "ministerie": reverse("cio_stelsel:ministerie", args=[m.pk]),
        "rolgeschiedenis": reverse("cio_stelsel:rolgeschiedenis", args=[m.pk]),
        "stelsel_overzicht": reverse("cio_stelsel:stelsel_overzicht"),
        "roltoewijzing_starten": reverse("cio_stelsel:roltoewijzing_starten"),
        "roltoewijzing_beeindigen": reverse("cio_stelsel:roltoewijzing_beeindigen", args=[stelsel["ciso"].pk]),
        "persoon_nieuw": reverse("cio_stelsel:persoon_nieuw"),
        "overlegorganen": reverse("cio_stelsel:overlegorganen"),
        "overleglid_toevoegen": reverse("cio_stelsel:overleglid_toevoegen", args=[stelsel["beraad"].pk]),
        "handvest_vaststellen": reverse("cio_stelsel:handvest_vaststellen", args=[stelsel["beraad"].pk]),
        "art17": reverse("cio_stelsel:art17"),
        "art17_aanvragen": reverse("cio_stelsel:art17_aanvragen"),
        "audit": reverse("cio_stelsel:audit"),
        "auditrecord": reverse("cio_stelsel:auditrecord", args=[record.pk]),
    }


ALLEEN_BEHEER = {
    "roltoewijzing_starten",
    "roltoewijzing_beeindigen",
    "persoon_nieuw",
    "overleglid_toevoegen",
    "handvest_vaststellen",
    "art17_aanvragen",
}
ALLEEN_STELSEL_INZIEN = {"stelsel_overzicht", "art17"}
VOOR_IEDEREEN = {
    "werkvoorraad",
    "ministeries",
    "ministeries_historisch",
    "ministerie",
    "rolgeschiedenis",
    "overlegorganen",
    "audit",
    "auditrecord",
}


def assert_csp_veilig(response):
    """No inline script or style: the Content-Security-Policy would block them."""
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)  # only scripts from static files (script-src 'self')
    assert "<style" not in html
    assert ' style="' not in html
    assert " onclick=" not in html


class Structuur(HTMLParser):
    """Collects what the accessibility checks below need: ids, references, headings, tables."""

    def __init__(self):
        super().__init__()
        self.ids, self.verwijzingen, self.koppen = [], [], []
        self.tabellen, self.captions, self.th_zonder_scope = 0, 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        for naam in ("aria-labelledby", "aria-describedby"):
            if attrs.get(naam):
                self.verwijzingen.extend(attrs[naam].split())
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.koppen.append(int(tag[1]))
        if tag == "table":
            self.tabellen += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th" and "scope" not in attrs:
            self.th_zonder_scope += 1


def assert_toegankelijke_structuur(response, naam=""):
    """Unique ids, references that resolve, one h1 and no skipped heading levels, tables with caption and th scope."""
    s = Structuur()
    s.feed(response.content.decode())
    dubbel = {i for i in s.ids if s.ids.count(i) > 1}
    assert not dubbel, (naam, dubbel)
    assert set(s.verwijzingen) <= set(s.ids), (naam, set(s.verwijzingen) - set(s.ids))
    assert s.koppen.count(1) == 1, (naam, s.koppen)
    for vorige, volgende in zip(s.koppen, s.koppen[1:]):
        assert volgende <= vorige + 1, (naam, s.koppen)
    assert s.tabellen == s.captions, naam
    assert s.th_zonder_scope == 0, naam


# --------------------------------------------------------------------------
# Access


def test_anonymous_users_are_sent_to_the_login_page(client, stelsel):
    for naam, url in pagina_urls(stelsel).items():
        response = client.get(url)
        assert response.status_code == 302, naam
        assert response["Location"].startswith(reverse("login") + "?next="), naam


def test_cio_rijk_opens_every_page(login, cio_rijk, stelsel):
    _afwijking(stelsel["ministerie"])
    client = login(cio_rijk)
    for naam, url in pagina_urls(stelsel).items():
        response = client.get(url)
        assert response.status_code == 200, naam
        assert_csp_veilig(response)
        assert_toegankelijke_structuur(response, naam)


def test_office_user_opens_the_organisation_pages(login, office, stelsel):
    client = login(office)
    for naam in VOOR_IEDEREEN:
        response = client.get(pagina_urls(stelsel)[naam])
        assert response.status_code == 200, naam
        assert_csp_veilig(response)


def test_office_user_is_refused_stelsel_overzicht_roltoewijzing_and_art17(login, office, stelsel):
    client = login(office)
    urls = pagina_urls(stelsel)
    for naam in ALLEEN_BEHEER | ALLEEN_STELSEL_INZIEN:
        assert client.get(urls[naam]).status_code == 403, naam
    afwijking = _afwijking(stelsel["ministerie"])
    response = client.post(reverse("cio_stelsel:art17_besluiten", args=[afwijking.pk]), {"besluit": "goedkeuren"})
    assert response.status_code == 403
    afwijking.refresh_from_db()
    assert afwijking.status == Art17Afwijking.Status.AANGEVRAAGD


def test_beheerder_opens_the_management_pages(login, beheerder, stelsel):
    client = login(beheerder)
    urls = pagina_urls(stelsel)
    for naam in ALLEEN_BEHEER | ALLEEN_STELSEL_INZIEN:
        response = client.get(urls[naam])
        assert response.status_code == 200, naam
        assert_csp_veilig(response)


def test_public_dashboard_pages_need_no_login(client):
    for naam in ("dashboard:home", "dashboard:toegankelijkheid"):
        response = client.get(reverse(naam))
        assert response.status_code == 200, naam
        assert_csp_veilig(response)
        assert_toegankelijke_structuur(response, naam)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "Rijks ICT-dashboard" in home and reverse("login") in home
    verklaring = client.get(reverse("dashboard:toegankelijkheid")).content.decode()
    assert "voldoet gedeeltelijk" in verklaring.lower() and "axe-core" in verklaring


# --------------------------------------------------------------------------
# Pages show what they should


def test_werkvoorraad_shows_the_roles_and_for_the_cio_rijk_the_violations(login, office, cio_rijk, ministerie):
    eigen = login(office).get(reverse("cio_stelsel:werkvoorraad"))
    assert "CIO-office medewerker" in eigen.content.decode()
    assert not eigen.context["kan_stelsel_inzien"]
    rijk = login(cio_rijk).get(reverse("cio_stelsel:werkvoorraad"))
    assert rijk.context["aantal_overtredingen"] > 0
    assert reverse("cio_stelsel:stelsel_overzicht") in rijk.content.decode()


def test_werkvoorraad_of_a_user_without_persoon(login, django_user_model):
    user = django_user_model.objects.create_user("zonderrol", password="x-Wachtwoord-2026!")
    response = login(user).get(reverse("cio_stelsel:werkvoorraad"))
    assert response.status_code == 200
    assert "geen actieve rol" in response.content.decode()


def test_ministerie_page_lists_the_cio_and_offers_appointment_of_vacancies(login, beheerder, stelsel):
    m = stelsel["ministerie"]
    response = login(beheerder).get(reverse("cio_stelsel:ministerie", args=[m.pk]))
    html = response.content.decode()
    assert "Carla Cioweg" in html
    assert reverse("cio_stelsel:roltoewijzing_beeindigen", args=[stelsel["cio"].pk]) in html
    # The SG is vacant: a link to appoint one for this ministerie.
    assert f"?rol=secretaris_generaal&amp;ministerie={m.pk}" in html
    assert "Dienst Uitvoering" in html and "Autoriteit Persoonsgegevensproef" in html
    assert "S8" in html
    assert "geen verplichte rollen" in html  # the dienstonderdeel without substantial portfolio
    # The gaps of this ministerie, e.g. no SG (S1) and the substantial dienstonderdeel without CIO (S5).
    regels = {o.regel for o in response.context["overtredingen"]}
    assert {"S1", "S5"} <= regels


def test_ministerie_page_hides_management_links_from_office_users(login, office, stelsel):
    html = login(office).get(reverse("cio_stelsel:ministerie", args=[stelsel["ministerie"].pk])).content.decode()
    assert "Carla Cioweg" in html
    assert reverse("cio_stelsel:roltoewijzing_beeindigen", args=[stelsel["cio"].pk]) not in html
    assert reverse("cio_stelsel:roltoewijzing_starten") not in html


def test_ministeries_page_counts_vacancies_and_toggles_historical_ministries(login, office, stelsel):
    oud = MinisterieFactory(naam="Ministerie van Opgeheven Zaken", afkorting="OZ", geldig_tot=datetime.date(2010, 12, 31))
    client = login(office)
    response = client.get(reverse("cio_stelsel:ministeries"))
    rij = next(r for r in response.context["rijen"] if r["ministerie"] == stelsel["ministerie"])
    assert rij["vacatures"] == 2  # CIO and CISO of the substantial dienstonderdeel
    html = response.content.decode()
    assert "2 vacatures" in html and "Opgeheven Zaken" not in html
    html = client.get(reverse("cio_stelsel:ministeries") + "?historisch=1").content.decode()
    assert "Opgeheven Zaken" in html and "Opgeheven per 31-12-2010" in html
    assert oud.pk


def test_rolgeschiedenis_shows_ended_and_future_assignments_and_filters_by_role(login, cio_rijk, stelsel):
    m = stelsel["ministerie"]
    services.roltoewijzing_beeindigen(actor=None, toewijzing=stelsel["ciso"], einddatum=datetime.date(2024, 6, 30), reden="Vertrek")
    benoem(Rol.DEPARTEMENTALE_CISO, m, begindatum=vandaag() + datetime.timedelta(days=30))
    client = login(cio_rijk)
    url = reverse("cio_stelsel:rolgeschiedenis", args=[m.pk])
    html = client.get(url).content.decode()
    assert "Beëindigd" in html and "Toekomstig" in html and "Actief" in html
    assert "Benoeming: CIO Rijk geconsulteerd op" in html
    assert "Reden beëindiging: Vertrek" in html
    gefilterd = client.get(url, {"rol": Rol.DEPARTEMENTALE_CISO})
    assert {t.rol for t in gefilterd.context["page_obj"]} == {Rol.DEPARTEMENTALE_CISO}
    assert len(gefilterd.context["page_obj"]) == 2
    assert 'value="departementale_ciso" selected' in gefilterd.content.decode()


def test_rolgeschiedenis_paginates(login, cio_rijk, ministerie):
    for i in range(27):
        benoem(Rol.BESTUURSRAADLID, ministerie, begindatum=datetime.date(2020, 1, 1) + datetime.timedelta(days=i))
    client = login(cio_rijk)
    url = reverse("cio_stelsel:rolgeschiedenis", args=[ministerie.pk])
    eerste = client.get(url, {"rol": Rol.BESTUURSRAADLID})
    assert "page=2&amp;rol=bestuursraadlid" in eerste.content.decode()
    tweede = client.get(url, {"rol": Rol.BESTUURSRAADLID, "page": 2})
    assert tweede.status_code == 200 and len(tweede.context["page_obj"]) == 2


def test_stelsel_overzicht_groups_violations_by_rule_with_fix_links(login, cio_rijk, stelsel):
    response = login(cio_rijk).get(reverse("cio_stelsel:stelsel_overzicht"))
    html = response.content.decode()
    assert 'scope="rowgroup"' in html
    assert "S5: CIO en CISO van dienstonderdelen met een substantieel ICT-portfolio" in html
    assert "?rol=cio_dienstonderdeel&amp;dienstonderdeel=" in html
    # B24: the handvest of 2021 is more than two years old.
    assert response.context["handvest_verlopen"] and "Verlopen" in html
    assert response.context["volgende_evaluatie"].strftime("%d-%m-%Y") in html


def test_stelsel_overzicht_says_so_when_there_are_no_violations(login, cio_rijk, monkeypatch):
    monkeypatch.setattr(stelselcontrole, "overtredingen", lambda op=None: [])
    html = login(cio_rijk).get(reverse("cio_stelsel:stelsel_overzicht")).content.decode()
    assert "Er zijn geen overtredingen" in html


def test_overlegorganen_show_chair_members_and_overdue_handvest(login, cio_rijk, stelsel):
    services.overleglid_toevoegen(
        actor=None, overlegorgaan=stelsel["beraad"], persoon=cio_rijk.persoon, functie="voorzitter", begindatum=datetime.date(2024, 2, 1)
    )
    services.overleglid_toevoegen(
        actor=None,
        overlegorgaan=stelsel["beraad"],
        persoon=stelsel["cio"].persoon,
        functie="lid",
        begindatum=datetime.date(2024, 2, 1),
        namens_ministerie=stelsel["ministerie"],
    )
    html = login(cio_rijk).get(reverse("cio_stelsel:overlegorganen")).content.decode()
    assert str(cio_rijk.persoon) in html and "Carla Cioweg" in html
    assert stelsel["ministerie"].naam in html
    assert "Verlopen (B24)" in html
    assert reverse("cio_stelsel:handvest_vaststellen", args=[stelsel["beraad"].pk]) in html


def test_audit_page_filters_and_record_shows_before_and_after(login, cio_rijk, stelsel):
    services.roltoewijzing_beeindigen(actor=cio_rijk, toewijzing=stelsel["ciso"], einddatum=datetime.date(2025, 1, 31), reden="Pensioen")
    client = login(cio_rijk)
    response = client.get(reverse("cio_stelsel:audit"), {"actie": "roltoewijzing.beeindigd"})
    records = list(response.context["page_obj"])
    assert len(records) == 1 and "Pensioen" in response.content.decode()
    detail = client.get(reverse("cio_stelsel:auditrecord", args=[records[0].pk])).content.decode()
    assert "<code>einddatum</code>" in detail and "2025-01-31" in detail and "Pensioen" in detail


# --------------------------------------------------------------------------
# Flows through the forms


def test_beheerder_appoints_a_ciso_through_the_form(login, beheerder, ministerie):
    persoon = PersoonFactory(voornaam="Sanne", achternaam="Securiteit")
    minister = benoem(Rol.MINISTER, ministerie, begindatum=datetime.date(2024, 7, 2)).persoon
    client = login(beheerder)
    url = reverse("cio_stelsel:roltoewijzing_starten")
    vooringevuld = client.get(url, {"rol": Rol.DEPARTEMENTALE_CISO, "ministerie": ministerie.pk})
    assert vooringevuld.context["form"].initial["rol"] == Rol.DEPARTEMENTALE_CISO
    response = client.post(
        url,
        {
            "persoon": persoon.pk,
            "rol": Rol.DEPARTEMENTALE_CISO,
            "ministerie": ministerie.pk,
            "begindatum": "2025-01-01",
            "reden": "Benoemd",
            "besloten_door": minister.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cio_stelsel:ministerie", args=[ministerie.pk])
    t = Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CISO, ministerie=ministerie)
    assert t.persoon == persoon and t.begindatum == datetime.date(2025, 1, 1)
    pagina = client.get(response["Location"]).content.decode()
    assert "is vastgelegd" in pagina and "Sanne Securiteit" in pagina


def test_a_second_ciso_is_refused_on_the_page_with_rule_s4(login, beheerder, ministerie):
    benoem(Rol.DEPARTEMENTALE_CISO, ministerie)
    tweede = PersoonFactory()
    response = login(beheerder).post(
        reverse("cio_stelsel:roltoewijzing_starten"),
        {"persoon": tweede.pk, "rol": Rol.DEPARTEMENTALE_CISO, "ministerie": ministerie.pk, "begindatum": "2025-01-01"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "S4" in html and "art 6.1" in html
    assert "heeft in deze periode al een departementale ciso" in html
    assert 'class="foutoverzicht"' in html and 'href="#id_begindatum"' in html
    assert_toegankelijke_structuur(response)
    assert Roltoewijzing.objects.filter(rol=Rol.DEPARTEMENTALE_CISO, ministerie=ministerie).count() == 1


def test_a_departmental_cio_without_consultation_is_refused_with_rule_s7(login, beheerder, ministerie):
    response = login(beheerder).post(
        reverse("cio_stelsel:roltoewijzing_starten"),
        {"persoon": PersoonFactory().pk, "rol": Rol.DEPARTEMENTALE_CIO, "ministerie": ministerie.pk, "begindatum": "2025-01-01"},
    )
    assert response.status_code == 200
    assert "S7" in response.content.decode()
    assert not Roltoewijzing.objects.filter(rol=Rol.DEPARTEMENTALE_CIO).exists()


def test_a_role_of_a_ministerie_without_ministerie_is_refused_not_a_500(login, beheerder):
    response = login(beheerder).post(
        reverse("cio_stelsel:roltoewijzing_starten"),
        {"persoon": PersoonFactory().pk, "rol": Rol.DEPARTEMENTALE_CISO, "begindatum": "2025-01-01"},
    )
    assert response.status_code == 200
    assert "hoort bij een ministerie" in response.content.decode()


def test_beheerder_ends_an_assignment(login, beheerder, stelsel):
    ciso = stelsel["ciso"]
    client = login(beheerder)
    url = reverse("cio_stelsel:roltoewijzing_beeindigen", args=[ciso.pk])
    pagina = client.get(url).content.decode()
    assert "knop--gevaar" in pagina and str(ciso.persoon) in pagina
    assert reverse("cio_stelsel:ministerie", args=[stelsel["ministerie"].pk]) in pagina  # annuleren
    zonder_reden = client.post(url, {"einddatum": "2025-03-31", "reden": ""})
    assert zonder_reden.status_code == 200 and "foutoverzicht" in zonder_reden.content.decode()
    assert_toegankelijke_structuur(zonder_reden)
    response = client.post(url, {"einddatum": "2025-03-31", "reden": "Andere functie"})
    assert response.status_code == 302
    ciso.refresh_from_db()
    assert ciso.einddatum == datetime.date(2025, 3, 31) and ciso.reden_beeindiging == "Andere functie"
    assert AuditRecord.objects.filter(actie="roltoewijzing.beeindigd", object_id=str(ciso.pk), actor=beheerder).exists()


def test_ending_a_departmental_cio_requires_the_consultation(login, beheerder, stelsel):
    url = reverse("cio_stelsel:roltoewijzing_beeindigen", args=[stelsel["cio"].pk])
    response = login(beheerder).post(url, {"einddatum": "2025-03-31", "reden": "Vertrek"})
    assert response.status_code == 200 and "S7" in response.content.decode()
    stelsel["cio"].refresh_from_db()
    assert stelsel["cio"].einddatum is None


def test_persoon_toevoegen_leads_to_the_appointment_form(login, beheerder):
    client = login(beheerder)
    response = client.post(reverse("cio_stelsel:persoon_nieuw"), {"voornaam": "Piet", "achternaam": "Nieuw", "email": "piet@example.nl"})
    persoon = Persoon.objects.get(achternaam="Nieuw")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('cio_stelsel:roltoewijzing_starten')}?persoon={persoon.pk}"
    leeg = client.post(reverse("cio_stelsel:persoon_nieuw"), {})
    assert leeg.status_code == 200 and "Persoon toevoegen" in leeg.content.decode()


def _afwijking(ministerie, **kwargs):
    minister = Roltoewijzing.objects.filter(rol=Rol.MINISTER, ministerie=ministerie).first() or benoem(Rol.MINISTER, ministerie)
    gegevens = {
        "ministerie": ministerie,
        "bepalingen": ["art6.1"],
        "reden": "Eén CISO voor twee ministeries is doeltreffender.",
        "aangevraagd_door": minister.persoon,
        "consultatie_bzk_datum": datetime.date(2024, 12, 1),
        "consultatie_bzk": "Overleg gevoerd.",
        "begindatum": datetime.date(2025, 1, 1),
    }
    gegevens.update(kwargs)
    return services.art17_afwijking_aanvragen(actor=None, **gegevens)


def test_art17_request_and_approval_switch_off_the_named_rule(login, beheerder, cio_rijk, ministerie):
    minister = benoem(Rol.MINISTER, ministerie)
    client = login(beheerder)
    response = client.post(
        reverse("cio_stelsel:art17_aanvragen"),
        {
            "ministerie": ministerie.pk,
            "bepalingen": ["art6.1"],
            "reden": "De CISO van een ander ministerie werkt ook voor ons.",
            "aangevraagd_door": minister.persoon.pk,
            "consultatie_bzk_datum": "2024-12-01",
            "consultatie_bzk": "Overleg met de Minister van BZK gevoerd.",
            "begindatum": "2025-01-01",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("cio_stelsel:art17")
    afwijking = Art17Afwijking.objects.get(ministerie=ministerie)
    assert afwijking.status == Art17Afwijking.Status.AANGEVRAAGD
    lijst = client.get(reverse("cio_stelsel:art17")).content.decode()
    besluit_url = reverse("cio_stelsel:art17_besluiten", args=[afwijking.pk])
    assert besluit_url in lijst and 'value="goedkeuren"' in lijst and 'value="afwijzen"' in lijst
    assert "Artikel 6, eerste lid: departementale CISO (S4)" in lijst

    assert "S4" in {o.regel for o in stelselcontrole.overtredingen() if o.organisatie == str(ministerie)}
    response = client.post(besluit_url, {"besluit": "goedkeuren"})
    assert response.status_code == 302
    afwijking.refresh_from_db()
    assert afwijking.status == Art17Afwijking.Status.GOEDGEKEURD
    assert "S4" not in {o.regel for o in stelselcontrole.overtredingen() if o.organisatie == str(ministerie)}

    overzicht = login(cio_rijk).get(reverse("cio_stelsel:stelsel_overzicht"))
    assert list(overzicht.context["afwijkingen"]) == [afwijking]
    assert 'title="Departementale CISO">S4</abbr>' in overzicht.content.decode()
    # Deciding twice is refused with a message, not an error page.
    opnieuw = client.post(besluit_url, {"besluit": "afwijzen"}, follow=True)
    assert opnieuw.status_code == 200 and "al besloten" in opnieuw.content.decode()


def test_art17_request_without_the_minister_shows_the_error(login, beheerder, ministerie):
    benoem(Rol.MINISTER, ministerie)
    response = login(beheerder).post(
        reverse("cio_stelsel:art17_aanvragen"),
        {
            "ministerie": ministerie.pk,
            "bepalingen": ["art3.1"],
            "reden": "Reden",
            "aangevraagd_door": PersoonFactory().pk,
            "consultatie_bzk_datum": "2024-12-01",
            "consultatie_bzk": "Overleg",
            "begindatum": "2025-01-01",
        },
    )
    assert response.status_code == 200 and "B27" in response.content.decode()
    assert not Art17Afwijking.objects.exists()


# --------------------------------------------------------------------------
# Query counts do not grow with the number of rows


# Measured once with the small data set (3 ministries / 3 assignments) and fixed here: session, user,
# permissions, navigation and the page's own queries. The bigger data set must stay within the same bound.
MAX_QUERIES_MINISTERIES = 8
MAX_QUERIES_ROLGESCHIEDENIS = 8
MAX_QUERIES_MINISTERIE = 23


def _ministeries_met_rollen(aantal):
    for _ in range(aantal):
        m = MinisterieFactory()
        benoem(Rol.DEPARTEMENTALE_CIO, m)
        benoem(Rol.DEPARTEMENTALE_CISO, m)
        DienstonderdeelFactory(ministerie=m, substantieel=True)
        DienstonderdeelFactory(ministerie=m)


@pytest.mark.parametrize("aantal", [3, 15])
def test_ministeries_page_query_count_is_constant(login, office, aantal, django_assert_max_num_queries):
    _ministeries_met_rollen(aantal)
    client = login(office)
    with django_assert_max_num_queries(MAX_QUERIES_MINISTERIES):
        response = client.get(reverse("cio_stelsel:ministeries"))
    assert len(response.context["rijen"]) == aantal + 1  # plus the office's own ministerie


@pytest.mark.parametrize("aantal", [3, 15])
def test_rolgeschiedenis_query_count_is_constant(login, cio_rijk, ministerie, aantal, django_assert_max_num_queries):
    for _ in range(aantal):
        do = DienstonderdeelFactory(ministerie=ministerie)
        t = benoem(Rol.CIO_DIENSTONDERDEEL, do, begindatum=datetime.date(2023, 1, 1))
        services.roltoewijzing_beeindigen(actor=None, toewijzing=t, einddatum=datetime.date(2023, 12, 31), reden="Reorganisatie")
    benoem(Rol.DEPARTEMENTALE_CIO, ministerie)
    client = login(cio_rijk)
    with django_assert_max_num_queries(MAX_QUERIES_ROLGESCHIEDENIS):
        response = client.get(reverse("cio_stelsel:rolgeschiedenis", args=[ministerie.pk]))
    assert response.context["page_obj"].paginator.count == aantal + 2  # plus CIO and its bestuursraad seat


@pytest.mark.parametrize("aantal", [3, 15])
def test_ministerie_page_query_count_is_constant(login, cio_rijk, ministerie, aantal, django_assert_max_num_queries):
    benoem(Rol.DEPARTEMENTALE_CIO, ministerie)
    for _ in range(aantal):
        do = DienstonderdeelFactory(ministerie=ministerie, substantieel=True)
        benoem(Rol.CIO_DIENSTONDERDEEL, do)
        benoem(Rol.CIO_OFFICE, ministerie)
        ZboFactory(ministerie=ministerie)
    client = login(cio_rijk)
    with django_assert_max_num_queries(MAX_QUERIES_MINISTERIE):
        response = client.get(reverse("cio_stelsel:ministerie", args=[ministerie.pk]))
    assert len(response.context["dienstonderdelen"]) == aantal
