"""A small published portfolio over two peildata (31-12-2023 and 31-12-2024) for the Jaarrapportage tests.

Built through the real services (activities, events, oordelen, afwijking, AcICT,
publication), with two exceptions that simulate history the services cannot
make today: one activity "started before the start gate existed" (a direct
status update, as in tests/oordelen/test_regels.py), and oordelen decided
"in the past" (their decision time moved back), because an oordeel decided
today lies after a 2024 peildatum.
"""

import datetime
from dataclasses import dataclass

import pytest

from cio_stelsel.rechten import Rol
from oordelen import services as oordelen_services
from oordelen.models import CioOordeel
from portfolio import services
from portfolio.models import ActiviteitVersie, Gebeurtenis, IctActiviteit, RedenHerijking, Soort, Status
from tests.factories import activiteit, bedragen, benoem

P2023 = datetime.date(2023, 12, 31)
P2024 = datetime.date(2024, 12, 31)
ASPECTEN = {
    "aanleiding": "Voor de start",
    "kwaliteitskader_versie": "Kwaliteitskader CIO-oordelen Rijksoverheid 2.1",
    "beheersing": "voldoende",
    "beheersing_toelichting": "Projectbeheersing op orde.",
    "haalbaarheid": "voldoende",
    "haalbaarheid_toelichting": "Haalbaar.",
    "risicos": "voldoende",
    "risicos_toelichting": "Risico's in beeld.",
    "implicaties": "voldoende",
    "implicaties_toelichting": "Geen bijzondere implicaties.",
}


@dataclass
class Portefeuille:
    basisregistratie: IctActiviteit  # BZK, started without oordeel, herijkt in 2024
    zaaksysteem: IctActiviteit  # BZK, new and started in 2024 with a positive oordeel
    mainframe: IctActiviteit  # BZK, negative oordeel + afwijking SG, AcICT advice 2024, afgerond 2024
    douane: IctActiviteit  # FIN, positive oordeel, a correction of its 2024 version
    klein: IctActiviteit  # FIN, below the threshold: never in the report
    versies_2024: list[ActiviteitVersie]


def oordeel(office, ciso, cio, act, uitkomst, op: datetime.datetime) -> CioOordeel:
    o = oordelen_services.oordeel_opstellen(actor=office, activiteit=act, gegevens=ASPECTEN)
    oordelen_services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO-maatregelen getoetst.")
    o = oordelen_services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst=uitkomst, motivering="Afgewogen oordeel.")
    CioOordeel.objects.filter(pk=o.pk).update(vastgesteld_op=op)  # decided in the past (see the module docstring)
    o.refresh_from_db()
    return o


def status(actor, act, nieuw, **extra):
    act.refresh_from_db()
    return services.status_wijzigen(actor=actor, activiteit=act, versie=act.versie, status=nieuw, **extra)


def gebeurtenis(actor, act, soort, datum, geschat, gerealiseerd, einddatum, **extra):
    act.refresh_from_db()
    return services.gebeurtenis_toevoegen(
        actor=actor,
        activiteit=act,
        versie=act.versie,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen(geschat, gerealiseerd),
        **extra,
    )


def publiceren(cio_rijk, per_ministerie: list[tuple], peildatum) -> list[ActiviteitVersie]:
    """[(office, cio, [activities])]: prepare, sign off and publish the versions of one peildatum."""
    gepubliceerd = []
    for office, cio, acts in per_ministerie:
        versies = [services.versie_voorbereiden(actor=office, activiteit=a, peildatum=peildatum) for a in acts]
        services.versies_aftekenen(actor=cio, ministerie=acts[0].ministerie, peildatum=peildatum, versies=versies)
        gepubliceerd += services.versies_publiceren(actor=cio_rijk, ministerie=acts[0].ministerie, peildatum=peildatum, versies=versies)
    return gepubliceerd


