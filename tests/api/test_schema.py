"""The committed OpenAPI contract is what the code generates, and the documentation page works under our CSP."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

SCHEMA = Path(settings.BASE_DIR) / "openapi.yaml"


def test_committed_schema_is_current(tmp_path):
    nieuw = tmp_path / "openapi.yaml"
    call_command("spectacular", "--lang", "nl", "--file", str(nieuw), "--validate", "--fail-on-warn")
    assert SCHEMA.exists(), "openapi.yaml ontbreekt: draai 'make schema' en commit het bestand."
    assert nieuw.read_text() == SCHEMA.read_text(), (
        "openapi.yaml wijkt af van wat de code genereert: draai 'make schema' en commit het bestand."
    )


def test_schema_is_served_and_documents_tokens_and_problem_json():
    r = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert r.status_code == 200
    schema = r.json()
    assert schema["components"]["securitySchemes"]["apiToken"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": schema["components"]["securitySchemes"]["apiToken"]["description"],
    }
    fout = schema["paths"]["/api/v1/activiteiten/"]["get"]["responses"]["401"]
    assert list(fout["content"]) == ["application/problem+json"]
    assert schema["paths"]["/api/v1/publiek/activiteiten/"]["get"]["security"] == [{}]


def test_docs_page_is_served_from_the_app_without_inline_script_or_cdn(db):
    """The documentation is a page of the site (config/api_docs.py): no inline script or style, nothing from elsewhere."""
    client = Client()
    r = client.get("/api/v1/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    csp = r["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "script-src 'self'" in csp
    assert "<script>" not in html and "<style>" not in html and "style=" not in html
    assert "cdn" not in html.lower()
    bronnen = [regel.split('"')[1] for regel in html.split() if regel.startswith(("src=", "href="))]
    assert any(b.startswith("/static/css/") for b in bronnen)
    for bron in bronnen:
        if bron.startswith("/") and not bron.startswith("/api/v1/"):
            assert client.get(bron).status_code in (200, 302), bron
