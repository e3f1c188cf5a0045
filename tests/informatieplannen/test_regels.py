"""B10, B11, B12 (and B28 for plans): the informatieplan from the role that may and the roles that may not."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cio_stelsel.models import AuditRecord
from informatieplannen import services
from informatieplannen.models import Informatieplan
from tests.factories import activiteit

from .conftest import GEGEVENS, JAREN, bevindingen, financien

pytestmark = pytest.mark.django_db


# -- B10: meerjarig, a non-empty financial paragraph with a reasoned consequence per planned activity per year


def test_b10_office_drafts_a_multi_year_plan_and_it_is_audited(plan, office):
    assert plan.status == Informatieplan.Status.CONCEPT
    assert plan.jaren == [2025, 2026, 2027, 2028]
    assert AuditRecord.objects.filter(actie="informatieplan.opgesteld", object_id=str(plan.pk), actor=office).exists()


def test_b10_a_plan_of_one_year_is_refused(office, ministerie):
    with pytest.raises(ValidationError) as exc:
        services.plan_opstellen(actor=office, ministerie=ministerie, gegevens={**GEGEVENS, "periode_tot": GEGEVENS["periode_van"]})
    assert "periode_tot" in exc.value.message_dict
    assert "B10" in exc.value.message_dict["periode_tot"][0]


def test_b10_other_ministry_and_dienstonderdeel_and_cio_rijk_may_not_draft(
    ministerie, collega_ander_ministerie, office_logius, cio_rijk, ciso, minister
):
    for user in (collega_ander_ministerie, office_logius, cio_rijk, ciso, minister):
        with pytest.raises(PermissionDenied):
            services.plan_opstellen(actor=user, ministerie=ministerie, gegevens=dict(GEGEVENS))
    assert not Informatieplan.objects.exists()


def test_b10_cio_may_draft(cio, ministerie):
    assert services.plan_opstellen(actor=cio, ministerie=ministerie, gegevens=dict(GEGEVENS)).pk


def test_b10_empty_financial_paragraph_cannot_be_submitted(plan, office, ciso):
    services.informatiebeveiliging_schrijven(actor=ciso, plan=plan, tekst="BIO.")
    with pytest.raises(ValidationError) as exc:
        services.plan_aanbieden(actor=office, plan=plan)
    assert "financien" in exc.value.message_dict
    assert "B10" in exc.value.message_dict["financien"][0]


def test_b10_a_planned_activity_without_a_consequence_for_every_year_is_refused(plan, office, ciso, act):
    services.regel_toevoegen(actor=office, plan=plan, activiteit=act, financien=financien(tot=JAREN[0] + 1))
    services.informatiebeveiliging_schrijven(actor=ciso, plan=plan, tekst="BIO.")
    with pytest.raises(ValidationError) as exc:
        services.plan_aanbieden(actor=office, plan=plan)
    assert "2027, 2028" in exc.value.message_dict["financien"][0]


def test_b10_a_consequence_without_reasoning_is_refused(plan, office, act):
    regels = financien()
    regels[1]["redenering"] = "  "
    with pytest.raises(ValidationError) as exc:
        services.regel_toevoegen(actor=office, plan=plan, activiteit=act, financien=regels)
    assert "onderbouw" in exc.value.message_dict["financien"][0]
    assert not plan.activiteiten.exists()


def test_b10_a_year_outside_the_period_is_refused(plan, office):
    with pytest.raises(ValidationError) as exc:
        services.regel_toevoegen(
            actor=office, plan=plan, voorgenomen_naam="X", financien=[{"jaar": 2030, "bedrag": "1", "redenering": "r"}]
        )
    assert "2030" in exc.value.message_dict["financien"][0]


def test_b10_only_activities_of_the_own_ministry(plan, office, collega_ander_ministerie, ander_ministerie):
    vreemd = activiteit(collega_ander_ministerie, ander_ministerie, naam="Andermans project")
    with pytest.raises(ValidationError) as exc:
        services.regel_toevoegen(actor=office, plan=plan, activiteit=vreemd, financien=financien())
    assert "activiteit" in exc.value.message_dict


def test_b10_voorgenomen_activity_is_later_linked_to_the_real_one(plan, office, ministerie):
    regel = services.regel_toevoegen(actor=office, plan=plan, voorgenomen_naam="Nieuw zaaksysteem", financien=financien())
    echt = activiteit(office, ministerie, naam="Zaaksysteem")
    services.voorgenomen_koppelen(actor=office, regel=regel, activiteit=echt)
    regel.refresh_from_db()
    assert regel.activiteit == echt and not regel.voorgenomen
    assert AuditRecord.objects.filter(actie="informatieplan.activiteit_gekoppeld").exists()


def test_b10_another_ministry_may_not_add_activities(plan, collega_ander_ministerie):
    with pytest.raises(PermissionDenied):
        services.regel_toevoegen(actor=collega_ander_ministerie, plan=plan, voorgenomen_naam="X", financien=financien())


# -- B11: the information-security section, by the ministry's CISO only; no submission without it


def test_b11_the_ministrys_ciso_writes_the_section(plan, ciso):
    plan = services.informatiebeveiliging_schrijven(actor=ciso, plan=plan, tekst="BIO op orde.")
    assert plan.informatiebeveiliging_door == ciso
    assert AuditRecord.objects.filter(actie="informatieplan.informatiebeveiliging", actor=ciso).exists()


def test_b11_nobody_else_writes_the_section(plan, office, cio, ciso_ander, ciso_logius, cio_rijk, minister):
    for user in (office, cio, ciso_ander, ciso_logius, cio_rijk, minister):
        with pytest.raises(PermissionDenied):
            services.informatiebeveiliging_schrijven(actor=user, plan=plan, tekst="Niet van de CISO.")
    plan.refresh_from_db()
    assert plan.informatiebeveiliging == ""


def test_b11_plan_cannot_be_submitted_without_the_ciso_section(plan, office, act):
    services.regel_toevoegen(actor=office, plan=plan, activiteit=act, financien=financien())
    with pytest.raises(ValidationError) as exc:
        services.plan_aanbieden(actor=office, plan=plan)
    assert "B11" in exc.value.message_dict["informatiebeveiliging"][0]
    plan.refresh_from_db()
    assert plan.status == Informatieplan.Status.CONCEPT


def test_b11_the_plan_fields_cannot_carry_the_ciso_section(plan, office):
    plan = services.plan_wijzigen(
        actor=office, plan=plan, versie=None, gegevens={"informatiebeveiliging": "Door het office", "titel": "Nieuw"}
    )
    assert plan.titel == "Nieuw" and plan.informatiebeveiliging == ""


# -- B12: concept → ter vaststelling → vastgesteld (by the minister) → kwaliteitstoets by the CIO Rijk


def test_b12_complete_plan_is_submitted_and_the_minister_decides(aangeboden, minister):
    assert aangeboden.status == Informatieplan.Status.TER_VASTSTELLING
    plan = services.plan_vaststellen(actor=minister, plan=aangeboden)
    assert plan.status == Informatieplan.Status.VASTGESTELD and plan.vastgesteld_door == minister
    assert AuditRecord.objects.filter(actie="informatieplan.vastgesteld", actor=minister).exists()


def test_b12_only_the_minister_of_that_ministry_decides(aangeboden, office, cio, ciso, sg, minister_ander, cio_rijk):
    for user in (office, cio, ciso, sg, minister_ander, cio_rijk):
        with pytest.raises(PermissionDenied):
            services.plan_vaststellen(actor=user, plan=aangeboden)
    aangeboden.refresh_from_db()
    assert aangeboden.status == Informatieplan.Status.TER_VASTSTELLING


def test_b12_a_concept_cannot_be_decided(compleet, minister):
    with pytest.raises(ValidationError):
        services.plan_vaststellen(actor=minister, plan=compleet)


def test_b12_minister_may_send_back_with_a_reason(aangeboden, minister):
    with pytest.raises(ValidationError):
        services.plan_terugsturen(actor=minister, plan=aangeboden, reden=" ")
    plan = services.plan_terugsturen(actor=minister, plan=aangeboden, reden="Financiële paragraaf aanscherpen.")
    assert plan.status == Informatieplan.Status.CONCEPT


def test_b12_a_vastgesteld_plan_is_immutable(vastgesteld, office, ciso):
    regel = vastgesteld.activiteiten.first()
    pogingen = [
        lambda: services.plan_wijzigen(actor=office, plan=vastgesteld, versie=None, gegevens={"titel": "Anders"}),
        lambda: services.regel_toevoegen(actor=office, plan=vastgesteld, voorgenomen_naam="X", financien=financien()),
        lambda: services.financien_vastleggen(actor=office, regel=regel, financien=financien("1")),
        lambda: services.regel_verwijderen(actor=office, regel=regel),
        lambda: services.informatiebeveiliging_schrijven(actor=ciso, plan=vastgesteld, tekst="Anders"),
    ]
    for poging in pogingen:
        with pytest.raises(ValidationError):
            poging()
    vastgesteld.refresh_from_db()
    assert vastgesteld.titel == GEGEVENS["titel"] and vastgesteld.activiteiten.count() == 2


def test_b12_actualisatie_starts_from_the_last_version(vastgesteld, office, ciso):
    nieuw = services.plan_actualiseren(actor=office, plan=vastgesteld)
    assert nieuw.status == Informatieplan.Status.CONCEPT and nieuw.vorige == vastgesteld and nieuw.volgnummer == 2
    assert nieuw.activiteiten.count() == 2
    assert sum(r.financien.count() for r in nieuw.activiteiten.all()) == 8
    assert nieuw.informatiebeveiliging == ""  # the CISO writes it again (B11)
    with pytest.raises(ValidationError):
        services.plan_actualiseren(actor=office, plan=vastgesteld)
    with pytest.raises(ValidationError):
        services.plan_actualiseren(actor=office, plan=nieuw)


def test_b12_cio_rijk_reviews_per_criterion_with_a_verdict(vastgesteld, cio_rijk):
    toets = services.plan_toetsen(
        actor=cio_rijk, plan=vastgesteld, bevindingen=bevindingen(), eindoordeel="aandachtspunten", samenvatting="Op orde."
    )
    assert toets.bevindingen.count() == 5
    vastgesteld.refresh_from_db()
    assert vastgesteld.status == Informatieplan.Status.GETOETST
    assert AuditRecord.objects.filter(actie="informatieplan.getoetst", actor=cio_rijk).exists()


def test_b12_review_needs_a_finding_for_every_criterion(vastgesteld, cio_rijk):
    b = bevindingen()
    b["financieel"] = ("voldoende", "")
    with pytest.raises(ValidationError) as exc:
        services.plan_toetsen(actor=cio_rijk, plan=vastgesteld, bevindingen=b, eindoordeel="voldoende", samenvatting="x")
    assert "bevinding_financieel" in exc.value.message_dict


def test_b12_only_the_cio_rijk_reviews_and_only_a_vastgesteld_plan(vastgesteld, aangeboden, office, cio, minister, cio_rijk):
    for user in (office, cio, minister):
        with pytest.raises(PermissionDenied):
            services.plan_toetsen(actor=user, plan=vastgesteld, bevindingen=bevindingen(), eindoordeel="voldoende", samenvatting="x")


def test_b12_a_plan_ter_vaststelling_cannot_be_reviewed(aangeboden, cio_rijk):
    with pytest.raises(ValidationError):
        services.plan_toetsen(actor=cio_rijk, plan=aangeboden, bevindingen=bevindingen(), eindoordeel="voldoende", samenvatting="x")


# -- B28 and section 4: plans are internal; the CIO Rijk sees no concept


def test_b28_cio_rijk_does_not_see_concept_or_plan_ter_vaststelling(aangeboden, cio_rijk, office, ministerie):
    concept = services.plan_opstellen(actor=office, ministerie=ministerie, gegevens=dict(GEGEVENS))
    zichtbaar = Informatieplan.objects.zichtbaar_voor(cio_rijk)
    assert concept not in zichtbaar and aangeboden not in zichtbaar


def test_b28_cio_rijk_sees_the_vastgesteld_plan(vastgesteld, cio_rijk):
    assert vastgesteld in Informatieplan.objects.zichtbaar_voor(cio_rijk)


def test_section4_plans_are_internal_to_the_ministry(plan, office, ciso, minister, collega_ander_ministerie, office_logius):
    for user in (office, ciso, minister):
        assert plan in Informatieplan.objects.zichtbaar_voor(user)
    for user in (collega_ander_ministerie, office_logius):
        assert plan not in Informatieplan.objects.zichtbaar_voor(user)


def test_b28_cio_rijk_does_not_read_a_concept_plan_through_the_audit_trail(plan, office, cio_rijk, act):
    from cio_stelsel.selectors import audit_zichtbaar_voor

    services.regel_toevoegen(actor=office, plan=plan, activiteit=act, financien=financien())
    eigen = {r.actie for r in audit_zichtbaar_voor(office) if r.actie.startswith("informatieplan.")}
    rijk = {r.actie for r in audit_zichtbaar_voor(cio_rijk) if r.actie.startswith("informatieplan.")}
    assert {"informatieplan.opgesteld", "informatieplan.activiteit_toegevoegd"} <= eigen
    assert rijk == set()


def test_b28_cio_rijk_reads_the_trail_of_a_vastgesteld_plan(vastgesteld, cio_rijk):
    from cio_stelsel.selectors import audit_zichtbaar_voor

    rijk = {r.actie for r in audit_zichtbaar_voor(cio_rijk) if r.actie.startswith("informatieplan.")}
    assert {"informatieplan.vastgesteld", "informatieplan.activiteit_toegevoegd"} <= rijk
