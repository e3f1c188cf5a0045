"""Celery tasks of the informatieplannen: thin, they call a service."""

from celery import shared_task

from . import meldingen, pdf


@shared_task(name="informatieplannen.tasks.melding_versturen", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def melding_versturen(soort: str, pk: int) -> int:
    return meldingen.melding_verzenden(soort, pk)


@shared_task(name="informatieplannen.tasks.plan_pdf_maken", acks_late=True, reject_on_worker_lost=True, time_limit=300)
def plan_pdf_maken(pk: int) -> str:
    """Make and keep the PDF of a public plan (idempotent: a stored PDF is left as it is)."""
    plan = pdf.pdf_maken(pk)
    return plan.pdf_checksum if plan is not None else ""
