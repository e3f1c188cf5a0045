"""A decided CIO-oordeel as PDF: made by a Celery task once the oordeel is decided, and kept.

``oordeel_vaststellen`` and ``afwijking_vastleggen`` (services.py) queue
``tasks.oordeel_pdf_maken`` after their commit; the task calls ``pdf_maken``,
which renders the document (WeasyPrint, PDF/UA-1, imported only when
rendering) and stores it with its SHA-256 checksum on the oordeel. The stored
file is the document of the decision: the download serves exactly it. An
afwijking changes the document, so recording one removes the stored PDF in
the same transaction and queues a new one; a render that started before the
afwijking does not store its outdated result (``_stempel``).

When no stored PDF exists yet (the task has not run, no worker is up, or the
oordeel is demo data, decided with ``pdf_direct=False`` so that ``demo_laden``
renders none up front), the download renders and stores it once in the request
instead (``pdf_maken`` again), so the document is always available. Storing and dropping a PDF are
audited (``oordeel.pdf_gemaakt``, ``oordeel.pdf_vervallen``; actor: the system).
"""

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cio_stelsel import audit, wachtrij
from cio_stelsel.pdf import html_naar_pdf

from .models import CioOordeel

PDF_VELDEN = ["pdf", "pdf_checksum", "pdf_gemaakt_op"]


def oordeel_pdf(oordeel) -> bytes:
    with translation.override("nl"):
        html = render_to_string(
            "oordelen/oordeel_pdf.html",
            {
                "oordeel": oordeel,
                "activiteit": oordeel.activiteit,
                "voorwaarden": oordeel.voorwaarden.all(),
                "afwijking": getattr(oordeel, "afwijking", None),
            },
        )
    return html_naar_pdf(html)


def bestandsnaam(pk: int) -> str:
    """A name no other render gets: a uuid, not a timestamp (two renders within one second once shared a name,
    so the afwijking's new document was overwritten or deleted with the old one)."""
    return f"cio-oordeel-{pk}-{uuid.uuid4().hex}.pdf"


def _stempel(oordeel: CioOordeel) -> tuple:
    """What the document shows that can still change after the decision: only an afwijking (art 5.3)."""
    afwijking = getattr(oordeel, "afwijking", None)
    return oordeel.status, oordeel.versie, afwijking.pk if afwijking else None


def pdf_maken(pk: int) -> CioOordeel | None:
    """Render and store the PDF of decided oordeel ``pk``; returns the oordeel, or None when it is not decided.

    Idempotent: an oordeel whose stored PDF is current is returned as it is.
    """
    oordeel = CioOordeel.objects.select_related("activiteit__ministerie", "afwijking").filter(pk=pk).first()
    if oordeel is None or oordeel.status != CioOordeel.Status.VASTGESTELD:
        return None
    if oordeel.pdf:
        return oordeel
    stempel = _stempel(oordeel)
    inhoud = oordeel_pdf(oordeel)
    with transaction.atomic():
        actueel = CioOordeel.objects.select_for_update(of=("self",)).select_related("afwijking").get(pk=pk)
        if actueel.pdf or _stempel(actueel) != stempel:
            return actueel  # stored meanwhile by another run, or changed while rendering (a newer run is queued)
        actueel.pdf.save(bestandsnaam(pk), ContentFile(inhoud), save=False)
        actueel.pdf_checksum = hashlib.sha256(inhoud).hexdigest()
        actueel.pdf_gemaakt_op = timezone.now()
        # update(), not save(): the decided oordeel itself does not change (and its versie stays).
        CioOordeel.objects.filter(pk=pk).update(
            pdf=actueel.pdf.name, pdf_checksum=actueel.pdf_checksum, pdf_gemaakt_op=actueel.pdf_gemaakt_op
        )
        audit.vastleggen(actor=None, actie="oordeel.pdf_gemaakt", obj=actueel, na=audit.momentopname(actueel, PDF_VELDEN))
    return actueel


def pdf_vervallen(oordeel: CioOordeel) -> None:
    """The stored PDF no longer shows the oordeel as it stands (an afwijking was recorded): drop it and queue a new one.

    Runs inside the transaction of that change; the file is removed after the commit.
    """
    oud = CioOordeel.objects.filter(pk=oordeel.pk).values_list("pdf", flat=True).first()
    CioOordeel.objects.filter(pk=oordeel.pk).update(pdf="", pdf_checksum="", pdf_gemaakt_op=None)
    if oud:
        audit.vastleggen(
            actor=None,
            actie="oordeel.pdf_vervallen",
            obj=oordeel,
            voor={"pdf": oud},
            na={"pdf": ""},
            reden="Afwijking vastgelegd (art 5.3): het document wordt opnieuw gemaakt.",
        )
        opslag = CioOordeel._meta.get_field("pdf").storage
        transaction.on_commit(lambda: opslag.delete(oud))
    transaction.on_commit(lambda: wachtrij.versturen("oordelen.tasks.oordeel_pdf_maken", oordeel.pk))
