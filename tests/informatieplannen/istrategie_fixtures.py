"""Fixtures of the I-strategie tests: a strategy with an action of BZK, one of the CIO-beraad, and commitments."""

import datetime

import pytest
from django.utils import timezone

from cio_stelsel.models import Overlegorgaan
from informatieplannen import istrategie
from informatieplannen.models import Actie, IStrategie, Maatregel, Speerpunt, Thema

GEHEIM = "Interne voortgang: wacht op de aanbesteding"


@pytest.fixture
def vandaag():
    return timezone.localdate()


@pytest.fixture
def strategie(db):
    s = IStrategie.objects.create(titel="I-strategie Rijk 2021-2025", periode_van=2021, periode_tot=2025)
    thema = Thema.objects.create(strategie=s, naam="Digitale weerbaarheid")
    sp = Speerpunt.objects.create(thema=thema, naam="Informatiebeveiliging op orde")
    Maatregel.objects.create(speerpunt=sp, omschrijving="Versnellingsmaatregelen digitale weerbaarheid")
    return s


@pytest.fixture
def maatregel(strategie):
    return Maatregel.objects.get()


@pytest.fixture
def actie_bzk(maatregel, ministerie, vandaag):
    """Overdue: its date has passed and it is not afgerond."""
    return Actie.objects.create(
        maatregel=maatregel,
        omschrijving="Pentesten op alle DigiD-koppelingen",
        houder_ministerie=ministerie,
        termijn=vandaag - datetime.timedelta(days=30),
    )


@pytest.fixture
def actie_beraad(maatregel, vandaag):
    beraad = Overlegorgaan.objects.get_or_create(soort=Overlegorgaan.Soort.CIO_BERAAD)[0]
    return Actie.objects.create(
        maatregel=maatregel,
        omschrijving="Handvest CIO-beraad herzien",
        houder_overlegorgaan=beraad,
        termijn=vandaag + datetime.timedelta(days=300),
    )


@pytest.fixture
def toezegging_bzk(cio_rijk, ministerie, vandaag):
    """Open and past its date: overdue."""
    return istrategie.toezegging_registreren(
        actor=cio_rijk,
        gegevens={
            "soort": "toezegging",
            "nummer": "TZ202501-151",
            "tekst": "De Kamer informeren over de IDO's",
            "datum": datetime.date(2025, 1, 15),
            "ministerie": ministerie,
            "termijn": vandaag - datetime.timedelta(days=10),
        },
    )


@pytest.fixture
def motie_fin(cio_rijk, ander_ministerie, vandaag):
    return istrategie.toezegging_registreren(
        actor=cio_rijk,
        gegevens={
            "soort": "motie",
            "nummer": "26 643, nr. 1200",
            "tekst": "Verzoekt de regering de cloudstrategie te herzien",
            "datum": datetime.date(2025, 3, 1),
            "ministerie": ander_ministerie,
            "termijn": vandaag + datetime.timedelta(days=100),
        },
    )
