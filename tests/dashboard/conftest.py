"""Fixtures for the public dashboard tests: an empty cache per test and a small published portfolio."""

import pytest

from cio_stelsel.rechten import Rol
from tests.dashboard.publiek import bouwen, oordeel_met_marker
from tests.factories import benoem


@pytest.fixture(autouse=True)
def _lege_caches():
    """Every test starts without cached pages or memoised figures (the cache outlives a rolled-back test)."""
    from django.core.cache import cache

    from dashboard import selectors

    cache.clear()
    selectors.geheugen.legen()
    yield
    cache.clear()
    selectors.geheugen.legen()


@pytest.fixture
def publiek(
    db,
    monkeypatch,
    settings,
    ministerie,
    ander_ministerie,
    dienstonderdeel,
    office,
    cio,
    ciso,
    cio_rijk,
    collega_ander_ministerie,
    cio_ander_ministerie,
):
    """The published portfolio of tests/dashboard/publiek.py, with unpublished data holding MARKER."""
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000
    p = bouwen(
        monkeypatch,
        bzk=ministerie,
        fin=ander_ministerie,
        logius=dienstonderdeel,
        office=office,
        cio=cio,
        ciso=ciso,
        cio_rijk=cio_rijk,
        office_fin=collega_ander_ministerie,
        cio_fin=cio_ander_ministerie,
    )
    ciso_fin = benoem(Rol.DEPARTEMENTALE_CISO, ander_ministerie).persoon.user
    oordeel_met_marker(collega_ander_ministerie, ciso_fin, cio_ander_ministerie, p.belasting)
    return p
