"""Fixtures for tests that drive a real browser (Playwright + Debian's Chromium).

Every test in this folder gets the ``browser`` marker, so ``pytest -m "not
browser"`` skips them all. Playwright cannot download its own browser here;
it drives the system Chromium that ``scripts/systeempakketten.sh test``
installs. Without it the tests are skipped locally but fail in CI (``CI=true``),
so CI never passes without having run them.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in the test's thread, and
# Django then refuses ORM calls from that thread (SynchronousOnlyOperation),
# e.g. in fixtures using ``live_server`` or ``db``. The tests themselves are
# plain synchronous code, so that check is a false alarm here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"

# As root and on a machine with no network but localhost: no sandbox, no GPU,
# and none of the background connections Chromium makes at start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    # A conftest hook sees every collected test, not only this folder's.
    for item in items:
        if BROWSER_TESTS in item.path.resolve().parents:
            item.add_marker(pytest.mark.browser)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session."""
    if not os.path.exists(CHROMIUM):
        message = (
            f"{CHROMIUM} not found: the browser tests need Debian's Chromium "
            "(install it with `bash scripts/systeempakketten.sh test` or `make test`)."
        )
        if _in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context (no cookies shared between tests), in Dutch."""
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
