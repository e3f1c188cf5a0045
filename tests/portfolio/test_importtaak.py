"""Large imports run in a Celery worker (portfolio/uitwisseling_taken.py): planned on confirm, all or nothing, audited.

The worker tests run a real Celery worker in a thread (``werker``) on the
broker of the settings (Redis in CI, the in-memory transport otherwise), so the
task, its transaction and the status page are the real ones.
"""

import datetime
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from portfolio import importbestanden, services, uitwisseling, uitwisseling_taken, uitwisseling_views
from portfolio.models import Importtaak
from tests.factories import activiteit
from tests.portfolio.test_uitwisseling import eigen_export, tellingen, vers, zet, zet_bedrag

Status = Importtaak.Status


@pytest.fixture(autouse=True)
def op_de_achtergrond(monkeypatch, settings, tmp_path):
    """Every file counts as large here (the threshold is tested on its own); files go to a temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(uitwisseling_views, "SYNCHROON_MAX_RIJEN", 0)
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])


def uploaden(client, rijen) -> str:
    """Upload a file; the URL of its dry run."""
    response = client.post(reverse("portfolio:import"), {"bestand": SimpleUploadedFile("groot.xlsx", uitwisseling.naar_xlsx(rijen))})
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def wachten(taak: Importtaak, seconden: float = 60) -> Importtaak:
    eind = time.monotonic() + seconden
    while taak.is_lopend and time.monotonic() < eind:
        time.sleep(0.05)
        taak.refresh_from_db()
    return taak


def nieuwe_rapportage(office):
    rij = eigen_export(office)[0]
    rij = zet(rij, "Peildatum actueel", datetime.date(2024, 12, 31))
    return zet_bedrag(rij, "Uitbesteed werk actueel (EUR)", Decimal("13000000.00"))


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_imported_by_a_worker_and_the_page_shows_the_result(werker, office, ministerie, login, collega_ander_ministerie):
    a = activiteit(office, ministerie)
    client = login(office)
    controle_url = uploaden(client, [nieuwe_rapportage(office)])
    dry_run = client.get(controle_url).content.decode()
    assert "op de achtergrond geïmporteerd" in dry_run

    response = client.post(controle_url)

    taak = Importtaak.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("portfolio:import_taak", args=[taak.pk])
    assert wachten(taak).status == Status.GESLAAGD, (taak.foutmelding, taak.fouten)
    assert (taak.nieuw, taak.bijgewerkt, taak.ongewijzigd) == (0, 1, 0)
    assert taak.gestart_op and taak.klaar_op and taak.taak_id
    assert vers(a).gebeurtenissen.count() == 2
    acties = list(AuditRecord.objects.filter(actie__startswith="import.").order_by("pk").values_list("actie", flat=True))
    assert acties == ["import.ingepland", "import.uitgevoerd", "import.geslaagd"]
    # the file is gone once imported; the status page and its JSON say what happened
    assert client.get(controle_url).status_code == 404
    pagina = client.get(response["Location"])
    assert pagina.status_code == 200 and "Geslaagd" in pagina.content.decode()
    stand = client.get(response["Location"], {"formaat": "json"}).json()
    assert stand | {"status_label": None} == {
        "status": "geslaagd",
        "status_label": None,
        "lopend": False,
        "gereed": True,
        "mislukt": False,
        "nieuw": 0,
        "bijgewerkt": 1,
        "ongewijzigd": 0,
        "aantal_fouten": 0,
        "foutmelding": "",
        "voortgang": 100,
    }
    # only its owner sees it; the upload page lists it
    assert login(collega_ander_ministerie).get(response["Location"]).status_code == 404
    assert response["Location"] in client.get(reverse("portfolio:import")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_background_import_that_fails_in_a_service_changes_nothing_and_lists_every_error(werker, office, ministerie, login, monkeypatch):
    activiteit(office, ministerie)
    client = login(office)
    controle_url = uploaden(client, [nieuwe_rapportage(office)])

    def weigeren(*args, **kwargs):
        raise ValidationError({"datum": "Deze rapportage wordt geweigerd (test)."})

    voor = tellingen()
    # fails only on the real import, after the dry run (the rules of a new event, bulk or per call)
    monkeypatch.setattr(services, "gebeurtenis_opbouwen", weigeren)
    client.post(controle_url)

    taak = wachten(Importtaak.objects.get())
    assert taak.status == Status.MISLUKT
    assert taak.fouten == [{"rij": 2, "kolom": "Peildatum actueel", "reden": "Deze rapportage wordt geweigerd (test)."}]
    assert tellingen()[:2] == voor[:2] and tellingen()[3:] == voor[3:]  # no activity or event changed (only audit records added)
    assert list(AuditRecord.objects.filter(actie__startswith="import.").values_list("actie", flat=True).order_by("pk")) == [
        "import.ingepland",
        "import.mislukt",
    ]
    inhoud = client.get(reverse("portfolio:import_taak", args=[taak.pk])).content.decode()
    assert "Deze rapportage wordt geweigerd (test)." in inhoud and "De import is niet uitgevoerd" in inhoud
    # the file is kept: confirming again plans a new attempt of the same task
    monkeypatch.undo()
    monkeypatch.setattr(uitwisseling_views, "SYNCHROON_MAX_RIJEN", 0)
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])
    client.post(controle_url)
    assert wachten(Importtaak.objects.get()).status == Status.GESLAAGD


@pytest.mark.django_db
def test_a_redelivered_message_of_a_dead_worker_fails_the_import_instead_of_hanging(
    office, ministerie, login, django_capture_on_commit_callbacks
):
    activiteit(office, ministerie)
    client = login(office)
    controle_url = uploaden(client, [nieuwe_rapportage(office)])
    sleutel = controle_url.rstrip("/").rsplit("/", 1)[1]
    # Planned (the message is not sent: the on_commit callbacks are captured, not run) and started by a worker that died.
    with django_capture_on_commit_callbacks(execute=False):
        client.post(controle_url)
    taak = Importtaak.objects.get(pk=sleutel)
    Importtaak.objects.filter(pk=taak.pk).update(status=Status.BEZIG)

    assert uitwisseling_taken.import_uitvoeren(str(taak.pk)) == Status.MISLUKT

    taak.refresh_from_db()
    assert taak.status == Status.MISLUKT and "De verwerker is gestopt" in taak.foutmelding
    # delivered once more: nothing happens
    assert uitwisseling_taken.import_uitvoeren(str(taak.pk)) == Status.MISLUKT
    assert AuditRecord.objects.filter(actie="import.mislukt").count() == 1
    importbestanden.laden(office, taak.pk)  # the file is still there to confirm again


@pytest.mark.django_db
def test_a_double_click_plans_one_import_and_the_dry_run_then_shows_the_running_task(
    office, ministerie, login, django_capture_on_commit_callbacks
):
    activiteit(office, ministerie)
    client = login(office)
    controle_url = uploaden(client, [nieuwe_rapportage(office)])
    with django_capture_on_commit_callbacks(execute=False) as berichten:
        eerste = client.post(controle_url)
        tweede = client.post(controle_url)
    assert eerste["Location"] == tweede["Location"]
    assert Importtaak.objects.count() == 1 and len(berichten) == 1
    assert client.get(controle_url)["Location"] == eerste["Location"]
    pagina = client.get(eerste["Location"]).content.decode()
    assert "Wachtend" in pagina and 'data-lopend="true"' in pagina and "js/voortgang.js" in pagina


@pytest.mark.django_db
def test_a_small_file_is_imported_in_the_request(office, ministerie, login, monkeypatch):
    monkeypatch.setattr(uitwisseling_views, "SYNCHROON_MAX_RIJEN", 1)
    a = activiteit(office, ministerie)
    client = login(office)
    response = client.post(uploaden(client, [nieuwe_rapportage(office)]))
    assert response["Location"] == reverse("portfolio:import")
    assert vers(a).gebeurtenissen.count() == 2 and not Importtaak.objects.exists()


@pytest.mark.django_db
def test_without_a_broker_the_background_import_runs_in_process(office, ministerie, login, settings, django_capture_on_commit_callbacks):
    """`make run` has no Redis: Celery is eager there, and the planned import runs right after the confirm's commit."""
    from config.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER = True
    try:
        a = activiteit(office, ministerie)
        client = login(office)
        controle_url = uploaden(client, [nieuwe_rapportage(office)])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(controle_url)
    finally:
        app.conf.task_always_eager = eager
    taak = Importtaak.objects.get()
    assert response["Location"] == reverse("portfolio:import_taak", args=[taak.pk])
    assert taak.status == Status.GESLAAGD and vers(a).gebeurtenissen.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_background_import_reports_its_progress_after_every_batch(werker, office, ministerie, login, monkeypatch):
    activiteit(office, ministerie, naam="Eerste")
    activiteit(office, ministerie, naam="Tweede")
    rijen = [
        zet_bedrag(zet(r, "Peildatum actueel", datetime.date(2024, 12, 31)), "Uitbesteed werk actueel (EUR)", Decimal("13000000.00"))
        for r in eigen_export(office)
    ]
    client = login(office)
    controle_url = uploaden(client, rijen)
    gezien = []
    echte_gebeurtenis = services.gebeurtenis_opbouwen

    def kijken(**kwargs):  # inside the import: what the status page would show now
        gezien.append(uitwisseling_taken.voortgang_van(Importtaak.objects.get()))
        return echte_gebeurtenis(**kwargs)

    monkeypatch.setattr(uitwisseling.bulk, "PARTIJ", 1)
    monkeypatch.setattr(services, "gebeurtenis_opbouwen", kijken)
    client.post(controle_url)

    taak = wachten(Importtaak.objects.get())
    assert taak.status == Status.GESLAAGD and taak.bijgewerkt == 2
    assert gezien == [0, 50]  # the first batch of one row, then the second
    stand = client.get(reverse("portfolio:import_taak", args=[taak.pk]), {"formaat": "json"}).json()
    assert stand["voortgang"] == 100
