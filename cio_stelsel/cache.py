"""A Redis cache that turns an outage into a miss, so public pages and the API keep answering without Redis.

The cache only ever holds what can be recomputed (rendered public pages, the
publication generation, throttle counters), so when Redis does not answer,
a read is a miss and a write is skipped. After a failure Redis is not asked
again for ``PAUZE`` seconds (a small circuit breaker), so an outage costs each
request no more than the first one's short socket timeout.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

STORINGEN = (RedisConnectionError, RedisTimeoutError, OSError)
PAUZE = 5.0  # seconds without asking Redis after a failure


class VeerkrachtigeRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._pauze_tot = 0.0
        self._slot = threading.Lock()

    # -- the breaker

    def _beschikbaar(self) -> bool:
        return time.monotonic() >= self._pauze_tot

    def _storing(self, exc: Exception) -> None:
        with self._slot:
            if self._beschikbaar():
                logger.warning("Redis-cache niet bereikbaar (%s); %s s zonder cache", exc.__class__.__name__, PAUZE)
            self._pauze_tot = time.monotonic() + PAUZE

    def _probeer(self, naam: str, bij_storing, *args, **kwargs):
        if not self._beschikbaar():
            return bij_storing
        try:
            return getattr(super(), naam)(*args, **kwargs)
        except STORINGEN as exc:
            self._storing(exc)
            return bij_storing

    # -- every operation of BaseCache that reaches Redis

    def get(self, key, default=None, version=None):
        return self._probeer("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._probeer("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._probeer("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._probeer("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._probeer("delete_many", None, keys, version)

    def clear(self):
        return self._probeer("clear", False)

    def incr(self, key, delta=1, version=None):
        if not self._beschikbaar():
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        try:
            return super().incr(key, delta, version)
        except STORINGEN as exc:
            self._storing(exc)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from exc
