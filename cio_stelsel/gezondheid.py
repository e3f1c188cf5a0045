"""Liveness and readiness for the orchestrator and the monitoring (docker-compose health checks).

- ``/gezondheid/levend/``: the process answers; touches nothing else, so a
  slow database never gets a healthy web container restarted.
- ``/gezondheid/gereed/``: what this installation needs to do its work, by
  django-health-check: the database, writable media storage, and, when they are
  configured, Redis (cache and broker) and a Celery worker answering a ping
  (its heartbeat). 200 when all are fine, 503 with the failing parts otherwise.

Both answer JSON with short names only (no host names or error texts that
would tell an outsider about the installation); details go to the log.
"""

import dataclasses
import datetime

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from health_check.checks import Database, Storage
from health_check.contrib.celery import Ping
from health_check.contrib.redis import Redis
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Werker(Ping):
    """A Celery worker answers within two seconds."""

    timeout: datetime.timedelta = dataclasses.field(default=datetime.timedelta(seconds=2), repr=False)
    limit: int | None = dataclasses.field(default=1, repr=False)


def _redis_client():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)


def controles() -> list[tuple[str, object]]:
    """(name, check) for every part this installation is configured with."""
    onderdelen = [("database", (Database, {})), ("opslag", (Storage, {}))]
    if settings.REDIS_URL:
        onderdelen.append(("redis", (Redis, {"client_factory": _redis_client})))
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        onderdelen.append(("werker", (Werker, {})))
    return onderdelen


class Gereed(HealthCheckView):
    def get_checks(self):
        self._namen = [naam for naam, _ in controles()]
        self.checks = [controle for _, controle in controles()]
        return super().get_checks()

    async def get(self, request, *args, **kwargs):
        await super().get(request, *args, **kwargs)  # runs the checks and fills self.results
        onderdelen = {naam: ("ok" if not r.error else "fout") for naam, r in zip(self._namen, self.results, strict=True)}
        goed = all(w == "ok" for w in onderdelen.values())
        return JsonResponse({"status": "ok" if goed else "fout", "onderdelen": onderdelen}, status=200 if goed else 503)


gereed = Gereed.as_view()


@never_cache
@require_GET
def levend(request):
    return JsonResponse({"status": "ok"})
