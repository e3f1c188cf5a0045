"""Section 4 and B12: the minister makes a vastgesteld plan openbaar; the public I-plan pages, PDF and API show only those.

From the role that may (the minister of the ministerie) and the roles that may not (CIO-office, CIO, CISO,
CIO Rijk, another ministry's minister), and for the states that may not (concept, ter vaststelling).
"""

import json

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from informatieplannen import meldingen, openbaar, pdf, services
from informatieplannen.models import Informatieplan

from .conftest import bevindingen

pytestmark = pytest.mark.django_db

GEHEIM = "BIO op orde; risicomanagement per activiteit."  # the CISO's section in the conftest plan: internal


@pytest.fixture
def openbaar_plan(vastgesteld, minister):
    return services.plan_openbaar_maken(actor=minister, plan=vastgesteld, samenvatting="Publieke samenvatting van het plan.")


def test_b12_section4_the_minister_makes_a_vastgesteld_plan_openbaar_and_it_is_audited(
    vastgesteld, minister, django_capture_on_commit_callbacks
):
    versie = vastgesteld.versie
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        plan = services.plan_openbaar_maken(actor=minister, plan=vastgesteld, samenvatting="Samenvatting.")
    plan.refresh_from_db()
    assert plan.openbaar and plan.openbaar_door == minister and plan.openbaar_op is not None
    assert plan.versie == versie, "the decided plan itself does not change"
    record = AuditRecord.objects.get(actie="informatieplan.openbaar_gemaakt", object_id=str(plan.pk))
    assert record.actor == minister and record.na["openbaar"] is True and record.voor["openbaar"] is False
    assert len(callbacks) == 2  # the PDF task and a new generation of the cached public pages, after the commit


def test_b12_a_getoetst_plan_may_be_made_openbaar_too(vastgesteld, minister, cio_rijk):
    services.plan_toetsen(actor=cio_rijk, plan=vastgesteld, bevindingen=bevindingen(), eindoordeel="voldoende", samenvatting="Op orde.")
    assert services.plan_openbaar_maken(actor=minister, plan=vastgesteld, samenvatting="S.").openbaar


def test_b12_section4_only_the_minister_of_the_ministerie_makes_a_plan_openbaar(
    vastgesteld, office, cio, ciso, cio_rijk, minister_ander, sg
):
    for user in (office, cio, ciso, cio_rijk, minister_ander, sg):
        with pytest.raises(PermissionDenied):
            services.plan_openbaar_maken(actor=user, plan=vastgesteld, samenvatting="S.")
    vastgesteld.refresh_from_db()
    assert not vastgesteld.openbaar
    assert not AuditRecord.objects.filter(actie="informatieplan.openbaar_gemaakt").exists()


def test_b12_section4_a_concept_or_a_plan_ter_vaststelling_is_never_made_openbaar(plan, compleet, office, minister):
    with pytest.raises(ValidationError) as exc:
        services.plan_openbaar_maken(actor=minister, plan=plan, samenvatting="S.")
    assert "B12" in exc.value.messages[0]
    aangeboden = services.plan_aanbieden(actor=office, plan=compleet)
    with pytest.raises(ValidationError):
        services.plan_openbaar_maken(actor=minister, plan=aangeboden, samenvatting="S.")
    assert not Informatieplan.objects.filter(openbaar=True).exists()


def test_b12_openbaar_needs_a_summary_and_happens_once(vastgesteld, minister):
    with pytest.raises(ValidationError) as exc:
        services.plan_openbaar_maken(actor=minister, plan=vastgesteld, samenvatting="  ")
    assert "openbare_samenvatting" in exc.value.message_dict
    services.plan_openbaar_maken(actor=minister, plan=vastgesteld, samenvatting="S.")
    with pytest.raises(ValidationError):
        services.plan_openbaar_maken(actor=minister, plan=vastgesteld, samenvatting="S.")


def test_b12_the_minister_makes_the_plan_openbaar_through_the_page_and_others_are_refused(login, vastgesteld, minister, office, cio_rijk):
    url = reverse("informatieplannen:openbaar_maken", args=[vastgesteld.pk])
    assert f'href="{url}"' in login(minister).get(reverse("informatieplannen:plan", args=[vastgesteld.pk])).content.decode()
    assert f'href="{url}"' not in login(office).get(reverse("informatieplannen:plan", args=[vastgesteld.pk])).content.decode()
    for user in (office, cio_rijk):
        assert login(user).post(url, {"openbare_samenvatting": "S."}).status_code == 403
    m = login(minister)
    r = m.post(url, {"openbare_samenvatting": ""})
    assert r.status_code == 200 and "id_openbare_samenvatting_fout" in r.content.decode()
    r = m.post(url, {"openbare_samenvatting": "Publiek."})
    assert r.status_code == 302
    vastgesteld.refresh_from_db()
    assert vastgesteld.openbaar


