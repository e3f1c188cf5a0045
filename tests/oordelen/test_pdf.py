"""The PDF of a decided CIO-oordeel: made by a Celery task after the decision, kept with its checksum, and remade
when an afwijking (art 5.3) changes the document. The worker tests run a real Celery worker in a thread."""

import datetime
import hashlib
import io
import time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cio_stelsel.models import AuditRecord
from oordelen import pdf as oordeel_pdf_module
from oordelen import services
from oordelen.models import CioOordeel
from tests.factories import activiteit

from .test_regels import vastgesteld

VANDAAG = datetime.date.today()


@pytest.fixture
def groot(office, ministerie):
    return activiteit(office, ministerie, naam="Nieuw belastingsysteem", geschat=40_000_000)


def tekst(inhoud: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)


def wachten_op_pdf(oordeel: CioOordeel, oude_checksum: str = "", seconden: float = 60) -> CioOordeel:
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        oordeel.refresh_from_db()
        if oordeel.pdf and oordeel.pdf_checksum != oude_checksum:
            return oordeel
        time.sleep(0.05)
    raise AssertionError("de verwerker maakte geen PDF")


def download(client, oordeel) -> bytes:
    response = client.get(reverse("oordelen:pdf", args=[oordeel.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


@pytest.mark.django_db(transaction=True)
def test_a_worker_makes_and_keeps_the_pdf_of_the_decision_and_an_afwijking_renews_it(werker, office, ciso, cio, sg, groot, login):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    o = wachten_op_pdf(o)
    with o.pdf.open("rb") as f:
        opgeslagen = f.read()
    assert hashlib.sha256(opgeslagen).hexdigest() == o.pdf_checksum and o.pdf_gemaakt_op
    assert "Negatief" in tekst(opgeslagen) and "Politiek-bestuurlijke noodzaak" not in tekst(opgeslagen)
    # The download is exactly the stored document, for everyone who may see the oordeel.
    assert download(login(office), o) == opgeslagen
    eerste = o.pdf.name

    services.afwijking_vastleggen(
        actor=sg,
        oordeel=o,
        door_rol="secretaris_generaal",
        motivering="Politiek-bestuurlijke noodzaak, met extra waarborgen.",
        datum=VANDAAG,
    )
    o = wachten_op_pdf(o, oude_checksum=o.pdf_checksum)
    with o.pdf.open("rb") as f:
        nieuw = f.read()
    assert "Politiek-bestuurlijke noodzaak" in tekst(nieuw)
    assert o.pdf.name != eerste and not o.pdf.storage.exists(eerste)  # the outdated document is gone
    assert download(login(cio), o) == nieuw
    assert o.pdf_checksum in login(office).get(reverse("oordelen:oordeel", args=[o.pk])).content.decode()
    assert o.versie == CioOordeel.objects.get(pk=o.pk).versie  # making the PDF did not change the decided oordeel
    acties = list(
        AuditRecord.objects.filter(object_id=str(o.pk), actie__startswith="oordeel.pdf").order_by("pk").values_list("actie", flat=True)
    )
    assert acties == ["oordeel.pdf_gemaakt", "oordeel.pdf_vervallen", "oordeel.pdf_gemaakt"]


@pytest.mark.django_db
def test_without_a_worker_the_download_makes_the_pdf_once_and_keeps_it(office, ciso, cio, groot, login, monkeypatch):
    o = vastgesteld(office, ciso, cio, groot)  # the task is queued after a commit that never comes in this test
    assert not CioOordeel.objects.get(pk=o.pk).pdf
    gemaakt = []
    echt = oordeel_pdf_module.oordeel_pdf
    monkeypatch.setattr(oordeel_pdf_module, "oordeel_pdf", lambda oordeel: gemaakt.append(1) or echt(oordeel))

    eerste = download(login(office), o)
    tweede = download(login(cio), o)

    assert eerste == tweede and len(gemaakt) == 1
    assert CioOordeel.objects.get(pk=o.pk).pdf_checksum == hashlib.sha256(eerste).hexdigest()


@pytest.mark.django_db
def test_a_pdf_rendered_before_an_afwijking_is_not_kept(office, ciso, cio, sg, groot, monkeypatch):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    echt = oordeel_pdf_module.oordeel_pdf

    def afwijking_tijdens_het_maken(oordeel):
        inhoud = echt(oordeel)  # the document without the afwijking ...
        services.afwijking_vastleggen(
            actor=sg,
            oordeel=oordeel,
            door_rol="secretaris_generaal",
            motivering="Politiek-bestuurlijke noodzaak, met extra waarborgen.",
            datum=VANDAAG,
        )
        return inhoud  # ... is finished after the afwijking was recorded

    monkeypatch.setattr(oordeel_pdf_module, "oordeel_pdf", afwijking_tijdens_het_maken)
    oordeel_pdf_module.pdf_maken(o.pk)
    assert not CioOordeel.objects.get(pk=o.pk).pdf  # not stored: the task queued by the afwijking makes the right one


@pytest.mark.django_db
def test_no_pdf_is_made_for_a_draft(office, groot):
    from .test_regels import concept

    assert oordeel_pdf_module.pdf_maken(concept(office, groot).pk) is None


@pytest.mark.django_db
def test_two_pdfs_of_one_oordeel_made_within_one_second_get_different_names(office, ciso, cio, sg, groot, monkeypatch):
    """The flaky CI failure: the decision's PDF and the afwijking's were named by a timestamp in seconds."""
    from django.utils import timezone

    vast = timezone.now().replace(microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: vast)  # both renders in the same second, every time
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    o = oordeel_pdf_module.pdf_maken(o.pk)
    eerste = o.pdf.name
    services.afwijking_vastleggen(
        actor=sg,
        oordeel=o,
        door_rol="secretaris_generaal",
        motivering="Politiek-bestuurlijke noodzaak, met extra waarborgen.",
        datum=VANDAAG,
    )
    opslag = o.pdf.storage
    opslag.delete(eerste)  # what the afwijking's on_commit does, before the new render stores its file
    o = oordeel_pdf_module.pdf_maken(o.pk)
    assert o.pdf.name != eerste and opslag.exists(o.pdf.name)
