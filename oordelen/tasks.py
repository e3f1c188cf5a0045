"""Celery tasks of the oordelen app: thin, they call a service."""

from celery import shared_task

from . import meldingen, pdf


@shared_task(name="oordelen.tasks.melding_versturen", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def melding_versturen(soort: str, pk: int) -> int:
    return meldingen.melding_verzenden(soort, pk)


@shared_task(name="oordelen.tasks.oordeel_pdf_maken", acks_late=True, reject_on_worker_lost=True, time_limit=300)
def oordeel_pdf_maken(pk: int) -> str:
    """Make and keep the PDF of a decided oordeel (idempotent: a current stored PDF is left as it is)."""
    oordeel = pdf.pdf_maken(pk)
    return oordeel.pdf_checksum if oordeel is not None else ""
