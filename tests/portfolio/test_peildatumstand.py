"""Issue 12: a version for a peildatum holds the activity as it stood on that date.

The reproduction: a herijking dated after the peildatum (recorded before the
version was prepared) was frozen into the version for the earlier peildatum and
published as its figures. Events, status, name and organisation dated after
the peildatum are left out; data entered late about something before it belongs in.
"""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from dashboard import jaarrapportage_gegevens, selectors
from portfolio import peildatumstand, services
from portfolio.models import ActiviteitHistorie, Gebeurtenis, IctActiviteit, Kwaliteitstoets, RedenHerijking, Status
from tests.factories import activiteit, bedragen

pytestmark = pytest.mark.django_db

P2025 = datetime.date(2025, 12, 31)
HERIJKING = datetime.date(2026, 2, 2)


@pytest.fixture(autouse=True)
def _drempel(settings, monkeypatch):
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])
    from django.core.cache import cache

    cache.clear()
    selectors.geheugen.legen()
    yield
    cache.clear()
    selectors.geheugen.legen()


def vers(a):
    a.refresh_from_db()
    return a


def gebeurtenis(actor, a, soort, datum, geschat, gerealiseerd, einddatum, **extra):
    a = vers(a)
    return services.gebeurtenis_toevoegen(
        actor=actor,
        activiteit=a,
        versie=a.versie,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen(geschat, gerealiseerd),
        **extra,
    )


def publiceren(office, cio, cio_rijk, a, peildatum):
    v = services.versie_voorbereiden(actor=office, activiteit=vers(a), peildatum=peildatum)
    services.versies_aftekenen(actor=cio, ministerie=a.ministerie, peildatum=peildatum, versies=[v])
    services.versies_publiceren(actor=cio_rijk, ministerie=a.ministerie, peildatum=peildatum, versies=[v])
    v.refresh_from_db()
    return v


@pytest.fixture
def digid(office, ministerie):
    """Activity 2002 of the reproduction: 45,2 mln on 31-12-2025, a herijking to 56,2 mln dated 02-02-2026."""
    a = activiteit(
        office,
        ministerie,
        naam="Doorontwikkeling DigiD Machtigen",
        startdatum=datetime.date(2023, 1, 1),
        einddatum=datetime.date(2026, 12, 31),
        geschat=40_000_000,
    )
    services.status_wijzigen(actor=office, activiteit=vers(a), versie=None, status=Status.IN_UITVOERING)
    gebeurtenis(office, a, Gebeurtenis.Soort.RAPPORTAGE, datetime.date(2025, 6, 30), 45_200_000, 20_000_000, datetime.date(2026, 12, 31))
    gebeurtenis(
        office,
        a,
        Gebeurtenis.Soort.HERIJKING,
        HERIJKING,
        56_200_000,
        30_000_000,
        datetime.date(2027, 6, 30),
        toelichting_kosten="Uitbreiding naar bedrijven.",
        redenen=list(RedenHerijking.objects.all()[:1]),
    )
    return vers(a)


