"""Schemathesis against the committed openapi.yaml, through the WSGI application: no 5xx, no response outside the schema.

Public endpoints anonymously; the authenticated ones with a read-write token
of a departmental CIO (who may do most), GETs broadly and the writing methods
with a bounded number of examples. Both valid (positive) and invalid
(negative) input is generated; every answer must be documented, of the
documented content type and match its schema.
"""

from pathlib import Path

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from oordelen import services as oordeel_services
from tests.api.conftest import PEILDATUM, publiceer, token_van
from tests.api.test_rechten import ASPECTEN
from tests.factories import activiteit

SCHEMA = schemathesis.openapi.from_path(str(Path(django_settings.BASE_DIR) / "openapi.yaml"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance, response_headers_conformance]
HYPOTHESIS = {
    "deadline": None,
    "derandomize": True,  # the same examples on every run, so CI is reproducible
    "database": None,  # no .hypothesis directory in the work tree
    "phases": [Phase.explicit, Phase.generate],
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
}

publiek = SCHEMA.include(path_regex=r"^/api/v1/publiek/")
lezen = SCHEMA.include(method="GET").exclude(path_regex=r"^/api/v1/publiek/")
schrijven = SCHEMA.include(method=["POST", "PATCH", "DELETE"])


@pytest.fixture
def app(db):
    """The real WSGI stack (all middleware), on the test database: the connection stays open between requests."""
    for signaal in (request_started, request_finished):
        signaal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signaal in (request_started, request_finished):
        signaal.connect(close_old_connections)


@pytest.fixture
def gegevens(office, ciso, cio, cio_rijk, ministerie):
    """Some of everything: published activities, an oordeel in each state, an aanmelding."""
    a = activiteit(office, ministerie, naam="Vernieuwing basisregistratie", geschat=12_000_000)
    b = activiteit(office, ministerie, naam="Digitaal loket", geschat=30_000_000)
    publiceer(office, cio, cio_rijk, a)
    publiceer(office, cio, cio_rijk, b)
    oordeel_services.oordeel_opstellen(actor=office, activiteit=b, gegevens=ASPECTEN)
    o = oordeel_services.oordeel_opstellen(actor=office, activiteit=a, gegevens=ASPECTEN)
    oordeel_services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    oordeel_services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="positief", motivering="Goed.")
    oordeel_services.aanmelding_opstellen(actor=office, activiteit=a)
    return {"Authorization": f"Token {token_van(cio)}"}


@publiek.parametrize()
@settings(max_examples=12, **HYPOTHESIS)
def test_publieke_api_volgt_het_schema(case, app, gegevens):
    case.call_and_validate(app=app, checks=CHECKS)


@lezen.parametrize()
@settings(max_examples=6, **HYPOTHESIS)
def test_lezen_met_token_volgt_het_schema(case, app, gegevens):
    case.call_and_validate(app=app, headers=gegevens, checks=CHECKS)


@schrijven.parametrize()
@settings(max_examples=4, **HYPOTHESIS)
def test_schrijven_met_token_volgt_het_schema(case, app, gegevens):
    case.call_and_validate(app=app, headers=gegevens, checks=CHECKS)


@lezen.parametrize()
@settings(max_examples=2, **HYPOTHESIS)
def test_zonder_token_volgt_het_schema(case, app, db):
    case.call_and_validate(app=app, checks=CHECKS)


def test_peildatum_in_het_schema_is_de_gebruikte():
    assert PEILDATUM.isoformat() == "2024-12-31"
