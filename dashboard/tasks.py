"""Celery tasks of the dashboard app: thin, they call a service."""

from celery import shared_task

from . import jaarrapportage_services
from .models import TIJDSLIMIET


@shared_task(
    bind=True,
    name="dashboard.tasks.jaarrapportage_genereren",
    acks_late=True,  # a worker that dies mid-task leaves the message to be delivered again
    reject_on_worker_lost=True,
    time_limit=TIJDSLIMIET,
    soft_time_limit=TIJDSLIMIET - 60,
)
def jaarrapportage_genereren(self, pk: int, poging: int | None = None) -> str:
    """Generate a Jaarrapportage (B16). ``poging``: the attempt this message is for; a stale one does nothing."""
    return jaarrapportage_services.jaarrapportage_genereren(pk=pk, poging=poging, taak_id=self.request.id or "")
