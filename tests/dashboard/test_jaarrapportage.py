"""B16: the Jaarrapportage (art 11 g). Generation as a Celery task, its inputs and checksum, permissions, and the figures in the PDF.

The task tests run a real Celery worker in a thread (``werker``) on the broker
of the settings: memory:// without REDIS_URL, Redis with it; nothing is made
eager globally. Failures are injected into one step (the PDF renderer, the
file storage); the code under test is never mocked.
"""

import datetime
import io
import re
import time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from openpyxl import load_workbook
from pypdf import PdfReader

from cio_stelsel.models import AuditRecord
from dashboard import jaarrapportage_opmaak, selectors
from dashboard import jaarrapportage_services as services
from dashboard.jaarrapportage_gegevens import canoniek, sha256
from dashboard.models import VERWEESD_NA, Jaarrapportage
from dashboard.tasks import jaarrapportage_genereren as taak
from portfolio.templatetags.portfolio import getal_opmaak, mln_opmaak
from tests.conftest import ingelogd
from tests.dashboard.portefeuille import P2024  # the fixtures portefeuille, werker: tests/conftest.py

Status = Jaarrapportage.Status


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000


def wacht_op(rapport, statussen=(Status.CONCEPT, Status.MISLUKT), seconden=90) -> Jaarrapportage:
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        rapport.refresh_from_db()
        if rapport.status in statussen:
            return rapport
        time.sleep(0.1)
    raise AssertionError(f"jaarrapportage {rapport.pk} bleef {rapport.status} ({rapport.stap}, {rapport.voortgang}%)")


def genereer(cio_rijk, jaar=2024) -> Jaarrapportage:
    """Start and run the task in this thread with .apply() (for tests that only need the result, not the queue)."""
    rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=jaar)
    assert taak.apply(args=[rapport.pk, rapport.poging]).get() == Status.CONCEPT
    rapport.refresh_from_db()
    return rapport


def pdf_tekst(rapport) -> tuple[PdfReader, list[str]]:
    with rapport.pdf.open("rb") as f:
        pdf = PdfReader(io.BytesIO(f.read()))
    return pdf, [" ".join(p.extract_text().split()) for p in pdf.pages]


# --------------------------------------------------------------------------
# The task, through a real worker


@pytest.mark.django_db(transaction=True)
def test_b16_generation_runs_in_a_worker_and_reports_progress(werker, portefeuille, cio_rijk):
    rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    assert rapport.status == Status.WACHTEND and rapport.voortgang == 0
    gezien = set()
    eind = time.monotonic() + 90
    while rapport.status not in (Status.CONCEPT, Status.MISLUKT) and time.monotonic() < eind:
        rapport.refresh_from_db()
        gezien.add((rapport.status, rapport.stap, rapport.voortgang))
        time.sleep(0.02)
    assert rapport.status == Status.CONCEPT, rapport.foutmelding
    assert rapport.voortgang == 100 and rapport.stap == "Gereed" and rapport.klaar_op and rapport.taak_id
    assert rapport.poging == 1 and not rapport.foutmelding
    # Progress was committed step by step while the worker ran (the test polls from its own connection).
    assert {v for s, _stap, v in gezien if s == Status.BEZIG} & {5, 25, 40, 85, 92}
    with rapport.pdf.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    assert AuditRecord.objects.filter(actie="jaarrapportage.gegenereerd", object_id=str(rapport.pk)).count() == 1


