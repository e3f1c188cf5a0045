"""The Jaarrapportage's chapter on the informatieplannen and the I-strategie Rijk (issue 14, "Around it").

The report is public: it shows per ministerie whether a plan was vastgesteld on the peildatum, with its
period and the CIO Rijk's overall verdict, and for the I-strategie the actions per status, the overdue
ones and B26; no concept plan, no section text, no findings. Its figures are those of the selectors.
"""

import datetime

import pytest

from dashboard.jaarrapportage_gegevens import verzamelen
from dashboard.jaarrapportage_opmaak import html_inhoud
from informatieplannen import jaaroverzicht, services
from informatieplannen.models import Actie, IStrategie, Maatregel, Speerpunt, StrategieActualisatie, Thema
from tests.informatieplannen.conftest import GEGEVENS, bevindingen

pytestmark = pytest.mark.django_db

GEHEIM = "Conceptplan met een interne titel"


@pytest.fixture
def stand(vastgesteld, cio_rijk, ander_ministerie, collega_ander_ministerie, ministerie):
    services.plan_toetsen(actor=cio_rijk, plan=vastgesteld, bevindingen=bevindingen(), eindoordeel="voldoende", samenvatting="Op orde.")
    services.plan_opstellen(
        actor=collega_ander_ministerie,
        ministerie=ander_ministerie,
        gegevens={**GEGEVENS, "titel": GEHEIM, "ambities": "Interne ambitie XYZ."},
    )
    s = IStrategie.objects.create(titel="I-strategie Rijk 2021-2025", periode_van=2021, periode_tot=2025)
    m = Maatregel.objects.create(
        speerpunt=Speerpunt.objects.create(thema=Thema.objects.create(strategie=s, naam="Weerbaarheid"), naam="BIO"), omschrijving="X"
    )
    Actie.objects.create(maatregel=m, omschrijving="Te laat", houder_ministerie=ministerie, termijn=datetime.date(2024, 6, 30))
    Actie.objects.create(
        maatregel=m, omschrijving="Klaar", houder_ministerie=ministerie, termijn=datetime.date(2024, 6, 30), status=Actie.Status.AFGEROND
    )
    StrategieActualisatie.objects.create(
        strategie=s,
        jaar=2025,
        besproken_in_cio_beraad_op=datetime.date(2025, 5, 15),
        cio_beraad_verslag="CIO-beraad 15 mei 2025",
        kamerstuk="26 643, nr. 1330",
        verzonden_op=datetime.date(2025, 6, 20),
    )
    return vastgesteld


def test_the_chapter_shows_each_ministrys_vastgesteld_plan_and_verdict_and_no_concept(stand, cio_rijk, ministerie, ander_ministerie):
    jaar = stand.vastgesteld_op.year
    g = verzamelen(jaar=jaar, user=cio_rijk)
    assert g.informatie == jaaroverzicht.overzicht(datetime.date(jaar, 12, 31))
    per_ministerie = {r["afkorting"]: r["plan"] for r in g.informatie["plannen"]}
    assert per_ministerie[ministerie.afkorting]["titel"] == "Informatieplan BZK"
    assert per_ministerie[ministerie.afkorting]["toets"] == "Voldoende"
    assert per_ministerie[ander_ministerie.afkorting] is None  # only a concept: not in a public report
    assert (g.informatie["aantal_vastgesteld"], g.informatie["aantal_getoetst"]) == (1, 1)

    html = html_inhoud(g)
    assert "9. Informatieplannen en I-strategie Rijk" in html
    assert "Informatieplan BZK" in html and "2025-2028" in html and "Voldoende" in html
    assert GEHEIM not in html and "Interne ambitie XYZ." not in html
    assert "BIO op orde; risicomanagement per activiteit." not in html  # the CISO's section stays internal
    assert "Op orde." not in html  # the toets summary too
    # the content is part of the report's recorded input
    assert g.invoer["overige_gegevens"]


def test_the_i_strategie_figures_and_b26_on_the_peildatum(stand):
    s = jaaroverzicht.istrategie(datetime.date(2025, 12, 31))
    assert s["acties"] == 2 and s["te_laat"] == 1
    assert dict(s["per_status"])["Afgerond"] == 1
    assert s["laatste_actualisatie"]["kamerstuk"] == "26 643, nr. 1330"
    assert s["actualisatie_te_laat"] is False  # sent 20-06-2025, within twelve months of 31-12-2025
    assert jaaroverzicht.istrategie(datetime.date(2026, 12, 31))["actualisatie_te_laat"] is True  # B26: more than twelve months


def test_a_past_peildatum_shows_the_plans_as_they_then_stood(stand, ministerie):
    eerder = datetime.date(stand.vastgesteld_op.year - 1, 12, 31)
    assert {r["afkorting"]: r["plan"] for r in jaaroverzicht.plannen(eerder)}[ministerie.afkorting] is None
