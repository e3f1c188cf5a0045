"""The public pages at 1280 and 375 px (issue 18): nothing cut off, the first result on the first screen, readable charts.

Measured in Chromium, as a visitor sees them:
- at 1280 px the activity list fits its column (its last column, "Vertraging", was cut off);
- at 375 px the filter panel is folded (it pushed the first result 1,900 px down), the list's rows
  are cards that show every figure without scrolling sideways (the table showed only name and
  ministry), and the text of a chart is at least 12 px (it was 8 px).
"""

import pytest

from tests.browser.test_toegankelijkheid import gegevens  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def _pagina(browser, breedte: int, **opties):
    context = browser.new_context(locale="nl-NL", viewport={"width": breedte, "height": 900}, **opties)
    return context, context.new_page()


def _past(page, selector: str) -> bool:
    """Whether the element's content fits its box (no horizontal scrolling needed)."""
    return page.eval_on_selector(selector, "e => e.scrollWidth <= e.clientWidth + 1")


def test_at_1280_px_the_activity_list_fits_with_its_last_column(browser, live_server, gegevens):  # noqa: F811
    context, page = _pagina(browser, 1280)
    page.goto(f"{live_server.url}/activiteiten/")
    assert _past(page, ".zoeken__resultaten .tabel-wrapper")
    kop = page.get_by_role("columnheader", name="Vertraging (jaren)")
    vak = page.locator(".zoeken__resultaten .tabel-wrapper").bounding_box()
    assert kop.bounding_box()["x"] + kop.bounding_box()["width"] <= vak["x"] + vak["width"] + 1
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_at_375_px_the_filters_fold_and_the_rows_are_cards_with_every_figure(browser, live_server, gegevens, javascript):  # noqa: F811
    context, page = _pagina(browser, 375, java_script_enabled=javascript)
    page.goto(f"{live_server.url}/activiteiten/")
    eerste = page.locator(".zoeken__resultaten tbody th a").first
    if javascript:
        # folded: the first result is on the first screen, and the panel opens with its summary
        assert eerste.bounding_box()["y"] < 900
        page.get_by_text("Filteren", exact=True).click()
        assert page.get_by_role("checkbox", name="Afgerond").is_visible()
    else:
        # without JavaScript the panel stays open (every filter works) and a link skips to the results
        assert page.get_by_role("checkbox", name="Afgerond").is_visible()
        assert page.get_by_role("link", name="Naar de resultaten").count() == 1
    assert _past(page, ".zoeken__resultaten .tabel-wrapper")
    rij = page.locator(".zoeken__resultaten tbody tr").first
    assert rij.get_by_text("Vertraging (jaren)").is_visible()  # each figure with its label
    vak = rij.bounding_box()
    assert vak["x"] + vak["width"] <= 375
    context.close()


def test_at_375_px_chart_text_is_at_least_12_px(browser, live_server, gegevens):  # noqa: F811
    context, page = _pagina(browser, 375)
    page.goto(f"{live_server.url}/grafieken/")
    kleinste = page.eval_on_selector_all(".grafiek svg text", "ts => Math.min(...ts.map(t => t.getBoundingClientRect().height))")
    assert kleinste >= 12, kleinste
    context.close()
