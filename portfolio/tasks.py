"""Celery tasks of the portfolio app: thin, they call a service."""

from celery import shared_task

from . import uitwisseling_taken

# An import of a few thousand rows takes minutes (benchmarks/import_5000.py); an hour is a stuck worker.
TIJDSLIMIET = 60 * 60


@shared_task(
    bind=True,
    name="portfolio.tasks.import_uitvoeren",
    acks_late=True,  # a worker that dies mid-task leaves the message to be delivered again (then: mislukt, see the service)
    reject_on_worker_lost=True,
    time_limit=TIJDSLIMIET,
    soft_time_limit=TIJDSLIMIET - 60,
)
def import_uitvoeren(self, pk: str) -> str:
    return uitwisseling_taken.import_uitvoeren(pk, taak_id=self.request.id or "")