def test_issue12_reproduction_the_version_for_31_12_2025_leaves_out_the_2026_herijking(digid, office, cio, cio_rijk, client):
    v = publiceren(office, cio, cio_rijk, digid, P2025)
    assert v.actueel_totaal == Decimal("45200000.00")
    assert v.actuele_einddatum == datetime.date(2026, 12, 31)
    assert v.gerealiseerd == Decimal("20000000.00")
    assert v.aantal_herijkingen == 0 and v.herijkingen_per_reden == {}
    assert [g["soort"] for g in v.gegevens["gebeurtenissen"]] == ["initieel", "rapportage"]
    assert Decimal(v.gegevens["kerncijfers"]["actueel_totaal"]) == Decimal("45200000")

    # The public page, the open data, the API and the Jaarrapportage show the stand on 31-12-2025.
    pagina = client.get(reverse("dashboard:activiteit", args=[digid.nummer]), {"peildatum": P2025.isoformat()})
    tekst = pagina.content.decode()
    assert pagina.status_code == 200
    assert "45,2" in tekst and "56,2" not in tekst and "30-06-2027" not in tekst

    data = json.loads(client.get(reverse("dashboard:export", args=["json"]), {"peildatum": P2025.isoformat()}).content)
    rij = json.dumps(data, ensure_ascii=False)
    assert "56200000" not in rij and "2027-06-30" not in rij and "45200000" in rij

    api = APIClient().get(f"/api/v1/publiek/activiteiten/{digid.nummer}/", {"peildatum": P2025.isoformat()}).json()
    assert Decimal(api["actueel_totaal"]) == Decimal("45200000.00")
    assert api["actuele_einddatum"] == "2026-12-31" and api["aantal_herijkingen"] == 0

    rapport = jaarrapportage_gegevens.verzamelen(jaar=2025, user=cio_rijk)
    assert [r["actueel_totaal"] for r in rapport.rijen] == [Decimal("45200000.00")]
    assert rapport.herijkingen == []


def test_issue12_status_name_and_organisation_are_those_in_force_on_the_peildatum(digid, office, dienstonderdeel):
    services.status_wijzigen(
        actor=office, activiteit=vers(digid), versie=None, status=Status.IN_HERORIENTATIE, ingangsdatum=datetime.date(2026, 3, 1)
    )
    a = vers(digid)
    services.activiteit_wijzigen(
        actor=office, activiteit=a, versie=a.versie, gegevens={"naam": "DigiD Machtigen 2.0", "dienstonderdeel": dienstonderdeel}
    )
    assert ActiviteitHistorie.objects.filter(activiteit=digid).count() >= 3

    stand = peildatumstand.stand_op(digid, P2025)
    assert stand.status == Status.IN_UITVOERING
    assert stand.naam == "Doorontwikkeling DigiD Machtigen"
    assert stand.dienstonderdeel_id is None
    v = services.versie_voorbereiden(actor=office, activiteit=vers(digid), peildatum=P2025)
    assert (v.activiteit_status, v.naam, v.dienstonderdeel_id) == (Status.IN_UITVOERING, "Doorontwikkeling DigiD Machtigen", None)
    assert v.gegevens["naam"] == "Doorontwikkeling DigiD Machtigen" and v.gegevens["status"] == Status.IN_UITVOERING
    assert v.organisatie == str(digid.ministerie)
    # Today the current values are in force.
    nu = peildatumstand.stand_op(digid, datetime.date.today())
    assert (nu.status, nu.naam, nu.dienstonderdeel_id) == (Status.IN_HERORIENTATIE, "DigiD Machtigen 2.0", dienstonderdeel.pk)


def test_issue12_a_status_before_any_recorded_change_is_the_old_value(office, ministerie):
    a = activiteit(office, ministerie, startdatum=datetime.date(2024, 6, 1))
    services.status_wijzigen(actor=office, activiteit=vers(a), versie=None, status=Status.IN_UITVOERING)
    # In uitvoering from its startdatum; not yet on a peildatum before it.
    assert peildatumstand.stand_op(a, datetime.date(2023, 12, 31)).status == Status.NOG_NIET_GESTART
    assert peildatumstand.stand_op(a, datetime.date(2024, 12, 31)).status == Status.IN_UITVOERING


def test_issue12_data_entered_late_about_before_the_peildatum_belongs_in_it(digid, office):
    a = vers(digid)
    services.activiteit_wijzigen(
        actor=office,
        activiteit=a,
        versie=a.versie,
        gegevens={},
        onderdelen=[
            Kwaliteitstoets(toetsdatum=datetime.date(2025, 5, 1), uitvoerende_partij="AcICT", soort=Kwaliteitstoets.Soort.ACICT_ADVIES),
            Kwaliteitstoets(toetsdatum=datetime.date(2026, 5, 1), uitvoerende_partij="AcICT", soort=Kwaliteitstoets.Soort.ACICT_ADVIES),
        ],
    )
    v = services.versie_voorbereiden(actor=office, activiteit=vers(digid), peildatum=P2025)
    assert v.aantal_acict_adviezen == 1
    assert [t["toetsdatum"] for t in v.gegevens["kwaliteitstoetsen"]] == ["2025-05-01"]