@pytest.mark.django_db(transaction=True)
def test_b16_a_failed_generation_says_why_and_can_be_retried(werker, portefeuille, cio_rijk, monkeypatch):
    echte_pdf = jaarrapportage_opmaak.pdf
    pogingen = []

    def pdf_dat_eenmaal_faalt(document):  # fault injection: the renderer fails once
        pogingen.append(1)
        if len(pogingen) == 1:
            raise RuntimeError("lettertype niet gevonden")
        return echte_pdf(document)

    monkeypatch.setattr(jaarrapportage_opmaak, "pdf", pdf_dat_eenmaal_faalt)
    rapport = wacht_op(services.jaarrapportage_starten(actor=cio_rijk, jaar=2024))
    assert rapport.status == Status.MISLUKT and rapport.is_mislukt
    assert "PDF maken" in rapport.foutmelding and "lettertype niet gevonden" in rapport.foutmelding
    assert not rapport.pdf and not rapport.checksum
    storage = Jaarrapportage._meta.get_field("pdf").storage
    assert not storage.exists("jaarrapportages/2024") or storage.listdir("jaarrapportages/2024")[1] == []  # no half results left
    assert AuditRecord.objects.filter(actie="jaarrapportage.mislukt", object_id=str(rapport.pk)).exists()

    # The page says why and offers the retry to the CIO Rijk.
    client = ingelogd(cio_rijk)
    pagina = client.get(reverse("jaarrapportage:detail", args=[rapport.pk])).content.decode()
    assert "lettertype niet gevonden" in pagina and "Opnieuw genereren" in pagina

    client.post(reverse("jaarrapportage:opnieuw", args=[rapport.pk]))
    rapport = wacht_op(rapport)
    assert rapport.status == Status.CONCEPT and rapport.poging == 2 and rapport.checksum
    assert len(pogingen) == 2
    assert AuditRecord.objects.filter(actie="jaarrapportage.opnieuw", object_id=str(rapport.pk)).exists()


# --------------------------------------------------------------------------
# A worker killed in the middle


class Afgeschoten(BaseException):
    """What a killed worker looks like from inside: the code stops, no handler runs (a BaseException, like SystemExit)."""


