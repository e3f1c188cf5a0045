"""Celery tasks of the oordelen app: thin, they call a service."""

from celery import shared_task

from . import meldingen


@shared_task(name="oordelen.tasks.melding_versturen", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def melding_versturen(soort: str, pk: int) -> int:
    return meldingen.melding_verzenden(soort, pk)
