"""B26 (the yearly update of the I-strategie with the CIO-beraad and the Kamerstuk), actions and commitments."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cio_stelsel.models import AuditRecord, Overlegorgaan
from informatieplannen import istrategie
from informatieplannen.models import Actie, IStrategie, Maatregel, Speerpunt, Thema, Toezegging

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def strategie(db):
    s = IStrategie.objects.create(titel="I-strategie Rijk 2021-2025", periode_van=2021, periode_tot=2025)
    thema = Thema.objects.create(strategie=s, naam="Digitale weerbaarheid")
    sp = Speerpunt.objects.create(thema=thema, naam="Informatiebeveiliging op orde")
    Maatregel.objects.create(speerpunt=sp, omschrijving="Versnellingsmaatregelen digitale weerbaarheid")
    return s


@pytest.fixture
def actie_bzk(strategie, ministerie):
    return Actie.objects.create(
        maatregel=Maatregel.objects.get(), omschrijving="Pentesten", houder_ministerie=ministerie, termijn=D(2024, 6, 30)
    )


@pytest.fixture
def actie_beraad(strategie):
    beraad = Overlegorgaan.objects.get_or_create(soort=Overlegorgaan.Soort.CIO_BERAAD)[0]
    return Actie.objects.create(
        maatregel=Maatregel.objects.get(), omschrijving="Handvest", houder_overlegorgaan=beraad, termijn=D(2030, 1, 1)
    )


def _actualisatie(actor, strategie, **kw):
    gegevens = {
        "jaar": 2024,
        "besproken_in_cio_beraad_op": D(2024, 5, 14),
        "cio_beraad_verslag": "CIO-beraad 14 mei 2024",
        "kamerstuk": "26 643, nr. 1150",
        "verzonden_op": D(2024, 6, 1),
        **kw,
    }
    return istrategie.actualisatie_vastleggen(actor=actor, strategie=strategie, **gegevens)


def test_b26_cio_rijk_records_the_yearly_update_with_the_cio_beraad_and_the_kamerstuk(strategie, cio_rijk):
    a = _actualisatie(cio_rijk, strategie)
    assert a.kamerstuk == "26 643, nr. 1150"
    assert AuditRecord.objects.filter(actie="istrategie.actualisatie", actor=cio_rijk).exists()


def test_b26_without_cio_beraad_or_kamerstuk_is_refused(strategie, cio_rijk):
    with pytest.raises(ValidationError) as exc:
        _actualisatie(cio_rijk, strategie, cio_beraad_verslag=" ", kamerstuk="")
    assert {"cio_beraad_verslag", "kamerstuk"} <= set(exc.value.message_dict)


def test_b26_sent_before_the_cio_beraad_discussed_it_is_refused(strategie, cio_rijk):
    with pytest.raises(ValidationError) as exc:
        _actualisatie(cio_rijk, strategie, verzonden_op=D(2024, 5, 1))
    assert "verzonden_op" in exc.value.message_dict


def test_b26_only_the_cio_rijk_records_the_update(strategie, office, cio, ciso, beheerder):
    for user in (office, cio, ciso, beheerder):
        with pytest.raises(PermissionDenied):
            _actualisatie(user, strategie)


def test_b26_overdue_twelve_months_after_the_last_update(strategie, cio_rijk):
    assert istrategie.actualisatie_te_laat(strategie, op=D(2024, 1, 1))  # never sent
    _actualisatie(cio_rijk, strategie)
    assert not istrategie.actualisatie_te_laat(strategie, op=D(2025, 6, 1))
    assert istrategie.actualisatie_te_laat(strategie, op=D(2025, 6, 2))


def test_holder_ministry_reports_progress_on_its_own_action(actie_bzk, office):
    istrategie.voortgang_melden(actor=office, actie=actie_bzk, tekst="Eerste ronde gedaan.", status="lopend")
    actie_bzk.refresh_from_db()
    assert actie_bzk.status == Actie.Status.LOPEND and actie_bzk.voortgang.count() == 1


def test_other_ministry_and_cio_rijk_do_not_report_on_a_ministry_action(actie_bzk, collega_ander_ministerie, cio_rijk, ciso):
    for user in (collega_ander_ministerie, cio_rijk, ciso):
        with pytest.raises(PermissionDenied):
            istrategie.voortgang_melden(actor=user, actie=actie_bzk, tekst="x", status="lopend")


def test_cio_rijk_reports_for_the_cio_beraad_and_a_ministry_does_not(actie_beraad, cio_rijk, office):
    istrategie.voortgang_melden(actor=cio_rijk, actie=actie_beraad, tekst="Besproken.", status="afgerond")
    with pytest.raises(PermissionDenied):
        istrategie.voortgang_melden(actor=office, actie=actie_beraad, tekst="x", status="lopend")


def test_overdue_action_stands_out(actie_bzk, actie_beraad):
    assert list(istrategie.acties_te_laat(op=D(2025, 1, 1))) == [actie_bzk]


def test_toezegging_number_and_postponement_need_a_new_date_and_explanation(cio_rijk, ministerie, office):
    gegevens = {
        "soort": "toezegging",
        "nummer": "TZ202106-12",
        "tekst": "Kamer informeren",
        "datum": D(2021, 6, 1),
        "ministerie": ministerie,
        "termijn": D(2022, 1, 1),
    }
    with pytest.raises(ValidationError) as exc:
        istrategie.toezegging_registreren(actor=cio_rijk, gegevens=gegevens)
    assert "nummer" in exc.value.message_dict
    t = istrategie.toezegging_registreren(actor=cio_rijk, gegevens={**gegevens, "nummer": "TZ202106-123"})
    with pytest.raises(PermissionDenied):
        istrategie.toezegging_registreren(actor=office, gegevens={**gegevens, "nummer": "TZ202106-124"})
    assert list(istrategie.toezeggingen_te_laat(op=D(2022, 2, 1))) == [t]
    with pytest.raises(ValidationError) as exc:
        istrategie.toezegging_bijwerken(actor=cio_rijk, toezegging=t, status="uitgesteld")
    assert {"termijn", "toelichting"} <= set(exc.value.message_dict)
    t = istrategie.toezegging_bijwerken(
        actor=cio_rijk, toezegging=t, status="uitgesteld", toelichting="Na de zomer.", nieuwe_termijn=D(2022, 9, 1)
    )
    assert t.status == Toezegging.Status.UITGESTELD and t.termijn == D(2022, 9, 1)
    assert AuditRecord.objects.filter(actie="toezegging.bijgewerkt").exists()
