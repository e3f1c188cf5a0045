"""The import in batches (portfolio/uitwisseling/bulk.py): the services' rules and audit records, a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.test.utils import CaptureQueriesContext

from cio_stelsel.models import AuditRecord
from portfolio import models, uitwisseling
from portfolio.models import ActiviteitHistorie, IctActiviteit
from portfolio.uitwisseling import bulk
from tests.portfolio.test_uitwisseling import als_bestand, eigen_export, kolom, portfolio, zet, zet_bedrag

pytestmark = pytest.mark.django_db

D = datetime.date
u = uitwisseling
GEZET_DOOR_DE_DATABASE = {"id", "activiteit", "aangemaakt_op", "gewijzigd_op", "vastgelegd_op", "tijdstip"}


@pytest.fixture(autouse=True)
def zonder_startpoort(monkeypatch):
    """The start gate of art 5.3 (oordelen) is tested there; here a start needs no CIO-oordeel."""
    from portfolio import services

    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])


def _gelijk_te_stellen(waarde):
    """An audit value without what differs between two runs anyway: primary keys and timestamps."""
    if isinstance(waarde, dict):
        return {k: ("*" if k in GEZET_DOOR_DE_DATABASE else _gelijk_te_stellen(v)) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [w.split(":")[0] if isinstance(w, str) and ":" in w else _gelijk_te_stellen(w) for w in waarde]
    return waarde


def _records(sinds: int) -> list[tuple]:
    return [
        (r.actie, r.object_type, r.object_weergave, r.actor_id, r.actor_naam, r.ministerie_id, r.dienstonderdeel_id, r.reden)
        + (_gelijk_te_stellen(r.voor), _gelijk_te_stellen(r.na))
        for r in AuditRecord.objects.filter(pk__gt=sinds).order_by("pk")
    ]


def _stand():
    return (
        sorted(IctActiviteit.objects.values_list("nummer", "versie", "status", "naam", "dechargedatum", "annuleringsdatum")),
        sorted(ActiviteitHistorie.objects.values_list("activiteit__nummer", "veld", "oud", "nieuw", "geldig_vanaf")),
    )


def _importeren_en_terugdraaien(bestand, actor, monkeypatch, *, per_aanroep: bool):
    """Import ``bestand`` (in bulk, or with every row through the services), note what it wrote, then roll it back."""
    with monkeypatch.context() as m:
        if per_aanroep:
            m.setattr(bulk, "IN_BULK", set())  # every row as a 'los' row: one service call per step, as before bulk.py
        sinds = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with transaction.atomic():
            resultaat = u.importeren(bestand, actor, bestandsnaam="bestand.xlsx")
            uit = (
                resultaat.uitgevoerd,
                [(f.rij, f.kolom, f.reden) for f in resultaat.fouten],
                _records(sinds),
                _stand(),
                eigen_export(actor),
            )
            transaction.set_rollback(True)
    return uit


def test_a_round_trip_into_an_empty_database_writes_the_same_records_in_bulk_as_through_the_services(
    office, ministerie, dienstonderdeel, monkeypatch
):
    portfolio(office, ministerie, dienstonderdeel)  # lists, an organisation, herijkingen in the middle, every end status
    rijen = eigen_export(office)
    bestand = als_bestand(rijen, "xlsx")
    IctActiviteit.objects.all().delete()

    per_aanroep = _importeren_en_terugdraaien(bestand, office, monkeypatch, per_aanroep=True)
    in_bulk = _importeren_en_terugdraaien(bestand, office, monkeypatch, per_aanroep=False)

    assert per_aanroep[0] and per_aanroep[1] == []
    assert in_bulk[4] == rijen == per_aanroep[4]
    assert in_bulk[2] == per_aanroep[2]  # every audit record: actie, object, scope, actor, reden, voor and na
    assert in_bulk[3] == per_aanroep[3]  # versions, statuses and the history of status, name and organisation
    acties = [r[0] for r in in_bulk[2]]
    assert acties.count("activiteit.aangemaakt") == 4 and acties[-1] == "import.uitgevoerd"
    assert {"gebeurtenis.herijking", "gebeurtenis.rapportage", "activiteit.gewijzigd", "activiteit.status"} <= set(acties)


def test_changes_of_existing_activities_write_the_same_records_in_bulk_as_through_the_services(
    office, ministerie, dienstonderdeel, ander_ministerie, monkeypatch
):
    a1, a2, a3, a4 = portfolio(office, ministerie, dienstonderdeel)
    rijen = {kolom(r, "Nummer"): r for r in eigen_export(office)}
    r1 = zet(zet(rijen[a1.nummer], "ICT-activiteit", "Nieuwe naam"), "Ontwikkelpartijen", "Logius (BZK) (); Tester BV (testen)")
    r1 = zet(zet(r1, "Dienstonderdeel", None), "Status", "In uitvoering")  # name and organisation change, a partij replaced
    r1 = zet_bedrag(zet(r1, "Peildatum actueel", D(2025, 1, 31)), "Uitbesteed werk actueel (EUR)", Decimal("12500000.00"))
    r4 = zet_bedrag(zet(rijen[a4.nummer], "Peildatum actueel", D(2025, 12, 31)), "Uitbesteed werk actueel (EUR)", Decimal("140000000.00"))
    r4 = zet(zet(r4, "Reden herijking", "Wetswijziging"), "Toelichting wijziging kosten", "Nieuwe wet.")
    r4 = zet(zet(r4, "Status", "Afgerond"), "Dechargedatum", D(2026, 1, 15))  # in heroriëntatie → afgerond
    nieuw = zet(zet(rijen[a3.nummer], "Nummer", None), "Historie (JSON)", "")
    nieuw = zet(zet(zet(nieuw, "Status", "Nog niet gestart"), "Annuleringsdatum", None), "Reden annulering", "")
    bestand = als_bestand([r1, rijen[a2.nummer], r4, nieuw], "xlsx")
    assert u.controleren(bestand, office).fouten == []

    per_aanroep = _importeren_en_terugdraaien(bestand, office, monkeypatch, per_aanroep=True)
    in_bulk = _importeren_en_terugdraaien(bestand, office, monkeypatch, per_aanroep=False)

    assert per_aanroep[:2] == (True, [])
    assert in_bulk[2] == per_aanroep[2] and in_bulk[3] == per_aanroep[3] and in_bulk[4] == per_aanroep[4]
    assert sorted(r[0] for r in in_bulk[2]) == sorted(
        [
            "activiteit.gewijzigd",
            "gebeurtenis.rapportage",
            "activiteit.status",  # row 2
            "gebeurtenis.herijking",
            "activiteit.status",  # row 4
            "activiteit.aangemaakt",  # row 5
            "import.uitgevoerd",
        ]
    )


def test_a_row_that_fails_in_bulk_is_reported_with_its_column_and_nothing_is_written(office, ministerie, monkeypatch):
    """Only the services check a new activity's start (here a start gate that refuses number 2): all or nothing."""
    from portfolio import services

    def weigeren(activiteit):
        if activiteit.nummer == 2:
            raise ValidationError({"status": "Nummer 2 start niet (test)."})

    monkeypatch.setattr(services, "STARTVOORWAARDEN", [weigeren])
    rijen = [dict(r, **{u.STATUS: "In uitvoering"}) for r in _nieuwe_rijen(ministerie, 1, 3)]
    assert u.controleren(rijen, office).fouten == []
    voor = (_stand(), AuditRecord.objects.count())

    per_aanroep = _importeren_en_terugdraaien(rijen, office, monkeypatch, per_aanroep=True)
    resultaat = u.importeren(rijen, office)

    assert not resultaat.uitgevoerd
    assert [(f.rij, f.kolom, f.reden) for f in resultaat.fouten] == [(3, "Status", "Nummer 2 start niet (test).")] == per_aanroep[1]
    assert (_stand(), AuditRecord.objects.count()) == voor