def test_issue12_preparing_lists_what_is_left_out_because_it_is_dated_later(digid, office, cio, login):
    weggelaten = peildatumstand.weggelaten(digid, P2025)
    assert any(HERIJKING.strftime("%d-%m-%Y") in w["omschrijving"] for w in weggelaten)
    v = services.versie_voorbereiden(actor=office, activiteit=vers(digid), peildatum=P2025)
    assert v.gegevens["weggelaten"] == weggelaten

    client = login(office)
    response = client.post(reverse("portfolio:versie_voorbereiden", args=[digid.pk, P2025]), follow=True)
    assert "Herijking 02-02-2026" in response.content.decode()
    # The CIO's sign-off page lists it too.
    bevestigen = login(cio).get(reverse("portfolio:versies_aftekenen", args=[digid.ministerie_id, P2025]))
    assert "Herijking 02-02-2026" in bevestigen.content.decode()


def test_issue12_met_kerncijfers_op_a_date(digid):
    a = IctActiviteit.objects.met_kerncijfers(op=P2025).get(pk=digid.pk)
    assert a.k_actueel_totaal == Decimal("45200000.00") and a.k_aantal_herijkingen == 0
    assert a.k_peildatum == datetime.date(2025, 6, 30)
    nu = IctActiviteit.objects.met_kerncijfers().get(pk=digid.pk)
    assert nu.k_actueel_totaal == Decimal("56200000.00") and nu.k_aantal_herijkingen == 1


# --------------------------------------------------------------------------
# The fall-back marker: figures of an earlier peildatum say so (issue 12)

P2024 = datetime.date(2024, 12, 31)


@pytest.fixture
def terugval(office, cio, cio_rijk, ministerie):
    """Two activities published for 31-12-2024; only ``nieuw`` for 31-12-2025, so ``oud`` falls back to 2024."""
    nieuw = activiteit(office, ministerie, naam="Nieuwe registratie", geschat=20_000_000)
    oud = activiteit(office, ministerie, naam="Oude registratie", geschat=30_000_000)
    for a in (nieuw, oud):
        publiceren(office, cio, cio_rijk, a, P2024)
    publiceren(office, cio, cio_rijk, nieuw, P2025)
    return nieuw, oud


def test_issue12_rows_and_key_figures_say_which_figures_are_of_an_earlier_peildatum(terugval):
    nieuw, oud = terugval
    rijen = {r["activiteit_id"]: r for r in selectors.rijen(P2025)}
    assert (rijen[oud.pk]["cijfers_peildatum"], rijen[oud.pk]["eerdere_peildatum"]) == (P2024, True)
    assert (rijen[nieuw.pk]["cijfers_peildatum"], rijen[nieuw.pk]["eerdere_peildatum"]) == (P2025, False)
    assert selectors.kerncijfers(list(rijen.values())).aantal_eerdere_peildatum == 1
    assert selectors.kerncijfers(selectors.rijen(P2024)).aantal_eerdere_peildatum == 0


def test_issue12_public_pages_mark_the_fall_back(terugval, client):
    nieuw, oud = terugval
    lijst = client.get(reverse("dashboard:activiteiten")).content.decode()
    assert 'data-eerdere-peildatum="1"' in lijst and "cijfers van 31-12-2024" in lijst
    assert 'data-eerdere-peildatum="1"' in client.get(reverse("dashboard:home")).content.decode()
    pagina = client.get(reverse("dashboard:activiteit", args=[oud.nummer])).content.decode()
    assert "dit zijn de cijfers van peildatum 31-12-2024" in pagina
    assert "data-eerdere-peildatum" not in client.get(reverse("dashboard:activiteit", args=[nieuw.nummer])).content.decode()
    assert "data-eerdere-peildatum" not in client.get(reverse("dashboard:home"), {"peildatum": P2024.isoformat()}).content.decode()


