"""The Celery application.

Without a broker configured (no ``REDIS_URL`` / ``CELERY_BROKER_URL``) the
settings make tasks run in-process (``task_always_eager``), so ``make run``
needs no Redis. Worker: ``celery -A config worker -l info``; beat:
``celery -A config beat -l info``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("cio_stelsel")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
