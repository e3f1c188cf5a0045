"""The cached public pages renew when data they read live changes without a publication.

Next to the frozen published versions the public pages, the open-data files
and the public API read a few tables live (``portfolio.publicatiecache.PUBLIEKE_STAMDATA``):
the threshold (Rapportagemodel), a ministerie's naam, afkorting and code, and
the order of the reasons for a herijking. Saving or deleting such a row, by a
service, the admin or the shell, bumps the publication generation after the
commit, so the next anonymous visitor sees the change: not the stored page,
not the memoised figures and not a 304 for an old ETag.

Each test first shows that the page is served from the cache, then changes
the data the way it is changed in practice, then reads the page again.
"""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from cio_stelsel import services as stelsel_services
from portfolio.models import Rapportagemodel, RedenHerijking
from tests.conftest import ingelogd
from tests.dashboard.publiek import P2025

pytestmark = pytest.mark.django_db

BEHEER = "Beheer en onderhoud MijnOverheid"  # 9 mln in the 2025 stand (after its correction)
NIEUWE_NAAM = "Ministerie van Binnenlandse Zaken en Digitalisering"


def _gecachet(client, pad: str, **params):
    """GET ``pad`` twice as an anonymous visitor; the second answer must come from the page cache."""
    eerste = client.get(pad, params)
    assert eerste.status_code == 200 and eerste["X-Cache"] == "miss"
    tweede = client.get(pad, params)
    assert tweede["X-Cache"] == "hit"
    return tweede


def _hernoemen(ministerie, beheerder, **velden):
    for veld, waarde in velden.items():
        setattr(ministerie, veld, waarde)
    return stelsel_services.organisatie_opslaan(actor=beheerder, obj=ministerie, reden="Naamswijziging")


def _reden_herijking(response, nummer: int) -> str:
    return next(r for r in json.loads(response.content)["activiteiten"] if r["Nummer"] == nummer)["Reden herijking"]


# --------------------------------------------------------------------------
# The threshold (Rapportagemodel, B13/B15)


def test_drempelwijziging_vernieuwt_publieke_paginas(client, publiek, django_capture_on_commit_callbacks):
    assert BEHEER in _gecachet(client, "/activiteiten/").content.decode()
    # A change outside the services (the shell, a data fix): the signal renews the pages all the same. (The
    # service refuses a threshold for a published peildatum, see tests/portfolio/test_rapportagemodel.py;
    # here the point is that any saved row renews what is public.)
    with django_capture_on_commit_callbacks(execute=True):
        Rapportagemodel.objects.create(geldig_vanaf=datetime.date(2025, 1, 1), drempel_eur=10_000_000)
    response = client.get("/activiteiten/")
    assert response["X-Cache"] == "miss"
    assert BEHEER not in response.content.decode()  # 9 mln < 10 mln
    assert "Nieuw belastingsysteem" in response.content.decode()

    # Lowering the threshold again (a change of the same row) renews the pages as well.
    _gecachet(client, "/")
    model = Rapportagemodel.objects.get(geldig_vanaf=datetime.date(2025, 1, 1))
    model.drempel_eur = 8_000_000
    with django_capture_on_commit_callbacks(execute=True):
        model.save()
    assert BEHEER in client.get("/activiteiten/").content.decode()
    assert client.get("/")["X-Cache"] == "miss"


