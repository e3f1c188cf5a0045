"""Forms in a real browser (issue 18): after a failed post the error summary has the focus and lists every error at once.

Before, the focus stayed at the top of the page (a screen reader did not hear that the
post failed), and an end date before the start date was only reported after the other
errors were fixed.
"""

import pytest
from playwright.sync_api import expect

from portfolio.models import IctActiviteit
from tests.browser.test_portfolio import inloggen

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_failed_post_puts_the_focus_on_the_error_summary_with_every_error_and_its_links_focus_the_field(page, live_server, office):
    inloggen(page, live_server, office)
    page.goto(f"{live_server.url}/portfolio/nieuw/")
    # No name (a field error) and an end date before the start date (the cross-field rule).
    page.get_by_label("Startdatum").fill("2024-01-01")
    page.get_by_label("Geschatte einddatum").fill("2023-01-01")
    page.get_by_label("Geschat: uitbesteed werk").fill("10.000.000")
    page.get_by_role("button", name="ICT-activiteit aanmaken").click()

    overzicht = page.locator(".foutoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Naam van de ICT-activiteit")
    expect(overzicht).to_contain_text("De geschatte einddatum moet na de startdatum (01-01-2024) liggen.")
    # A link of the summary takes the focus to its field.
    overzicht.get_by_role("link", name="De geschatte einddatum moet na de startdatum").click()
    expect(page.get_by_label("Geschatte einddatum")).to_be_focused()
    assert not IctActiviteit.objects.exists()
