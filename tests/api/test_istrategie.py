"""API of the I-strategie Rijk and the toezeggingen: the same rights as the pages, per role (B26)."""

import datetime

import pytest
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from informatieplannen import istrategie
from informatieplannen.models import StrategieActualisatie, Toezegging
from tests.informatieplannen.istrategie_fixtures import GEHEIM

from .conftest import api

pytestmark = pytest.mark.django_db
D = datetime.timedelta


def _actualisatie(strategie, vandaag):
    return {
        "strategie": strategie.pk,
        "jaar": vandaag.year,
        "besproken_in_cio_beraad_op": (vandaag - D(days=20)).isoformat(),
        "cio_beraad_verslag": "Verslag",
        "kamerstuk": "26 643, nr. 1300",
        "verzonden_op": (vandaag - D(days=5)).isoformat(),
    }


def test_b26_cio_rijk_records_the_update_through_the_api(cio_rijk, strategie, vandaag):
    r = api(cio_rijk).post(reverse("api:istrategie-actualisatie-list"), _actualisatie(strategie, vandaag), format="json")
    assert r.status_code == 201, r.content
    assert AuditRecord.objects.filter(actie="istrategie.actualisatie").exists()


def test_b26_update_without_kamerstuk_is_a_400_naming_the_field(cio_rijk, strategie, vandaag):
    r = api(cio_rijk).post(
        reverse("api:istrategie-actualisatie-list"), {**_actualisatie(strategie, vandaag), "kamerstuk": ""}, format="json"
    )
    assert r.status_code == 400 and "kamerstuk" in r.content.decode()


@pytest.mark.parametrize("rol", ["office", "cio", "ciso", "beheerder"])
def test_b26_only_the_cio_rijk_records_the_update_through_the_api(request, rol, strategie, vandaag):
    r = api(request.getfixturevalue(rol)).post(
        reverse("api:istrategie-actualisatie-list"), _actualisatie(strategie, vandaag), format="json"
    )
    assert r.status_code == 403
    assert not StrategieActualisatie.objects.exists()


def test_holder_reports_progress_through_the_api_and_others_are_refused(office, collega_ander_ministerie, cio_rijk, actie_bzk):
    url = reverse("api:istrategie-actie-voortgang", args=[actie_bzk.pk])
    for user in (collega_ander_ministerie, cio_rijk):
        assert api(user).post(url, {"tekst": "x", "status": "lopend"}, format="json").status_code == 403
    r = api(office).post(url, {"tekst": "Ronde 1.", "status": "lopend"}, format="json")
    assert r.status_code == 201 and r.json()["status"] == "lopend" and r.json()["voortgang"][0]["tekst"] == "Ronde 1."
    assert api(office).post(url, {"tekst": "x", "status": "klaar"}, format="json").status_code == 400


def test_logged_in_users_read_actions_with_progress_and_the_public_does_not(office, collega_ander_ministerie, actie_bzk):
    istrategie.voortgang_melden(actor=office, actie=actie_bzk, tekst=GEHEIM, status="lopend")
    r = api(collega_ander_ministerie).get(reverse("api:istrategie-actie-detail", args=[actie_bzk.pk]))
    assert r.status_code == 200 and GEHEIM in r.content.decode()
    assert api().get(reverse("api:istrategie-actie-detail", args=[actie_bzk.pk])).status_code == 401
    assert api().get(reverse("api:istrategie-actie-list")).status_code == 401
    assert GEHEIM not in api().get(reverse("api:publiek-istrategie")).content.decode()


def _toezegging(**kw):
    return {
        "soort": "toezegging",
        "nummer": "TZ202411-102",
        "tekst": "Cloud",
        "datum": "2024-11-20",
        "ministerie": "bzk",
        "termijn": "2026-01-01",
        **kw,
    }


def test_cio_rijk_registers_a_toezegging_through_the_api_and_a_wrong_number_is_a_400(cio_rijk, ministerie):
    c = api(cio_rijk)
    r = c.post(reverse("api:toezegging-list"), _toezegging(nummer="TZ-1"), format="json")
    assert r.status_code == 400 and "nummer" in r.content.decode()
    assert c.post(reverse("api:toezegging-list"), _toezegging(), format="json").status_code == 201
    assert c.post(reverse("api:toezegging-list"), _toezegging(), format="json").status_code == 400  # the same number again


@pytest.mark.parametrize("rol", ["office", "cio", "ciso", "beheerder"])
def test_only_the_cio_rijk_registers_a_toezegging_through_the_api(request, rol, ministerie):
    assert api(request.getfixturevalue(rol)).post(reverse("api:toezegging-list"), _toezegging(), format="json").status_code == 403
    assert not Toezegging.objects.exists()


def test_responsible_ministry_updates_its_commitment_through_the_api(office, collega_ander_ministerie, toezegging_bzk, vandaag):
    url = reverse("api:toezegging-stand", args=[toezegging_bzk.pk])
    assert api(collega_ander_ministerie).post(url, {"status": "afgedaan"}, format="json").status_code == 403
    r = api(office).post(url, {"status": "uitgesteld"}, format="json")
    assert r.status_code == 400 and "termijn" in r.content.decode() and "toelichting" in r.content.decode()
    nieuw = (vandaag + D(days=30)).isoformat()
    r = api(office).post(url, {"status": "uitgesteld", "nieuwe_termijn": nieuw, "toelichting": "Later."}, format="json")
    assert r.status_code == 200 and r.json()["termijn"] == nieuw


def test_read_only_token_cannot_report_progress(office, actie_bzk):
    r = api(office, alleen_lezen=True).post(
        reverse("api:istrategie-actie-voortgang", args=[actie_bzk.pk]), {"tekst": "x", "status": "lopend"}, format="json"
    )
    assert r.status_code == 403


def test_public_api_filters_toezeggingen(toezegging_bzk, motie_fin):
    r = api().get(reverse("api:publiek-toezeggingen"), {"ministerie": "fin"})
    assert [t["nummer"] for t in r.json()["results"]] == ["26 643, nr. 1200"]
    r = api().get(reverse("api:publiek-toezeggingen"), {"te_laat": "true"})
    assert [t["nummer"] for t in r.json()["results"]] == ["TZ202501-151"] and r.json()["results"][0]["te_laat"] is True


def test_public_api_gives_the_strategy_with_every_action(actie_bzk, actie_beraad):
    r = api().get(reverse("api:publiek-istrategie"))
    assert r.status_code == 200
    acties = [a for t in r.json()["themas"] for sp in t["speerpunten"] for m in sp["maatregelen"] for a in m["acties"]]
    assert {a["omschrijving"] for a in acties} == {actie_bzk.omschrijving, actie_beraad.omschrijving}
    assert r.json()["actualisatie_te_laat"] is True


def test_a_nul_character_in_the_ministerie_code_is_a_400_naming_the_field(client, cio_rijk):
    """Schemathesis found a 500 on PostgreSQL: a related field's lookup sent a NUL byte to the database."""
    client.force_login(cio_rijk)
    r = client.post(
        "/api/v1/toezeggingen/",
        {"soort": "toezegging", "nummer": "TZ202501-001", "tekst": "x", "datum": "2025-01-10", "ministerie": "bz\x00k"},
        content_type="application/json",
    )
    assert r.status_code == 400 and "ministerie" in r.json()["fouten"]
