"""Derived figures of rapportagemodel.md, computed from the event history in the database."""

import datetime
from decimal import Decimal

import pytest

from portfolio import services
from portfolio.models import Gebeurtenis, IctActiviteit, RedenHerijking
from tests.factories import activiteit, bedragen

pytestmark = pytest.mark.django_db


def herijk(actor, a, *, datum, einddatum, geschat, gerealiseerd=0, redenen=("tegenvallers",)):
    a.refresh_from_db()
    return services.gebeurtenis_toevoegen(
        actor=actor,
        activiteit=a,
        versie=a.versie,
        soort=Gebeurtenis.Soort.HERIJKING,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen(geschat, gerealiseerd),
        toelichting_kosten="Aanbesteding viel duurder uit.",
        redenen=RedenHerijking.objects.filter(code__in=redenen),
    )


def test_initial_baseline_alone_gives_equal_initial_and_current(office, ministerie):
    a = activiteit(office, ministerie, geschat=12_000_000)
    k = a.kerncijfers
    assert k.initieel_totaal == k.actueel_totaal == Decimal("12000000.00")
    assert k.verschil == 0 and k.verschil_pct == 0
    assert k.initiele_einddatum == k.actuele_einddatum == datetime.date(2025, 12, 31)
    assert k.vertraging == datetime.timedelta(0)
    assert k.aantal_herijkingen == 0


def test_herijking_changes_current_but_keeps_the_initial_baseline(office, ministerie):
    a = activiteit(office, ministerie, geschat=10_000_000)
    herijk(office, a, datum=datetime.date(2023, 6, 1), einddatum=datetime.date(2027, 12, 31), geschat=15_000_000, gerealiseerd=4_000_000)
    k = Kerncijfers = IctActiviteit.objects.met_kerncijfers().get(pk=a.pk).kerncijfers
    assert k.initieel_totaal == Decimal("10000000.00")
    assert k.actueel_totaal == Decimal("15000000.00")
    assert k.verschil == Decimal("5000000.00") and k.verschil_pct == 50
    assert k.gerealiseerd == Decimal("4000000.00") and k.prognose == Decimal("11000000.00")
    assert k.initiele_einddatum == datetime.date(2025, 12, 31) and k.actuele_einddatum == datetime.date(2027, 12, 31)
    assert k.vertraging == datetime.date(2027, 12, 31) - datetime.date(2025, 12, 31)
    assert k.vertraging_jaren == Decimal("2.00")
    assert k.doorlooptijd_initieel_jaren == Decimal("4.00")
    assert k.vertraging_pct == Decimal("50.0")
    assert k.aantal_herijkingen == 1
    assert Kerncijfers.actueel_uitbesteed_werk == Decimal("15000000.00")


def test_totals_are_summed_by_the_database_over_all_categories(office, ministerie):
    a = activiteit(office, ministerie, geschat=0)
    g = a.gebeurtenissen.get()
    assert g.totaal_geschat == 0
    a.refresh_from_db()
    services.gebeurtenis_toevoegen(
        actor=office,
        activiteit=a,
        versie=a.versie,
        soort=Gebeurtenis.Soort.RAPPORTAGE,
        datum=datetime.date(2023, 12, 31),
        einddatum=datetime.date(2025, 12, 31),
        bedragen={
            "geschat_intern_personeel": Decimal("1.10"),
            "geschat_extern_personeel": Decimal("2.20"),
            "geschat_overig_materieel": Decimal("3.30"),
            "geschat_uitbesteed_werk": Decimal("4.40"),
            "geschat_overige_kosten": Decimal("5.50"),
            "gerealiseerd_overige_kosten": Decimal("0.05"),
        },
    )
    r = a.gebeurtenissen.get(soort="rapportage")
    assert r.totaal_geschat == Decimal("16.50") and r.totaal_gerealiseerd == Decimal("0.05")


def test_rapporteerbaar_by_threshold_setting(office, ministerie, settings):
    groot = activiteit(office, ministerie, naam="Groot", geschat=5_000_000)
    klein = activiteit(office, ministerie, naam="Klein", geschat=4_999_999)
    ids = set(IctActiviteit.objects.rapporteerbaar().values_list("pk", flat=True))
    assert groot.pk in ids and klein.pk not in ids
    settings.GROTE_ICT_DREMPEL_EUR = 1_000_000
    assert klein.pk in set(IctActiviteit.objects.rapporteerbaar().values_list("pk", flat=True))


def test_rebaselining_below_threshold_does_not_hide_an_activity(office, ministerie):
    a = activiteit(office, ministerie, geschat=6_000_000)
    herijk(
        office, a, datum=datetime.date(2023, 1, 1), einddatum=datetime.date(2025, 12, 31), geschat=3_000_000, redenen=("scopewijziging",)
    )
    assert IctActiviteit.objects.rapporteerbaar().filter(pk=a.pk).exists()
