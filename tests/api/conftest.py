"""Fixtures of the API tests: tokens per role, a published portfolio, and throttling out of the way."""

import datetime

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from cio_stelsel import services as stelsel_services
from cio_stelsel.models import vandaag
from portfolio import services
from tests.factories import activiteit

PEILDATUM = datetime.date(2024, 12, 31)


@pytest.fixture(autouse=True)
def _api_instellingen(settings):
    """High throttle rates (a test that tests throttling lowers them) and an empty cache per test."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute", "publiek": "100000/minute"},
    }
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000
    cache.clear()
    yield
    cache.clear()


def token_van(user, *, alleen_lezen=False, dagen=30) -> str:
    _token, geheim = stelsel_services.api_token_aanmaken(
        actor=user, naam="test", alleen_lezen=alleen_lezen, verloopt_op=vandaag() + datetime.timedelta(days=dagen)
    )
    return geheim


def api(user=None, *, alleen_lezen=False) -> APIClient:
    """A client that authenticates with a (read-write unless told) personal token of ``user``; anonymous without user."""
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_van(user, alleen_lezen=alleen_lezen)}")
    return client


@pytest.fixture
def als():
    return api


def publiceer(office, cio, cio_rijk, a, peildatum=PEILDATUM):
    """Prepare, sign off and publish the current data of ``a`` for ``peildatum``, through the services."""
    v = services.versie_voorbereiden(actor=office, activiteit=a, peildatum=peildatum)
    services.versies_aftekenen(actor=cio, ministerie=a.ministerie, peildatum=peildatum, versies=[v])
    services.versies_publiceren(actor=cio_rijk, ministerie=a.ministerie, peildatum=peildatum, versies=[v])
    v.refresh_from_db()
    return v


@pytest.fixture
def eigen_activiteit(office, ministerie):
    return activiteit(office, ministerie, naam="Vernieuwing basisregistratie", geschat=12_000_000)


@pytest.fixture
def andere_activiteit(collega_ander_ministerie, ander_ministerie):
    return activiteit(collega_ander_ministerie, ander_ministerie, naam="Belastingdienst modernisering", geschat=40_000_000)
