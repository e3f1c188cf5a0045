"""The demo portfolio loads through the services, with the ministry's own people as actors, and only once."""

import datetime

import pytest

from cio_stelsel.models import AuditRecord
from portfolio.demo import ACTIVITEITEN, PEILDATA, plannen, portfolio_laden
from portfolio.models import ActiviteitVersie, IctActiviteit

pytestmark = pytest.mark.django_db


def test_plans_are_deterministic_and_dated_in_the_past():
    eerste, tweede = plannen(), plannen()
    assert [(p.spec.nummer, [(a.datum, a.soort) for a in p.acties]) for p in eerste] == [
        (p.spec.nummer, [(a.datum, a.soort) for a in p.acties]) for p in tweede
    ]
    assert len({s.nummer for s in ACTIVITEITEN}) == len(ACTIVITEITEN)
    for p in eerste:
        assert all(a.datum <= datetime.date(2026, 9, 30) for a in p.acties)
        assert p.acties[0].soort == "aanmaken"


def test_demo_portfolio_is_loaded_through_the_services_and_idempotent(office, cio, ciso, cio_rijk, ministerie):
    eerste = portfolio_laden()
    bzk = [s for s in ACTIVITEITEN if s.ministerie == "bzk"]
    assert eerste["aangemaakt"]["ICT-activiteiten"] == IctActiviteit.objects.count() == len(bzk)
    # Entered by the office, decided and signed off by the CIO, published by the CIO Rijk.
    acties = set(AuditRecord.objects.filter(actie__startswith="versie.").values_list("actie", "actor"))
    assert {("versie.voorbereid", office.pk), ("versie.gecontroleerd", cio.pk), ("versie.gepubliceerd", cio_rijk.pk)} <= acties
    assert not AuditRecord.objects.filter(actie="activiteit.aangemaakt").exclude(actor=office).exists()
    for peildatum in PEILDATA[:2]:
        assert ActiviteitVersie.objects.filter(peildatum=peildatum).exclude(status="gepubliceerd").count() == 0
    assert {"concept", "gecontroleerd", "gepubliceerd"} <= set(
        ActiviteitVersie.objects.filter(peildatum=PEILDATA[2]).values_list("status", flat=True)
    )
    aantal = AuditRecord.objects.count()
    assert portfolio_laden()["aangemaakt"] == {}
    assert AuditRecord.objects.count() == aantal
