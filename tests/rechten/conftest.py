"""Prints how many role × method × address × object cases the permission matrix checked."""

import pytest

from tests.rechten.fixtures import PROFIELEN, TELLER


@pytest.fixture
def _media():
    """Overrides the per-test MEDIA_ROOT of tests/conftest.py here: the module's world (built once) keeps its files."""


def pytest_terminal_summary(terminalreporter):
    if TELLER["gevallen"]:
        from tests.rechten.test_matrix import TABEL

        terminalreporter.write_line(
            f"Rechtenmatrix: {TELLER['gevallen']} gevallen (rol × methode × adres × object) gecontroleerd; "
            f"{len(PROFIELEN)} rollen, {len(TABEL)} adressen."
        )