def test_verwijderde_drempel_vernieuwt_publieke_paginas(client, publiek, django_capture_on_commit_callbacks):
    model = Rapportagemodel.objects.create(geldig_vanaf=datetime.date(2025, 1, 1), drempel_eur=10_000_000)
    assert BEHEER not in _gecachet(client, "/activiteiten/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        model.delete()
    response = client.get("/activiteiten/")
    assert response["X-Cache"] == "miss"
    assert BEHEER in response.content.decode()  # the default threshold of 5 mln again


# --------------------------------------------------------------------------
# The ministerie (naam, afkorting, code of every public row)


def test_hernoemd_ministerie_verschijnt_direct_op_dashboard(client, publiek, ministerie, beheerder, django_capture_on_commit_callbacks):
    # The home page and the list of ministeries show the name from the (memoised) public rows, the
    # ministerie's own page from the ministerie, the activity list in its facet ("Binnenlandse Zaken en ...").
    paden = ["/", "/ministeries/", f"/ministeries/{ministerie.code}/", "/activiteiten/"]
    for pad in paden:
        assert "Digitalisering" not in _gecachet(client, pad).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        _hernoemen(ministerie, beheerder, naam=NIEUWE_NAAM)
    for pad in paden:
        response = client.get(pad)
        assert response["X-Cache"] == "miss", pad
        assert "Binnenlandse Zaken en Digitalisering" in response.content.decode(), pad


def test_ministerie_gewijzigd_in_beheer_verschijnt_direct_op_dashboard(client, publiek, ministerie, django_capture_on_commit_callbacks):
    activiteitpagina = f"/activiteiten/{publiek.basisregistratie.nummer}/"
    assert 'href="/ministeries/bzk/' in _gecachet(client, activiteitpagina).content.decode()
    assert 'href="/ministeries/bzk/' in _gecachet(client, "/ministeries/").content.decode()
    beheerder = get_user_model().objects.create_superuser("functioneel-beheer", "beheer@example.org", "x")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = ingelogd(beheerder).post(
            f"/beheer/cio_stelsel/ministerie/{ministerie.pk}/change/",
            {"naam": NIEUWE_NAAM, "afkorting": "BZKD", "code": "bzkd", "geldig_van": "1900-01-01", "geldig_tot": ""},
        )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    ministerie.refresh_from_db()
    assert ministerie.code == "bzkd"

    response = client.get(activiteitpagina)
    assert response["X-Cache"] == "miss"
    assert 'href="/ministeries/bzkd/' in response.content.decode()
    lijst = client.get("/ministeries/")
    assert lijst["X-Cache"] == "miss"
    assert "/ministeries/bzkd/" in lijst.content.decode() and NIEUWE_NAAM in lijst.content.decode()
    assert client.get("/ministeries/bzk/").status_code == 404
    assert NIEUWE_NAAM in client.get("/ministeries/bzkd/").content.decode()


def test_publieke_api_geeft_geen_304_meer_na_hernoemd_ministerie(
    client, publiek, ministerie, beheerder, django_capture_on_commit_callbacks
):
    pad = "/api/v1/publiek/ministeries/"
    etag = client.get(pad)["ETag"]
    assert client.get(pad, headers={"If-None-Match": etag}).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        _hernoemen(ministerie, beheerder, naam=NIEUWE_NAAM)
    response = client.get(pad, headers={"If-None-Match": etag})
    assert response.status_code == 200 and response["ETag"] != etag
    assert NIEUWE_NAAM in {m["naam"] for m in response.json()["ministeries"]}


def test_teruggedraaide_wijziging_vernieuwt_niets(client, publiek, ministerie, beheerder, django_capture_on_commit_callbacks):
    class Afgebroken(Exception):
        pass

    _gecachet(client, "/ministeries/")
    with django_capture_on_commit_callbacks(execute=True) as na_commit:
        with pytest.raises(Afgebroken), transaction.atomic():
            _hernoemen(ministerie, beheerder, naam=NIEUWE_NAAM)
            raise Afgebroken
    assert na_commit == []
    assert client.get("/ministeries/")["X-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_hernoemd_ministerie_verschijnt_na_een_echte_commit(client, publiek, ministerie, beheerder):
    """Without the test's surrounding transaction: the renewal runs on the real commit of the service."""
    _gecachet(client, "/ministeries/")
    _hernoemen(ministerie, beheerder, naam=NIEUWE_NAAM)
    response = client.get("/ministeries/")
    assert response["X-Cache"] == "miss"
    assert NIEUWE_NAAM in response.content.decode()


# --------------------------------------------------------------------------
# The reasons for a herijking (their order in the open-data column)


def test_gewijzigde_volgorde_redenen_vernieuwt_open_data(client, publiek, django_capture_on_commit_callbacks):
    pad = "/open-data/activiteiten.json"
    nummer = publiek.basisregistratie.nummer
    bewaard = _gecachet(client, pad, peildatum=P2025.isoformat())
    assert _reden_herijking(bewaard, nummer) == "Wetswijziging; Tegenvallers binnen project"
    etag = bewaard["ETag"]
    tegenvallers = RedenHerijking.objects.get(naam="Tegenvallers binnen project")
    tegenvallers.volgorde = 0
    with django_capture_on_commit_callbacks(execute=True):
        tegenvallers.save()
    response = client.get(pad, {"peildatum": P2025.isoformat()}, headers={"If-None-Match": etag})
    assert response.status_code == 200 and response["X-Cache"] == "miss"
    assert response["ETag"] != etag
    assert _reden_herijking(response, nummer) == "Tegenvallers binnen project; Wetswijziging"
