"""A cache generation for everything public: bumped whenever the public figures may have changed, so cached public pages renew.

The page cache (``dashboard.cache``) stamps every stored page with the
generation, and the memo of the public figures (``dashboard.selectors``) is
keyed by it, so after a bump every public page is rendered anew. It is bumped,
always after the commit (``transaction.on_commit``: nothing renews for a change
that is rolled back), by

* a publication of the CIO Rijk (``services.versies_publiceren``);
* saving or deleting a row of ``PUBLIEKE_STAMDATA``: data the public pages read
  live, next to the frozen published versions. The receiver is connected to
  ``post_save`` and ``post_delete`` of those models in ``PortfolioConfig.ready``
  (``verbinden``), so a change through a service, the admin or the shell counts
  alike. (``QuerySet.update``, ``bulk_create`` and raw SQL send no signals: after
  one of those, call ``nieuwe_generatie`` yourself.)

A published version never changes, so the rest of what the pages show needs no
hook: drafts and checked versions are never public.

Every bump is also announced (Redis publish/subscribe, ``KANAAL``), so that a
process can know the generation without a round trip to Redis per request:
``Volger`` (one per process, ``volger``) subscribes, reads the generation once
and forgets it when an announcement, a clear of the cache or a broken
subscription arrives. Redis writes an announcement to the subscribers before
it answers the publisher, so a request that starts after a publication has
returned finds the announcement waiting on its socket. Without Redis (the
in-process cache) there is nothing to follow and ``Volger.generatie`` answers
None: ask the cache.
"""

import os
import threading
import time

from django.apps import apps
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from cio_stelsel.cache import KANAAL_GEWIST

SLEUTEL = "publicatie:generatie"

# The models the public pages, the open data and the public API read live, and what of them they read.
PUBLIEKE_STAMDATA = [
    # naam, afkorting and code of a version's ministerie (selectors.RIJ_VELDEN; the ministerie and activity pages)
    "cio_stelsel.Ministerie",
    # the threshold in force on a peildatum (B13, B15): which activities are public at all
    "portfolio.Rapportagemodel",
    # the order (volgorde) of the reasons in the open-data column "Reden herijking" (uitwisseling.Redenen)
    "portfolio.RedenHerijking",
]


def _begin() -> int:
    """A first generation that was never used before (the time in ns; a bump adds 1).

    Should the key be lost (evicted, the cache flushed), a page or memo entry
    stamped with an older generation can never match again.
    """
    return time.time_ns()


def generatie() -> int:
    return cache.get_or_set(SLEUTEL, _begin, timeout=None)


def nieuwe_generatie() -> None:
    try:
        cache.incr(SLEUTEL)
    except ValueError:  # no generation in the cache: any new one renews
        cache.set(SLEUTEL, _begin(), timeout=None)
    aankondigen = getattr(cache, "aankondigen", None)
    if aankondigen is not None:
        aankondigen(KANAAL)


KANAAL = "publicatie:generatie"
OPNIEUW_NA = 5.0  # seconds before subscribing again after a failure


class Volger:
    """The generation as this process knows it, kept current by the announcements (see the module docstring).

    ``generatie()`` costs a non-blocking look at the subscription's socket
    (no round trip) while nothing changed; after an announcement one ``GET``.
    It answers None whenever it cannot be sure (no Redis, the subscription
    broken or not yet made, the key missing): the caller then asks the cache.
    Thread-safe (gunicorn's threads share it) and fork-safe (a child makes its
    own subscription).
    """

    def __init__(self):
        self._slot = threading.Lock()
        self._pid = None
        self._backend = None
        self._abonnement = None
        self._generatie = None
        self._verbroken = False
        self._opnieuw_na = 0.0

    def generatie(self) -> int | None:
        with self._slot:
            if self._pid != os.getpid():  # a forked child: the parent's socket is not ours
                self._abonnement = None
                self._generatie = None
                self._pid = os.getpid()
            backend = caches[DEFAULT_CACHE_ALIAS]
            if backend is not self._backend:  # another cache (settings changed): follow that one
                self._sluiten(pauze=False)
                self._backend = backend
            if self._abonnement is None and not self._abonneren(backend):
                return None
            try:
                while (bericht := self._abonnement.get_message(timeout=0)) is not None:
                    if bericht["type"] == "message":
                        self._generatie = None
            except Exception:  # noqa: BLE001 - any failure of the subscription: not sure any more
                self._verbroken = True
            if self._verbroken:  # redis-py reconnected (messages may be lost in between) or failed
                self._sluiten()
                return None
            if self._generatie is None:
                self._generatie = backend.get(SLEUTEL)
            return self._generatie

    def _abonneren(self, backend) -> bool:
        abonnement = getattr(backend, "abonnement", None)
        if abonnement is None or time.monotonic() < self._opnieuw_na:
            return False
        self._abonnement = abonnement(KANAAL, KANAAL_GEWIST)
        if self._abonnement is None:
            self._opnieuw_na = time.monotonic() + OPNIEUW_NA
            return False
        self._verbroken = False
        self._generatie = None
        self._abonnement.connection.register_connect_callback(self._opnieuw_verbonden)
        return True

    def _opnieuw_verbonden(self, connection) -> None:
        self._verbroken = True

    def _sluiten(self, *, pauze: bool = True) -> None:
        if self._abonnement is not None:
            try:
                self._abonnement.close()
            except Exception:  # noqa: BLE001, S110 - closing a broken socket
                pass
        self._abonnement = None
        self._generatie = None
        self._opnieuw_na = time.monotonic() + OPNIEUW_NA if pauze else 0.0


volger = Volger()


def _gewijzigd(sender, using=None, **kwargs) -> None:
    """A row of ``PUBLIEKE_STAMDATA`` was saved or deleted: renew the public pages once that is committed."""
    transaction.on_commit(nieuwe_generatie, using=using)


def verbinden() -> None:
    """Connect the receiver to every model of ``PUBLIEKE_STAMDATA`` (from ``PortfolioConfig.ready``; idempotent)."""
    for label in PUBLIEKE_STAMDATA:
        model = apps.get_model(label)
        for signaal, naam in ((post_save, "post_save"), (post_delete, "post_delete")):
            signaal.connect(_gewijzigd, sender=model, dispatch_uid=f"publicatiecache:{naam}:{label}")