def test_issue12_open_data_has_the_column_with_the_peildatum_of_the_figures(terugval, client):
    import csv
    import io

    from portfolio import uitwisseling as u

    nieuw, oud = terugval
    tekst = client.get(reverse("dashboard:export", args=["csv"])).content.decode("utf-8-sig")
    tabel = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    kolom = tabel[0].index(u.CIJFERS_PEILDATUM)
    per_nummer = {int(r[0]): r[kolom] for r in tabel[1:]}
    assert per_nummer == {nieuw.nummer: "2025-12-31", oud.nummer: "2024-12-31"}
    data = json.loads(client.get(reverse("dashboard:export", args=["json"])).content)
    assert data["metadata"]["aantal_eerdere_peildatum"] == 1


def test_issue12_the_api_says_which_figures_are_of_an_earlier_peildatum(terugval):
    nieuw, oud = terugval
    api = APIClient()
    lijst = api.get("/api/v1/publiek/activiteiten/").json()
    rijen = {r["nummer"]: r for r in lijst["results"]}
    assert (rijen[oud.nummer]["cijfers_peildatum"], rijen[oud.nummer]["eerdere_peildatum"]) == ("2024-12-31", True)
    assert rijen[nieuw.nummer]["eerdere_peildatum"] is False
    assert api.get(f"/api/v1/publiek/activiteiten/{oud.nummer}/").json()["eerdere_peildatum"] is True
    assert api.get("/api/v1/publiek/kerncijfers/").json()["aantal_eerdere_peildatum"] == 1


def test_issue12_the_jaarrapportage_marks_the_fall_back(terugval, cio_rijk):
    from dashboard import jaarrapportage_opmaak

    nieuw, oud = terugval
    g = jaarrapportage_gegevens.verzamelen(jaar=2025, user=cio_rijk)
    assert g.kerncijfers.aantal_eerdere_peildatum == 1
    html = jaarrapportage_opmaak.html_inhoud(g)
    assert "Waarvan met cijfers van een eerdere peildatum" in html and "cijfers van 31-12-2024" in html


def test_issue12_the_ingangsdatum_of_a_status_through_the_page_and_the_api(digid, office, login):
    from tests.api.conftest import api

    a = vers(digid)
    response = login(office).post(
        reverse("portfolio:status", args=[a.nummer]),
        {
            "versie": a.versie,
            "status": Status.IN_HERORIENTATIE,
            "ingangsdatum": "2026-01-15",
        },
    )
    assert response.status_code == 302
    assert peildatumstand.stand_op(digid, datetime.date(2026, 1, 14)).status == Status.IN_UITVOERING
    assert peildatumstand.stand_op(digid, datetime.date(2026, 1, 15)).status == Status.IN_HERORIENTATIE
    a = vers(digid)
    toekomst = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    fout = api(office).post(
        f"/api/v1/activiteiten/{a.nummer}/status/",
        {"versie": a.versie, "status": Status.IN_UITVOERING, "ingangsdatum": toekomst},
        format="json",
    )
    assert fout.status_code == 400 and "ingangsdatum" in fout.content.decode()
    goed = api(office).post(
        f"/api/v1/activiteiten/{a.nummer}/status/",
        {"versie": a.versie, "status": Status.IN_UITVOERING, "ingangsdatum": "2026-03-01"},
        format="json",
    )
    assert goed.status_code == 200
    assert peildatumstand.stand_op(digid, datetime.date(2026, 2, 1)).status == Status.IN_HERORIENTATIE
