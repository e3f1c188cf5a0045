"""The consistency with the portfolio (shown to the CIO-office and the CIO Rijk) and what an actualisatie changed."""

import pytest
from django.urls import reverse

from informatieplannen import services, vergelijking
from informatieplannen.models import Informatieplan
from tests.factories import activiteit

from .conftest import financien

pytestmark = pytest.mark.django_db


def test_the_consistency_table_is_shown_to_the_cio_office_and_the_cio_rijk_only(login, vastgesteld, office, cio_rijk, ciso, minister):
    url = reverse("informatieplannen:plan", args=[vastgesteld.pk])
    for user in (office, cio_rijk):
        assert "samenhang-titel" in login(user).get(url).content.decode(), user
    for user in (ciso, minister):
        assert "samenhang-titel" not in login(user).get(url).content.decode(), user


def test_the_consistency_shows_plan_total_estimate_and_difference(compleet, act):
    from informatieplannen import selectors

    rijen = {str(r["regel"]): r for r in selectors.samenhang(compleet)}
    echt = rijen[act.naam]
    assert echt["plan"] == 4_000_000 and echt["raming"] is not None and echt["verschil"] == echt["plan"] - echt["raming"]
    assert rijen["Nieuw zaaksysteem"]["raming"] is None and rijen["Nieuw zaaksysteem"]["verschil"] is None


def test_a_voorgenomen_activity_that_became_real_is_linked_and_then_has_an_estimate(plan, office, ministerie):
    from informatieplannen import selectors

    regel = services.regel_toevoegen(actor=office, plan=plan, voorgenomen_naam="Nieuw", financien=financien())
    echt = activiteit(office, ministerie, naam="Nieuw zaaksysteem (echt)")
    services.voorgenomen_koppelen(actor=office, regel=regel, activiteit=echt)
    rij = selectors.samenhang(plan)[0]
    assert rij["regel"].activiteit == echt and rij["raming"] is not None


def test_b12_an_actualisatie_shows_what_changed_against_the_version_it_starts_from(login, vastgesteld, office, ciso, act, ministerie):
    nieuw = services.plan_actualiseren(actor=office, plan=vastgesteld)
    w = vergelijking.wijzigingen(nieuw)
    # only the CISO's section differs (it is written again for the new version, B11)
    assert [v.veld for v in w.velden] == ["informatiebeveiliging"] and w.regels == []

    services.plan_wijzigen(actor=office, plan=nieuw, versie=nieuw.versie, gegevens={"ambities": "Nieuwe ambitie."})
    echt_regel = nieuw.activiteiten.get(activiteit=act)
    services.financien_vastleggen(
        actor=office, regel=echt_regel, financien=[{**f, "bedrag": "1500000"} if f["jaar"] == 2026 else f for f in financien()]
    )
    services.regel_verwijderen(actor=office, regel=nieuw.activiteiten.get(voorgenomen_naam="Nieuw zaaksysteem"))
    services.regel_toevoegen(actor=office, plan=nieuw, voorgenomen_naam="Datacenter", financien=financien("10"))
    nieuw = Informatieplan.objects.get(pk=nieuw.pk)
    w = vergelijking.wijzigingen(nieuw)
    assert {v.veld for v in w.velden} == {"ambities", "informatiebeveiliging"}
    per_regel = {r.naam: r for r in w.regels}
    assert per_regel["Datacenter"].soort == "toegevoegd"
    assert per_regel["Nieuw zaaksysteem"].soort == "verwijderd"
    gewijzigd = per_regel[act.naam]
    assert gewijzigd.soort == "gewijzigd" and [(b.jaar, b.verschil) for b in gewijzigd.bedragen] == [(2026, 500000)]

    r = login(office).get(reverse("informatieplannen:wijzigingen", args=[nieuw.pk]))
    html = r.content.decode()
    assert r.status_code == 200 and "Nieuwe ambitie." in html and "Datacenter" in html
    assert (
        reverse("informatieplannen:wijzigingen", args=[nieuw.pk])
        in login(office).get(reverse("informatieplannen:plan", args=[nieuw.pk])).content.decode()
    )


def test_b28_the_cio_rijk_cannot_read_the_changes_of_a_concept_actualisatie(login, vastgesteld, office, cio_rijk):
    nieuw = services.plan_actualiseren(actor=office, plan=vastgesteld)
    assert login(cio_rijk).get(reverse("informatieplannen:wijzigingen", args=[nieuw.pk])).status_code == 404
    assert login(cio_rijk).get(reverse("informatieplannen:wijzigingen", args=[vastgesteld.pk])).status_code == 200
