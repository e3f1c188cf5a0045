"""Issue 20, finding 2: a deeply nested JSON body is a 400 problem+json on every write endpoint, never a 500."""

import pytest

from cio_stelsel.api.parsers import BegrensdeJSONParser, diepte
from portfolio.models import IctActiviteit
from tests.api.conftest import api
from tests.api.test_fouten import probleem

DIEP = '{"a":' * 5000 + "1" + "}" * 5000


def _schrijfadressen(a):
    n = a.nummer
    return [
        ("post", "/api/v1/activiteiten/"),
        ("patch", f"/api/v1/activiteiten/{n}/"),
        ("post", f"/api/v1/activiteiten/{n}/gebeurtenissen/"),
        ("post", f"/api/v1/activiteiten/{n}/gebeurtenissen/correctie/"),
        ("patch", f"/api/v1/activiteiten/{n}/baseline/"),
        ("post", f"/api/v1/activiteiten/{n}/status/"),
        ("post", f"/api/v1/activiteiten/{n}/mijlpalen/"),
        ("post", f"/api/v1/activiteiten/{n}/kamerstukken/"),
        ("post", "/api/v1/versies/voorbereiden/"),
        ("post", "/api/v1/versies/aftekenen/"),
        ("post", "/api/v1/versies/publiceren/"),
    ]


def test_issue20_2_deep_json_is_a_400_problem_on_every_write_endpoint(office, eigen_activiteit):
    c = api(office)
    for methode, adres in _schrijfadressen(eigen_activiteit):
        r = c.generic(methode.upper(), adres, DIEP, content_type="application/json")
        body = probleem(r, 400)
        assert "te diep genest" in body["detail"], (adres, body)
    eigen_activiteit.refresh_from_db()
    assert eigen_activiteit.versie == 1 and IctActiviteit.objects.count() == 1


def test_issue20_2_deep_array_too(office, eigen_activiteit):
    r = api(office).generic("PATCH", f"/api/v1/activiteiten/{eigen_activiteit.nummer}/", "[" * 100000, content_type="application/json")
    probleem(r, 400)


def test_issue20_2_the_limit_is_a_setting(office, eigen_activiteit, settings):
    settings.API_JSON_MAX_DIEPTE = 3
    c = api(office)
    adres = f"/api/v1/activiteiten/{eigen_activiteit.nummer}/"
    assert (
        "hoogstens 3"
        in probleem(c.generic("PATCH", adres, '{"naam": [[[["x"]]]], "versie": 1}', content_type="application/json"), 400)["detail"]
    )
    # Depth within the limit: parsed, then validated as usual.
    r = c.generic("PATCH", adres, '{"naam": "Nieuwe naam", "versie": 1}', content_type="application/json")
    assert r.status_code == 200, r.json()


def test_issue20_2_depth_ignores_brackets_in_strings():
    assert diepte('{"a": "[[[[{{{{", "b": [1, {"c": "\\"]"}]}') == 3
    assert diepte("[]") == 1 and diepte("1") == 0


@pytest.mark.parametrize("tekst", ['"' + '\\"' * 200000, "[" * 50 + '"open'])
def test_issue20_2_malformed_bodies_are_parse_errors(tekst):
    import io

    from rest_framework.exceptions import ParseError

    with pytest.raises(ParseError):
        BegrensdeJSONParser().parse(io.BytesIO(tekst.encode()), "application/json", {})