# -- a constant number of queries -------------------------------------------------


def _nieuwe_rijen(ministerie, van: int, aantal: int) -> list[dict]:
    rijen = []
    for i in range(van, van + aantal):
        rij = {
            u.NUMMER: i,
            u.MINISTERIE: ministerie.afkorting,
            u.NAAM: f"Activiteit {i}",
            u.STATUS: "Nog niet gestart",
            u.SOORT: "Vernieuwing",
            u.ONTWIKKELPARTIJEN: f"Leverancier {i % 7} (bouw)",
            u.STARTDATUM: D(2016, 1, 1),
            u.INITIELE_EINDDATUM: D(2020, 12, 31),
            u.ACTUELE_EINDDATUM: D(2021, 6, 30),
            u.INITIELE_DATUM: D(2016, 1, 1),
            u.PEILDATUM: D(2016, 12, 31),
            u.REDEN_HERIJKING: "",
        }
        for n, cat in enumerate(u.KOSTENCATEGORIEEN):
            rij[u.kolom_initieel(cat)] = Decimal(1_000_000 * (n + 1))
            rij[u.kolom_actueel(cat)] = Decimal(1_100_000 * (n + 1))
            rij[u.kolom_gerealiseerd(cat)] = Decimal(100_000 * (n + 1))
        rijen.append(rij)
    return rijen


def _rijen_importeren(office, ministerie, aantal: int, van: int = 1) -> list[IctActiviteit]:
    resultaat = u.importeren(_nieuwe_rijen(ministerie, van, aantal), office)
    assert resultaat.uitgevoerd, resultaat.fouten[:3]
    return list(IctActiviteit.objects.filter(nummer__gte=van, nummer__lt=van + aantal))


