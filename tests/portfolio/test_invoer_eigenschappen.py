"""Issue 20, property-based: over generated dates, amounts and strings the event input never answers 500,
and a refused input saves nothing (the API, the form and the rules of portfolio/invoerregels.py)."""

import datetime
import string
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cio_stelsel.audit import AuditRecord
from portfolio import invoerregels
from portfolio.models import Gebeurtenis
from tests.api.conftest import api
from tests.factories import activiteit
from tests.portfolio.test_paginas import formulier

BEDRAGVELDEN = [
    f"{s}_{c}"
    for s in ("geschat", "gerealiseerd")
    for c in ("intern_personeel", "extern_personeel", "overig_materieel", "uitbesteed_werk", "overige_kosten")
]

INSTELLINGEN = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

datums = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(min_value=datetime.date(1999, 1, 1), max_value=datetime.date(2060, 12, 31)).map(lambda d: d.isoformat()),
    st.text(max_size=12),
)
bedragen = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(min_value=-10, max_value=Decimal("3000000000000"), places=2).map(str),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=string.digits + ".,-+e٣٤٥١２ ", max_size=20),
    st.text(max_size=10),
)
invoer = st.fixed_dictionaries(
    {"datum": datums, "einddatum": st.one_of(st.none(), datums)},
    optional={veld: bedragen for veld in BEDRAGVELDEN},
)


@pytest.fixture
def a(office, ministerie):
    return activiteit(office, ministerie, naam="Eigenschappen", geschat=12_000_000)


@pytest.fixture
def klant(office):
    return api(office)  # one token: making one is audited too


def _stand(a):
    return Gebeurtenis.objects.filter(activiteit=a).count(), AuditRecord.objects.count()


@INSTELLINGEN
@given(gegevens=invoer)
def test_issue20_api_event_input_never_500_and_refused_saves_nothing(klant, a, gegevens):
    a.refresh_from_db()
    voor = _stand(a)
    r = klant.post(
        f"/api/v1/activiteiten/{a.nummer}/gebeurtenissen/", {"versie": a.versie, "soort": "rapportage", **gegevens}, format="json"
    )
    assert r.status_code in (201, 400), (r.status_code, gegevens, r.content[:300])
    if r.status_code == 400:
        assert _stand(a) == voor
    else:
        g = Gebeurtenis.objects.get(pk=r.json()["id"])
        assert g.datum <= invoerregels.vandaag() and g.datum >= invoerregels.MIN_DATUM
        assert all(Decimal(0) <= getattr(g, v) <= invoerregels.MAX_BEDRAG for v in BEDRAGVELDEN)
        assert all(not getattr(g, v).is_signed() for v in BEDRAGVELDEN)


tekstbedragen = st.one_of(bedragen.map(str), st.text(max_size=16))


@INSTELLINGEN
@given(datum=datums, einddatum=datums, bedrag=tekstbedragen, gerealiseerd=tekstbedragen)
def test_issue20_form_event_input_never_500_and_refused_saves_nothing(office, a, login, datum, einddatum, bedrag, gerealiseerd):
    client = login(office)
    url = reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=rapportage"
    data = formulier(client.get(url))
    voor = _stand(a)
    data.update({"datum": datum, "einddatum": einddatum, "geschat_uitbesteed_werk": bedrag, "gerealiseerd_uitbesteed_werk": gerealiseerd})
    response = client.post(url, data)
    assert response.status_code in (200, 302, 409)
    if response.status_code != 302:
        assert _stand(a) == voor


@given(tekst=st.text(max_size=30))
def test_issue20_bedrag_uit_tekst_is_ascii_and_finite(tekst):
    try:
        d = invoerregels.bedrag_uit_tekst(tekst)
    except ValueError:
        return
    assert d.is_finite() and not (d.is_zero() and d.is_signed())
    assert all(c in "+-.0123456789 \t\n\r\x0b\x0c" or c.isspace() for c in tekst)


@given(d=st.dates())
def test_issue20_peildatum_rule_is_the_quarter_calendar(d):
    fouten = invoerregels.peildatum_fouten(d)
    goed = (d.month, d.day) in {(3, 31), (6, 30), (9, 30), (12, 31)} and invoerregels.MIN_DATUM <= d <= invoerregels.vandaag()
    assert (fouten == []) is goed
