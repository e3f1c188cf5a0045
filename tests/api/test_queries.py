"""The number of queries of every list endpoint does not grow with the number of rows (3 vs 30)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oordelen import services as oordeel_services
from portfolio import services
from tests.api.conftest import PEILDATUM, api
from tests.api.test_rechten import ASPECTEN
from tests.factories import activiteit

pytestmark = pytest.mark.django_db

LIJSTEN = [
    "/api/v1/activiteiten/",
    "/api/v1/activiteiten/?ordering=-actueel_totaal&status=nog_niet_gestart",
    "/api/v1/versies/",
    "/api/v1/oordelen/",
    "/api/v1/aanmeldingen/",
    "/api/v1/publiek/activiteiten/",
    "/api/v1/publiek/activiteiten/?ordering=-actueel&soort=vernieuwing",
    "/api/v1/publiek/kerncijfers/",
    "/api/v1/publiek/ministeries/",
]


def vul(n, office, ciso, cio, cio_rijk, ministerie, start=0):
    for i in range(start, start + n):
        a = activiteit(office, ministerie, naam=f"Activiteit {i:03d}", geschat=6_000_000 + i)
        services.versie_voorbereiden(actor=office, activiteit=a, peildatum=PEILDATUM)
        o = oordeel_services.oordeel_opstellen(actor=office, activiteit=a, gegevens=ASPECTEN)
        oordeel_services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
        oordeel_services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="positief", motivering="Goed.")
        oordeel_services.aanmelding_opstellen(actor=office, activiteit=a)
    services.versies_aftekenen(actor=cio, ministerie=ministerie, peildatum=PEILDATUM)
    services.versies_publiceren(actor=cio_rijk, ministerie=ministerie, peildatum=PEILDATUM)


def tel(client, pad) -> int:
    client.get(pad)  # warm up: records the token's last use
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(pad)
    assert r.status_code == 200, r.content[:300]
    return len(ctx.captured_queries)


def test_list_endpoints_use_a_constant_number_of_queries(office, ciso, cio, cio_rijk, ministerie):
    clients = {"office": api(office), "cio_rijk": api(cio_rijk)}
    vul(3, office, ciso, cio, cio_rijk, ministerie)
    weinig = {(wie, pad): tel(c, pad) for wie, c in clients.items() for pad in LIJSTEN}
    vul(27, office, ciso, cio, cio_rijk, ministerie, start=3)
    assert api(office).get("/api/v1/activiteiten/").json()["count"] == 30
    assert api().get("/api/v1/publiek/activiteiten/").json()["count"] == 30
    veel = {(wie, pad): tel(c, pad) for wie, c in clients.items() for pad in LIJSTEN}
    assert veel == weinig
    assert max(veel.values()) <= 12, veel
