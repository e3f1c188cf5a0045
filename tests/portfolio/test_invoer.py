"""Issue 20, "Bad input that got through": every write refuses nonsense with a clear error, through the API and the form.

The numbers in the test names are the findings of the issue (1 dates, 3 amounts,
4 lax parsing, plus the correction that replaces deleting history).
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from cio_stelsel.audit import AuditRecord
from portfolio import invoerregels, services
from portfolio.models import ActiviteitVersie, Gebeurtenis, IctActiviteit, Status
from tests.api.conftest import api
from tests.factories import activiteit, bedragen
from tests.portfolio.test_paginas import formulier, tekst

VIJF_MAXIMAAL = {
    f"geschat_{c}": "9999999999999.99"
    for c in ("intern_personeel", "extern_personeel", "overig_materieel", "uitbesteed_werk", "overige_kosten")
}


@pytest.fixture
def a(office, ministerie):
    return activiteit(office, ministerie, naam="Vernieuwing basisregistratie", geschat=12_000_000)


def gebeurtenis_url(a, pad=""):
    return f"/api/v1/activiteiten/{a.nummer}/gebeurtenissen/{pad}"


def rapportage(a, **velden):
    return {"versie": a.versie, "soort": "rapportage", "datum": "2024-12-31", "einddatum": "2026-12-31", **velden}


def fouten(r, status=400):
    assert r.status_code == status, (r.status_code, r.content[:800])
    assert r["Content-Type"] == "application/problem+json"
    return r.json().get("fouten", {})


# -- 1. dates ---------------------------------------------------------------------------------


def test_issue20_1_api_refuses_a_far_future_event_and_end_date(office, a):
    r = api(office).post(gebeurtenis_url(a), rapportage(a, datum="9999-12-31", einddatum="9999-12-31"), format="json")
    f = fouten(r)
    assert "niet na vandaag" in f["datum"][0]
    assert "25 jaar" in f["einddatum"][0]
    assert a.gebeurtenissen.count() == 1
    # The activity is not blocked: a normal report still goes in.
    assert api(office).post(gebeurtenis_url(a), rapportage(a), format="json").status_code == 201


def test_issue20_1_api_refuses_an_event_before_2000(office, a):
    f = fouten(api(office).post(gebeurtenis_url(a), rapportage(a, datum="0001-01-01"), format="json"))
    assert "01-01-2000" in f["datum"][0]


def test_issue20_1_form_refuses_an_event_dated_after_today(office, a, login):
    client = login(office)
    url = reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=rapportage"
    data = formulier(client.get(url))
    data.update({"datum": "2099-12-31", "einddatum": "2026-12-31"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "niet na vandaag" in tekst(response)
    assert a.gebeurtenissen.count() == 1


def test_issue20_1_service_refuses_a_far_future_event_whatever_the_caller(office, a):
    with pytest.raises(services.ValidationError) as exc:
        services.gebeurtenis_toevoegen(
            actor=office,
            activiteit=a,
            versie=a.versie,
            soort="rapportage",
            datum=datetime.date(9999, 12, 31),
            einddatum=datetime.date(9999, 12, 31),
            bedragen=bedragen(12_000_000),
        )
    assert {"datum", "einddatum"} <= set(exc.value.message_dict)


def test_issue20_1_startdatum_at_most_25_years_ahead(office, a):
    r = api(office).patch(f"/api/v1/activiteiten/{a.nummer}/", {"versie": a.versie, "startdatum": "2999-01-01"}, format="json")
    assert "25 jaar" in fouten(r)["startdatum"][0]


@pytest.mark.parametrize("peildatum", ["0001-01-01", "2024-11-30", "2099-12-31"])
def test_issue20_1_api_refuses_a_peildatum_off_the_calendar(office, a, peildatum):
    r = api(office).post("/api/v1/versies/voorbereiden/", {"activiteit": a.nummer, "peildatum": peildatum}, format="json")
    assert fouten(r)["peildatum"]
    assert not ActiviteitVersie.objects.exists()


def test_issue20_1_a_quarter_end_is_a_peildatum(office, a):
    r = api(office).post("/api/v1/versies/voorbereiden/", {"activiteit": a.nummer, "peildatum": "2024-06-30"}, format="json")
    assert r.status_code == 201, r.json()


def test_issue20_1_page_refuses_a_peildatum_off_the_calendar(office, a, login):
    adres = reverse("portfolio:versie_voorbereiden", args=[a.pk, datetime.date(2001, 2, 3)])
    response = login(office).post(adres, follow=True)
    assert "einde van een kwartaal" in response.content.decode()
    assert not ActiviteitVersie.objects.exists()


def test_issue20_1_peildatum_rule():
    assert invoerregels.peildatum_fouten(datetime.date(2024, 12, 31)) == []
    assert invoerregels.peildatum_fouten(datetime.date(2024, 3, 31)) == []
    assert invoerregels.peildatum_fouten(datetime.date(2024, 4, 1))
    assert invoerregels.peildatum_fouten(datetime.date(1999, 12, 31))


# -- 3. five maximal amounts ------------------------------------------------------------------


def test_issue20_3_api_five_maximal_amounts_are_a_400_naming_the_fields(office, a):
    f = fouten(api(office).post(gebeurtenis_url(a), rapportage(a, **VIJF_MAXIMAAL), format="json"))
    assert set(VIJF_MAXIMAAL) <= set(f)
    assert a.gebeurtenissen.count() == 1


def test_issue20_3_the_largest_allowed_amounts_fit_in_the_total(office, a):
    grootste = {veld: str(invoerregels.MAX_BEDRAG) for veld in VIJF_MAXIMAAL}
    r = api(office).post(gebeurtenis_url(a), rapportage(a, **grootste), format="json")
    assert r.status_code == 201, r.json()
    assert Decimal(r.json()["totaal_geschat"]) == invoerregels.MAX_BEDRAG * 5


def test_issue20_3_form_refuses_a_too_large_amount(office, a, login):
    client = login(office)
    url = reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=rapportage"
    data = formulier(client.get(url))
    data.update({"datum": "2024-12-31", "einddatum": "2026-12-31", **{k: "9999999999999,99" for k in VIJF_MAXIMAAL}})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "te groot" in tekst(response)
    assert a.gebeurtenissen.count() == 1


# -- 4. lax parsing ---------------------------------------------------------------------------


def test_issue20_4_api_refuses_arabic_indic_digits(office, a):
    f = fouten(api(office).post(gebeurtenis_url(a), rapportage(a, geschat_uitbesteed_werk="٣٤٥"), format="json"))
    assert "geschat_uitbesteed_werk" in f
    assert a.gebeurtenissen.count() == 1


def test_issue20_4_api_stores_minus_zero_as_zero(office, a):
    r = api(office).post(gebeurtenis_url(a), rapportage(a, gerealiseerd_uitbesteed_werk="-0.0"), format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["gerealiseerd_uitbesteed_werk"] == "0.00"
    g = a.gebeurtenissen.get(soort="rapportage")
    assert str(g.gerealiseerd_uitbesteed_werk) == "0.00"


def test_issue20_4_form_refuses_arabic_indic_digits_and_normalises_minus_zero(office, a, login):
    client = login(office)
    url = reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=rapportage"
    data = formulier(client.get(url))
    data.update({"datum": "2024-12-31", "einddatum": "2026-12-31", "geschat_uitbesteed_werk": "٣٤٥"})
    assert client.post(url, data).status_code == 200
    assert a.gebeurtenissen.count() == 1
    data.update({"geschat_uitbesteed_werk": "12.000.000", "gerealiseerd_uitbesteed_werk": "-0"})
    assert client.post(url, data).status_code == 302
    assert str(a.gebeurtenissen.get(soort="rapportage").gerealiseerd_uitbesteed_werk) == "0.00"


def test_issue20_4_import_amount_accepts_ascii_digits_only():
    from portfolio import uitwisseling

    with pytest.raises(uitwisseling._Ongeldig):
        uitwisseling.bedrag("٣٤٥")
    assert str(uitwisseling.bedrag("-0,0")) == "0.00"
    with pytest.raises(uitwisseling._Ongeldig):
        uitwisseling.bedrag("9999999999999,99")


def test_issue20_4_bedrag_uit_tekst():
    assert invoerregels.bedrag_uit_tekst("345") == Decimal("345")
    assert str(invoerregels.bedrag_uit_tekst("-0.00")) == "0.00"
    for slecht in ("٣٤٥", "NaN", "Infinity", "1e5", "", "1.2.3", "１２"):
        with pytest.raises(ValueError):
            invoerregels.bedrag_uit_tekst(slecht)


# -- 1. a mistaken last event is corrected, never deleted -------------------------------------


def _fout_vastgelegd(office, a):
    """A mistaken rapportage (a wrong date and amount, as far as the rules let it in)."""
    a.refresh_from_db()
    return services.gebeurtenis_toevoegen(
        actor=office,
        activiteit=a,
        versie=a.versie,
        soort="rapportage",
        datum=invoerregels.vandaag(),
        einddatum=datetime.date(2040, 12, 31),
        bedragen=bedragen(99_000_000),
    )


def test_issue20_1_api_corrects_the_last_event_audited_and_keeps_the_history(office, a):
    fout = _fout_vastgelegd(office, a)
    a.refresh_from_db()
    c = api(office)
    r = c.post(
        gebeurtenis_url(a, "correctie/"),
        rapportage(a, datum="2024-12-31", einddatum="2026-12-31", geschat_uitbesteed_werk="13000000.00", reden="Typfout in het bedrag."),
        format="json",
    )
    assert r.status_code == 201, r.json()
    assert r.json()["vervangt"] == fout.pk and r.json()["reden_correctie"] == "Typfout in het bedrag."
    # Nothing deleted: the mistaken event stays, marked, and no longer counts.
    historie = c.get(gebeurtenis_url(a)).json()
    assert {g["id"]: g["vervangen"] for g in historie} == {
        a.gebeurtenissen.get(soort="initieel").pk: False,
        fout.pk: True,
        r.json()["id"]: False,
    }
    k = IctActiviteit.objects.met_kerncijfers().get(pk=a.pk).kerncijfers
    assert k.actueel_totaal == Decimal("13000000") and k.actuele_einddatum == datetime.date(2026, 12, 31)
    assert k.peildatum == datetime.date(2024, 12, 31)
    record = AuditRecord.objects.get(actie="gebeurtenis.gecorrigeerd")
    assert record.reden == "Typfout in het bedrag." and record.voor["datum"] == invoerregels.vandaag().isoformat()
    # The frozen version and the export read the events in force.
    v = services.versie_voorbereiden(actor=office, activiteit=a, peildatum=datetime.date(2024, 12, 31))
    assert [g["id"] for g in v.gegevens["gebeurtenissen"]] == [a.gebeurtenissen.get(soort="initieel").pk, r.json()["id"]]
    assert v.actueel_totaal == Decimal("13000000")
    from portfolio import uitwisseling

    assert [ev.datum for _id, evs in uitwisseling.gebeurtenissen_per_activiteit([a.pk]) for ev in evs] == [
        datetime.date(2022, 1, 1),
        datetime.date(2024, 12, 31),
    ]


def test_issue20_1_correction_needs_a_reason_and_only_the_last_event(office, a):
    c = api(office)
    # Only the initial baseline: nothing to correct.
    assert fouten(c.post(gebeurtenis_url(a, "correctie/"), rapportage(a, reden="x"), format="json"))
    _fout_vastgelegd(office, a)
    a.refresh_from_db()
    f = fouten(c.post(gebeurtenis_url(a, "correctie/"), rapportage(a, reden=""), format="json"))
    assert "reden" in f
    assert Gebeurtenis.objects.filter(vervangt__isnull=False).count() == 0
    with pytest.raises(services.ValidationError) as exc:
        services.gebeurtenis_corrigeren(
            actor=office,
            activiteit=a,
            versie=a.versie,
            reden="  ",
            soort="rapportage",
            datum=datetime.date(2024, 12, 31),
            einddatum=None,
            bedragen={},
        )
    assert "reden" in exc.value.message_dict


def test_issue20_1_correction_is_refused_to_other_ministries_and_the_cio_rijk(office, a, collega_ander_ministerie, cio_rijk):
    _fout_vastgelegd(office, a)
    a.refresh_from_db()
    assert api(collega_ander_ministerie).post(gebeurtenis_url(a, "correctie/"), rapportage(a, reden="x"), format="json").status_code == 404
    assert api(cio_rijk).post(gebeurtenis_url(a, "correctie/"), rapportage(a, reden="x"), format="json").status_code == 403
    assert not Gebeurtenis.objects.filter(vervangt__isnull=False).exists()


def test_issue20_1_correction_page_asks_for_confirmation_then_corrects(office, a, login):
    fout = _fout_vastgelegd(office, a)
    client = login(office)
    detail = client.get(reverse("portfolio:detail", args=[a.nummer]))
    url = reverse("portfolio:gebeurtenis_correctie", args=[a.nummer])
    assert url in detail.content.decode()
    data = formulier(client.get(url))
    assert data["geschat_uitbesteed_werk"] == "99.000.000"  # prefilled with the event being corrected
    data.update({"datum": "2024-12-31", "einddatum": "2026-12-31", "geschat_uitbesteed_werk": "13.000.000", "reden": "Verkeerde datum."})
    bevestigen = client.post(url, data)
    assert bevestigen.status_code == 200 and "Weet u zeker" in tekst(bevestigen)
    assert not Gebeurtenis.objects.filter(vervangt=fout).exists()
    response = client.post(url, formulier(bevestigen))
    assert response.status_code == 302
    correctie = Gebeurtenis.objects.get(vervangt=fout)
    assert correctie.datum == datetime.date(2024, 12, 31) and correctie.reden_correctie == "Verkeerde datum."
    assert "gecorrigeerd, telt niet mee" in tekst(client.get(reverse("portfolio:detail", args=[a.nummer])))


def test_issue20_1_correction_page_without_an_event_to_correct(office, a, login):
    response = login(office).get(reverse("portfolio:gebeurtenis_correctie", args=[a.nummer]))
    assert response.status_code == 200 and "geen rapportage of herijking om te corrigeren" in tekst(response)


# -- 4. unknown and read-only fields, required-by-state ---------------------------------------


def test_issue20_4_api_patch_with_read_only_fields_is_a_400_naming_them(office, a):
    r = api(office).patch(
        f"/api/v1/activiteiten/{a.nummer}/", {"versie": a.versie, "naam": "Nieuw", "status": "afgerond", "kerncijfers": {}}, format="json"
    )
    f = fouten(r)
    assert set(f) == {"status", "kerncijfers"}
    assert "/status/" in f["status"][0] and "alleen-lezen" in f["kerncijfers"][0]
    a.refresh_from_db()
    assert a.naam == "Vernieuwing basisregistratie" and a.versie == 1


def test_issue20_4_api_unknown_fields_are_a_400_naming_them(office, a):
    c = api(office)
    f = fouten(c.post(gebeurtenis_url(a), rapportage(a, geschat_totaal="1", bedrag="2"), format="json"))
    assert set(f) == {"geschat_totaal", "bedrag"} and "Onbekend veld" in f["bedrag"][0]
    f = fouten(
        c.post(f"/api/v1/activiteiten/{a.nummer}/mijlpalen/", {"versie": a.versie, "omschrijving": "Go-live", "id": 5}, format="json")
    )
    assert set(f) == {"id"}
    f = fouten(
        c.post(
            "/api/v1/versies/voorbereiden/", {"activiteit": a.nummer, "peildatum": "2024-12-31", "status": "gepubliceerd"}, format="json"
        )
    )
    assert set(f) == {"status"}
    assert a.gebeurtenissen.count() == 1 and not a.mijlpalen.exists() and not ActiviteitVersie.objects.exists()


def test_issue20_4_api_unknown_field_in_the_nested_initial_baseline(office, ministerie):
    r = api(office).post(
        "/api/v1/activiteiten/",
        {
            "naam": "Nieuw",
            "ministerie": ministerie.code,
            "initieel": {"einddatum": "2027-12-31", "totaal_geschat": "5"},
        },
        format="json",
    )
    assert "initieel.totaal_geschat" in fouten(r)
    assert not IctActiviteit.objects.exists()


def test_issue20_4_startdatum_stays_required_while_in_uitvoering(office, a, login):
    IctActiviteit.objects.filter(pk=a.pk).update(status=Status.IN_UITVOERING)  # started (the start gate is not the subject here)
    a.refresh_from_db()
    r = api(office).patch(f"/api/v1/activiteiten/{a.nummer}/", {"versie": a.versie, "startdatum": None}, format="json")
    assert "startdatum" in fouten(r)
    a.refresh_from_db()
    assert a.startdatum == datetime.date(2022, 1, 1)
    # The page form: the same rule through the service.
    client = login(office)
    url = reverse("portfolio:bewerken", args=[a.nummer])
    data = formulier(client.get(url))
    data["startdatum"] = ""
    response = client.post(url, data)
    assert response.status_code == 200 and "heeft een startdatum" in tekst(response)
    a.refresh_from_db()
    assert a.startdatum == datetime.date(2022, 1, 1)


def test_issue20_4_startdatum_may_be_cleared_before_the_start(office, a):
    r = api(office).patch(f"/api/v1/activiteiten/{a.nummer}/", {"versie": a.versie, "startdatum": None}, format="json")
    assert r.status_code == 200, r.json()