def test_b12_the_openbaar_page_of_a_concept_sends_the_minister_back_with_the_rule(login, plan, minister):
    r = login(minister).get(reverse("informatieplannen:openbaar_maken", args=[plan.pk]), follow=True)
    assert "B12" in r.content.decode()


# -- the public side


def test_section4_the_public_iplan_page_shows_summary_period_and_the_pdf(client, openbaar_plan, ministerie):
    r = client.get(reverse("iplannen:ministerie", args=[ministerie.code]))
    html = r.content.decode()
    assert r.status_code == 200
    assert "Publieke samenvatting van het plan." in html and "2025–2028" in html
    assert reverse("iplannen:pdf", args=[ministerie.code, openbaar_plan.pk]) in html
    assert "Nieuw zaaksysteem" in html  # the portfolio with its financial paragraph
    lijst = client.get(reverse("iplannen:lijst")).content.decode()
    assert ministerie.naam in lijst and reverse("iplannen:ministerie", args=[ministerie.code]) in lijst


def test_section4_the_pdf_is_made_once_stored_and_then_served_as_stored(client, openbaar_plan, ministerie):
    url = reverse("iplannen:pdf", args=[ministerie.code, openbaar_plan.pk])
    r = client.get(url)
    inhoud = b"".join(r.streaming_content)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and inhoud.startswith(b"%PDF")
    openbaar_plan.refresh_from_db()
    assert openbaar_plan.pdf and openbaar_plan.pdf_checksum
    assert AuditRecord.objects.filter(actie="informatieplan.pdf_gemaakt", object_id=str(openbaar_plan.pk)).count() == 1
    # the second request serves the stored file: no new render
    assert b"".join(client.get(url).streaming_content) == inhoud
    assert AuditRecord.objects.filter(actie="informatieplan.pdf_gemaakt").count() == 1


def test_section4_the_pdf_is_tagged_with_language_title_and_headings(openbaar_plan):
    import pypdf

    plan = pdf.pdf_maken(openbaar_plan.pk)
    with plan.pdf.open("rb") as f:
        lezer = pypdf.PdfReader(f)
        root = lezer.trailer["/Root"]
        assert root["/Lang"] == "nl"
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        assert openbaar_plan.titel in lezer.metadata.title
        tekst = "".join(p.extract_text() for p in lezer.pages)
    assert "Publieke samenvatting" in tekst and GEHEIM not in tekst


def test_section4_the_task_makes_the_pdf_after_the_commit(openbaar_plan):
    from informatieplannen import tasks

    assert tasks.plan_pdf_maken(openbaar_plan.pk)
    openbaar_plan.refresh_from_db()
    assert openbaar_plan.pdf


def test_section4_a_plan_that_is_not_openbaar_is_a_404_on_every_public_address(client, vastgesteld, plan, ministerie):
    for p in (vastgesteld, plan):
        assert client.get(reverse("iplannen:pdf", args=[ministerie.code, p.pk])).status_code == 404
        assert client.get(reverse("api:publiek-informatieplan", args=[p.pk])).status_code == 404
    html = client.get(reverse("iplannen:ministerie", args=[ministerie.code])).content.decode()
    assert vastgesteld.titel not in html
    assert client.get(reverse("iplannen:ministerie", args=["bestaat-niet"])).status_code == 404


def test_section4_the_public_search_finds_an_openbaar_plan_and_no_other(client, openbaar_plan, office, ministerie):
    from .conftest import GEGEVENS

    services.plan_opstellen(actor=office, ministerie=ministerie, gegevens={**GEGEVENS, "titel": "Zoekconcept"})
    html = client.get(reverse("dashboard:zoeken"), {"q": "samenvatting van het plan"}).content.decode()
    assert openbaar_plan.titel in html and reverse("iplannen:ministerie", args=[ministerie.code]) in html
    html = client.get(reverse("dashboard:zoeken"), {"q": "Zoekconcept"}).content.decode()
    assert reverse("iplannen:ministerie", args=[ministerie.code]) not in html  # the concept is not found


def test_section4_a_pdf_under_another_ministry_is_a_404(client, openbaar_plan, ander_ministerie):
    assert client.get(reverse("iplannen:pdf", args=[ander_ministerie.code, openbaar_plan.pk])).status_code == 404


