"""Structural rules S1-S10 of domain/besluit.md: each refused where one change would break it, reported where it is a gap."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cio_stelsel import services
from cio_stelsel.models import Art17Afwijking, CioOffice, Overleglidmaatschap, Overlegorgaan, Roltoewijzing
from cio_stelsel.rechten import Rol
from cio_stelsel.stelselcontrole import handvest_verlopen, overtredingen, volgende_evaluatie
from tests.factories import (
    DienstonderdeelFactory,
    MinisterieFactory,
    PersoonFactory,
    ZboFactory,
    benoem,
    overlegorgaan,
)

pytestmark = pytest.mark.django_db
OP = datetime.date(2025, 6, 1)


def regels(organisatie=None, op=OP):
    return {o.regel for o in overtredingen(op) if organisatie is None or o.organisatie == str(organisatie)}


def volledig_ministerie(**kwargs):
    m = MinisterieFactory(**kwargs)
    benoem(Rol.SECRETARIS_GENERAAL, m)
    benoem(Rol.DEPARTEMENTALE_CIO, m)
    benoem(Rol.DEPARTEMENTALE_CISO, m)
    return m


# S1 -------------------------------------------------------------------------


def test_s1_one_active_departmental_cio_allowed_and_reported_complete():
    m = volledig_ministerie()
    assert "S1" not in regels(m)


def test_s1_second_active_cio_is_refused_naming_rule_and_article():
    m = volledig_ministerie()
    with pytest.raises(ValidationError) as exc:
        benoem(Rol.DEPARTEMENTALE_CIO, m, begindatum=datetime.date(2025, 1, 1))
    bericht = " ".join(exc.value.message_dict["begindatum"])
    assert "S1" in bericht and "art 3.1" in bericht and "departementale cio" in bericht.lower()
    assert Roltoewijzing.objects.filter(rol=Rol.DEPARTEMENTALE_CIO, ministerie=m).count() == 1


def test_s1_successor_after_end_of_predecessor_is_allowed():
    m = volledig_ministerie()
    huidige = Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CIO, ministerie=m)
    services.roltoewijzing_beeindigen(
        actor=None,
        toewijzing=huidige,
        einddatum=datetime.date(2025, 3, 31),
        reden="Vertrek",
        consultatie_datum=datetime.date(2025, 3, 1),
        consultatie="CIO Rijk geconsulteerd",
    )
    opvolger = benoem(Rol.DEPARTEMENTALE_CIO, m, begindatum=datetime.date(2025, 4, 1))
    assert opvolger.is_actief(OP)
    assert "S1" not in regels(m)


def test_s1_ministerie_without_cio_or_sg_is_reported():
    m = MinisterieFactory()
    gevonden = [o for o in overtredingen(OP) if o.organisatie == str(m) and o.regel == "S1"]
    assert len(gevonden) == 2  # no CIO, no SG
    assert all(o.artikel == "art 3.1" and o.herstel_url for o in gevonden)


# S2 -------------------------------------------------------------------------


def test_s2_appointed_cio_becomes_member_of_the_bestuursraad():
    m = volledig_ministerie()
    cio = Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CIO, ministerie=m)
    assert Roltoewijzing.objects.filter(rol=Rol.BESTUURSRAADLID, ministerie=m, persoon=cio.persoon).exists()
    assert "S2" not in regels(m)


def test_s2_cio_without_bestuursraad_seat_is_reported():
    m = volledig_ministerie()
    cio = Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CIO, ministerie=m)
    lid = Roltoewijzing.objects.get(rol=Rol.BESTUURSRAADLID, persoon=cio.persoon)
    services.roltoewijzing_beeindigen(actor=None, toewijzing=lid, einddatum=datetime.date(2025, 1, 31), reden="test")
    assert "S2" in regels(m)


# S3 -------------------------------------------------------------------------


def test_s3_appointing_a_cio_gives_exactly_one_office():
    m = volledig_ministerie()
    do = DienstonderdeelFactory(ministerie=m, substantieel=True)
    benoem(Rol.CIO_DIENSTONDERDEEL, do)
    assert CioOffice.objects.filter(ministerie=m, dienstonderdeel__isnull=True).count() == 1
    assert CioOffice.objects.filter(dienstonderdeel=do).count() == 1
    assert "S3" not in regels()


def test_s3_second_office_for_a_ministerie_is_refused():
    m = volledig_ministerie()
    office = CioOffice(ministerie=m, naam="Tweede office")
    with pytest.raises(ValidationError) as exc:
        services.organisatie_opslaan(actor=None, obj=office)
    assert "S3" in str(exc.value)


def test_s3_cio_without_office_is_reported():
    m = volledig_ministerie()
    CioOffice.objects.filter(ministerie=m).delete()
    assert "S3" in regels(m)


# S4 -------------------------------------------------------------------------


def test_s4_second_active_ciso_is_refused():
    m = volledig_ministerie()
    with pytest.raises(ValidationError) as exc:
        benoem(Rol.DEPARTEMENTALE_CISO, m, begindatum=datetime.date(2025, 2, 1))
    assert "S4" in str(exc.value) and "art 6.1" in str(exc.value)


def test_s4_ministerie_without_ciso_is_reported_and_with_ciso_not():
    m = MinisterieFactory()
    benoem(Rol.SECRETARIS_GENERAAL, m)
    benoem(Rol.DEPARTEMENTALE_CIO, m)
    assert "S4" in regels(m)
    benoem(Rol.DEPARTEMENTALE_CISO, m)
    assert "S4" not in regels(m)


# S5 -------------------------------------------------------------------------


def test_s5_substantial_dienstonderdeel_without_ciso_is_reported():
    m = volledig_ministerie()
    do = DienstonderdeelFactory(ministerie=m, substantieel=True)
    benoem(Rol.CIO_DIENSTONDERDEEL, do)
    gevonden = [o for o in overtredingen(OP) if o.organisatie == str(do)]
    assert [(o.regel, o.artikel) for o in gevonden] == [("S5", "art 9.4")]
    benoem(Rol.CISO_DIENSTONDERDEEL, do)
    assert not [o for o in overtredingen(OP) if o.organisatie == str(do)]


def test_s5_dienstonderdeel_without_substantial_portfolio_needs_no_cio():
    m = volledig_ministerie()
    do = DienstonderdeelFactory(ministerie=m)
    assert not [o for o in overtredingen(OP) if o.organisatie == str(do)]


def test_s5_second_cio_of_a_dienstonderdeel_is_refused():
    do = DienstonderdeelFactory(substantieel=True)
    benoem(Rol.CIO_DIENSTONDERDEEL, do)
    with pytest.raises(ValidationError) as exc:
        benoem(Rol.CIO_DIENSTONDERDEEL, do)
    assert "S5" in str(exc.value)


def test_s5_dienstonderdeel_role_on_a_ministerie_is_refused():
    m = MinisterieFactory()
    with pytest.raises(ValidationError) as exc:
        benoem(Rol.CIO_DIENSTONDERDEEL, m)
    assert "dienstonderdeel" in str(exc.value)


# S6 -------------------------------------------------------------------------


def test_s6_one_cio_rijk_and_one_ciso_rijk():
    assert {"S6"} <= regels()
    benoem(Rol.CIO_RIJK)
    benoem(Rol.CISO_RIJK)
    assert "S6" not in regels()


def test_s6_second_cio_rijk_is_refused():
    benoem(Rol.CIO_RIJK)
    with pytest.raises(ValidationError) as exc:
        benoem(Rol.CIO_RIJK)
    assert "S6" in str(exc.value)


def test_s6_rijksbrede_role_for_an_organisation_is_refused():
    with pytest.raises(ValidationError):
        benoem(Rol.CIO_RIJK, MinisterieFactory())


# S7 -------------------------------------------------------------------------


def test_s7_appointing_a_cio_without_consultation_is_refused():
    m = MinisterieFactory()
    with pytest.raises(ValidationError) as exc:
        services.roltoewijzing_starten(actor=None, persoon=PersoonFactory(), rol=Rol.DEPARTEMENTALE_CIO, organisatie=m, begindatum=OP)
    assert "S7" in str(exc.value) and "art 12.2" in str(exc.value)
    assert not Roltoewijzing.objects.filter(ministerie=m).exists()


def test_s7_appointment_records_the_consultation():
    m = MinisterieFactory()
    t = services.roltoewijzing_starten(
        actor=None,
        persoon=PersoonFactory(),
        rol=Rol.DEPARTEMENTALE_CIO,
        organisatie=m,
        begindatum=OP,
        consultatie_datum=datetime.date(2025, 5, 1),
        consultatie="Brief CIO Rijk 2025-0042",
    )
    t.refresh_from_db()
    assert t.consultatie_benoeming_datum == datetime.date(2025, 5, 1)
    assert t.consultatie_benoeming == "Brief CIO Rijk 2025-0042"


def test_s7_dismissing_a_cio_without_consultation_is_refused_and_with_it_recorded():
    m = volledig_ministerie()
    cio = Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CIO, ministerie=m)
    with pytest.raises(ValidationError) as exc:
        services.roltoewijzing_beeindigen(actor=None, toewijzing=cio, einddatum=OP, reden="Andere functie")
    assert "S7" in str(exc.value)
    cio.refresh_from_db()
    assert cio.einddatum is None
    services.roltoewijzing_beeindigen(
        actor=None,
        toewijzing=cio,
        einddatum=OP,
        reden="Andere functie",
        consultatie_datum=datetime.date(2025, 5, 20),
        consultatie="Akkoord CIO Rijk",
    )
    cio.refresh_from_db()
    assert (cio.einddatum, cio.consultatie_ontslag) == (OP, "Akkoord CIO Rijk")


# S8 -------------------------------------------------------------------------


def test_s8_a_zbo_holds_no_mandatory_stelsel_roles():
    zbo = ZboFactory()
    for rol in (Rol.DEPARTEMENTALE_CIO, Rol.DEPARTEMENTALE_CISO, Rol.CIO_OFFICE):
        with pytest.raises(ValidationError) as exc:
            benoem(rol, zbo)
        assert "S8" in str(exc.value)
    assert not Roltoewijzing.objects.exists()


def test_s8_a_zbo_without_roles_is_no_violation():
    zbo = ZboFactory(ministerie=volledig_ministerie())
    assert not [o for o in overtredingen(OP) if o.organisatie == str(zbo)]


# S9 -------------------------------------------------------------------------


def test_s9_cio_beraad_chaired_by_cio_rijk_with_all_cios_is_complete():
    m = volledig_ministerie()
    cio_rijk = benoem(Rol.CIO_RIJK).persoon
    orgaan = overlegorgaan(Overlegorgaan.Soort.CIO_BERAAD)
    services.overleglid_toevoegen(actor=None, overlegorgaan=orgaan, persoon=cio_rijk, functie="voorzitter", begindatum=OP)
    cio = Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CIO, ministerie=m).persoon
    assert any(o.regel == "S9" and "geen lid" in o.omschrijving for o in overtredingen(OP))
    services.overleglid_toevoegen(actor=None, overlegorgaan=orgaan, persoon=cio, functie="lid", begindatum=OP, namens_ministerie=m)
    assert not [o for o in overtredingen(OP) if o.organisatie == "CIO-beraad" and o.regel == "S9"]


def test_s9_chair_who_is_not_the_cio_rijk_is_refused():
    benoem(Rol.CIO_RIJK)
    orgaan = overlegorgaan(Overlegorgaan.Soort.CIO_BERAAD)
    with pytest.raises(ValidationError) as exc:
        services.overleglid_toevoegen(actor=None, overlegorgaan=orgaan, persoon=PersoonFactory(), functie="voorzitter", begindatum=OP)
    assert "S9" in str(exc.value)
    assert not Overleglidmaatschap.objects.exists()


def test_s9_torn_chair_must_be_delegated_by_cio_rijk():
    orgaan = overlegorgaan(Overlegorgaan.Soort.TORN)
    with pytest.raises(ValidationError):
        services.overleglid_toevoegen(actor=None, overlegorgaan=orgaan, persoon=PersoonFactory(), functie="voorzitter", begindatum=OP)
    services.overleglid_toevoegen(
        actor=None, overlegorgaan=orgaan, persoon=PersoonFactory(), functie="voorzitter", begindatum=OP, gedelegeerd_door_cio_rijk=True
    )
    assert not [o for o in overtredingen(OP) if o.organisatie.startswith("TORN")]


def test_s9_cto_raad_reports_an_unrepresented_ict_dienstverlener():
    m = volledig_ministerie()
    dv = DienstonderdeelFactory(ministerie=m, dienstverlener=True)
    overlegorgaan(Overlegorgaan.Soort.CTO_RAAD)
    assert any(o.regel == "S9" and str(dv) in o.omschrijving for o in overtredingen(OP))


# S10 ------------------------------------------------------------------------


def _afwijking(m, bepalingen, goedkeuren=True, **kwargs):
    minister = benoem(Rol.MINISTER, m).persoon
    afwijking = services.art17_afwijking_aanvragen(
        actor=None,
        ministerie=m,
        bepalingen=bepalingen,
        reden="Klein departement; taken belegd bij CIO.",
        aangevraagd_door=minister,
        consultatie_bzk_datum=datetime.date(2024, 11, 1),
        consultatie_bzk="Overleg BZK",
        begindatum=kwargs.pop("begindatum", datetime.date(2025, 1, 1)),
        **kwargs,
    )
    if goedkeuren is not None:
        services.art17_afwijking_besluiten(actor=None, afwijking=afwijking, goedgekeurd=goedkeuren)
    return afwijking


def test_s10_approved_afwijking_switches_off_exactly_the_named_rule_for_its_ministerie():
    m = MinisterieFactory()
    ander = MinisterieFactory()
    _afwijking(m, ["art6.1"])
    assert "S4" not in regels(m)
    assert "S1" in regels(m)  # not named: still reported
    assert "S4" in regels(ander)  # other ministerie: still reported


def test_s10_requested_or_refused_afwijking_switches_nothing_off():
    m = MinisterieFactory()
    _afwijking(m, ["art6.1"], goedkeuren=None)
    assert "S4" in regels(m)
    m2 = MinisterieFactory()
    _afwijking(m2, ["art6.1"], goedkeuren=False)
    assert "S4" in regels(m2)


def test_s10_afwijking_applies_only_in_its_period():
    m = MinisterieFactory()
    _afwijking(m, ["art6.1"], begindatum=datetime.date(2025, 1, 1), einddatum=datetime.date(2025, 3, 31))
    assert "S4" not in regels(m, op=datetime.date(2025, 2, 1))
    assert "S4" in regels(m, op=OP)


# B27 (art 17 afwijkingen) -----------------------------------------------------


def test_b27_afwijking_needs_named_provisions_reason_consultation_and_the_minister():
    m = MinisterieFactory()
    benoem(Rol.MINISTER, m)
    with pytest.raises(ValidationError) as exc:
        services.art17_afwijking_aanvragen(
            actor=None,
            ministerie=m,
            bepalingen=[],
            reden="",
            aangevraagd_door=PersoonFactory(),
            consultatie_bzk_datum=None,
            consultatie_bzk="",
            begindatum=OP,
        )
    assert set(exc.value.message_dict) == {"bepalingen", "reden", "consultatie_bzk", "aangevraagd_door"}
    assert not Art17Afwijking.objects.exists()


# B24, B25 ---------------------------------------------------------------------


def test_b24_handvest_overdue_after_two_years():
    orgaan = overlegorgaan(Overlegorgaan.Soort.CIO_BERAAD)
    services.handvest_vaststellen(actor=None, overlegorgaan=orgaan, versie="1.0", vastgesteld_op=datetime.date(2023, 5, 1))
    assert handvest_verlopen(datetime.date(2025, 5, 1))[0] is False
    assert handvest_verlopen(datetime.date(2025, 5, 2))[0] is True
    assert "B24" in regels(op=datetime.date(2025, 5, 2))


def test_b25_next_evaluation_every_three_years_from_2021():
    assert volgende_evaluatie(datetime.date(2023, 6, 1)) == datetime.date(2024, 1, 1)
    assert volgende_evaluatie(datetime.date(2024, 1, 1)) == datetime.date(2024, 1, 1)
    assert volgende_evaluatie(datetime.date(2026, 11, 22)) == datetime.date(2027, 1, 1)


def test_s1_extending_an_end_date_past_the_successors_start_is_refused():
    m = volledig_ministerie()
    huidige = Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CIO, ministerie=m)
    consult = {"consultatie_datum": datetime.date(2025, 1, 1), "consultatie": "CIO Rijk akkoord"}
    services.roltoewijzing_beeindigen(actor=None, toewijzing=huidige, einddatum=datetime.date(2030, 3, 31), reden="Vertrek", **consult)
    benoem(Rol.DEPARTEMENTALE_CIO, m, begindatum=datetime.date(2030, 4, 1))
    with pytest.raises(ValidationError) as exc:
        services.roltoewijzing_beeindigen(
            actor=None, toewijzing=huidige, einddatum=datetime.date(2031, 12, 31), reden="Verlengd", **consult
        )
    assert "S1" in str(exc.value)
    huidige.refresh_from_db()
    assert huidige.einddatum == datetime.date(2030, 3, 31)


def test_a_role_cannot_start_before_the_ministerie_exists():
    m = MinisterieFactory(geldig_van=datetime.date(2024, 7, 2))
    with pytest.raises(ValidationError) as exc:
        benoem(Rol.DEPARTEMENTALE_CISO, m, begindatum=datetime.date(2020, 1, 1))
    assert "begindatum" in exc.value.message_dict


def test_a_ministerie_may_have_two_ministers_and_either_requests_an_afwijking():
    m = MinisterieFactory()
    benoem(Rol.MINISTER, m)
    tweede = benoem(Rol.MINISTER, m).persoon
    afwijking = services.art17_afwijking_aanvragen(
        actor=None,
        ministerie=m,
        bepalingen=["art6.1"],
        reden="Doeltreffender",
        aangevraagd_door=tweede,
        consultatie_bzk_datum=OP,
        consultatie_bzk="Overleg BZK",
        begindatum=OP,
    )
    assert afwijking.aangevraagd_door == tweede


def test_s9_overlapping_chairs_are_refused():
    orgaan = overlegorgaan(Overlegorgaan.Soort.TORN)
    services.overleglid_toevoegen(
        actor=None,
        overlegorgaan=orgaan,
        persoon=PersoonFactory(),
        functie="voorzitter",
        begindatum=datetime.date(2022, 9, 1),
        gedelegeerd_door_cio_rijk=True,
    )
    with pytest.raises(ValidationError) as exc:
        services.overleglid_toevoegen(
            actor=None,
            overlegorgaan=orgaan,
            persoon=PersoonFactory(),
            functie="voorzitter",
            begindatum=datetime.date(2022, 1, 1),
            gedelegeerd_door_cio_rijk=True,
        )
    assert "S9" in str(exc.value)


def test_s9_torn_needs_delegates_of_every_cio_office_and_ict_dienstverlener():
    m = volledig_ministerie()
    dv = DienstonderdeelFactory(ministerie=m, dienstverlener=True)
    orgaan = overlegorgaan(Overlegorgaan.Soort.TORN)
    services.overleglid_toevoegen(
        actor=None, overlegorgaan=orgaan, persoon=PersoonFactory(), functie="voorzitter", begindatum=OP, gedelegeerd_door_cio_rijk=True
    )
    torn = [o for o in overtredingen(OP) if o.organisatie.startswith("TORN")]
    assert {o.artikel for o in torn} == {"art 15.8"} and len(torn) == 2
    services.overleglid_toevoegen(
        actor=None, overlegorgaan=orgaan, persoon=PersoonFactory(), functie="lid", begindatum=OP, namens_ministerie=m
    )
    services.overleglid_toevoegen(
        actor=None, overlegorgaan=orgaan, persoon=PersoonFactory(), functie="lid", begindatum=OP, namens_dienstonderdeel=dv
    )
    assert not [o for o in overtredingen(OP) if o.organisatie.startswith("TORN")]


def test_s10_afwijking_from_art_6_1_gives_the_cio_the_ciso_contribution():
    from guardian.shortcuts import get_perms

    from cio_stelsel.rechten import Recht

    m = MinisterieFactory()
    cio = benoem(Rol.DEPARTEMENTALE_CIO, m).persoon.user
    assert Recht.CISOBIJDRAGE_LEVEREN not in get_perms(cio, m)
    _afwijking(m, ["art6.1"], begindatum=datetime.date(2024, 1, 1))
    assert Recht.CISOBIJDRAGE_LEVEREN in get_perms(cio, m)
