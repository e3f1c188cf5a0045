"""The Celery application.

Without a broker configured (no ``REDIS_URL`` / ``CELERY_BROKER_URL``) the
settings make tasks run in-process (``task_always_eager``), so ``make run``
needs no Redis. Worker: ``celery -A config worker -l info``; beat:
``celery -A config beat -l info``.
"""

import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("cio_stelsel")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _uitgestelde_taken(sender, **kwargs):
    """A worker that starts hands over the tasks kept while the broker was away (cio_stelsel/wachtrij.py)."""
    sender.app.send_task("cio_stelsel.tasks.uitgestelde_taken_versturen")
