"""Issue 12: a Jaarrapportage of an incomplete peildatum says so before it starts and in the report;
a draft may be generated, a final one only by an explicit, recorded decision (B16)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from dashboard import jaarrapportage_services as services
from dashboard.models import Jaarrapportage
from dashboard.tasks import jaarrapportage_genereren as taak
from dashboard.volledigheid import volledigheid
from portfolio import services as portfolio_services
from tests.factories import activiteit

pytestmark = pytest.mark.django_db

P2024 = datetime.date(2024, 12, 31)
P2025 = datetime.date(2025, 12, 31)
Status = Jaarrapportage.Status


@pytest.fixture(autouse=True)
def _instellingen(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000


def publiceren(office, cio, cio_rijk, a, peildatum, tot="gepubliceerd"):
    a.refresh_from_db()
    v = portfolio_services.versie_voorbereiden(actor=office, activiteit=a, peildatum=peildatum)
    if tot in ("gecontroleerd", "gepubliceerd"):
        portfolio_services.versies_aftekenen(actor=cio, ministerie=a.ministerie, peildatum=peildatum, versies=[v])
    if tot == "gepubliceerd":
        portfolio_services.versies_publiceren(actor=cio_rijk, ministerie=a.ministerie, peildatum=peildatum, versies=[v])
    return v


@pytest.fixture
def onvolledig(office, cio, cio_rijk, collega_ander_ministerie, cio_ander_ministerie, ministerie, ander_ministerie):
    """2025: BZK one published, one only concept; FIN one without any version (published for 2024)."""
    klaar = activiteit(office, ministerie, naam="Klaar project")
    concept = activiteit(office, ministerie, naam="Concept project")
    fin = activiteit(collega_ander_ministerie, ander_ministerie, naam="Fin project")
    for a, (o, c) in ((klaar, (office, cio)), (concept, (office, cio)), (fin, (collega_ander_ministerie, cio_ander_ministerie))):
        publiceren(o, c, cio_rijk, a, P2024)
    publiceren(office, cio, cio_rijk, klaar, P2025)
    publiceren(office, cio, cio_rijk, concept, P2025, tot="concept")
    return klaar, concept, fin


def test_issue12_completeness_of_a_peildatum(onvolledig):
    klaar, concept, fin = onvolledig
    v = volledigheid(P2025)
    assert (v["verwacht"], v["gepubliceerd"], v["volledig"]) == (3, 1, False)
    assert {(o["nummer"], o["status"]) for o in v["ontbrekend"]} == {(concept.nummer, "concept"), (fin.nummer, "geen_versie")}
    assert {m["afkorting"]: m["ontbrekend"] for m in v["ministeries"]} == {klaar.ministerie.afkorting: 1, fin.ministerie.afkorting: 1}
    assert volledigheid(P2024)["volledig"] is True


def test_issue12_starting_shows_what_is_missing_first_then_a_draft_may_be_generated(onvolledig, cio_rijk, login):
    klaar, concept, fin = onvolledig
    client = login(cio_rijk)
    pagina = client.post(reverse("jaarrapportage:starten"), {"jaar": 2025})
    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and 'data-volledig="nee"' in tekst
    assert "Concept project" in tekst and "Fin project" in tekst and "Klaar project" not in tekst
    assert not Jaarrapportage.objects.exists()
    response = client.post(reverse("jaarrapportage:starten"), {"jaar": 2025, "volledigheid_gezien": "1"})
    assert response.status_code == 302 and Jaarrapportage.objects.filter(jaar=2025).exists()


def test_issue12_the_report_states_its_completeness_and_final_needs_a_recorded_decision(onvolledig, cio_rijk, login):
    rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=2025)
    assert taak.apply(args=[rapport.pk, rapport.poging]).get() == Status.CONCEPT
    rapport.refresh_from_db()
    assert rapport.invoer["volledigheid"]["volledig"] is False
    assert "Onvolledig: 1 van de 3 rapporteerbare ICT-activiteiten" in rapport.html
    assert "Volledigheid van de gegevens" in rapport.html and "Fin project" in rapport.html

    with pytest.raises(ValidationError) as exc:
        services.jaarrapportage_definitief(actor=cio_rijk, rapport=rapport)
    assert {"onvolledig_akkoord", "motivering"} <= set(exc.value.error_dict)
    client = login(cio_rijk)
    url = reverse("jaarrapportage:definitief", args=[rapport.pk])
    assert 'data-volledig="nee"' in client.get(url).content.decode()
    assert client.post(url, {"onvolledig_akkoord": "on"}).status_code == 400
    rapport.refresh_from_db()
    assert rapport.status == Status.CONCEPT

    client.post(url, {"onvolledig_akkoord": "on", "motivering": "Verantwoordingsdag gaat voor; FIN levert later aan."})
    rapport.refresh_from_db()
    assert rapport.status == Status.DEFINITIEF
    record = AuditRecord.objects.get(actie="jaarrapportage.definitief")
    assert record.reden == "Verantwoordingsdag gaat voor; FIN levert later aan."
    assert record.na["onvolledig_akkoord"] is True and record.na["ontbrekend"] == 2