def test_section4_no_concept_plan_or_internal_field_reaches_a_public_page_open_data_or_the_public_api(
    client, openbaar_plan, office, ciso, cio_rijk, ministerie
):
    """The internal parts of a public plan (CISO section, toets, people) and every non-public plan stay off the public side."""
    services.plan_toetsen(
        actor=cio_rijk, plan=openbaar_plan, bevindingen=bevindingen(), eindoordeel="aandachtspunten", samenvatting="TOETS-INTERN"
    )
    actualisatie = services.plan_actualiseren(actor=office, plan=openbaar_plan)
    services.plan_wijzigen(actor=office, plan=actualisatie, versie=actualisatie.versie, gegevens={"titel": "CONCEPT-TITEL"})
    services.regel_toevoegen(
        actor=office, plan=actualisatie, voorgenomen_naam="CONCEPT-ACTIVITEIT", financien=[{"jaar": 2025, "bedrag": "1", "redenering": "x"}]
    )
    services.informatiebeveiliging_schrijven(actor=ciso, plan=actualisatie, tekst="CISO-CONCEPT")
    verboden = ["CONCEPT-TITEL", "CONCEPT-ACTIVITEIT", "CISO-CONCEPT", GEHEIM, "TOETS-INTERN", office.username, ciso.username]
    adressen = [
        reverse("iplannen:lijst"),
        reverse("iplannen:ministerie", args=[ministerie.code]),
        reverse("dashboard:home"),
        reverse("dashboard:ministerie", args=[ministerie.code]),
        reverse("dashboard:open_data"),
        reverse("dashboard:export", kwargs={"formaat": "csv"}),
        reverse("dashboard:export", kwargs={"formaat": "json"}),
        reverse("api:publiek-informatieplannen"),
        reverse("api:publiek-informatieplan", args=[openbaar_plan.pk]),
        reverse("api:publiek-activiteiten"),
    ]
    for adres in adressen:
        r = client.get(adres)
        # the open-data files are a 404 while nothing is published: no plan in them either way
        assert r.status_code == 200 or (r.status_code == 404 and "open-data" in adres), adres
        inhoud = (b"".join(r.streaming_content) if r.streaming else r.content).decode(errors="replace")
        for woord in verboden:
            assert woord not in inhoud, (adres, woord)
    assert client.get(reverse("api:publiek-informatieplan", args=[actualisatie.pk])).status_code == 404
    pdf_tekst = _pdf_tekst(client.get(reverse("iplannen:pdf", args=[ministerie.code, openbaar_plan.pk])))
    for woord in verboden:
        assert woord not in pdf_tekst, woord
    # The public API names exactly the public fields.
    detail = client.get(reverse("api:publiek-informatieplan", args=[openbaar_plan.pk])).json()
    assert set(detail) == {
        "id",
        "ministerie",
        "ministerie_naam",
        "titel",
        "periode_van",
        "periode_tot",
        "volgnummer",
        "vastgesteld_op",
        "openbaar_op",
        "samenvatting",
        "pdf",
        "ambities",
        "strategische_doelen",
        "regels",
    }
    assert "informatiebeveiliging" not in json.dumps(detail)


def _pdf_tekst(response) -> str:
    import io

    import pypdf

    lezer = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return "".join(p.extract_text() for p in lezer.pages)


def test_section4_the_read_model_reads_only_public_fields():
    assert not {"informatiebeveiliging", "opgesteld_door", "vastgesteld_door", "versie"} & set(openbaar.OPENBARE_VELDEN)


# -- notifications after the commit


def test_b11_b12_notifications_go_to_the_role_that_acts_next(
    compleet, office, ciso, minister, cio_rijk, django_capture_on_commit_callbacks
):
    for u in (office, ciso, minister, cio_rijk):
        assert u.email, u
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.plan_aanbieden(actor=office, plan=compleet)
    assert len(callbacks) == 1
    meldingen.melding_verzenden("plan_vast_te_stellen", compleet.pk)
    meldingen.melding_verzenden("ciso_paragraaf_gevraagd", compleet.pk)
    meldingen.melding_verzenden("plan_te_toetsen", compleet.pk)
    ontvangers = [(m.subject.split(":")[0], m.to) for m in mail.outbox]
    assert ontvangers == [
        ("Informatieplan ter vaststelling", [minister.email]),
        ("Paragraaf informatiebeveiliging gevraagd", [ciso.email]),
        ("Informatieplan vastgesteld, kwaliteitstoets gevraagd", [cio_rijk.email]),
    ]