def bouw(*, office, cio, ciso, sg, cio_rijk, ministerie, office_fin, cio_fin, ciso_fin, fin) -> Portefeuille:
    tz = datetime.UTC
    # -- 2021-2023
    basis = activiteit(
        office,
        ministerie,
        naam="Vernieuwing basisregistratie",
        geschat=12_000_000,
        startdatum=datetime.date(2022, 1, 1),
        einddatum=datetime.date(2025, 12, 31),
    )
    mainframe = activiteit(
        office,
        ministerie,
        naam="Beheer mainframe",
        geschat=30_000_000,
        soort=Soort.BEHEER_EN_ONDERHOUD,
        startdatum=datetime.date(2021, 6, 1),
        einddatum=datetime.date(2024, 12, 31),
    )
    douane = activiteit(
        office_fin,
        fin,
        naam="Douane aangiftesysteem",
        geschat=40_000_000,
        startdatum=datetime.date(2023, 1, 1),
        einddatum=datetime.date(2026, 12, 31),
    )
    klein = activiteit(
        office_fin,
        fin,
        naam="Klein archiefproject",
        geschat=1_000_000,
        startdatum=datetime.date(2023, 1, 1),
        einddatum=datetime.date(2024, 6, 30),
    )
    # Started before the start gate existed (imported history): a direct update.
    IctActiviteit.objects.filter(pk=basis.pk).update(status=Status.IN_UITVOERING)
    negatief = oordeel(office, ciso, cio, mainframe, "negatief", datetime.datetime(2021, 5, 1, 10, tzinfo=tz))
    oordelen_services.afwijking_vastleggen(
        actor=sg,
        oordeel=negatief,
        door_rol="secretaris_generaal",
        datum=datetime.date(2021, 5, 20),
        motivering="De continuïteit van de dienstverlening weegt zwaarder; extra toezicht ingericht.",
    )
    status(office, mainframe, Status.IN_UITVOERING)
    oordeel(office_fin, ciso_fin, cio_fin, douane, "positief", datetime.datetime(2022, 12, 1, 10, tzinfo=tz))
    status(office_fin, douane, Status.IN_UITVOERING)
    gebeurtenis(
        office, basis, Gebeurtenis.Soort.RAPPORTAGE, datetime.date(2023, 12, 31), 12_000_000, 4_000_000, datetime.date(2025, 12, 31)
    )
    gebeurtenis(
        office_fin, douane, Gebeurtenis.Soort.RAPPORTAGE, datetime.date(2023, 12, 31), 40_000_000, 9_000_000, datetime.date(2026, 12, 31)
    )
    publiceren(cio_rijk, [(office, cio, [basis, mainframe]), (office_fin, cio_fin, [douane, klein])], P2023)

    # -- 2024
    reden = RedenHerijking.objects.order_by("volgorde", "naam").first()
    gebeurtenis(
        office,
        basis,
        Gebeurtenis.Soort.HERIJKING,
        datetime.date(2024, 5, 1),
        15_000_000,
        7_000_000,
        datetime.date(2026, 6, 30),
        redenen=[reden],
        toelichting_kosten="Scope uitgebreid met koppelingen naar gemeenten.",
    )
    zaak = activiteit(
        office,
        ministerie,
        naam="Nieuw zaaksysteem",
        geschat=20_000_000,
        startdatum=datetime.date(2024, 3, 1),
        einddatum=datetime.date(2027, 12, 31),
    )
    oordeel(office, ciso, cio, zaak, "positief", datetime.datetime(2024, 2, 15, 10, tzinfo=tz))
    status(office, zaak, Status.IN_UITVOERING)
    gebeurtenis(
        office, mainframe, Gebeurtenis.Soort.RAPPORTAGE, datetime.date(2024, 11, 1), 31_500_000, 31_000_000, datetime.date(2024, 10, 31)
    )
    status(office, mainframe, Status.AFGEROND, dechargedatum=datetime.date(2024, 11, 30))
    aanmelding = oordelen_services.aanmelding_opstellen(actor=office, activiteit=mainframe)
    aanmelding = oordelen_services.aanmelding_indienen(actor=cio, aanmelding=aanmelding, datum=datetime.date(2024, 2, 1))
    aanmelding = oordelen_services.collegebesluit_vastleggen(
        actor=office, aanmelding=aanmelding, toetsen=True, datum=datetime.date(2024, 3, 1)
    )
    aanmelding = oordelen_services.advies_vastleggen(
        actor=office,
        aanmelding=aanmelding,
        datum=datetime.date(2024, 6, 15),
        samenvatting="Het college adviseert de migratie te faseren.",
        aanbevelingen=["Faseer de migratie", "Borg de kennis van het beheer"],
        kamerstuk="26 643, nr. 1200",
    )
    eerste, tweede = aanmelding.aanbevelingen.all()
    oordelen_services.reactie_vaststellen(
        actor=cio,
        aanmelding=aanmelding,
        datum=datetime.date(2024, 8, 1),
        toelichting="De minister neemt het advies over.",
        reacties={eerste.pk: ("overgenomen", ""), tweede.pk: ("deels_overgenomen", "Kennisborging loopt al via het SSC.")},
    )
    gebeurtenis(
        office_fin, douane, Gebeurtenis.Soort.RAPPORTAGE, datetime.date(2024, 12, 31), 44_000_000, 20_000_000, datetime.date(2026, 12, 31)
    )
    versies = publiceren(cio_rijk, [(office, cio, [basis, zaak, mainframe]), (office_fin, cio_fin, [douane, klein])], P2024)
    # A published correction of the 2024 version of 'douane' (versie 2 supersedes versie 1): a report about the
    # peildatum entered late belongs in its version (issue 12) ...
    gebeurtenis(
        office_fin, douane, Gebeurtenis.Soort.RAPPORTAGE, datetime.date(2024, 12, 31), 45_000_000, 20_500_000, datetime.date(2026, 12, 31)
    )
    correctie = publiceren(cio_rijk, [(office_fin, cio_fin, [douane])], P2024)
    # ... and a concept version that is never published: never read.
    gebeurtenis(office, basis, Gebeurtenis.Soort.RAPPORTAGE, datetime.date(2025, 2, 1), 99_000_000, 8_000_000, datetime.date(2026, 6, 30))
    services.versie_voorbereiden(actor=office, activiteit=basis, peildatum=P2024)
    versies = [v for v in versies if v.activiteit_id != douane.pk] + correctie
    return Portefeuille(basis, zaak, mainframe, douane, klein, versies)


@pytest.fixture
def portefeuille(office, cio, ciso, sg, cio_rijk, ministerie, ander_ministerie, collega_ander_ministerie, cio_ander_ministerie):
    ciso_fin = benoem(Rol.DEPARTEMENTALE_CISO, ander_ministerie).persoon.user
    return bouw(
        office=office,
        cio=cio,
        ciso=ciso,
        sg=sg,
        cio_rijk=cio_rijk,
        ministerie=ministerie,
        office_fin=collega_ander_ministerie,
        cio_fin=cio_ander_ministerie,
        ciso_fin=ciso_fin,
        fin=ander_ministerie,
    )


@pytest.fixture
def werker(settings):
    """A real Celery worker in a thread, on the broker of the settings; tasks are not eager in this test."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    eager = app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.control.purge()  # messages left in a shared broker (Redis) by other tests
    try:
        with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
            yield app
    finally:
        app.conf.task_always_eager = eager
