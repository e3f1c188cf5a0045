"""A cache generation for everything public: bumped when the CIO Rijk publishes, so cached public pages renew."""

from django.core.cache import cache

SLEUTEL = "publicatie:generatie"


def generatie() -> int:
    return cache.get_or_set(SLEUTEL, 1, timeout=None)


def nieuwe_generatie() -> None:
    try:
        cache.incr(SLEUTEL)
    except ValueError:
        cache.set(SLEUTEL, 2, timeout=None)