def _volgend_jaar(rijen: list[dict]) -> list[dict]:
    """A rapportage per row, every other row a herijking, and every row starts."""
    uit = []
    for rij in rijen:
        rij = dict(rij, **{u.PEILDATUM: D(2017, 12, 31), u.STATUS: "In uitvoering"})
        for cat in u.KOSTENCATEGORIEEN:
            rij[u.kolom_actueel(cat)] *= 2
        if rij[u.NUMMER] % 2:
            rij[u.REDEN_HERIJKING] = "Tegenvallers binnen project"
            rij[u.TOELICHTING_KOSTEN] = "Meerwerk."
        uit.append(rij)
    return uit


def _queries(functie) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        functie()
    return len(vastgelegd)


@pytest.fixture
def inserts_zonder_splitsen(monkeypatch):
    """SQLite: Django splits an insert at 999 parameters, SQLite's limit before 3.32; give it the real limit.

    Otherwise a batch's bulk_create becomes several INSERTs on SQLite (still a fixed number per batch of
    ``bulk.PARTIJ`` rows, but more for 200 rows than for 50). PostgreSQL has no such split.
    """
    if connection.vendor == "sqlite":
        import sqlite3

        connection.ensure_connection()
        limiet = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        monkeypatch.setattr(connection.features, "max_query_params", limiet)


def test_the_number_of_queries_of_an_import_does_not_grow_with_its_rows(office, ministerie, inserts_zonder_splitsen):
    """50 or 200 new activities (with a rapportage and a partij), then a rapportage or herijking and a start for each: the same number of queries."""
    _rijen_importeren(office, ministerie, 1, van=9999)  # the actor's rights are read once and cached
    klein = _queries(lambda: _rijen_importeren(office, ministerie, 50, van=1))
    groot = _queries(lambda: _rijen_importeren(office, ministerie, 200, van=1001))
    assert groot == klein
    assert IctActiviteit.objects.count() == 251 and models.Gebeurtenis.objects.count() == 502

    klein_bij = _queries(lambda: u.importeren(_volgend_jaar(_nieuwe_rijen(ministerie, 1, 50)), office))
    groot_bij = _queries(lambda: u.importeren(_volgend_jaar(_nieuwe_rijen(ministerie, 1001, 200)), office))
    assert groot_bij == klein_bij
    assert models.Gebeurtenis.objects.count() == 752 and IctActiviteit.objects.filter(status="in_uitvoering").count() == 250
    assert AuditRecord.objects.filter(actie="gebeurtenis.herijking").count() == 125
    assert AuditRecord.objects.filter(actie="activiteit.status").count() == 250


def test_the_queries_grow_with_the_number_of_batches_only(office, ministerie, monkeypatch, inserts_zonder_splitsen):
    monkeypatch.setattr(bulk, "PARTIJ", 20)
    _rijen_importeren(office, ministerie, 1, van=9999)  # the actor's rights are read once and cached
    een = _queries(lambda: _rijen_importeren(office, ministerie, 20, van=1))
    twee = _queries(lambda: _rijen_importeren(office, ministerie, 40, van=101))
    vier = _queries(lambda: _rijen_importeren(office, ministerie, 80, van=201))
    assert vier - twee == 2 * (twee - een) and twee - een <= 12


def test_the_progress_is_reported_after_every_batch(office, ministerie, monkeypatch):
    monkeypatch.setattr(bulk, "PARTIJ", 20)
    gemeld = []
    resultaat = u.importeren(_nieuwe_rijen(ministerie, 1, 50), office, voortgang=lambda klaar, totaal: gemeld.append((klaar, totaal)))
    assert resultaat.uitgevoerd and gemeld == [(20, 50), (40, 50), (50, 50)]


def test_no_signal_receiver_listens_to_what_the_bulk_import_writes():
    """bulk_create and the UPDATE send no signals: a receiver added to one of these models would be skipped by the import."""
    geschreven = [
        models.IctActiviteit,
        models.Gebeurtenis,
        models.Gebeurtenis.redenen.through,
        models.ActiviteitHistorie,
        models.Ontwikkelpartij,
        models.Mijlpaal,
        models.Kwaliteitstoets,
        models.Kamerstuk,
        models.MaatschappelijkeBaat,
        AuditRecord,
    ]
    for model in geschreven:
        for signaal in (pre_save, post_save, pre_delete, post_delete):
            assert not signaal.has_listeners(model), f"{signaal} heeft een ontvanger voor {model.__name__}: bulk.py slaat die over"
    assert not m2m_changed.has_listeners(models.Gebeurtenis.redenen.through)
