"""The pages of the informatieplannen: a plan from concept to kwaliteitstoets through the forms, and the refusals."""

import pytest
from django.urls import reverse

from informatieplannen.models import Criterium, Informatieplan

from .conftest import JAREN

pytestmark = pytest.mark.django_db


def _jaren(bedrag="100000"):
    d = {}
    for j in range(JAREN[0], JAREN[1] + 1):
        d[f"bedrag_{j}"] = bedrag
        d[f"redenering_{j}"] = f"Raming {j}."
    return d


def test_b10_b11_b12_a_plan_from_concept_to_kwaliteitstoets_through_the_pages(login, office, ciso, ministerie, act, cio_rijk):
    from cio_stelsel.rechten import Rol
    from tests.factories import benoem

    minister = benoem(Rol.MINISTER, ministerie).persoon.user
    c = login(office)
    r = c.post(
        reverse("informatieplannen:nieuw"),
        {
            "ministerie": ministerie.pk,
            "titel": "I-plan BZK",
            "periode_van": JAREN[0],
            "periode_tot": JAREN[1],
            "ambities": "Wendbaar.",
            "strategische_doelen": "Weerbaar.",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    plan = Informatieplan.objects.get()
    assert c.get(reverse("informatieplannen:plan", args=[plan.pk])).status_code == 200
    assert c.get(reverse("informatieplannen:lijst")).status_code == 200

    # B10: not complete yet → offering is refused with the rule named
    r = c.post(reverse("informatieplannen:aanbieden", args=[plan.pk]), follow=True)
    assert "B10" in r.content.decode() and "B11" in r.content.decode()

    # a form without reasoning names the field
    onvolledig = {"activiteit": act.pk, **_jaren()}
    onvolledig[f"redenering_{JAREN[0]}"] = ""
    r = c.post(reverse("informatieplannen:regel_nieuw", args=[plan.pk]), onvolledig)
    assert r.status_code == 200 and f"id_redenering_{JAREN[0]}_fout" in r.content.decode()
    assert c.post(reverse("informatieplannen:regel_nieuw", args=[plan.pk]), {"activiteit": act.pk, **_jaren()}).status_code == 302
    assert c.post(reverse("informatieplannen:regel_nieuw", args=[plan.pk]), {"voorgenomen_naam": "Nieuw", **_jaren("5")}).status_code == 302

    # B11: only the CISO writes the section
    assert c.get(reverse("informatieplannen:informatiebeveiliging", args=[plan.pk])).status_code == 403
    cs = login(ciso)
    assert (
        cs.post(
            reverse("informatieplannen:informatiebeveiliging", args=[plan.pk]), {"informatiebeveiliging": "BIO.", "versie": ""}
        ).status_code
        == 302
    )

    assert c.get(reverse("informatieplannen:aanbieden", args=[plan.pk])).status_code == 200
    assert c.post(reverse("informatieplannen:aanbieden", args=[plan.pk])).status_code == 302
    plan.refresh_from_db()
    assert plan.status == Informatieplan.Status.TER_VASTSTELLING

    # B12: the office cannot decide; the minister does
    assert c.post(reverse("informatieplannen:vaststellen", args=[plan.pk])).status_code == 403
    m = login(minister)
    assert m.post(reverse("informatieplannen:vaststellen", args=[plan.pk])).status_code == 302
    plan.refresh_from_db()
    assert plan.status == Informatieplan.Status.VASTGESTELD

    # immutable: the edit page sends back to the plan
    r = c.get(reverse("informatieplannen:bewerken", args=[plan.pk]))
    assert r.status_code == 302

    # the CIO Rijk's toets, with a finding per criterion
    rijk = login(cio_rijk)
    assert rijk.get(reverse("informatieplannen:toetsen", args=[plan.pk])).status_code == 200
    gegevens = {"eindoordeel": "voldoende", "samenvatting": "Op orde."}
    for crit in Criterium:
        gegevens[f"beoordeling_{crit.value}"] = "voldoende"
        gegevens[f"bevinding_{crit.value}"] = "Goed."
    assert rijk.post(reverse("informatieplannen:toetsen", args=[plan.pk]), gegevens).status_code == 302
    plan.refresh_from_db()
    assert plan.status == Informatieplan.Status.GETOETST
    assert "Op orde." in rijk.get(reverse("informatieplannen:plan", args=[plan.pk])).content.decode()

    # an actualisatie starts from this version
    r = c.post(reverse("informatieplannen:actualiseren", args=[plan.pk]))
    nieuw = Informatieplan.objects.get(vorige=plan)
    assert r["Location"] == reverse("informatieplannen:plan", args=[nieuw.pk])


def test_b28_cio_rijk_gets_404_on_a_concept_plan(login, plan, cio_rijk):
    assert login(cio_rijk).get(reverse("informatieplannen:plan", args=[plan.pk])).status_code == 404


def test_section4_another_ministry_gets_404(login, plan, collega_ander_ministerie):
    assert login(collega_ander_ministerie).get(reverse("informatieplannen:plan", args=[plan.pk])).status_code == 404


def test_b10_nieuw_refused_without_a_ministry_to_draft_for(login, ciso, cio_rijk):
    for user in (ciso, cio_rijk):
        assert login(user).get(reverse("informatieplannen:nieuw")).status_code == 403


def test_werkvoorraad_shows_the_ciso_task(login, plan, ciso):
    r = login(ciso).get(reverse("cio_stelsel:werkvoorraad"))
    assert "Paragraaf informatiebeveiliging schrijven" in r.content.decode()


def test_b10_one_year_plan_is_a_form_error(login, office, ministerie):
    r = login(office).post(
        reverse("informatieplannen:nieuw"), {"ministerie": ministerie.pk, "titel": "X", "periode_van": 2025, "periode_tot": 2025}
    )
    assert r.status_code == 200 and "id_periode_tot_fout" in r.content.decode()


def test_b12_cio_rijk_downloads_the_bundled_toets_report_as_pdf(login, vastgesteld, cio_rijk, office):
    import datetime

    from informatieplannen import services

    from .conftest import bevindingen

    services.plan_toetsen(actor=cio_rijk, plan=vastgesteld, bevindingen=bevindingen(), eindoordeel="voldoende", samenvatting="Op orde.")
    jaar = datetime.date.today().year
    r = login(cio_rijk).get(reverse("informatieplannen:toetsrapport", args=[jaar]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
    assert login(office).get(reverse("informatieplannen:toetsrapport", args=[jaar])).status_code == 403


def test_section4_no_plan_reaches_the_public(client, compleet):
    """Plans are internal: anonymous visitors are sent to log in, and no public page or export mentions a plan."""
    r = client.get(reverse("informatieplannen:plan", args=[compleet.pk]))
    assert r.status_code == 302 and "/inloggen/" in r["Location"]
    for naam, kwargs in (("dashboard:home", {}), ("dashboard:activiteiten", {}), ("dashboard:export", {"formaat": "csv"})):
        inhoud = client.get(reverse(naam, kwargs=kwargs or None)).content.decode(errors="replace")
        assert compleet.titel not in inhoud and "BIO op orde" not in inhoud
