"""Liveness and readiness for the orchestrator and the monitoring (docker-compose health checks).

- ``/gezondheid/levend/``: the process answers; touches nothing else, so a
  slow database never gets a healthy web container restarted.
- ``/gezondheid/gereed/``: what this installation needs to do its work, with
  the checks of django-health-check: the database, writable media storage, and, when they are
  configured, Redis (cache and broker) and a Celery worker answering a ping
  (its heartbeat). 200 when all are fine, 503 with the failing parts otherwise.

Both answer JSON with short names only (no host names or error texts that
would tell an outsider about the installation); details go to the log.
"""

import asyncio
import dataclasses
import datetime
import inspect
import logging
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from health_check.checks import Database, Storage
from health_check.contrib.celery import Ping
from health_check.contrib.redis import Redis
from health_check.exceptions import HealthCheckException

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Werker(Ping):
    """A Celery worker answers within two seconds."""

    timeout: datetime.timedelta = dataclasses.field(default=datetime.timedelta(seconds=2), repr=False)
    limit: int | None = dataclasses.field(default=1, repr=False)


def _redis_client():
    from redis import asyncio as aioredis

    return aioredis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)


def controles() -> list[tuple[str, object]]:
    """(name, check) for every part this installation is configured with."""
    onderdelen = [("database", Database()), ("opslag", Storage())]
    if settings.REDIS_URL:
        onderdelen.append(("redis", Redis(client_factory=_redis_client)))
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        onderdelen.append(("werker", Werker()))
    return onderdelen


def _uitvoeren(controle) -> None:
    """Run one check in this (worker) thread: a coroutine in an event loop of its own."""
    try:
        if inspect.iscoroutinefunction(controle.run):
            asyncio.run(controle.run())
        else:
            controle.run()
    finally:
        connections.close_all()  # this thread's database connection, if the check opened one


def _goed(naam: str, controle, pool: ThreadPoolExecutor) -> bool:
    try:
        pool.submit(_uitvoeren, controle).result(timeout=controle.timeout.total_seconds() + 1)
        return True
    except HealthCheckException as exc:
        logger.warning("Gereedheid: %s faalt: %s", naam, exc)
    except Exception:  # noqa: BLE001 - an unexpected failure is a failing part, with the details in the log
        logger.exception("Gereedheid: %s faalt onverwacht", naam)
    return False


@never_cache
@require_GET
def gereed(request):
    """The checks run in threads of their own (each with its own database connection and event loop),
    so the view is the same under any server, and a hanging part costs at most its timeout."""
    lijst = controles()
    with ThreadPoolExecutor(max_workers=len(lijst)) as pool:
        onderdelen = {naam: ("ok" if _goed(naam, c, pool) else "fout") for naam, c in lijst}
    goed = all(w == "ok" for w in onderdelen.values())
    return JsonResponse({"status": "ok" if goed else "fout", "onderdelen": onderdelen}, status=200 if goed else 503)


@never_cache
@require_GET
def levend(request):
    return JsonResponse({"status": "ok"})
