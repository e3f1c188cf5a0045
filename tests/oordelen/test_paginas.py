"""The pages of the oordelen workflow: who may open what (B7, B9, art 5.3), the POST flows, the PDF, query counts.

Each page from the roles that may (200) and from those that may not: 404 when
the object is outside the user's scope (another ministry, or a draft for the
CIO Rijk, B28), 403 when the user sees it but may not act.
"""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cio_stelsel.models import AuditRecord
from cio_stelsel.rechten import Rol
from oordelen import services
from oordelen.models import Aanmelding, Afwijking, BestuursraadAgendapunt, CioOordeel
from tests.cio_stelsel.test_paginas import assert_csp_veilig, assert_toegankelijke_structuur
from tests.factories import activiteit, benoem

from .test_regels import ASPECTEN, concept, vastgesteld

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date.today()


@pytest.fixture
def groot(office, ministerie):
    return activiteit(office, ministerie, naam="Nieuw belastingsysteem", geschat=40_000_000)


@pytest.fixture
def rollen(office, ciso, cio, sg, cio_rijk, collega_ander_ministerie):
    return {"office": office, "ciso": ciso, "cio": cio, "sg": sg, "cio_rijk": cio_rijk, "ander": collega_ander_ministerie}


def statussen(login, rollen, url, method="get"):
    return {naam: getattr(login(user), method)(url).status_code for naam, user in rollen.items()}


def pagina_ok(response):
    assert response.status_code == 200
    assert_csp_veilig(response)
    assert_toegankelijke_structuur(response, response.request["PATH_INFO"])
    return response.content.decode()


# --------------------------------------------------------------------------
# Who opens which page


