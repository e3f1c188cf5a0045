"""Bulk import and export in the Rijks ICT-dashboard's export format (portfolio/uitwisseling/)."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from portfolio import services, uitwisseling
from portfolio.models import (
    Gebeurtenis,
    IctActiviteit,
    Kamerstuk,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelpartij,
    RedenHerijking,
)
from portfolio.uitwisseling import KOLOMMEN
from tests.factories import ZboFactory, activiteit, bedragen

pytestmark = pytest.mark.django_db

D = datetime.date
FORMATEN = {"csv": (uitwisseling.naar_csv, "export.csv"), "xlsx": (uitwisseling.naar_xlsx, "export.xlsx")}


@pytest.fixture(autouse=True)
def zonder_startpoort(monkeypatch):
    """The start gate of art 5.3 (oordelen) is tested there; here a start needs no CIO-oordeel."""
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])


def vers(a):
    return IctActiviteit.objects.get(pk=a.pk)


def gebeurtenis(actor, a, soort, datum, einddatum, geschat, gerealiseerd=0, redenen=(), toelichting=""):
    a = vers(a)
    return services.gebeurtenis_toevoegen(
        actor=actor,
        activiteit=a,
        versie=a.versie,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen(geschat, gerealiseerd),
        toelichting_kosten=toelichting,
        redenen=RedenHerijking.objects.filter(code__in=redenen),
    )


def status(actor, a, nieuw, **kwargs):
    a = vers(a)
    return services.status_wijzigen(actor=actor, activiteit=a, versie=a.versie, status=nieuw, **kwargs)


def portfolio(office, ministerie, dienstonderdeel):
    """Activities covering what the file must carry: lists, an organisation, herijkingen in the middle, every end status."""
    zbo = ZboFactory(ministerie=ministerie, naam="Dienst Wegverkeer", afkorting="RDW")
    a1 = activiteit(
        office,
        ministerie,
        naam="=Basisregistratie (formule?)",
        dienstonderdeel=dienstonderdeel,
        maatwerk=True,
        ontwikkelwijze="agile_scrum",
        samenvatting="Regel 1\nRegel 2; met puntkomma",
        doel="-min is geen formule",
        wij_verbeteren_op="Dienstverlening",
        opdrachtgevende_organisatie="DGDOO",
        reden_van_starten="Verouderd systeem",
    )
    a1 = vers(a1)
    services.activiteit_wijzigen(
        actor=office,
        activiteit=a1,
        versie=a1.versie,
        gegevens={},
        onderdelen=[
            Ontwikkelpartij(partij="Logius (BZK)", rol=""),
            Ontwikkelpartij(partij="Bouwer BV", rol="bouw en beheer"),
            Mijlpaal(omschrijving="Go-live", verwachte_datum=D(2024, 6, 1), gerealiseerde_datum=D(2024, 7, 1), behaald=True),
            Mijlpaal(omschrijving="Uitfasering", verwachte_datum=D(2025, 6, 1)),
            Kwaliteitstoets(toetsdatum=D(2023, 3, 1), uitvoerende_partij="AcICT", soort=Kwaliteitstoets.Soort.ACICT_ADVIES),
            Kamerstuk(nummer="26 643, nr. 656", titel="Voortgangsbrief", briefdatum=D(2023, 4, 1), acict_advies=True),
            MaatschappelijkeBaat(toelichting="Minder fouten", kwantitatief_per_jaar=Decimal("100000.50")),
        ],
    )
    a2 = activiteit(office, ministerie, naam="Herijkt programma", zbo=zbo, geschat=10_000_000, soort="beheer_en_onderhoud")
    status(office, a2, "in_uitvoering")
    gebeurtenis(
        office,
        a2,
        "herijking",
        D(2023, 6, 1),
        D(2026, 12, 31),
        15_000_000,
        4_000_000,
        redenen=("tegenvallers", "prijsontwikkeling"),
        toelichting="Aanbesteding viel duurder uit.",
    )
    gebeurtenis(office, a2, "rapportage", D(2024, 12, 31), D(2026, 12, 31), 15_500_000, 9_000_000.25)
    status(office, a2, "afgerond", dechargedatum=D(2025, 3, 1))
    a3 = activiteit(office, ministerie, naam="Gestopt project", geschat=6_000_000)
    status(office, a3, "geannuleerd", annuleringsdatum=D(2023, 2, 1), reden="Geen budget meer")
    a4 = activiteit(office, ministerie, naam="Heroriëntatie", geschat=120_000_000)
    status(office, a4, "in_uitvoering")
    gebeurtenis(office, a4, "rapportage", D(2023, 12, 31), D(2025, 12, 31), 121_000_000, 30_000_000)
    gebeurtenis(office, a4, "rapportage", D(2024, 12, 31), D(2027, 6, 30), 130_000_000, 60_000_000, toelichting="Meer werk.")
    status(office, a4, "in_heroriëntatie")
    return [a1, a2, a3, a4]


def eigen_export(user):
    return uitwisseling.exporteren(IctActiviteit.objects.zichtbaar_voor(user))


def als_bestand(rijen, formaat):
    schrijf, naam = FORMATEN[formaat]
    return uitwisseling.inlezen(io.BytesIO(schrijf(rijen)), naam)


def tellingen():
    return (
        IctActiviteit.objects.count(),
        Gebeurtenis.objects.count(),
        AuditRecord.objects.count(),
        Ontwikkelpartij.objects.count(),
        sorted(IctActiviteit.objects.values_list("nummer", "versie")),
    )


def kolom(rij, naam):
    return rij[KOLOMMEN.index(naam)]


def zet(rij, naam, waarde):
    rij = list(rij)
    rij[KOLOMMEN.index(naam)] = waarde
    return rij


def zet_bedrag(rij, naam, waarde):
    """Change an amount and empty the totals (a filled-in total must be the sum of its categories)."""
    for totaal in (
        "Initiële schatting meerjarige kosten",
        "Actuele schatting meerjarige kosten huidige jaar",
        "Cumulatieve meerjarige uitgaven t/m huidige jaar",
    ):
        rij = zet(rij, totaal, None)
    return zet(rij, naam, waarde)


# -- the columns -------------------------------------------------------------


def test_columns_are_the_dashboard_export_columns_in_order_then_the_extra_ones():
    dashboard = [
        "Nummer",
        "Ministerie",
        "Ministerie (naam)",
        "ICT-activiteit",
        "Status",
        "Soort ICT-activiteit",
        "Onderwerp",
        "Dienstverlening",
        "Wij verbeteren op",
        "Aantal baten",
        "Aantal behaalde mijlpalen",
        "Ontwikkelpartijen",
        "Ontwikkelwijze",
        "AcICT-advies",
        "Aantal AcICT-adviezen",
        "Startdatum",
        "Initiële schatting einddatum",
        "Actuele schatting einddatum",
        "Startjaar",
        "Actueel eindjaar",
        "Doorlooptijd initieel",
        "Actuele doorlooptijd",
        "Verschil initieel en actueel (in jaren)",
        "Verschil doorlooptijd (percentage)",
        "Aanpassing einddatum (absoluut)",
        "Aanpassing einddatum (relatief)",
        "Reden herijking",
        "Initiële schatting meerjarige kosten",
        "Actuele schatting meerjarige kosten huidige jaar",
        "Actuele kostencategorie",
        "Actuele schatting meerjarige kosten vorig jaar",
        "Prognose toekomstige kosten",
    ]
    categorieen = ["Intern personeel", "Extern personeel", "Overig materieel", "Uitbesteed werk", "Overige kosten"]
    per_categorie = [f"{c} {s} (EUR)" for c in categorieen for s in ("initieel", "actueel", "gerealiseerd")]
    slot = ["Cumulatieve meerjarige uitgaven t/m huidige jaar", "Cumulatieve meerjarige uitgaven t/m vorig jaar"]
    n = len(dashboard) + len(per_categorie) + len(slot)
    assert KOLOMMEN[:n] == dashboard + per_categorie + slot
    assert all(not k.dashboard for k in uitwisseling.KOLOMDEFINITIES[n:])
    assert {"Dienstonderdeel", "Zbo", "Opdrachtgevende organisatie", "Initiële datum", "Peildatum actueel"} <= set(KOLOMMEN[n:])


# -- round trips -------------------------------------------------------------


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_imported_into_the_same_database_changes_nothing(office, ministerie, dienstonderdeel, formaat):
    portfolio(office, ministerie, dienstonderdeel)
    rijen = eigen_export(office)
    voor = tellingen()

    controle = uitwisseling.controleren(als_bestand(rijen, formaat), office)
    assert controle.fouten == []
    assert [r.actie for r in controle.rijen] == ["ongewijzigd"] * 4
    assert not controle.te_doen
    resultaat = uitwisseling.importeren(als_bestand(rijen, formaat), office, bestandsnaam=f"export.{formaat}")

    assert resultaat.uitgevoerd and resultaat.ongewijzigd == 4 and resultaat.nieuw == resultaat.bijgewerkt == 0
    assert tellingen() == voor  # not even an audit record: nothing happened
    assert eigen_export(office) == rijen


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_imported_into_an_empty_database_gives_identical_rows(office, ministerie, dienstonderdeel, formaat):
    portfolio(office, ministerie, dienstonderdeel)
    rijen = eigen_export(office)
    bestand = als_bestand(rijen, formaat)
    IctActiviteit.objects.all().delete()  # an empty portfolio, the same organisations

    resultaat = uitwisseling.importeren(bestand, office, bestandsnaam=f"export.{formaat}")

    assert resultaat.fouten == [] and resultaat.uitgevoerd
    assert resultaat.nieuw == 4
    assert eigen_export(office) == rijen
    # The history came back event by event, herijking reasons on the herijking in the middle.
    a2 = IctActiviteit.objects.get(naam="Herijkt programma")
    assert [g.soort for g in a2.gebeurtenissen.order_by("datum", "pk")] == ["initieel", "herijking", "rapportage"]
    assert a2.status == "afgerond" and a2.dechargedatum == D(2025, 3, 1)
    record = AuditRecord.objects.get(actie="import.uitgevoerd")
    assert record.na["bestand"] == f"export.{formaat}" and record.na["nieuw"] == 4 and record.ministerie == ministerie


def test_export_values(office, ministerie, dienstonderdeel):
    portfolio(office, ministerie, dienstonderdeel)
    rijen = {kolom(r, "ICT-activiteit"): r for r in eigen_export(office)}
    a1, a2, a4 = rijen["=Basisregistratie (formule?)"], rijen["Herijkt programma"], rijen["Heroriëntatie"]
    assert kolom(a1, "Ministerie") == "BZK" and kolom(a1, "Dienstonderdeel") == "Logius"
    assert kolom(a1, "Ontwikkelpartijen") == "Logius (BZK) (); Bouwer BV (bouw en beheer)"
    assert (
        kolom(a1, "Aantal baten"),
        kolom(a1, "Aantal behaalde mijlpalen"),
        kolom(a1, "AcICT-advies"),
        kolom(a1, "Aantal AcICT-adviezen"),
    ) == (1, 1, "ja", 1)
    assert kolom(a1, "Status") == "Nog niet gestart" and kolom(a1, "Maatwerk") == "ja" and kolom(a1, "Ontwikkelwijze") == "Agile Scrum"
    assert kolom(a2, "Reden herijking") == "Tegenvallers binnen project; Prijsontwikkeling"
    assert kolom(a2, "Soort ICT-activiteit") == "Beheer en onderhoud" and kolom(a2, "Status") == "Afgerond"
    assert kolom(a2, "Initiële schatting meerjarige kosten") == Decimal("10000000.00")
    assert kolom(a2, "Actuele schatting meerjarige kosten huidige jaar") == Decimal("15500000.00")
    assert kolom(a2, "Uitbesteed werk gerealiseerd (EUR)") == Decimal("9000000.25")
    # "vorig jaar": the latest event on or before 31-12-2023 (the peildatum is 31-12-2024): the herijking.
    assert kolom(a2, "Actuele schatting meerjarige kosten vorig jaar") == Decimal("15000000.00")
    assert kolom(a2, "Cumulatieve meerjarige uitgaven t/m vorig jaar") == Decimal("4000000.00")
    assert kolom(a2, "Prognose toekomstige kosten") == Decimal("6499999.75")
    assert kolom(a2, "Actuele kostencategorie") == "10-20 mln"
    assert kolom(a2, "Aanpassing einddatum (relatief)") == "Later (≤ 1 jaar)"
    assert kolom(a2, "Startjaar") == 2022 and kolom(a2, "Actueel eindjaar") == 2026
    assert kolom(a2, "Verschil initieel en actueel (in jaren)") == Decimal("1.00")
    assert kolom(a4, "Actuele kostencategorie") == "100+ mln" and kolom(a4, "Status") == "In heroriëntatie"
    assert kolom(a4, "Aanpassing einddatum (relatief)") == "Later (> 1 jaar)"
    assert kolom(a4, "Toelichting wijziging kosten") == "Meer werk."


def test_csv_is_utf8_with_bom_semicolons_decimal_comma_and_defuses_formulas(office, ministerie, dienstonderdeel):
    portfolio(office, ministerie, dienstonderdeel)
    inhoud = uitwisseling.naar_csv(eigen_export(office))
    assert inhoud.startswith(b"\xef\xbb\xbf")
    gelezen = list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))
    assert gelezen[0] == KOLOMMEN
    rij = next(r for r in gelezen[1:] if "Basisregistratie" in r[KOLOMMEN.index("ICT-activiteit")])
    assert rij[KOLOMMEN.index("ICT-activiteit")] == "'=Basisregistratie (formule?)"
    assert rij[KOLOMMEN.index("Doel")] == "'-min is geen formule"
    assert rij[KOLOMMEN.index("Uitbesteed werk initieel (EUR)")] == "12000000,00"
    assert rij[KOLOMMEN.index("Startdatum")] == "2022-01-01"


def test_xlsx_has_a_bold_frozen_header_real_dates_and_text_cells(office, ministerie, dienstonderdeel):
    from openpyxl import load_workbook

    portfolio(office, ministerie, dienstonderdeel)
    wb = load_workbook(io.BytesIO(uitwisseling.naar_xlsx(eigen_export(office))))
    ws = wb["ICT-activiteiten"]
    assert [c.value for c in ws[1]] == KOLOMMEN
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    naam = ws.cell(row=2, column=KOLOMMEN.index("ICT-activiteit") + 1)
    assert naam.value == "=Basisregistratie (formule?)" and naam.data_type == "s"
    assert ws.cell(row=2, column=KOLOMMEN.index("Startdatum") + 1).is_date


# -- the dry run ---------------------------------------------------------------


def test_a_file_with_several_errors_reports_all_of_them_and_changes_nothing(office, ministerie, dienstonderdeel):
    a1, a2, *_ = portfolio(office, ministerie, dienstonderdeel)
    rijen = eigen_export(office)
    rij_a1 = next(r for r in rijen if kolom(r, "Nummer") == a1.nummer)
    rij_a2 = next(r for r in rijen if kolom(r, "Nummer") == a2.nummer)
    fout = [
        # row 2: an impossible date and a negative amount
        zet(zet(rij_a1, "Startdatum", "2022-02-30"), "Intern personeel actueel (EUR)", Decimal("-5")),
        # row 3: the initial baseline of an activity with later events, an unknown status, a changed total
        zet(
            zet(zet(rij_a2, "Uitbesteed werk initieel (EUR)", Decimal("9000000")), "Status", "Klaar"),
            "Actuele schatting meerjarige kosten huidige jaar",
            Decimal("1.00"),
        ),
        # row 4: a new activity: unknown ministerie, end before start, Afgerond without decharge
        zet(
            zet(
                zet(zet(zet(rij_a1, "Nummer", None), "Ministerie", "XYZ"), "Initiële schatting einddatum", D(2021, 1, 1)),
                "Status",
                "Afgerond",
            ),
            "Dechargedatum",
            None,
        ),
        # row 5: the same Nummer as row 3, amounts in mln with too many decimals
        zet(zet(rij_a2, "Overige kosten actueel (EUR)", "15,125"), "Soort ICT-activiteit", "Project"),
    ]
    voor = tellingen()
    bestand = als_bestand(fout, "csv")

    controle = uitwisseling.controleren(bestand, office)
    gevonden = {(f.rij, f.kolom) for f in controle.fouten}
    assert {
        (2, "Startdatum"),
        (2, "Intern personeel actueel (EUR)"),
        (3, "Uitbesteed werk initieel (EUR)"),
        (3, "Status"),
        (3, "Actuele schatting meerjarige kosten huidige jaar"),
        (4, "Ministerie"),
        (4, "Initiële schatting einddatum"),
        (4, "Dechargedatum"),
        (5, "Nummer"),
        (5, "Overige kosten actueel (EUR)"),
        (5, "Soort ICT-activiteit"),
    } <= gevonden
    assert all(f.reden for f in controle.fouten)
    baseline = next(f for f in controle.fouten if f.kolom == "Uitbesteed werk initieel (EUR)")
    assert "ligt vast" in baseline.reden
    assert tellingen() == voor

    resultaat = uitwisseling.importeren(bestand, office)
    assert not resultaat.uitgevoerd and {(f.rij, f.kolom) for f in resultaat.fouten} == gevonden
    assert tellingen() == voor


def test_a_missing_required_column_is_one_error_naming_it(office):
    kop = [k for k in KOLOMMEN if k not in ("Status", "Overige kosten gerealiseerd (EUR)")]
    bestand = uitwisseling.inlezen(("\ufeff" + ";".join(kop) + "\r\n" + ";" * (len(kop) - 1) + "x\r\n").encode(), "a.csv")
    controle = uitwisseling.controleren(bestand, office)
    assert [(f.rij, f.kolom) for f in controle.fouten] == [(1, "Status"), (1, "Overige kosten gerealiseerd (EUR)")]


def test_a_file_with_only_a_header_is_an_error(office):
    controle = uitwisseling.controleren(uitwisseling.inlezen(uitwisseling.naar_csv([]), "leeg.csv"), office)
    assert [(f.rij, f.kolom) for f in controle.fouten] == [(None, "")]


def test_an_export_of_the_public_dashboard_without_our_extra_columns_can_be_imported(office, ministerie):
    a = activiteit(office, ministerie)
    n_dashboard = sum(1 for k in uitwisseling.KOLOMDEFINITIES if k.dashboard)
    rij = eigen_export(office)[0][:n_dashboard]
    rij[KOLOMMEN.index("Uitbesteed werk actueel (EUR)")] = Decimal("13000000.00")
    rij[KOLOMMEN.index("Actuele schatting meerjarige kosten huidige jaar")] = None
    tekst = ";".join(KOLOMMEN[:n_dashboard]) + "\n" + ";".join(uitwisseling._csv_waarde(w) for w in rij) + "\n"
    bestand = uitwisseling.inlezen(tekst.encode("utf-8"), "dashboard.csv")

    zonder_peildatum = uitwisseling.controleren(bestand, office)
    assert [(f.kolom) for f in zonder_peildatum.fouten] == ["Peildatum actueel"]
    resultaat = uitwisseling.importeren(bestand, office, peildatum=D(2024, 12, 31))
    assert resultaat.uitgevoerd and resultaat.bijgewerkt == 1
    laatste = vers(a).gebeurtenissen.order_by("-datum", "-pk").first()
    assert (laatste.soort, laatste.datum, laatste.totaal_geschat) == ("rapportage", D(2024, 12, 31), Decimal("13000000.00"))


def test_changes_go_through_the_services(office, ministerie, dienstonderdeel):
    a1, a2, a3, a4 = portfolio(office, ministerie, dienstonderdeel)
    rijen = {kolom(r, "Nummer"): r for r in eigen_export(office)}
    r1 = zet(zet(rijen[a1.nummer], "ICT-activiteit", "Nieuwe naam"), "Ontwikkelpartijen", "Logius (BZK) (); Tester BV (testen)")
    r1 = zet_bedrag(zet(r1, "Status", "In uitvoering"), "Uitbesteed werk initieel (EUR)", Decimal("12500000.00"))
    r1 = zet_bedrag(r1, "Uitbesteed werk actueel (EUR)", Decimal("12500000.00"))  # correcting the only event: the baseline
    r4 = zet_bedrag(zet(rijen[a4.nummer], "Peildatum actueel", D(2025, 12, 31)), "Uitbesteed werk actueel (EUR)", Decimal("140000000.00"))
    r4 = zet(zet(r4, "Reden herijking", "Wetswijziging"), "Toelichting wijziging kosten", "Nieuwe wet.")
    r4 = zet(r4, "Status", "In uitvoering")
    nieuw = zet(zet(rijen[a3.nummer], "Nummer", None), "Historie (JSON)", "")
    nieuw = zet(zet(zet(nieuw, "Status", "Nog niet gestart"), "Annuleringsdatum", None), "Reden annulering", "")
    bestand = als_bestand([r1, rijen[a2.nummer], r4, nieuw], "xlsx")

    controle = uitwisseling.controleren(bestand, office)
    assert controle.fouten == []
    assert [r.actie for r in controle.rijen] == ["bijgewerkt", "ongewijzigd", "bijgewerkt", "nieuw"]
    laatste_record = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first()
    resultaat = uitwisseling.importeren(bestand, office, bestandsnaam="wijzigingen.xlsx")
    assert resultaat.uitgevoerd and (resultaat.nieuw, resultaat.bijgewerkt, resultaat.ongewijzigd) == (1, 2, 1)

    a1 = vers(a1)
    assert a1.naam == "Nieuwe naam" and a1.status == "in_uitvoering"
    assert [(p.partij, p.rol) for p in a1.ontwikkelpartijen.order_by("pk")] == [("Logius (BZK)", ""), ("Tester BV", "testen")]
    assert a1.gebeurtenissen.get().geschat_uitbesteed_werk == Decimal("12500000.00")
    g = vers(a4).gebeurtenissen.order_by("-datum", "-pk").first()
    assert (g.soort, g.datum, g.toelichting_kosten) == ("herijking", D(2025, 12, 31), "Nieuwe wet.")
    assert [r.code for r in g.redenen.all()] == ["wetswijziging"]
    assert vers(a4).status == "in_uitvoering"
    nieuwe = IctActiviteit.objects.get(nummer=max(a.nummer for a in (a1, a2, a3, a4)) + 1)
    assert nieuwe.naam == "Gestopt project" and nieuwe.gebeurtenissen.count() == 1
    acties = sorted(AuditRecord.objects.filter(pk__gt=laatste_record).values_list("actie", flat=True))
    assert acties == sorted(
        [
            "activiteit.gewijzigd",
            "gebeurtenis.initieel_gewijzigd",
            "activiteit.status",  # row 2
            "gebeurtenis.herijking",
            "activiteit.status",  # row 4
            "activiteit.aangemaakt",  # row 5
            "import.uitgevoerd",
        ]
    )
    assert AuditRecord.objects.get(actie="import.uitgevoerd").na["bijgewerkte_nummers"] == [a1.nummer, a4.nummer]


def test_events_are_never_overwritten(office, ministerie, dienstonderdeel):
    _a1, a2, *_ = portfolio(office, ministerie, dienstonderdeel)
    rij = next(r for r in eigen_export(office) if kolom(r, "Nummer") == a2.nummer)
    fouten = [
        zet(rij, "Toelichting wijziging kosten", "Andere toelichting"),
        zet(rij, "Reden herijking", "Tegenvallers binnen project"),
        zet_bedrag(zet(rij, "Peildatum actueel", D(2024, 1, 1)), "Uitbesteed werk actueel (EUR)", Decimal("1.00")),
        zet(rij, "Dechargedatum", D(2025, 4, 1)),
        zet(
            zet(rij, "Peildatum actueel", D(2025, 12, 31)),
            "Reden herijking",
            "Tegenvallers binnen project; Prijsontwikkeling; Wetswijziging",
        ),
    ]
    controle = uitwisseling.controleren(als_bestand(fouten, "csv"), office)
    assert [(f.rij, f.kolom) for f in controle.fouten if f.kolom != "Nummer"] == [
        (2, "Toelichting wijziging kosten"),
        (3, "Reden herijking"),
        (4, "Peildatum actueel"),
        (5, "Dechargedatum"),
        (6, "Toelichting wijziging kosten"),  # a herijking needs its own toelichting
    ]


def test_all_or_nothing_when_a_later_row_fails_in_a_service(office, ministerie, monkeypatch):
    def startpoort(a):
        if a.naam == "Geblokkeerd":
            raise ValidationError("Geen positief CIO-oordeel (art 5.3).")

    monkeypatch.setattr(services, "STARTVOORWAARDEN", [startpoort])
    activiteit(office, ministerie, naam="Sjabloon")
    sjabloon = zet(zet(eigen_export(office)[0], "Nummer", None), "Historie (JSON)", "")
    rijen = [zet(zet(sjabloon, "ICT-activiteit", naam), "Status", "In uitvoering") for naam in ("Eerste", "Tweede", "Geblokkeerd")]
    bestand = als_bestand(rijen, "csv")
    assert uitwisseling.controleren(bestand, office).fouten == []  # the start gate of a new activity runs in the service
    voor = tellingen()

    resultaat = uitwisseling.importeren(bestand, office)

    assert not resultaat.uitgevoerd
    assert [(f.rij, f.kolom, f.reden) for f in resultaat.fouten] == [(4, "Status", "Geen positief CIO-oordeel (art 5.3).")]
    assert tellingen() == voor
    assert not IctActiviteit.objects.filter(naam__in=["Eerste", "Tweede"]).exists()


def test_the_dry_run_finds_what_only_the_services_check(office, ministerie, monkeypatch):
    """The start gate (art 5.3) is checked for an existing activity by controleren, for a new one by the trial run."""

    def startpoort(a):
        raise ValidationError({"status": "Eerst een positief CIO-oordeel (art 5.3)."})

    monkeypatch.setattr(services, "STARTVOORWAARDEN", [startpoort])
    activiteit(office, ministerie, naam="Bestaand")
    rij = eigen_export(office)[0]
    bestaand = als_bestand([zet(rij, "Status", "In uitvoering")], "csv")
    nieuw = als_bestand([zet(zet(zet(rij, "Nummer", None), "Historie (JSON)", ""), "Status", "In uitvoering")], "csv")
    voor = tellingen()

    assert [(f.rij, f.kolom, f.reden) for f in uitwisseling.controleren(bestaand, office).fouten] == [
        (2, "Status", "Eerst een positief CIO-oordeel (art 5.3).")
    ]
    assert uitwisseling.controleren(nieuw, office).fouten == []
    proef = uitwisseling.importeren(nieuw, office, proef=True)
    assert not proef.uitgevoerd and [(f.rij, f.kolom) for f in proef.fouten] == [(2, "Status")]
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])
    proef = uitwisseling.importeren(nieuw, office, proef=True)
    assert not proef.uitgevoerd and proef.fouten == [] and proef.nieuw == 1
    assert tellingen() == voor  # a trial run is always rolled back


# -- rights --------------------------------------------------------------------


def test_an_office_cannot_import_into_another_ministry(office, ministerie, ander_ministerie, collega_ander_ministerie):
    van_fin = activiteit(collega_ander_ministerie, ander_ministerie, naam="Van Financiën")
    activiteit(office, ministerie, naam="Eigen")
    eigen = eigen_export(office)[0]
    rijen = [
        zet(zet(eigen, "Nummer", None), "Ministerie", "FIN"),
        zet(zet(eigen, "Nummer", None), "Ministerie", "fin"),
        zet(zet(eigen, "Nummer", van_fin.nummer), "Ministerie", "FIN"),
        zet(eigen, "Ministerie", "FIN"),  # moving its own activity away
    ]
    voor = tellingen()
    controle = uitwisseling.controleren(als_bestand(rijen, "csv"), office)
    assert [(f.rij, f.kolom) for f in controle.fouten] == [(2, "Ministerie"), (3, "Ministerie"), (4, "Nummer"), (5, "Ministerie")]
    assert not uitwisseling.importeren(als_bestand(rijen, "csv"), office).uitgevoerd
    assert tellingen() == voor


def test_the_cio_rijk_cannot_import(office, ministerie, cio_rijk, login):
    activiteit(office, ministerie)
    rijen = eigen_export(office)
    rijen.append(zet(rijen[0], "Nummer", None))
    controle = uitwisseling.controleren(als_bestand(rijen, "csv"), cio_rijk)
    assert {(f.rij, f.kolom) for f in controle.fouten} == {(None, ""), (2, "Nummer"), (3, "Ministerie")}
    assert login(cio_rijk).get(reverse("portfolio:import")).status_code == 403


def test_export_contains_only_the_own_activities_with_the_exact_header(
    office, ministerie, ander_ministerie, collega_ander_ministerie, login
):
    eigen = activiteit(office, ministerie, naam="Eigen")
    activiteit(collega_ander_ministerie, ander_ministerie, naam="Van een ander")
    client = login(office)

    response = client.get(reverse("portfolio:export"), {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="ict-activiteiten-')
    gelezen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert gelezen[0] == KOLOMMEN
    assert [(r[0], r[3]) for r in gelezen[1:]] == [(str(eigen.nummer), "Eigen")]

    response = client.get(reverse("portfolio:export"), {"format": "xlsx"})
    rijen = uitwisseling.inlezen(response.content, "x.xlsx")
    assert rijen.kolommen == KOLOMMEN and [r["ICT-activiteit"] for r in rijen] == ["Eigen"]
    assert client.get(reverse("portfolio:export"), {"format": "pdf"}).status_code == 400


def test_export_query_count_does_not_grow_with_the_number_of_activities(office, ministerie, dienstonderdeel, django_assert_max_num_queries):
    portfolio(office, ministerie, dienstonderdeel)
    qs = IctActiviteit.objects.all()
    with CaptureQueriesContext(connection) as weinig:
        assert len(uitwisseling.exporteren(qs)) == 4
    for i in range(6):
        a = activiteit(office, ministerie, naam=f"Extra {i}")
        gebeurtenis(office, a, "herijking", D(2023, 1, 1), D(2026, 1, 1), 14_000_000, redenen=("wetswijziging",), toelichting="Wet.")
    with django_assert_max_num_queries(len(weinig)):
        assert len(uitwisseling.exporteren(qs)) == 10
    assert len(weinig) <= 9


# -- reading files ------------------------------------------------------------


def test_reading_rejects_other_file_types_with_a_clear_message():
    for naam, melding in (
        ("a.txt", "Alleen .csv- en .xlsx-bestanden"),
        ("a.xls", "Sla het bestand op als .xlsx"),
        ("a.xlsx", "geen geldig .xlsx-bestand"),
    ):
        with pytest.raises(uitwisseling.OngeldigBestand, match=melding):
            uitwisseling.inlezen(b"iets", naam)
    with pytest.raises(uitwisseling.OngeldigBestand, match="komt meer dan eens voor"):
        uitwisseling.inlezen(b"Nummer;nummer\n1;2\n", "a.csv")


def test_csv_with_commas_decimal_points_windows_1252_and_dutch_dates_is_read(office, ministerie):
    activiteit(office, ministerie, naam="Café")
    rij = dict(zip(KOLOMMEN, eigen_export(office)[0]))
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=",")
    schrijver.writerow(KOLOMMEN)
    waarden = []
    for k in KOLOMMEN:
        w = rij[k]
        if isinstance(w, datetime.date):
            w = w.strftime("%d-%m-%Y")
        waarden.append("" if w is None else str(w))
    schrijver.writerow(waarden)
    bestand = uitwisseling.inlezen(uit.getvalue().encode("cp1252"), "excel.csv")
    assert bestand[0]["ICT-activiteit"] == "Café"
    controle = uitwisseling.controleren(bestand, office)
    assert controle.fouten == [] and controle.aantal_ongewijzigd == 1


@pytest.mark.parametrize(
    "waarde, verwacht",
    [
        ("1234567,89", Decimal("1234567.89")),
        ("1234567.8", Decimal("1234567.80")),
        (12.5, Decimal("12.50")),
        (0.1 + 0.2, Decimal("0.30")),
        (7, Decimal("7.00")),
        ("", None),
        ("€ 10", Decimal("10.00")),
        # the forms' Dutch notation too (issue 18: the same formats everywhere)
        ("1.234.567", Decimal("1234567.00")),
        ("1.234,56", Decimal("1234.56")),
        ("1.250.000,50", Decimal("1250000.50")),
    ],
)
def test_amounts(waarde, verwacht):
    assert uitwisseling.bedrag(waarde) == verwacht


@pytest.mark.parametrize("waarde", ["1,5 mln", "-3", "12,345", "1.2.3,4", "1.23.456", "1,234.56"])
def test_invalid_amounts(waarde):
    with pytest.raises(uitwisseling._Ongeldig):
        uitwisseling.bedrag(waarde)


AMOUNT_TEXTS = [
    "1.250.000",
    "1250000",
    "1.250.000,50",
    "1250000,50",
    "1250000.50",
    "€ 12,5",
    "0",
    "1,5 mln",
    "12,345",
    "1.2.3,4",
    "-3",
    "x",
]


@pytest.mark.parametrize("waarde", AMOUNT_TEXTS)
def test_the_web_form_and_the_import_read_an_amount_alike_and_give_the_same_example(waarde):
    """Issue 18: the form asked for '1.250.000', the import page for '12500000,00', the import error for '1234567,89'."""
    from portfolio.forms import BedragField
    from portfolio.invoerregels import BEDRAG_VOORBEELD

    veld = BedragField(required=False)
    try:
        uit_formulier, formulierfout = veld.clean(waarde), None
    except ValidationError as exc:
        uit_formulier, formulierfout = None, " ".join(exc.messages)
    try:
        uit_import, importfout = uitwisseling.bedrag(waarde), None
    except uitwisseling._Ongeldig as exc:
        uit_import, importfout = None, str(exc)
    assert (uit_formulier is None) == (uit_import is None), (formulierfout, importfout)
    if uit_import is not None:
        assert uit_formulier == uit_import
    elif "bijvoorbeeld" in (importfout or "") or "bijvoorbeeld" in (formulierfout or ""):
        assert BEDRAG_VOORBEELD in (importfout or "") + (formulierfout or "")


def test_partijen_round_trip():
    for partij, rol in (("Logius (BZK)", ""), ("Bouwer", "bouw (deels)"), ("A", ""), ("B (x)", "y")):
        assert uitwisseling.lees_partijen(uitwisseling.partij_tekst(partij, rol)) == [(partij, rol)]
    assert uitwisseling.lees_partijen("A (bouw); B\nC (test") == [("A", "bouw"), ("B", ""), ("C (test", "")]


# -- pages ---------------------------------------------------------------------


def test_upload_dry_run_and_confirm(office, ministerie, login, settings, tmp_path, collega_ander_ministerie):
    settings.MEDIA_ROOT = tmp_path
    a = activiteit(office, ministerie)
    rij = zet_bedrag(
        zet(eigen_export(office)[0], "Peildatum actueel", D(2024, 12, 31)), "Uitbesteed werk actueel (EUR)", Decimal("13000000.00")
    )
    inhoud = uitwisseling.naar_xlsx([rij])
    client = login(office)
    assert client.get(reverse("portfolio:import")).status_code == 200

    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("portfolio:import"), {"bestand": SimpleUploadedFile("portfolio.xlsx", inhoud)})
    assert response.status_code == 302
    controle_url = response["Location"]
    response = client.get(controle_url)
    assert response.status_code == 200
    assert b"Rapportage per 31-12-2024" in response.content and b'name="csrfmiddlewaretoken"' in response.content
    assert b"style=" not in response.content and not re.search(rb"<script(?![^>]*\ssrc=)", response.content)
    assert vers(a).gebeurtenissen.count() == 1  # the dry run wrote nothing
    # Someone else cannot see or confirm the stored file.
    assert login(collega_ander_ministerie).post(controle_url).status_code == 404

    response = client.post(controle_url)
    assert response.status_code == 302 and response["Location"] == reverse("portfolio:import")
    assert vers(a).gebeurtenissen.count() == 2
    assert client.get(controle_url).status_code == 404  # the stored file is gone


def test_upload_shows_every_error(office, ministerie, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activiteit(office, ministerie)
    rij = zet(zet(eigen_export(office)[0], "Startdatum", "gisteren"), "Status", "Klaar")
    client = login(office)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("portfolio:import"), {"bestand": SimpleUploadedFile("p.csv", uitwisseling.naar_csv([rij]))}, follow=True)
    inhoud = response.content.decode()
    assert "melding--error" in inhoud and "gisteren" in inhoud and "Klaar" in inhoud
    assert 'type="submit" class="knop knop--primair">Importeren' not in inhoud
    response = client.post(reverse("portfolio:import"), {"bestand": SimpleUploadedFile("p.txt", b"x")})
    assert response.status_code == 200 and "Alleen .csv- en .xlsx-bestanden" in response.content.decode()


def test_a_large_file_is_checked_by_the_services_only_on_confirm(office, ministerie, login, settings, tmp_path, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from portfolio import uitwisseling_views

    def startpoort(a):
        raise ValidationError({"status": "Eerst een positief CIO-oordeel (art 5.3)."})

    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(uitwisseling_views, "PROEF_MAX_RIJEN", 0)
    activiteit(office, ministerie)
    rij = zet(zet(zet(eigen_export(office)[0], "Nummer", None), "Historie (JSON)", ""), "Status", "In uitvoering")
    client = login(office)
    response = client.post(reverse("portfolio:import"), {"bestand": SimpleUploadedFile("p.csv", uitwisseling.naar_csv([rij]))})
    controle_url = response["Location"]
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [startpoort])
    response = client.get(controle_url)
    assert "Dit bestand is groot" in response.content.decode() and "melding--error" not in response.content.decode()
    voor = tellingen()

    response = client.post(controle_url)

    assert response.status_code == 422
    inhoud = response.content.decode()
    assert "De import is niet uitgevoerd" in inhoud and "Eerst een positief CIO-oordeel (art 5.3)." in inhoud
    assert tellingen() == voor


def test_the_preview_shows_each_changed_field_with_its_old_and_new_value(office, ministerie):
    """Issue 18: the preview listed which activities change ('Gewijzigd: ICT-activiteit') but not what changes."""
    a = activiteit(office, ministerie, naam="Oude naam")
    rij = zet(zet(eigen_export(office)[0], "ICT-activiteit", "Nieuwe naam"), "Onderwerp", "Belastingen en toeslagen")
    bestand = uitwisseling.inlezen(io.BytesIO(FORMATEN["csv"][0]([rij])), "wijziging.csv")
    controle = uitwisseling.controleren(bestand, office)
    assert controle.fouten == []
    (plan,) = [r for r in controle.rijen if r.nummer == a.nummer]
    assert "ICT-activiteit: 'Oude naam' → 'Nieuwe naam'" in plan.wijzigingen
    assert any(w.startswith("Onderwerp: ") and w.endswith("→ 'Belastingen en toeslagen'") for w in plan.wijzigingen), plan.wijzigingen
