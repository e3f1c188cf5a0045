"""The informatieplannen API: the same rights as the pages (B12, B28, section 4), per role."""

import pytest
from django.urls import reverse

from informatieplannen import services

pytestmark = pytest.mark.django_db


def _ids(client) -> set[int]:
    r = client.get(reverse("api:informatieplan-list"))
    assert r.status_code == 200
    return {p["id"] for p in r.json()["results"]}


def test_b12_b28_the_ministry_sees_its_concept_and_the_cio_rijk_does_not(login, plan, office, ciso, cio_rijk, collega_ander_ministerie):
    for user in (office, ciso):
        assert _ids(login(user)) == {plan.pk}
        assert login(user).get(reverse("api:informatieplan-detail", args=[plan.pk])).status_code == 200
    for user in (cio_rijk, collega_ander_ministerie):
        assert _ids(login(user)) == set()
        assert login(user).get(reverse("api:informatieplan-detail", args=[plan.pk])).status_code == 404


def test_b12_the_cio_rijk_reads_a_vastgesteld_plan_with_its_portfolio(login, vastgesteld, cio_rijk, collega_ander_ministerie):
    c = login(cio_rijk)
    assert _ids(c) == {vastgesteld.pk}
    detail = c.get(reverse("api:informatieplan-detail", args=[vastgesteld.pk])).json()
    assert detail["status"] == "vastgesteld" and len(detail["activiteiten"]) == 2
    assert {r["voorgenomen"] for r in detail["activiteiten"]} == {True, False}
    assert login(collega_ander_ministerie).get(reverse("api:informatieplan-detail", args=[vastgesteld.pk])).status_code == 404


def test_the_api_is_read_only_and_needs_a_log_in(client, login, plan, office):
    assert client.get(reverse("api:informatieplan-list")).status_code == 401
    c = login(office)
    assert c.post(reverse("api:informatieplan-list"), {}, content_type="application/json").status_code == 405
    assert c.patch(reverse("api:informatieplan-detail", args=[plan.pk]), {}, content_type="application/json").status_code == 405


def test_section4_the_public_api_lists_only_openbare_plans(client, vastgesteld, plan, minister):
    assert client.get(reverse("api:publiek-informatieplannen")).json()["results"] == []
    services.plan_openbaar_maken(actor=minister, plan=vastgesteld, samenvatting="Publiek.")
    resultaten = client.get(reverse("api:publiek-informatieplannen")).json()["results"]
    assert [p["id"] for p in resultaten] == [vastgesteld.pk]
    assert resultaten[0]["pdf"].endswith(reverse("iplannen:pdf", args=[vastgesteld.ministerie.code, vastgesteld.pk]))
    detail = client.get(reverse("api:publiek-informatieplan", args=[vastgesteld.pk])).json()
    assert detail["samenvatting"] == "Publiek." and len(detail["regels"]) == 2


def test_the_api_list_does_not_grow_queries_with_the_plans(login, office, ministerie, django_assert_max_num_queries):
    from .conftest import GEGEVENS

    for i in range(5):
        services.plan_opstellen(actor=office, ministerie=ministerie, gegevens={**GEGEVENS, "titel": f"Plan {i}"})
    c = login(office)
    c.get(reverse("api:informatieplan-list"))
    with django_assert_max_num_queries(12):
        assert len(c.get(reverse("api:informatieplan-list")).json()["results"]) == 5
