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
"""

import time

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

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


def _gewijzigd(sender, using=None, **kwargs) -> None:
    """A row of ``PUBLIEKE_STAMDATA`` was saved or deleted: renew the public pages once that is committed."""
    transaction.on_commit(nieuwe_generatie, using=using)


def verbinden() -> None:
    """Connect the receiver to every model of ``PUBLIEKE_STAMDATA`` (from ``PortfolioConfig.ready``; idempotent)."""
    for label in PUBLIEKE_STAMDATA:
        model = apps.get_model(label)
        for signaal, naam in ((post_save, "post_save"), (post_delete, "post_delete")):
            signaal.connect(_gewijzigd, sender=model, dispatch_uid=f"publicatiecache:{naam}:{label}")
