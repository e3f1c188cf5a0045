"""Schemathesis as every role (issue 13): all operations of the committed openapi.yaml, through the WSGI application.

tests/api/test_schemathesis.py fuzzes anonymously and as a departmental CIO; a
fuzzer without credentials never reached most operations. Here every profile
of the permission matrix (every role of rechten.py, a superuser without role,
a user without role, offices of another ministerie and of a dienstonderdeel)
calls every operation with its own real, read-write personal API token, on the
matrix's world (objects of own and other organisation in every state, built once
per module). Checks: no 5xx, every response (refusals included) as the schema
documents it. Every Hypothesis example draws one case of *every* operation, so each role
reaches each operation; 2 examples per role. The writing operations are marked ``traag`` (slow; ``make test`` and CI run them,
``-m "not traag"`` skips them locally).
"""

from pathlib import Path

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.rechten.fixtures import PROFIELEN  # the fixture wereld: tests/conftest.py (plugin), _media: tests/rechten/conftest.py

SCHEMA = schemathesis.openapi.from_path(str(Path(django_settings.BASE_DIR) / "openapi.yaml"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
HYPOTHESIS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "phases": [Phase.explicit, Phase.generate],
    "suppress_health_check": list(HealthCheck),
}
MET_TOKEN = [p.naam for p in PROFIELEN if not p.anoniem]

intern = SCHEMA.exclude(path_regex=r"^/api/v1/(publiek/|schema/|docs/)")
lezen = intern.include(method="GET")
schrijven = intern.include(method=["POST", "PATCH", "DELETE"])


@pytest.fixture
def app(db, wereld):
    """The real WSGI stack (all middleware) on the test database; the connection stays open between requests."""
    for signaal in (request_started, request_finished):
        signaal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signaal in (request_started, request_finished):
        signaal.connect(close_old_connections)


def operaties(subset) -> list:
    return [resultaat.ok() for resultaat in subset.get_all_operations()]


LEZEN, SCHRIJVEN = operaties(lezen), operaties(schrijven)


def alle_operaties(app, token: str, data, lijst) -> None:
    """One example of every operation per Hypothesis example: each operation is reached by each role."""
    for operatie in lijst:
        case = data.draw(operatie.as_strategy(), label=operatie.label)
        case.call_and_validate(app=app, headers={"Authorization": f"Token {token}"}, checks=CHECKS)


@pytest.mark.parametrize("profiel", MET_TOKEN)
@given(data=st.data())
@settings(max_examples=2, **HYPOTHESIS)
def test_lezen_als_elke_rol_volgt_het_schema(app, wereld, profiel, data):
    alle_operaties(app, wereld.tokens[profiel], data, LEZEN)


@pytest.mark.traag
@pytest.mark.parametrize("profiel", MET_TOKEN)
@given(data=st.data())
@settings(max_examples=2, **HYPOTHESIS)
def test_schrijven_als_elke_rol_volgt_het_schema(app, wereld, profiel, data):
    alle_operaties(app, wereld.tokens[profiel], data, SCHRIJVEN)
