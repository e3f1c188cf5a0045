"""The API documentation at /api/v1/docs/: server-rendered from the committed OpenAPI contract, with a try-out.

Swagger UI was the only page of the application with axe violations (colour contrast,
nested interactive elements, no lang, heading order, regions: issue 18), and it needs
JavaScript. This page is an ordinary page of the site: the same layout, headings and
tables as the rest, readable without JavaScript and at 375 px. It is rendered from
``openapi.yaml`` (``make schema``; a test keeps it equal to what the code generates),
so it documents exactly the contract. Every GET operation has a form to try it: the
form goes to ``probeer``, which fills in the path parameters and redirects to the
API's own address, where the answer is the API's JSON (public operations without
log-in; the others with the visitor's session, as the API allows). Operations that
change data are documented with their request body and an example ``curl`` command
with a personal API token; they are not sent from this page.
"""

import functools
from pathlib import Path
from urllib.parse import quote, urlencode

import yaml
from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

CONTRACT = Path(settings.BASE_DIR) / "openapi.yaml"
METHODEN = ("get", "post", "put", "patch", "delete")


@functools.lru_cache(maxsize=1)
def _contract(_mtime: float) -> dict:
    with CONTRACT.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def contract() -> dict:
    """The OpenAPI contract (read again when the file changed)."""
    return _contract(CONTRACT.stat().st_mtime)


def _type(schema: dict) -> str:
    if not schema:
        return ""
    if schema.get("type") == "array":
        return _("lijst van %(t)s") % {"t": _type(schema.get("items", {}))}
    return schema.get("format") or schema.get("type") or schema.get("$ref", "").rsplit("/", 1)[-1]


def _parameter(p: dict) -> dict:
    schema = p.get("schema", {})
    keuzes = schema.get("enum") or schema.get("items", {}).get("enum") or []
    return {
        "naam": p["name"],
        "in": p["in"],
        "verplicht": p.get("required", False) or p["in"] == "path",
        "type": _type(schema),
        "omschrijving": p.get("description", ""),
        "keuzes": keuzes,
        "herhaalbaar": schema.get("type") == "array",
    }


def operaties() -> list[dict]:
    """The operations of the contract grouped by tag: [{"tag", "operaties": [...]}], in the contract's order."""
    groepen: dict[str, list] = {}
    for pad, item in contract()["paths"].items():
        for methode in METHODEN:
            op = item.get(methode)
            if not op:
                continue
            parameters = [_parameter(p) for p in item.get("parameters", []) + op.get("parameters", [])]
            lichaam = op.get("requestBody", {}).get("content", {})
            groepen.setdefault((op.get("tags") or ["overig"])[0], []).append(
                {
                    "id": op["operationId"],
                    "methode": methode.upper(),
                    "pad": pad,
                    "samenvatting": op.get("summary", ""),
                    "omschrijving": op.get("description", ""),
                    "parameters": parameters,
                    "pad_parameters": [p for p in parameters if p["in"] == "path"],
                    "query_parameters": [p for p in parameters if p["in"] == "query"],
                    "lichaam": _type(next(iter(lichaam.values()), {}).get("schema", {})) if lichaam else "",
                    "antwoorden": [(code, a.get("description", "")) for code, a in op.get("responses", {}).items()],
                    "openbaar": not op.get("security") or {} in op.get("security", []),
                }
            )
    return [{"tag": tag, "operaties": ops} for tag, ops in groepen.items()]


def docs(request):
    info = contract()["info"]
    return render(request, "api/docs.html", {"info": info, "groepen": operaties(), "basis": request.build_absolute_uri("/")[:-1]})


@require_GET
def probeer(request):
    """The address of a GET operation with the form's values: path parameters filled in, the rest as query."""
    pad = request.GET.get("pad", "")
    item = contract()["paths"].get(pad, {})
    op = item.get("get")
    if not op:  # only the contract's own GET operations: this never redirects elsewhere
        return HttpResponseBadRequest(_("Onbekende operatie: %(pad)s") % {"pad": pad}, content_type="text/plain; charset=utf-8")
    parameters = [_parameter(p) for p in item.get("parameters", []) + op.get("parameters", [])]
    adres = pad
    for p in parameters:
        if p["in"] == "path":
            waarde = request.GET.get(p["naam"], "").strip()
            if not waarde:
                return HttpResponseBadRequest(
                    _("Vul de padparameter '%(naam)s' in.") % {"naam": p["naam"]}, content_type="text/plain; charset=utf-8"
                )
            adres = adres.replace("{" + p["naam"] + "}", quote(waarde, safe=""))
    query = [(p["naam"], w) for p in parameters if p["in"] == "query" for w in request.GET.getlist(p["naam"]) if w.strip()]
    return HttpResponseRedirect(adres + (f"?{urlencode(query)}" if query else ""))
