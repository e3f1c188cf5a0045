"""The API documentation (Swagger UI) renders in a real browser under the strict CSP, from the app's own files."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_swagger_ui_renders_without_csp_violations_or_outside_requests(page, live_server):
    schendingen, buiten = [], []
    page.on("console", lambda m: schendingen.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda r: buiten.append(r.url) if not r.url.startswith((live_server.url, "data:", "blob:")) else None)
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("CIO-stelsel API")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    expect(page.get_by_text("/api/v1/publiek/activiteiten/", exact=True).first).to_be_visible()
    assert schendingen == []
    assert buiten == []