@pytest.mark.django_db
def test_b16_a_worker_killed_while_writing_never_leaves_the_report_done(portefeuille, cio_rijk, monkeypatch):
    rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    storage = Jaarrapportage._meta.get_field("pdf").storage
    echte_save = storage.save

    def save_en_sterf(naam, inhoud, *args, **kwargs):
        echte_save(naam, ContentFileHalf(inhoud), *args, **kwargs)  # half the file is on disk ...
        raise Afgeschoten  # ... when the worker is killed

    from django.core.files.base import ContentFile

    class ContentFileHalf(ContentFile):
        def __init__(self, f):
            data = f.read()
            super().__init__(data[: len(data) // 2])

    monkeypatch.setattr(storage, "save", save_en_sterf)
    with pytest.raises(Afgeschoten):
        services.jaarrapportage_genereren(pk=rapport.pk, poging=rapport.poging)
    monkeypatch.undo()

    rapport.refresh_from_db()
    assert rapport.status == Status.BEZIG and not rapport.is_gereed  # never "concept" without a complete file
    assert not rapport.pdf and not rapport.checksum and rapport.voortgang < 100
    assert not rapport.is_verweesd  # for now it might still be running

    # No heartbeat for longer than the hard time limit: it is shown as failed, and can be retried.
    Jaarrapportage.objects.filter(pk=rapport.pk).update(hartslag_op=timezone.now() - VERWEESD_NA - datetime.timedelta(seconds=1))
    rapport.refresh_from_db()
    assert rapport.is_verweesd and rapport.is_mislukt and rapport.getoonde_status == Status.MISLUKT
    status = ingelogd(cio_rijk).get(reverse("jaarrapportage:status", args=[rapport.pk])).json()
    assert status["status"] == "mislukt" and status["verweesd"] and not status["lopend"] and "onderbroken" in status["foutmelding"]

    services.jaarrapportage_opnieuw(actor=cio_rijk, rapport=rapport)
    # The message of the killed attempt, delivered again (acks_late) after the retry: stale, it does nothing.
    assert taak.apply(args=[rapport.pk, 1]).get() == "verouderd"
    assert taak.apply(args=[rapport.pk, 2]).get() == Status.CONCEPT
    rapport.refresh_from_db()
    assert rapport.status == Status.CONCEPT and rapport.poging == 2
    with rapport.pdf.open("rb") as f:
        assert sha256(f.read()) == rapport.checksum


@pytest.mark.django_db
def test_b16_a_redelivered_message_of_a_killed_attempt_fails_it_instead_of_looping(portefeuille, cio_rijk):
    rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    # The worker took the message, marked the report 'bezig', and was killed (out of memory, say).
    Jaarrapportage.objects.filter(pk=rapport.pk).update(status=Status.BEZIG, stap="PDF maken", voortgang=40)
    # acks_late + reject_on_worker_lost: the broker delivers the same message again.
    assert taak.apply(args=[rapport.pk, rapport.poging]).get() == Status.MISLUKT
    rapport.refresh_from_db()
    assert rapport.status == Status.MISLUKT and not rapport.pdf
    assert "gestopt tijdens de stap 'PDF maken'" in rapport.foutmelding
    services.jaarrapportage_opnieuw(actor=cio_rijk, rapport=rapport)
    assert taak.apply(args=[rapport.pk, 2]).get() == Status.CONCEPT


@pytest.mark.django_db
def test_b16_verweesd_only_after_the_hard_time_limit(portefeuille, cio_rijk):
    rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    nu = timezone.now()
    for leeftijd, verweesd in (
        (datetime.timedelta(minutes=1), False),
        (VERWEESD_NA - datetime.timedelta(seconds=5), False),
        (VERWEESD_NA + datetime.timedelta(seconds=5), True),
    ):
        rapport.hartslag_op = nu - leeftijd
        assert rapport.is_verweesd is verweesd
    rapport.status = Status.CONCEPT
    assert not rapport.is_verweesd  # a finished report is never orphaned
    assert VERWEESD_NA.total_seconds() > taak.time_limit


@pytest.mark.django_db
def test_b16_a_second_generation_of_the_same_year_waits_for_the_first(portefeuille, cio_rijk):
    services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    with pytest.raises(ValidationError) as exc:
        services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    assert "loopt al" in str(exc.value)


@pytest.mark.django_db
def test_b16_an_unreachable_broker_makes_the_start_fail_visibly(portefeuille, cio_rijk, monkeypatch, django_capture_on_commit_callbacks):
    def geen_broker(*args, **kwargs):  # fault injection: the broker is down
        raise ConnectionRefusedError("Connection refused")

    monkeypatch.setattr(taak, "apply_async", geen_broker)
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    rapport.refresh_from_db()
    assert rapport.status == Status.MISLUKT and "takenwachtrij" in rapport.foutmelding


# --------------------------------------------------------------------------
# Inputs, checksum, determinism


@pytest.mark.django_db
def test_b16_the_report_stores_exactly_the_published_versions_it_used(portefeuille, cio_rijk):
    rapport = genereer(cio_rijk)
    verwacht = sorted(
        [v.pk, v.activiteit.nummer, v.versienummer] for v in portefeuille.versies_2024 if v.activiteit_id != portefeuille.klein.pk
    )
    assert rapport.invoer["versies"] == verwacht
    douane = next(v for v in rapport.invoer["versies"] if v[1] == portefeuille.douane.nummer)
    assert douane[2] == 2  # the published correction, not versie 1
    assert portefeuille.klein.nummer not in [v[1] for v in rapport.invoer["versies"]]  # below the threshold (B15)
    assert rapport.invoer["drempel"] == "5000000.00" and rapport.invoer["peildatum"] == "2024-12-31"
    assert list(rapport.invoer["trend"]) == ["2023-12-31"] and len(rapport.invoer["trend"]["2023-12-31"]) == 3
    assert rapport.invoer["aanmeldingen"] and rapport.invoer["oordelen"] and rapport.invoer["afwijkingen"]
    assert rapport.invoer_checksum == sha256(canoniek(rapport.invoer))
    with rapport.pdf.open("rb") as f:
        assert rapport.checksum == sha256(f.read())


@pytest.mark.django_db
def test_b16_the_same_inputs_generate_the_same_document(portefeuille, cio_rijk, office, cio):
    eerste = genereer(cio_rijk)
    tweede = genereer(cio_rijk)
    assert eerste.pk != tweede.pk
    assert tweede.invoer_checksum == eerste.invoer_checksum
    assert tweede.checksum == eerste.checksum  # byte for byte the same PDF
    assert tweede.html == eerste.html

    # Another published version is another input, and another document.
    from tests.dashboard.portefeuille import publiceren

    publiceren(cio_rijk, [(office, cio, [portefeuille.zaaksysteem])], P2024)
    derde = genereer(cio_rijk)
    assert derde.invoer_checksum != eerste.invoer_checksum and derde.checksum != eerste.checksum


# --------------------------------------------------------------------------
# Permissions (B16: only the CIO Rijk generates and finalizes; final = public)


@pytest.mark.django_db
def test_b16_only_the_cio_rijk_starts_retries_and_finalizes(portefeuille, cio_rijk, office, cio, sg, beheerder, collega_ander_ministerie):
    rapport = genereer(cio_rijk)
    for actor in (office, cio, sg, beheerder, collega_ander_ministerie):
        with pytest.raises(PermissionDenied):
            services.jaarrapportage_starten(actor=actor, jaar=2024)
        with pytest.raises(PermissionDenied):
            services.jaarrapportage_definitief(actor=actor, rapport=rapport)
        with pytest.raises(PermissionDenied):
            services.jaarrapportage_opnieuw(actor=actor, rapport=rapport)
        client = ingelogd(actor)
        assert client.post(reverse("jaarrapportage:starten"), {"jaar": 2024}).status_code == 403
        assert client.post(reverse("jaarrapportage:definitief", args=[rapport.pk])).status_code == 403
        assert client.get(reverse("jaarrapportage:lijst")).content.decode().count("Nieuwe jaarrapportage") == 0
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.jaarrapportage_starten(actor=AnonymousUser(), jaar=2024)
    from django.test import Client

    anoniem = Client()
    for url in (reverse("jaarrapportage:lijst"), reverse("jaarrapportage:detail", args=[rapport.pk])):
        assert anoniem.get(url).status_code == 302  # to the log-in
    assert anoniem.post(reverse("jaarrapportage:starten"), {"jaar": 2024}).status_code == 302
    assert anoniem.post(reverse("jaarrapportage:definitief", args=[rapport.pk])).status_code == 302
    assert Jaarrapportage.objects.count() == 1
    rapport.refresh_from_db()
    assert rapport.status == Status.CONCEPT


@pytest.mark.django_db
def test_b16_the_cio_rijk_starts_a_generation_from_the_page(portefeuille, cio_rijk, django_capture_on_commit_callbacks):
    client = ingelogd(cio_rijk)
    lijst = client.get(reverse("jaarrapportage:lijst")).content.decode()
    assert "Nieuwe jaarrapportage" in lijst and '<option value="2024">' in lijst and '<option value="2023">' in lijst
    assert '<option value="2026">' not in lijst  # 31-12-2026 is not past yet
    with django_capture_on_commit_callbacks(execute=False) as taken:
        antwoord = client.post(reverse("jaarrapportage:starten"), {"jaar": 2024})
    rapport = Jaarrapportage.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("jaarrapportage:detail", args=[rapport.pk])
    assert len(taken) == 1  # the task is queued after the commit
    assert rapport.gestart_door == cio_rijk and rapport.status == Status.WACHTEND
    assert AuditRecord.objects.filter(actie="jaarrapportage.gestart", actor=cio_rijk).exists()
    assert client.post(reverse("jaarrapportage:starten"), {"jaar": 2019}).status_code == 400  # no data for that year


@pytest.mark.django_db
def test_b16_concepts_only_for_the_cio_rijk_final_reports_for_everyone_who_logs_in(
    portefeuille, cio_rijk, office, cio, collega_ander_ministerie
):
    rapport = genereer(cio_rijk)
    urls = [reverse(f"jaarrapportage:{n}", args=[rapport.pk]) for n in ("detail", "status", "pdf", "html", "xlsx")]
    for url in urls:
        assert ingelogd(cio_rijk).get(url).status_code == 200
        for actor in (office, cio, collega_ander_ministerie):
            assert ingelogd(actor).get(url).status_code == 404
    assert (
        ingelogd(office).get(reverse("jaarrapportage:lijst")).content.decode().count(reverse("jaarrapportage:detail", args=[rapport.pk]))
        == 0
    )
    publiek = reverse("jaarrapportage:publiek")
    from django.test import Client

    assert "Jaarrapportage 2024" not in Client().get(publiek).content.decode()
    assert Client().get(reverse("jaarrapportage:publiek_pdf", args=[2024])).status_code == 404

    services.jaarrapportage_definitief(actor=cio_rijk, rapport=rapport)
    for url in urls:
        for actor in (office, cio, collega_ander_ministerie):
            assert ingelogd(actor).get(url).status_code == 200
    # Public (no log-in): listed and downloadable once final.
    anoniem = Client()
    assert "Jaarrapportage 2024" in anoniem.get(publiek).content.decode()
    pdf = anoniem.get(reverse("jaarrapportage:publiek_pdf", args=[2024]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert sha256(b"".join(pdf.streaming_content)) == rapport.checksum
    assert anoniem.get(reverse("jaarrapportage:publiek_html", args=[2024])).status_code == 200
    assert anoniem.get(reverse("jaarrapportage:publiek_xlsx", args=[2024])).status_code == 200
    assert anoniem.get(urls[0]).status_code == 302  # the internal pages still need a log-in


@pytest.mark.django_db
def test_b16_a_public_list_only_holds_final_reports(portefeuille, cio_rijk):
    concept = genereer(cio_rijk, 2023)
    definitief = genereer(cio_rijk, 2024)
    services.jaarrapportage_definitief(actor=cio_rijk, rapport=definitief)
    assert list(Jaarrapportage.objects.definitief()) == [definitief]
    from django.test import Client

    html = Client().get(reverse("jaarrapportage:publiek")).content.decode()
    assert reverse("jaarrapportage:publiek_pdf", args=[2024]) in html and reverse("jaarrapportage:publiek_pdf", args=[2023]) not in html
    assert concept.status == Status.CONCEPT


@pytest.mark.django_db
def test_b16_finalizing_is_confirmed_audited_and_freezes_the_report(portefeuille, cio_rijk):
    rapport = genereer(cio_rijk)
    client = ingelogd(cio_rijk)
    bevestiging = client.get(reverse("jaarrapportage:definitief", args=[rapport.pk])).content.decode()
    assert "Ja, definitief maken" in bevestiging and "bevroren" in bevestiging
    rapport.refresh_from_db()
    assert rapport.status == Status.CONCEPT  # the GET changed nothing
    client.post(reverse("jaarrapportage:definitief", args=[rapport.pk]))
    rapport.refresh_from_db()
    assert rapport.status == Status.DEFINITIEF and rapport.definitief_door == cio_rijk and rapport.definitief_op
    record = AuditRecord.objects.get(actie="jaarrapportage.definitief")
    assert record.actor == cio_rijk and record.voor["status"] == "concept" and record.na["status"] == "definitief"
    assert record.na["checksum"] == rapport.checksum

    # Frozen: not regenerated, not retried, not finalized again, no new report for the year.
    checksum, pdf = rapport.checksum, rapport.pdf.name
    assert taak.apply(args=[rapport.pk, rapport.poging]).get() == Status.DEFINITIEF
    for functie in (services.jaarrapportage_opnieuw, services.jaarrapportage_definitief):
        with pytest.raises(ValidationError):
            functie(actor=cio_rijk, rapport=rapport)
    with pytest.raises(ValidationError) as exc:
        services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    assert "al definitief" in str(exc.value)
    rapport.refresh_from_db()
    assert (rapport.status, rapport.checksum, rapport.pdf.name) == (Status.DEFINITIEF, checksum, pdf)


# --------------------------------------------------------------------------
# The contents: the figures of the dashboard, in an accessible PDF


@pytest.mark.django_db
def test_b16_the_pdf_is_tagged_and_its_text_holds_the_dashboards_figures(portefeuille, cio_rijk):
    rapport = genereer(cio_rijk)
    pdf, paginas = pdf_tekst(rapport)
    tekst = " ".join(paginas)

    # Accessible: tagged PDF/UA-1 with document language and title; no timestamps (same input, same file).
    catalogus = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalogus and catalogus["/MarkInfo"]["/Marked"]
    assert catalogus["/Lang"] == "nl"
    assert catalogus["/ViewerPreferences"]["/DisplayDocTitle"]
    assert pdf.metadata.title == "Informatievoorziening en ICT 2024: Jaarrapportage Bedrijfsvoering Rijk"
    assert "/CreationDate" not in pdf.metadata and "/ModDate" not in pdf.metadata
    assert b"pdfuaid" in catalogus["/Metadata"].get_data()
    # Charts are vector graphics (inline SVG, tagged as figures with their title as alternative text), not images.
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in rapport.html and "<img" not in rapport.html

    rijen = selectors.rijen(P2024)
    k = selectors.kerncijfers(rijen)
    with override("nl"):
        assert f"Aantal ICT-activiteiten {getal_opmaak(k.aantal)}" in tekst
        assert f"Lopend (in uitvoering of heroriëntatie) {getal_opmaak(k.lopend)}" in tekst
        assert f"Afgerond {getal_opmaak(k.afgerond)}" in tekst
        assert f"Met een AcICT-advies {getal_opmaak(k.met_acict_advies)}" in tekst
        assert f"Initiële schatting totale kosten (EUR mln) {mln_opmaak(k.som_initieel)}" in tekst
        assert f"Actuele schatting totale kosten (EUR mln) {mln_opmaak(k.som_actueel)}" in tekst
        assert f"Cumulatieve uitgaven (EUR mln) {mln_opmaak(k.som_gerealiseerd)}" in tekst
        assert f"Gemiddelde vertraging (jaren) {getal_opmaak(k.gemiddelde_vertraging_jaren, 2)}" in tekst
        for (afkorting, _naam), m in selectors.per_ministerie(rijen).items():
            assert f"{afkorting} {getal_opmaak(m.aantal)} {mln_opmaak(m.som_initieel)} {mln_opmaak(m.som_actueel)}" in tekst
        for p, t in selectors.trend():
            assert (
                f"{p:%d-%m-%Y} {getal_opmaak(t.aantal)} {getal_opmaak(t.lopend)} {mln_opmaak(t.som_initieel)} {mln_opmaak(t.som_actueel)}"
                in tekst
            )
    # The known portfolio: 4 activities above the threshold, the correction of 'douane' (45 mln), not the concept (99 mln).
    assert k.aantal == 4 and k.som_actueel == Decimal("111500000.00")
    assert "Douane aangiftesysteem" in tekst and "45,0" in tekst and "99,0" not in tekst
    assert "Klein archiefproject" not in tekst
    # Herijkingen with reasons, started/completed in the year, AcICT and the start gate.
    assert "Scope uitgebreid met koppelingen naar gemeenten." in tekst
    assert "Nieuw zaaksysteem" in tekst and "Afgerond in 2024: 1" in tekst
    assert "Het college adviseert de migratie te faseren." in tekst and "De minister neemt het advies over." in tekst
    assert "1 overgenomen, 1 deels overgenomen, 0 niet overgenomen" in tekst
    assert "Vernieuwing basisregistratie BZK" in tekst and "Geen vastgesteld oordeel" in tekst
    assert re.search(r"Secretaris- ?generaal, 20-05-2021", tekst)  # the afwijking (the cell may wrap after the hyphen)
    # Every page: the source with the peildatum and the page number.
    for nummer, pagina in enumerate(paginas, start=1):
        assert "Bron: Rijks ICT-dashboard, peildatum 31-12-2024" in pagina
        assert f"Pagina {nummer} van {len(paginas)}" in pagina
    # Title page and table of contents with page numbers.
    assert paginas[0].startswith("CIO Rijk") and "Informatievoorziening en ICT 2024" in paginas[0]
    assert "Inhoud" in paginas[1] and "10. Alle ICT-activiteiten" in paginas[1]


@pytest.mark.django_db
def test_b16_the_tables_as_xlsx_and_the_html_page(portefeuille, cio_rijk):
    rapport = genereer(cio_rijk)
    client = ingelogd(cio_rijk)
    antwoord = client.get(reverse("jaarrapportage:xlsx", args=[rapport.pk]))
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(b"".join(antwoord.streaming_content)))
    k = selectors.kerncijfers(selectors.rijen(P2024))
    kern = {rij[0]: rij[1] for rij in wb["Kerncijfers"].iter_rows(min_row=2, values_only=True)}
    assert kern["Aantal ICT-activiteiten"] == k.aantal and kern["Actuele schatting totale kosten (EUR)"] == float(k.som_actueel)
    assert wb["Activiteiten"].max_row == 1 + k.aantal
    assert {"Trend", "Per ministerie", "Herijkingen 2024", "Mutaties 2024", "AcICT-adviezen", "Startpoort art 5.3"} <= set(wb.sheetnames)

    html = client.get(reverse("jaarrapportage:html", args=[rapport.pk])).content.decode()
    assert html.count("<h1") == 1 and "Informatievoorziening en ICT 2024" in html and "Dit is een concept" in html
    assert 'scope="col"' in html and "<svg" in html and not re.search(r"<script(?![^>]*\ssrc=)", html)


@pytest.mark.django_db
def test_b16_the_progress_page_polls_a_json_status_without_inline_script(portefeuille, cio_rijk):
    rapport = services.jaarrapportage_starten(actor=cio_rijk, jaar=2024)
    client = ingelogd(cio_rijk)
    html = client.get(reverse("jaarrapportage:detail", args=[rapport.pk])).content.decode()
    assert "<progress" in html and 'value="0"' in html
    assert 'src="/static/js/voortgang.js"' in html and "<script>" not in html
    assert f'data-status-url="{reverse("jaarrapportage:status", args=[rapport.pk])}"' in html
    assert "Vernieuwen" in html  # works without JavaScript
    status = client.get(reverse("jaarrapportage:status", args=[rapport.pk]))
    assert status["Cache-Control"].startswith("max-age=0")
    assert status.json() | {"foutmelding": ""} == {
        "status": "wachtend",
        "status_label": "Wachtend",
        "stap": "Wacht op een verwerker",
        "voortgang": 0,
        "lopend": True,
        "gereed": False,
        "mislukt": False,
        "verweesd": False,
        "foutmelding": "",
        "poging": 1,
    }


@pytest.mark.django_db
def test_b16_the_list_pages_take_a_constant_number_of_queries(portefeuille, cio_rijk, office, django_assert_max_num_queries):
    def rapporten(aantal):
        for _ in range(aantal):
            Jaarrapportage.objects.create(
                jaar=2023, peildatum=datetime.date(2023, 12, 31), gestart_door=cio_rijk, status=Status.MISLUKT, foutmelding="proef"
            )

    client, publiek = ingelogd(cio_rijk), reverse("jaarrapportage:publiek")
    rapporten(2)
    with django_assert_max_num_queries(14) as weinig:
        assert client.get(reverse("jaarrapportage:lijst")).status_code == 200
    rapporten(8)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        html = client.get(reverse("jaarrapportage:lijst")).content.decode()
    assert html.count("Mislukt") == 10
    from django.test import Client

    with django_assert_max_num_queries(2):  # the public list: one query (plus none for an anonymous session)
        assert Client().get(publiek).status_code == 200


@pytest.mark.django_db
def test_b16_a_final_year_is_not_offered_again(portefeuille, cio_rijk):
    services.jaarrapportage_definitief(actor=cio_rijk, rapport=genereer(cio_rijk))
    html = ingelogd(cio_rijk).get(reverse("jaarrapportage:lijst")).content.decode()
    assert '<option value="2023">' in html and '<option value="2024">' not in html
