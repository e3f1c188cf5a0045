"""The public informatieplan as an accessible PDF: made by a task once the minister makes it openbaar, and kept.

``services.plan_openbaar_maken`` queues ``tasks.plan_pdf_maken`` after its commit; the task calls
``pdf_maken``, which renders the public part of the plan (``openbaar.openbaar_plan``, never the CISO's
section or the toets) with WeasyPrint as PDF/UA-1 (tagged, with the document language and title) and
stores it with its SHA-256 checksum. A vastgesteld plan never changes, so the stored file stays current.
When no PDF is stored yet (no worker ran), the public download renders and stores it once in that
request (``pdf_maken`` again); after that every request serves the stored file. Storing is audited
(``informatieplan.pdf_gemaakt``; actor: the system).
"""

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cio_stelsel import audit
from cio_stelsel.pdf import html_naar_pdf

from . import openbaar
from .models import Informatieplan

PDF_VELDEN = ["pdf", "pdf_checksum", "pdf_gemaakt_op"]


def plan_pdf(plan: openbaar.OpenbaarPlan) -> bytes:
    with translation.override("nl"):
        html = render_to_string("informatieplannen/publiek/plan_pdf.html", {"plan": plan, "gemaakt_op": timezone.now()})
    return html_naar_pdf(html)


def pdf_maken(pk: int) -> Informatieplan | None:
    """Render and store the PDF of public plan ``pk``; None when the plan is not public. Idempotent."""
    bestaand = Informatieplan.objects.openbaar().filter(pk=pk).only("pk", "ministerie_id", "pdf", "pdf_checksum").first()
    if bestaand is None:
        return None
    if bestaand.pdf:
        return bestaand
    inhoud = plan_pdf(openbaar.openbaar_plan(pk))
    with transaction.atomic():
        actueel = Informatieplan.objects.select_for_update().get(pk=pk)
        if actueel.pdf:
            return actueel  # stored meanwhile by another run
        actueel.pdf.save(f"informatieplan-{pk}-{uuid.uuid4().hex}.pdf", ContentFile(inhoud), save=False)
        actueel.pdf_checksum = hashlib.sha256(inhoud).hexdigest()
        actueel.pdf_gemaakt_op = timezone.now()
        # update(), not save(): the vastgesteld plan itself does not change (its versie stays).
        Informatieplan.objects.filter(pk=pk).update(
            pdf=actueel.pdf.name, pdf_checksum=actueel.pdf_checksum, pdf_gemaakt_op=actueel.pdf_gemaakt_op
        )
        audit.vastleggen(actor=None, actie="informatieplan.pdf_gemaakt", obj=actueel, na=audit.momentopname(actueel, PDF_VELDEN))
    return actueel
