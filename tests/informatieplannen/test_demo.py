"""The informatieplannen demo data (issue 14): a plan per ministerie through the services, with the ministry's own
people as actors, the I-strategie Rijk of seed 001 and the commitments of seed 004; loaded once."""

import pytest

from cio_stelsel.models import AuditRecord, Overlegorgaan
from informatieplannen.demo import informatieplannen_laden
from informatieplannen.istrategie import actualisatie_te_laat
from informatieplannen.models import Actie, FinancieleConsequentie, Informatieplan, IStrategie, Thema, Toezegging
from informatieplannen.services import ontbrekend
from portfolio.demo import portfolio_laden

pytestmark = pytest.mark.django_db


@pytest.fixture
def geladen(request, office, cio, ciso, cio_rijk, minister, ministerie, ander_ministerie):
    for naam in ("collega_ander_ministerie", "ciso_ander"):  # FIN's people, for the tests that ask for them
        if naam in request.fixturenames:
            request.getfixturevalue(naam)
    Overlegorgaan.objects.get_or_create(soort=Overlegorgaan.Soort.CIO_BERAAD)
    portfolio_laden()
    return informatieplannen_laden()


def test_b10_b11_b12_demo_plan_is_drafted_by_the_office_secured_by_the_ciso_decided_by_the_minister_and_reviewed(
    geladen, office, ciso, minister, cio_rijk, ministerie
):
    """BZK: vastgesteld by its minister and getoetst by the CIO Rijk, with an actualisatie in concept."""
    getoetst = Informatieplan.objects.get(ministerie=ministerie, volgnummer=1)
    assert getoetst.status == Informatieplan.Status.GETOETST and getoetst.toets.getoetst_door == cio_rijk
    assert getoetst.vastgesteld_door == minister and getoetst.informatiebeveiliging_door == ciso
    # B10: the financial paragraph links the ministry's demo activities and one voorgenomen, every year reasoned.
    regels = list(getoetst.activiteiten.all())
    assert any(r.voorgenomen for r in regels) and any(r.activiteit and r.activiteit.ministerie == ministerie for r in regels)
    assert ontbrekend(getoetst) == {}
    assert not FinancieleConsequentie.objects.filter(regel__plan=getoetst, redenering="").exists()
    # B11: the actualisatie waits for the CISO's section again.
    nieuw = Informatieplan.objects.get(vorige=getoetst)
    assert nieuw.status == Informatieplan.Status.CONCEPT and list(ontbrekend(nieuw)) == ["informatiebeveiliging"]
    acties = dict(AuditRecord.objects.filter(actie__startswith="informatieplan.").values_list("actie", "actor"))
    assert acties["informatieplan.opgesteld"] == office.pk and acties["informatieplan.informatiebeveiliging"] == ciso.pk
    assert acties["informatieplan.vastgesteld"] == minister.pk and acties["informatieplan.getoetst"] == cio_rijk.pk


def test_b12_demo_plan_without_a_minister_account_stays_ter_vaststelling(geladen, collega_ander_ministerie, ciso_ander, ander_ministerie):
    """FIN asks for vastgesteld, but its minister has no account here: nobody else decides it (B12)."""
    plan = Informatieplan.objects.get(ministerie=ander_ministerie)
    assert plan.status == Informatieplan.Status.TER_VASTSTELLING and plan.vastgesteld_door is None
    assert plan.opgesteld_door == collega_ander_ministerie and plan.informatiebeveiliging_door == ciso_ander


def test_b26_demo_istrategie_has_the_themes_of_seed_001_an_actualisatie_and_progress(geladen, cio_rijk):
    s = IStrategie.objects.get()
    assert Thema.objects.filter(strategie=s).count() == 8
    a = s.actualisaties.get()
    assert a.kamerstuk and a.cio_beraad_verslag and a.besproken_in_cio_beraad_op <= a.verzonden_op
    assert actualisatie_te_laat(s, op=a.verzonden_op) is False
    statussen = set(Actie.objects.values_list("status", flat=True))
    assert {"niet_gestart", "lopend", "vertraagd", "afgerond"} <= statussen
    assert Actie.objects.filter(houder_overlegorgaan__soort="cio_beraad").exclude(voortgang=None).exists()
    assert AuditRecord.objects.filter(actie="istrategie.aangemaakt", actor=cio_rijk).count() == 1


def test_demo_toezeggingen_of_seed_004_with_states_and_links(geladen):
    assert set(Toezegging.objects.values_list("status", flat=True)) == {"open", "afgedaan", "uitgesteld"}
    uitgesteld = Toezegging.objects.get(status="uitgesteld")
    assert uitgesteld.toelichting and uitgesteld.termijn > uitgesteld.datum
    assert Toezegging.objects.filter(soort="motie").exists()
    assert Toezegging.objects.exclude(acties=None).exists() and Toezegging.objects.exclude(activiteiten=None).exists()


def test_demo_informatieplannen_load_once(geladen):
    aantal = AuditRecord.objects.count()
    assert informatieplannen_laden()["aangemaakt"] == {}
    assert AuditRecord.objects.count() == aantal