def test_anonymous_users_are_sent_to_the_login_page(client, office, groot):
    o = concept(office, groot)
    for url in (
        reverse("oordelen:lijst"),
        reverse("oordelen:oordeel", args=[o.pk]),
        reverse("oordelen:overzicht"),
        reverse("oordelen:nieuw", args=[groot.nummer]),
        reverse("oordelen:pdf", args=[o.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_lijst_opens_for_everyone_and_shows_only_visible_oordelen(login, rollen, office, ciso, cio, groot):
    besloten = vastgesteld(office, ciso, cio, groot)
    ontwerp = concept(office, groot)
    assert set(statussen(login, rollen, reverse("oordelen:lijst")).values()) == {200}
    eigen = login(office).get(reverse("oordelen:lijst"))
    assert list(eigen.context["page_obj"]) == [ontwerp, besloten]
    pagina_ok(eigen)
    assert list(login(rollen["cio_rijk"]).get(reverse("oordelen:lijst")).context["page_obj"]) == [besloten]  # B7, B28
    assert list(login(rollen["ander"]).get(reverse("oordelen:lijst")).context["page_obj"]) == []


def test_lijst_filters_on_status_and_outcome(login, office, ciso, cio, groot):
    besloten = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    ontwerp = concept(office, groot)
    client = login(office)
    assert list(client.get(reverse("oordelen:lijst"), {"status": "concept"}).context["page_obj"]) == [ontwerp]
    assert list(client.get(reverse("oordelen:lijst"), {"uitkomst": "negatief"}).context["page_obj"]) == [besloten]
    assert list(client.get(reverse("oordelen:lijst"), {"uitkomst": "positief"}).context["page_obj"]) == []


def test_lijst_filters_on_the_activity_of_the_detail_page_link(login, office, ciso, cio, groot, ministerie, cio_rijk):
    ander = activiteit(office, ministerie, naam="Andere activiteit", geschat=10_000_000)
    eigen = concept(office, groot)
    concept(office, ander)
    detail = login(office).get(reverse("portfolio:detail", args=[groot.nummer])).content.decode()
    assert reverse("oordelen:nieuw", args=[groot.nummer]) in detail
    assert f"{reverse('oordelen:lijst')}?activiteit={groot.nummer}" in detail
    assert (
        reverse("oordelen:nieuw", args=[groot.nummer])
        not in login(cio_rijk).get(reverse("portfolio:detail", args=[groot.nummer])).content.decode()
    )
    response = login(office).get(reverse("oordelen:lijst"), {"activiteit": groot.nummer})
    assert list(response.context["page_obj"]) == [eigen]
    assert reverse("oordelen:nieuw", args=[groot.nummer]) in pagina_ok(response)
    assert list(login(cio_rijk).get(reverse("oordelen:lijst"), {"activiteit": groot.nummer}).context["page_obj"]) == []  # drafts only


def test_werkvoorraad_shows_the_oordelen_tasks_and_the_nav_item(login, office, ciso, groot):
    o = concept(office, groot)
    html = pagina_ok(login(ciso).get(reverse("cio_stelsel:werkvoorraad")))
    assert "Bijdrage informatiebeveiliging leveren: Nieuw belastingsysteem" in html
    assert reverse("oordelen:oordeel", args=[o.pk]) in html
    assert f'href="{reverse("oordelen:lijst")}"' in html  # main navigation


def test_lijst_shows_the_users_tasks(login, office, ciso, groot):
    concept(office, groot)
    html = pagina_ok(login(ciso).get(reverse("oordelen:lijst")))
    assert "Bijdrage informatiebeveiliging leveren: Nieuw belastingsysteem" in html


def test_b7_draft_oordeel_page_own_ministerie_only_not_the_cio_rijk(login, rollen, office, groot):
    o = concept(office, groot)
    assert statussen(login, rollen, reverse("oordelen:oordeel", args=[o.pk])) == {
        "office": 200,
        "ciso": 200,
        "cio": 200,
        "sg": 200,
        "cio_rijk": 404,
        "ander": 404,
    }
    pagina_ok(login(office).get(reverse("oordelen:oordeel", args=[o.pk])))


def test_b7_decided_oordeel_page_is_visible_to_the_cio_rijk(login, rollen, office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="positief_onder_voorwaarden", voorwaarden=["Externe review vóór fase 2"])
    assert statussen(login, rollen, reverse("oordelen:oordeel", args=[o.pk])) == {
        "office": 200,
        "ciso": 200,
        "cio": 200,
        "sg": 200,
        "cio_rijk": 200,
        "ander": 404,
    }
    html = pagina_ok(login(rollen["cio_rijk"]).get(reverse("oordelen:oordeel", args=[o.pk])))
    assert "Externe review vóór fase 2" in html
    assert reverse("oordelen:voorwaarde", args=[o.voorwaarden.get().pk]) not in html  # the CIO Rijk does not edit (L1068)
    assert reverse("oordelen:pdf", args=[o.pk]) in html


def test_nieuw_only_for_the_office_and_cio_of_the_ministerie(login, rollen, groot):
    assert statussen(login, rollen, reverse("oordelen:nieuw", args=[groot.nummer])) == {
        "office": 200,
        "ciso": 403,
        "cio": 200,
        "sg": 403,
        "cio_rijk": 403,
        "ander": 404,
    }
    html = pagina_ok(login(rollen["office"]).get(reverse("oordelen:nieuw", args=[groot.nummer])))
    assert "Nieuw belastingsysteem" in html


def test_bewerken_only_a_draft_and_only_by_the_office_or_cio(login, rollen, office, ciso, cio, groot):
    o = concept(office, groot)
    assert statussen(login, rollen, reverse("oordelen:bewerken", args=[o.pk])) == {
        "office": 200,
        "ciso": 403,
        "cio": 200,
        "sg": 403,
        "cio_rijk": 404,
        "ander": 404,
    }
    pagina_ok(login(office).get(reverse("oordelen:bewerken", args=[o.pk])))
    besloten = vastgesteld(office, ciso, cio, groot)
    response = login(office).get(reverse("oordelen:bewerken", args=[besloten.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("oordelen:oordeel", args=[besloten.pk])


def test_voorwaarde_page_only_for_the_cio(login, rollen, office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="positief_onder_voorwaarden", voorwaarden=["Exitstrategie uitwerken"])
    url = reverse("oordelen:voorwaarde", args=[o.voorwaarden.get().pk])
    assert statussen(login, rollen, url) == {"office": 403, "ciso": 403, "cio": 200, "sg": 403, "cio_rijk": 403, "ander": 404}
    html = pagina_ok(login(cio).get(url))
    assert "Exitstrategie uitwerken" in html


def test_b3_agendapunt_page_for_the_sg_and_the_cio(login, rollen, office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    punt = BestuursraadAgendapunt.objects.get(oordeel=o)
    url = reverse("oordelen:agendapunt", args=[punt.pk])
    assert statussen(login, rollen, url) == {"office": 403, "ciso": 403, "cio": 200, "sg": 200, "cio_rijk": 403, "ander": 404}
    pagina_ok(login(rollen["sg"]).get(url))
    assert url in login(rollen["sg"]).get(reverse("oordelen:oordeel", args=[o.pk])).content.decode()


def test_overzicht_for_the_cio_rijk_and_own_scope_not_for_users_without_a_role(login, rollen, cio_rijk, django_user_model):
    assert set(statussen(login, rollen, reverse("oordelen:overzicht")).values()) == {200}
    zonder_rol = django_user_model.objects.create_user("zonderrol", password="x" * 16)
    assert login(zonder_rol).get(reverse("oordelen:overzicht")).status_code == 403
    pagina_ok(login(cio_rijk).get(reverse("oordelen:overzicht")))


def test_b1_overzicht_marks_a_start_without_afwijking_as_violation(login, office, ciso, cio, sg, ministerie, cio_rijk):
    zonder = activiteit(office, ministerie, naam="Zonder oordeel gestart", geschat=20_000_000)
    type(zonder).objects.filter(pk=zonder.pk).update(status="in_uitvoering")  # e.g. imported history
    met = activiteit(office, ministerie, naam="Met afwijking gestart", geschat=20_000_000)
    o = vastgesteld(office, ciso, cio, met, uitkomst="negatief")
    services.afwijking_vastleggen(
        actor=sg,
        oordeel=o,
        door_rol="secretaris_generaal",
        motivering="Politiek-bestuurlijke noodzaak, met extra waarborgen.",
        datum=VANDAAG,
    )
    type(met).objects.filter(pk=met.pk).update(status="in_uitvoering")
    html = pagina_ok(login(cio_rijk).get(reverse("oordelen:overzicht")))
    rij_zonder = html[html.index("Zonder oordeel gestart") :][:1200]
    rij_met = html[html.index("Met afwijking gestart") :][:1200]
    assert "afwijking: nee" in rij_zonder and "Overtreding B1" in rij_zonder
    assert "afwijking: ja" in rij_met and "Overtreding B1" not in rij_met.split("</tr>")[0]


# --------------------------------------------------------------------------
# The flow through the views


def test_office_drafts_ciso_contributes_cio_decides(login, office, ciso, cio, groot):
    response = login(office).post(reverse("oordelen:nieuw", args=[groot.nummer]), ASPECTEN)
    o = CioOordeel.objects.get(activiteit=groot)
    assert response.status_code == 302 and response["Location"] == reverse("oordelen:oordeel", args=[o.pk])
    assert o.status == CioOordeel.Status.CONCEPT and o.opgesteld_door == office

    html = pagina_ok(login(ciso).get(reverse("oordelen:oordeel", args=[o.pk])))
    assert reverse("oordelen:ciso_bijdrage", args=[o.pk]) in html
    response = login(ciso).post(
        reverse("oordelen:ciso_bijdrage", args=[o.pk]), {"ciso_bijdrage": "BIO getoetst; DPIA uitgevoerd.", "versie": o.versie}
    )
    assert response.status_code == 302
    o.refresh_from_db()
    assert o.ciso_bijdrage == "BIO getoetst; DPIA uitgevoerd." and o.ciso_bijdrage_door == ciso

    html = pagina_ok(login(cio).get(reverse("oordelen:oordeel", args=[o.pk])))
    assert reverse("oordelen:vaststellen", args=[o.pk]) in html and "zichtbaar voor de CIO Rijk" in html
    besluit = {
        "uitkomst": "positief_onder_voorwaarden",
        "motivering": "Goed voorbereid; regie versterken.",
        "voorwaarden": "Externe review vóór fase 2\nExitstrategie",
    }
    # First a confirmation page (issue 18: an irreversible decision is confirmed), nothing recorded yet.
    bevestiging = pagina_ok(login(cio).post(reverse("oordelen:vaststellen", args=[o.pk]), besluit))
    assert "Weet u zeker dat u dit CIO-oordeel vaststelt?" in bevestiging and "Ja, stel het oordeel vast" in bevestiging
    assert "Positief onder voorwaarden" in bevestiging and "Exitstrategie" in bevestiging
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.CONCEPT
    assert not AuditRecord.objects.filter(actie="oordeel.vastgesteld").exists()
    response = login(cio).post(reverse("oordelen:vaststellen", args=[o.pk]), {**besluit, "bevestigd": "ja"})
    assert response.status_code == 302
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.VASTGESTELD and o.uitkomst == "positief_onder_voorwaarden" and o.vastgesteld_door == cio
    assert [v.omschrijving for v in o.voorwaarden.all()] == ["Externe review vóór fase 2", "Exitstrategie"]
    html = pagina_ok(login(cio).get(reverse("oordelen:oordeel", args=[o.pk])))
    assert "Geldend oordeel" in html and reverse("oordelen:vaststellen", args=[o.pk]) not in html


def test_b5_deciding_without_ciso_contribution_rerenders_with_the_message(login, office, cio, groot):
    o = concept(office, groot)
    html = pagina_ok(login(cio).get(reverse("oordelen:oordeel", args=[o.pk])))
    assert "Wacht op de CISO" in html and reverse("oordelen:vaststellen", args=[o.pk]) not in html
    response = login(cio).post(reverse("oordelen:vaststellen", args=[o.pk]), {"uitkomst": "positief", "motivering": "Goed."})
    html = pagina_ok(response)
    assert "zonder de bijdrage over informatiebeveiliging van de CISO (B5, art 7 k)" in html
    assert "Er is niets opgeslagen" in html
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.CONCEPT and o.uitkomst == ""
    assert not AuditRecord.objects.filter(actie="oordeel.vastgesteld").exists()


def test_invalid_decision_form_rerenders_the_form_with_errors(login, office, ciso, cio, groot):
    o = concept(office, groot)
    services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    response = login(cio).post(
        reverse("oordelen:vaststellen", args=[o.pk]), {"uitkomst": "positief_onder_voorwaarden", "motivering": "Goed."}
    )
    html = pagina_ok(response)
    assert "Noem ten minste één voorwaarde" in html
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.CONCEPT


def test_only_the_cio_decides_through_the_page(login, office, ciso, groot, cio_rijk):
    o = concept(office, groot)
    services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    assert (
        login(office).post(reverse("oordelen:vaststellen", args=[o.pk]), {"uitkomst": "positief", "motivering": "Goed."}).status_code == 403
    )
    assert (
        login(cio_rijk).post(reverse("oordelen:vaststellen", args=[o.pk]), {"uitkomst": "positief", "motivering": "Goed."}).status_code
        == 404
    )
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.CONCEPT


def test_b1_sg_records_an_afwijking_from_a_negative_oordeel(login, office, ciso, cio, sg, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    assert reverse("oordelen:afwijking", args=[o.pk]) not in login(cio).get(reverse("oordelen:oordeel", args=[o.pk])).content.decode()
    html = pagina_ok(login(sg).get(reverse("oordelen:oordeel", args=[o.pk])))
    assert reverse("oordelen:afwijking", args=[o.pk]) in html
    besluit = {
        "door_rol": "secretaris_generaal",
        "motivering": "Maatschappelijke noodzaak weegt zwaarder; extra toezicht ingericht.",
        "datum": VANDAAG.strftime("%d-%m-%Y"),
    }
    bevestiging = pagina_ok(login(sg).post(reverse("oordelen:afwijking", args=[o.pk]), besluit))
    assert "Weet u zeker dat u afwijkt van dit negatieve CIO-oordeel?" in bevestiging and not Afwijking.objects.exists()
    response = login(sg).post(reverse("oordelen:afwijking", args=[o.pk]), {**besluit, "bevestigd": "ja"})
    assert response.status_code == 302, response.content.decode()[:2000]
    afwijking = Afwijking.objects.get(oordeel=o)
    assert afwijking.vastgelegd_door == sg and afwijking.door_rol == "secretaris_generaal"
    html = pagina_ok(login(office).get(reverse("oordelen:oordeel", args=[o.pk])))
    assert "Maatschappelijke noodzaak" in html


def test_b1_afwijking_without_reasons_is_refused_on_the_page(login, office, ciso, cio, sg, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    response = login(sg).post(
        reverse("oordelen:afwijking", args=[o.pk]),
        {"door_rol": "secretaris_generaal", "motivering": "Omdat.", "datum": VANDAAG.strftime("%d-%m-%Y")},
    )
    html = pagina_ok(response)
    assert "ten minste 20 tekens" in html
    assert not Afwijking.objects.exists()


def test_voorwaarde_is_handled_by_the_cio(login, office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="positief_onder_voorwaarden", voorwaarden=["Exitstrategie uitwerken"])
    v = o.voorwaarden.get()
    response = login(cio).post(reverse("oordelen:voorwaarde", args=[v.pk]), {"status": "vervuld", "toelichting": "Exitstrategie ligt er."})
    assert response.status_code == 302
    v.refresh_from_db()
    assert v.status == "vervuld"


def test_b8_b9_acict_aanmelding_through_the_pages(login, office, ciso, cio, groot, cio_rijk, collega_ander_ministerie):
    url_nieuw = reverse("oordelen:aanmelding_nieuw", args=[groot.nummer])
    concept(office, groot)
    response = login(office).post(url_nieuw, {"toelichting": "Groot en risicovol."})
    assert response.status_code == 200 and "(B8)" in response.content.decode()  # no decided oordeel yet
    o = vastgesteld(office, ciso, cio, groot)
    assert "Aanmelden bij AcICT" in login(office).get(reverse("oordelen:oordeel", args=[o.pk])).content.decode()
    assert login(cio_rijk).get(url_nieuw).status_code == 403
    assert login(collega_ander_ministerie).get(url_nieuw).status_code == 404
    pagina_ok(login(office).get(url_nieuw))
    response = login(office).post(url_nieuw, {"toelichting": "Groot en risicovol."})
    a = Aanmelding.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("oordelen:aanmelding", args=[a.pk])
    url = reverse("oordelen:aanmelding", args=[a.pk])
    assert login(cio_rijk).get(url).status_code == 404  # a draft stays internal (B28)
    html = pagina_ok(login(cio).get(url))
    assert 'aria-current="step"' in html and reverse("oordelen:aanmelding_stap", args=[a.pk, "indienen"]) in html
    assert reverse("oordelen:aanmelding_stap", args=[a.pk, "indienen"]) not in login(office).get(url).content.decode()

    stap = lambda user, naam, data=None: login(user).post(reverse("oordelen:aanmelding_stap", args=[a.pk, naam]), data or {})  # noqa: E731
    assert stap(office, "indienen").status_code == 403  # B9
    assert stap(cio, "indienen").status_code == 302
    assert stap(office, "collegebesluit", {"toetsen": "ja", "datum": VANDAAG.strftime("%d-%m-%Y")}).status_code == 302
    advies = VANDAAG - datetime.timedelta(days=40)
    assert (
        stap(
            office,
            "advies",
            {
                "datum": advies.strftime("%d-%m-%Y"),
                "samenvatting": "Faseer de invoering.",
                "aanbevelingen": "Faseer de invoering\nVersterk de regie",
                "kamerstuk": "26 643, nr. 1100",
            },
        ).status_code
        == 302
    )
    a.refresh_from_db()
    assert a.status == Aanmelding.Status.ADVIES_ONTVANGEN
    html = pagina_ok(login(cio_rijk).get(url))
    assert "Faseer de invoering" in html
    html = pagina_ok(login(cio_rijk).get(reverse("oordelen:overzicht")))
    assert "Reactie te laat" in html
    eerste, tweede = a.aanbevelingen.all()
    response = stap(
        cio,
        "reactie",
        {
            "datum": VANDAAG.strftime("%d-%m-%Y"),
            "toelichting": "De minister neemt het advies grotendeels over.",
            f"reactie_{eerste.pk}": "overgenomen",
            f"reden_{eerste.pk}": "",
            f"reactie_{tweede.pk}": "niet_overgenomen",
            f"reden_{tweede.pk}": "Regie is al belegd.",
        },
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == Aanmelding.Status.REACTIE_VASTGESTELD
    html = pagina_ok(login(office).get(url))
    assert "Regie is al belegd." in html and "Niet overgenomen" in html


def test_a_refused_aanmelding_step_shows_the_reason(login, office, ciso, cio, groot):
    vastgesteld(office, ciso, cio, groot)
    a = services.aanmelding_opstellen(actor=office, activiteit=groot)
    response = login(office).post(
        reverse("oordelen:aanmelding_stap", args=[a.pk, "collegebesluit"]),
        {"toetsen": "ja", "datum": VANDAAG.strftime("%d-%m-%Y")},
        follow=True,
    )
    assert response.status_code == 200 and "deze stap hoort bij aangemeld" in response.content.decode()


# --------------------------------------------------------------------------
# PDF


def test_pdf_of_a_decided_oordeel_is_a_tagged_pdf_with_name_and_outcome(
    login, office, ciso, cio, groot, cio_rijk, collega_ander_ministerie
):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="positief_onder_voorwaarden", voorwaarden=["Externe review vóór fase 2"])
    url = reverse("oordelen:pdf", args=[o.pk])
    response = login(office).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    inhoud = b"".join(response.streaming_content)
    pdf = PdfReader(io.BytesIO(inhoud))
    tekst = " ".join(p.extract_text() for p in pdf.pages)
    assert "Nieuw belastingsysteem" in tekst and "Positief onder voorwaarden" in tekst
    assert "Externe review" in tekst and "BIO-maatregelen getoetst" in tekst
    catalogus = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalogus and catalogus["/Lang"] == "nl"
    assert pdf.metadata.title == "CIO-oordeel over Nieuw belastingsysteem"
    assert login(cio_rijk).get(url).status_code == 200  # B7
    assert login(collega_ander_ministerie).get(url).status_code == 404


def test_pdf_only_for_decided_oordelen(login, office, cio, groot):
    o = concept(office, groot)
    assert login(office).get(reverse("oordelen:pdf", args=[o.pk])).status_code == 403
    assert login(cio).get(reverse("oordelen:pdf", args=[o.pk])).status_code == 403
    assert reverse("oordelen:pdf", args=[o.pk]) not in login(office).get(reverse("oordelen:oordeel", args=[o.pk])).content.decode()


# --------------------------------------------------------------------------
# Query counts


def _oordelen(office, ciso, cio, ministerie, aantal):
    for i in range(aantal):
        act = activiteit(office, ministerie, naam=f"Activiteit {i}", geschat=10_000_000)
        if i % 2:
            vastgesteld(office, ciso, cio, act, uitkomst="negatief" if i % 4 == 1 else "positief")
        else:
            concept(office, act)


@pytest.mark.parametrize("rol", ["office", "cio", "cio_rijk"])
def test_lijst_query_count_does_not_grow_with_the_oordelen(
    login, rollen, office, ciso, cio, ministerie, rol, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(rollen[rol])
    url = reverse("oordelen:lijst")
    _oordelen(office, ciso, cio, ministerie, 2)
    client.get(url)  # warm up: session, content types
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    _oordelen(office, ciso, cio, ministerie, 12)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        response = client.get(url)
    assert response.context["page_obj"].paginator.count >= 7
    with django_assert_max_num_queries(25):  # session, user, permissions, scopes, tasks, the page
        client.get(url)


def test_oordeel_page_of_a_dienstonderdeel_is_open_to_its_cio(login, ministerie, dienstonderdeel, office):
    cio_do = benoem(Rol.CIO_DIENSTONDERDEEL, dienstonderdeel).persoon.user
    act = activiteit(office, ministerie, naam="Dienstonderdeel-activiteit", geschat=10_000_000, dienstonderdeel=dienstonderdeel)
    o = concept(office, act)
    assert login(cio_do).get(reverse("oordelen:oordeel", args=[o.pk])).status_code == 200


def test_back_from_the_confirmation_keeps_what_was_filled_in_and_records_nothing(login, office, ciso, cio, groot):
    o = concept(office, groot)
    services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    o.refresh_from_db()
    besluit = {"uitkomst": "negatief", "motivering": "De business case ontbreekt.", "versie": o.versie}
    html = pagina_ok(login(cio).post(reverse("oordelen:vaststellen", args=[o.pk]), {**besluit, "terug": "1", "bevestigd": "ja"}))
    assert "De business case ontbreekt.</textarea>" in html
    assert re.search(r'<input type="radio" name="uitkomst" value="negatief"[^>]* checked>', html)
    assert "Er is niets opgeslagen" not in html  # not an error: the user chose to go back
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.CONCEPT


def test_every_error_of_a_decision_is_reported_before_the_confirmation_page(login, office, ciso, cio, groot):
    """The dry run finds the service's errors (here B5 and the missing condition together), so no confirmation is asked for a
    decision that would be refused, and the errors come in one round."""
    o = concept(office, groot)
    html = pagina_ok(
        login(cio).post(reverse("oordelen:vaststellen", args=[o.pk]), {"uitkomst": "positief_onder_voorwaarden", "motivering": "Goed."})
    )
    assert "Weet u zeker" not in html
    assert "zonder de bijdrage over informatiebeveiliging van de CISO (B5, art 7 k)" in html
    assert "Noem ten minste één voorwaarde" in html
    assert not AuditRecord.objects.filter(actie="oordeel.vastgesteld").exists()
