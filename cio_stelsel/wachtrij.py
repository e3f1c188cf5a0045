"""Queueing background tasks so that a broker outage never loses work.

``versturen(taak, *args)`` queues a Celery task; when the broker (Redis) cannot
be reached, the task is kept in the database (``UitgesteldeTaak``) and the
caller goes on: the work runs later. ``uitgestelde_versturen()`` hands the
kept tasks to the broker again, oldest first; the worker runs it when it
starts and beat every minute (config/settings.py), so work queued during an
outage starts within a minute of the broker coming back. The tasks are
idempotent (they check the state of what they work on), so a task that is
sent twice does its work once.

Call ``versturen`` after the commit (``transaction.on_commit``), like ``delay``.

Services name the task (``versturen("oordelen.tasks.melding_versturen", pk)``)
instead of importing it: the tasks import the services, never the other way
round (tests/test_lagen.py), and ``taak(naam)`` finds the registered task when
it is queued.
"""

import importlib
import logging
import time

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .models import UitgesteldeTaak

logger = logging.getLogger(__name__)

BROKERFOUTEN = (OperationalError, RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
PER_KEER = 500
PAUZE = 10.0  # after a failure, this many seconds straight to the database without trying the broker
_pauze_tot = 0.0


def taak(naam: str):
    """The Celery task registered as ``naam`` ("app.tasks.functie"); its module is imported when it is not registered yet."""
    if naam not in current_app.tasks:
        importlib.import_module(naam.rsplit(".", 1)[0])
    return current_app.tasks[naam]


def versturen(taak_of_naam, *args) -> bool:
    """Queue the task (its name, or the task) with ``args``; False when it was kept for later because the broker is unreachable."""
    global _pauze_tot
    taak_ = taak(taak_of_naam) if isinstance(taak_of_naam, str) else taak_of_naam
    if current_app.conf.task_always_eager:  # no broker (make run): runs here and now, errors propagate
        taak_.apply_async(args=args)
        return True
    if time.monotonic() < _pauze_tot:  # the broker failed a moment ago: do not make this request wait for it too
        UitgesteldeTaak.objects.create(taak=taak_.name, argumenten=list(args), laatste_fout="takenwachtrij kort geleden onbereikbaar")
        return False
    try:
        taak_.apply_async(args=args, retry=False)
        return True
    except BROKERFOUTEN as exc:
        _pauze_tot = time.monotonic() + PAUZE
        UitgesteldeTaak.objects.create(taak=taak_.name, argumenten=list(args), laatste_fout=_fout(exc))
        logger.warning("Takenwachtrij niet bereikbaar: %s%s bewaard voor later (%s)", taak_.name, args, exc.__class__.__name__)
        return False


def uitgestelde_versturen() -> int:
    """Hand the kept tasks to the broker, oldest first; stops at the first that fails. Returns how many were sent."""
    global _pauze_tot
    verstuurd = 0
    for pk in list(UitgesteldeTaak.objects.values_list("pk", flat=True)[:PER_KEER]):
        with transaction.atomic():
            taak = UitgesteldeTaak.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if taak is None:  # sent meanwhile by another worker
                continue
            try:
                current_app.send_task(taak.taak, args=taak.argumenten, retry=False, ignore_result=True)
            except BROKERFOUTEN as exc:
                taak.pogingen += 1
                taak.laatste_fout = _fout(exc)
                taak.save(update_fields=["pogingen", "laatste_fout"])
                return verstuurd
            taak.delete()
            verstuurd += 1
    _pauze_tot = 0.0  # the broker takes messages again
    if verstuurd:
        logger.info("%s uitgestelde taken alsnog in de wachtrij gezet", verstuurd)
    return verstuurd


def _fout(exc: Exception) -> str:
    return f"{exc.__class__.__name__}: {exc}"[:500]
