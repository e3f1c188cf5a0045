"""A Redis cache that turns an outage into a miss, so public pages and the API keep answering without Redis.

The cache only ever holds what can be recomputed (rendered public pages, the
publication generation, throttle counters), so when Redis does not answer,
a read is a miss and a write is skipped. After a failure Redis is not asked
again for ``PAUZE`` seconds (a small circuit breaker), so an outage costs each
request no more than the first one's short socket timeout.

It also carries announcements (Redis publish/subscribe) to the processes that
keep a copy of a value in memory (``portfolio.publicatiecache.Volger``):
``aankondigen`` publishes on a channel of the cache's own key prefix,
``abonnement`` opens a subscription, and ``clear`` announces on
``KANAAL_GEWIST``, so a copy never outlives the cleared cache.
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
KANAAL_GEWIST = "cache:gewist"  # announced by clear()


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
        gewist = self._probeer("clear", False)
        self.aankondigen(KANAAL_GEWIST)
        return gewist

    # -- announcements (publish/subscribe) on channels named like the keys, prefix included

    def kanaal(self, naam: str) -> str:
        return self.make_and_validate_key(naam)

    def aankondigen(self, naam: str, bericht: str = "") -> None:
        """Publish ``bericht`` on the channel ``naam``; skipped while Redis does not answer."""
        if not self._beschikbaar():
            return
        try:
            self._cache.get_client(write=True).publish(self.kanaal(naam), bericht)
        except STORINGEN as exc:
            self._storing(exc)

    def abonnement(self, *namen: str):
        """A redis-py PubSub subscribed to the channels ``namen``, the subscriptions confirmed; None while Redis does not answer.

        The caller owns it (``close()`` when done). Only after the confirmation
        is every later announcement sure to arrive, so read the watched value
        after this returns.
        """
        if not self._beschikbaar():
            return None
        pubsub = None
        try:
            pubsub = self._cache.get_client(write=False).pubsub()
            pubsub.subscribe(*(self.kanaal(n) for n in namen))
            bevestigd = 0
            while bevestigd < len(namen):
                bericht = pubsub.get_message(timeout=self._bevestigingstijd)
                if bericht is None:
                    raise RedisTimeoutError("geen bevestiging van het abonnement")
                if bericht["type"] == "subscribe":
                    bevestigd += 1
            return pubsub
        except STORINGEN as exc:
            if pubsub is not None:
                pubsub.close()
            self._storing(exc)
            return None

    @property
    def _bevestigingstijd(self) -> float:
        return float(self._options.get("socket_timeout") or 1.0)

    def incr(self, key, delta=1, version=None):
        if not self._beschikbaar():
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        try:
            return super().incr(key, delta, version)
        except STORINGEN as exc:
            self._storing(exc)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from exc
