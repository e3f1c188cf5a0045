"""Celery tasks: thin, they call a service."""

from celery import shared_task

from . import services


@shared_task(name="cio_stelsel.tasks.roltoewijzingen_bijwerken")
def roltoewijzingen_bijwerken() -> int:
    """Daily (beat): grant the rights of role assignments that started, revoke those that ended."""
    return services.rechten_synchroniseren()


@shared_task(name="cio_stelsel.tasks.uitgestelde_taken_versturen")
def uitgestelde_taken_versturen() -> int:
    """Every minute (beat) and when a worker starts: queue the tasks kept during a broker outage."""
    from . import wachtrij

    return wachtrij.uitgestelde_versturen()
