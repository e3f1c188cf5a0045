"""The demo's CIO-oordelen (B1 before each start): decided without rendering their PDF up front (issue 21),
the document made and kept on its first download."""

import hashlib

import pytest
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from oordelen.models import CioOordeel
from portfolio.demo import portfolio_laden

pytestmark = pytest.mark.django_db


def test_issue21_demo_oordelen_get_their_pdf_on_first_download_not_up_front(office, cio, ciso, cio_rijk, ministerie, login):
    portfolio_laden()
    vastgesteld = CioOordeel.objects.filter(status=CioOordeel.Status.VASTGESTELD)
    assert vastgesteld.exists()
    assert not vastgesteld.exclude(pdf="").exists()
    assert not AuditRecord.objects.filter(actie="oordeel.pdf_gemaakt").exists()

    o = vastgesteld.order_by("pk").first()
    client = login(cio)
    response = client.get(reverse("oordelen:pdf", args=[o.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    inhoud = b"".join(response.streaming_content)
    o.refresh_from_db()
    assert o.pdf and o.pdf_checksum == hashlib.sha256(inhoud).hexdigest() == response["X-Checksum-Sha256"]
    assert AuditRecord.objects.filter(actie="oordeel.pdf_gemaakt", object_id=str(o.pk)).count() == 1
    # The second download serves the stored document; nothing is rendered or audited again.
    tweede = client.get(reverse("oordelen:pdf", args=[o.pk]))
    assert b"".join(tweede.streaming_content) == inhoud
    assert AuditRecord.objects.filter(actie="oordeel.pdf_gemaakt").count() == 1
    # Only the downloaded one: the others are still made on demand.
    assert vastgesteld.filter(pdf="").count() == vastgesteld.count() - 1
