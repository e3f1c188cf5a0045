"""The API documentation (issue 18): an ordinary page of the site, rendered from openapi.yaml, at 0 axe violations at
1280 and 375 px (Swagger UI had 5 kinds of violation), with a try-out of every GET operation that works without
JavaScript and ends at the operation's own JSON answer."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from config import api_docs
from tests.browser.test_toegankelijkheid import WCAG

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("breedte", [1280, 375])
def test_the_api_documentation_has_no_axe_violations(browser, live_server, breedte):
    context = browser.new_context(locale="nl-NL", viewport={"width": breedte, "height": 900})
    page = context.new_page()
    schendingen = []
    page.on("console", lambda m: schendingen.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("CIO-stelsel API")
    resultaat = Axe().run(page, options=WCAG)
    assert resultaat.violations_count == 0, resultaat.generate_report()
    assert schendingen == []
    context.close()


def test_every_operation_of_the_contract_is_documented(client, db):
    html = client.get("/api/v1/docs/").content.decode()
    for pad, item in api_docs.contract()["paths"].items():
        for methode in api_docs.METHODEN:
            if methode in item:
                assert f'id="op-{item[methode]["operationId"]}"' in html, (methode, pad)


def test_the_try_out_of_a_get_operation_ends_at_its_json_answer_without_javascript(browser, live_server):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/api/v1/docs/")
    formulier = page.locator("form.api-probeer").filter(has=page.locator('input[name="pad"][value="/api/v1/publiek/peildata/"]'))
    formulier.get_by_role("button", name="Versturen").click()
    assert page.url == f"{live_server.url}/api/v1/publiek/peildata/"
    assert isinstance(json.loads(page.locator("body").inner_text()), dict | list)
    context.close()


def test_the_try_out_fills_in_path_parameters_and_never_leaves_the_contract(client, db):
    r = client.get("/api/v1/docs/probeer/", {"pad": "/api/v1/publiek/activiteiten/{nummer}/", "nummer": "123"})
    assert r.status_code == 302 and r["Location"] == "/api/v1/publiek/activiteiten/123/"
    r = client.get("/api/v1/docs/probeer/", {"pad": "/api/v1/publiek/activiteiten/", "q": "zaak", "status": ["afgerond", ""]})
    assert r["Location"] == "/api/v1/publiek/activiteiten/?q=zaak&status=afgerond"
    assert client.get("/api/v1/docs/probeer/", {"pad": "https://evil.example/"}).status_code == 400
    assert client.get("/api/v1/docs/probeer/", {"pad": "/api/v1/publiek/activiteiten/{nummer}/"}).status_code == 400
