"""The I-strategie Rijk and the toezeggingen through the pages: B26, the holder's progress, the register, the refusals.

Every role's allowed and refused side; the werkvoorraad's tasks (an overdue action for its holder, the
overdue update for the CIO Rijk).
"""

import datetime

import pytest
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from cio_stelsel.rechten import Rol
from informatieplannen.models import Actie, StrategieActualisatie, Thema, Toezegging, Voortgang
from tests.factories import benoem

pytestmark = pytest.mark.django_db
D = datetime.timedelta


def _actualisatie(vandaag, **kw):
    return {
        "jaar": vandaag.year,
        "besproken_in_cio_beraad_op": (vandaag - D(days=20)).isoformat(),
        "cio_beraad_verslag": "Verslag CIO-beraad 2026-05",
        "kamerstuk": "26 643, nr. 1300",
        "verzonden_op": (vandaag - D(days=5)).isoformat(),
        **kw,
    }


# -- B26: the yearly update


def test_b26_cio_rijk_records_the_update_and_the_overview_no_longer_shows_it_overdue(login, cio_rijk, strategie, vandaag):
    c = login(cio_rijk)
    r = c.get(reverse("istrategie:overzicht"))
    assert r.status_code == 200 and "Te laat:" in r.content.decode()
    r = c.post(reverse("istrategie:actualisatie_nieuw", args=[strategie.pk]), _actualisatie(vandaag))
    assert r.status_code == 302
    a = StrategieActualisatie.objects.get()
    assert a.kamerstuk == "26 643, nr. 1300" and a.cio_beraad_verslag == "Verslag CIO-beraad 2026-05"
    assert AuditRecord.objects.filter(actie="istrategie.actualisatie", actor=cio_rijk).exists()
    r = c.get(reverse("istrategie:overzicht"))
    assert "Te laat:" not in r.content.decode() and "26 643, nr. 1300" in r.content.decode()


def test_b26_overview_shows_overdue_when_the_last_update_was_sent_more_than_twelve_months_ago(login, cio_rijk, strategie, vandaag):
    StrategieActualisatie.objects.create(
        strategie=strategie,
        jaar=vandaag.year - 1,
        besproken_in_cio_beraad_op=vandaag - D(days=400),
        cio_beraad_verslag="Verslag",
        kamerstuk="26 643, nr. 1100",
        verzonden_op=vandaag - D(days=380),
    )
    r = login(cio_rijk).get(reverse("istrategie:overzicht"))
    assert "meer dan twaalf maanden geleden" in r.content.decode()


def test_b26_update_without_kamerstuk_or_sent_before_the_cio_beraad_is_refused_naming_the_field(login, cio_rijk, strategie, vandaag):
    c = login(cio_rijk)
    r = c.post(reverse("istrategie:actualisatie_nieuw", args=[strategie.pk]), _actualisatie(vandaag, kamerstuk=""))
    assert r.status_code == 200 and "id_kamerstuk_fout" in r.content.decode()
    vroeg = _actualisatie(vandaag, verzonden_op=(vandaag - D(days=30)).isoformat())
    r = c.post(reverse("istrategie:actualisatie_nieuw", args=[strategie.pk]), vroeg)
    assert r.status_code == 200 and "id_verzonden_op_fout" in r.content.decode() and "B26" in r.content.decode()
    assert not StrategieActualisatie.objects.exists()


@pytest.mark.parametrize("rol", ["office", "cio", "ciso", "beheerder"])
def test_b26_only_the_cio_rijk_records_the_update(request, login, rol, strategie, vandaag):
    c = login(request.getfixturevalue(rol))
    assert c.get(reverse("istrategie:actualisatie_nieuw", args=[strategie.pk])).status_code == 403
    assert c.post(reverse("istrategie:actualisatie_nieuw", args=[strategie.pk]), _actualisatie(vandaag)).status_code == 403
    assert not StrategieActualisatie.objects.exists()


# -- the structure: the CIO Rijk maintains it


def test_cio_rijk_builds_the_structure_through_the_pages(login, cio_rijk, strategie, ministerie, vandaag):
    c = login(cio_rijk)
    assert c.post(reverse("istrategie:onderdeel_nieuw", args=["thema", strategie.pk]), {"naam": "Data", "volgorde": 2}).status_code == 302
    thema = Thema.objects.get(naam="Data")
    assert c.post(reverse("istrategie:onderdeel_nieuw", args=["speerpunt", thema.pk]), {"naam": "Datagedreven werken"}).status_code == 302
    sp = thema.speerpunten.get()
    assert c.post(reverse("istrategie:onderdeel_nieuw", args=["maatregel", sp.pk]), {"omschrijving": "Datastrategie"}).status_code == 302
    m = sp.maatregelen.get()
    actie = {"omschrijving": "Data-ethiek", "houder_ministerie": ministerie.pk, "termijn": vandaag.isoformat(), "status": "lopend"}
    assert c.post(reverse("istrategie:onderdeel_nieuw", args=["actie", m.pk]), actie).status_code == 302
    assert m.acties.get().houder_ministerie == ministerie
    assert AuditRecord.objects.filter(actie="istrategie.actie.aangemaakt", actor=cio_rijk).exists()
    assert c.get(reverse("istrategie:overzicht")).status_code == 200


def test_an_action_with_two_holders_or_none_is_refused_naming_the_field(login, cio_rijk, maatregel, ministerie, actie_beraad, vandaag):
    c = login(cio_rijk)
    beide = {
        "omschrijving": "x",
        "houder_ministerie": ministerie.pk,
        "houder_overlegorgaan": actie_beraad.houder_overlegorgaan_id,
        "termijn": vandaag.isoformat(),
        "status": "lopend",
    }
    r = c.post(reverse("istrategie:onderdeel_nieuw", args=["actie", maatregel.pk]), beide)
    assert r.status_code == 200 and "id_houder_ministerie_fout" in r.content.decode()
    r = c.post(
        reverse("istrategie:onderdeel_nieuw", args=["actie", maatregel.pk]), {**beide, "houder_ministerie": "", "houder_overlegorgaan": ""}
    )
    assert r.status_code == 200 and "id_houder_ministerie_fout" in r.content.decode()
    assert Actie.objects.count() == 1


@pytest.mark.parametrize("rol", ["office", "cio", "ciso", "beheerder"])
def test_only_the_cio_rijk_maintains_the_structure(request, login, rol, strategie, actie_bzk, vandaag):
    c = login(request.getfixturevalue(rol))
    thema = Thema.objects.get()
    assert c.post(reverse("istrategie:onderdeel_nieuw", args=["thema", strategie.pk]), {"naam": "X", "volgorde": 1}).status_code == 403
    assert c.post(reverse("istrategie:onderdeel_bewerken", args=["thema", thema.pk]), {"naam": "X", "volgorde": 1}).status_code == 403
    assert c.post(reverse("istrategie:onderdeel_verwijderen", args=["actie", actie_bzk.pk])).status_code == 403
    assert c.get(reverse("istrategie:strategie_nieuw")).status_code == 403
    assert Thema.objects.get().naam == "Digitale weerbaarheid" and Actie.objects.filter(pk=actie_bzk.pk).exists()


def test_deleting_asks_for_confirmation_and_refuses_a_part_with_content(login, cio_rijk, strategie, actie_bzk):
    c = login(cio_rijk)
    thema = Thema.objects.get()
    r = c.get(reverse("istrategie:onderdeel_verwijderen", args=["thema", thema.pk]))
    assert r.status_code == 200 and "Ja, verwijderen" in r.content.decode()
    r = c.post(reverse("istrategie:onderdeel_verwijderen", args=["thema", thema.pk]), follow=True)
    assert Thema.objects.filter(pk=thema.pk).exists() and "verwijder die eerst" in r.content.decode()
    c.post(reverse("istrategie:onderdeel_verwijderen", args=["actie", actie_bzk.pk]))
    assert not Actie.objects.filter(pk=actie_bzk.pk).exists()
    assert AuditRecord.objects.filter(actie="istrategie.actie.verwijderd", actor=cio_rijk).exists()


def test_an_unknown_kind_of_part_is_a_404(login, cio_rijk, strategie):
    assert login(cio_rijk).get(reverse("istrategie:onderdeel_nieuw", args=["strategie", strategie.pk])).status_code == 404


# -- progress: the holder only


def test_holder_ministry_reports_progress_through_the_page(login, office, cio, actie_bzk):
    for user in (office, cio):
        r = login(user).post(reverse("istrategie:voortgang", args=[actie_bzk.pk]), {"tekst": "Ronde 1 gedaan.", "status": "vertraagd"})
        assert r.status_code == 302
    actie_bzk.refresh_from_db()
    assert actie_bzk.status == "vertraagd" and actie_bzk.voortgang.count() == 2
    assert AuditRecord.objects.filter(actie="istrategie.voortgang", actor=office).exists()


def test_progress_without_text_is_refused_naming_the_field(login, office, actie_bzk):
    r = login(office).post(reverse("istrategie:voortgang", args=[actie_bzk.pk]), {"tekst": "", "status": "lopend"})
    assert r.status_code == 200 and "id_tekst_fout" in r.content.decode()


def test_others_do_not_report_progress_on_a_ministry_action(login, collega_ander_ministerie, cio_rijk, ciso, actie_bzk):
    for user in (collega_ander_ministerie, cio_rijk, ciso):
        c = login(user)
        assert c.get(reverse("istrategie:voortgang", args=[actie_bzk.pk])).status_code == 403
        assert c.post(reverse("istrategie:voortgang", args=[actie_bzk.pk]), {"tekst": "x", "status": "lopend"}).status_code == 403
    assert not Voortgang.objects.exists()


def test_cio_rijk_reports_for_the_cio_beraad_and_a_ministry_does_not(login, cio_rijk, office, actie_beraad):
    assert (
        login(office).post(reverse("istrategie:voortgang", args=[actie_beraad.pk]), {"tekst": "x", "status": "lopend"}).status_code == 403
    )
    r = login(cio_rijk).post(reverse("istrategie:voortgang", args=[actie_beraad.pk]), {"tekst": "Besproken.", "status": "afgerond"})
    assert r.status_code == 302


def test_the_action_list_searches_and_filters_overdue_and_own(login, office, actie_bzk, actie_beraad):
    c = login(office)
    r = c.get(reverse("istrategie:acties"), {"q": "pentest"}).content.decode()
    assert actie_bzk.omschrijving in r and actie_beraad.omschrijving not in r
    r = c.get(reverse("istrategie:acties"), {"te_laat": "1"}).content.decode()
    assert actie_bzk.omschrijving in r and actie_beraad.omschrijving not in r and "Termijn verstreken" in r
    r = c.get(reverse("istrategie:acties"), {"eigen": "1"}).content.decode()
    assert actie_bzk.omschrijving in r and actie_beraad.omschrijving not in r


# -- the register of commitments


def _toezegging(ministerie, vandaag, **kw):
    return {
        "soort": "toezegging",
        "nummer": "TZ202411-102",
        "tekst": "Voortgang cloudbeleid",
        "datum": "2024-11-20",
        "ministerie": ministerie.pk,
        "termijn": (vandaag + D(days=60)).isoformat(),
        **kw,
    }


def test_cio_rijk_registers_a_toezegging_and_a_wrong_number_names_the_field(login, cio_rijk, ministerie, vandaag):
    c = login(cio_rijk)
    r = c.post(reverse("istrategie:toezegging_nieuw"), _toezegging(ministerie, vandaag, nummer="TZ2024-1"))
    assert r.status_code == 200 and "id_nummer_fout" in r.content.decode() and "TZjjjjmm-nnn" in r.content.decode()
    assert c.post(reverse("istrategie:toezegging_nieuw"), _toezegging(ministerie, vandaag)).status_code == 302
    # A motie carries its Kamerstuk number.
    motie = _toezegging(ministerie, vandaag, soort="motie", nummer="36 600 VII, nr. 81")
    assert c.post(reverse("istrategie:toezegging_nieuw"), motie).status_code == 302
    # The same number twice names the field.
    r = c.post(reverse("istrategie:toezegging_nieuw"), _toezegging(ministerie, vandaag))
    assert r.status_code == 200 and "id_nummer_fout" in r.content.decode()
    assert Toezegging.objects.count() == 2
    assert AuditRecord.objects.filter(actie="toezegging.geregistreerd", actor=cio_rijk).count() == 2


@pytest.mark.parametrize("rol", ["office", "cio", "ciso", "beheerder"])
def test_only_the_cio_rijk_registers_a_toezegging(request, login, rol, ministerie, vandaag):
    c = login(request.getfixturevalue(rol))
    assert c.post(reverse("istrategie:toezegging_nieuw"), _toezegging(ministerie, vandaag)).status_code == 403
    assert not Toezegging.objects.exists()


def test_responsible_ministry_postpones_with_a_new_date_and_an_explanation(login, office, toezegging_bzk, vandaag):
    c = login(office)
    url = reverse("istrategie:toezegging_status", args=[toezegging_bzk.pk])
    r = c.post(url, {"status": "uitgesteld", "nieuwe_termijn": "", "toelichting": ""})
    body = r.content.decode()
    assert r.status_code == 200 and "id_nieuwe_termijn_fout" in body and "id_toelichting_fout" in body
    nieuw = vandaag + D(days=90)
    assert c.post(url, {"status": "uitgesteld", "nieuwe_termijn": nieuw.isoformat(), "toelichting": "Na de zomer."}).status_code == 302
    toezegging_bzk.refresh_from_db()
    assert toezegging_bzk.status == "uitgesteld" and toezegging_bzk.termijn == nieuw
    assert AuditRecord.objects.filter(actie="toezegging.bijgewerkt", actor=office).exists()


def test_another_ministry_does_not_update_a_commitment_and_the_cio_rijk_does(
    login, collega_ander_ministerie, ciso, cio_rijk, toezegging_bzk
):
    url = reverse("istrategie:toezegging_status", args=[toezegging_bzk.pk])
    for user in (collega_ander_ministerie, ciso):
        assert login(user).post(url, {"status": "afgedaan"}).status_code == 403
    assert login(cio_rijk).post(url, {"status": "afgedaan"}).status_code == 302
    toezegging_bzk.refresh_from_db()
    assert toezegging_bzk.status == "afgedaan"


def test_cio_rijk_links_a_commitment_to_actions_and_activities(
    login, cio_rijk, office, collega_ander_ministerie, toezegging_bzk, actie_bzk, ministerie
):
    from tests.factories import activiteit

    act = activiteit(office, ministerie)
    c = login(cio_rijk)
    r = c.post(reverse("istrategie:toezegging_koppelen", args=[toezegging_bzk.pk]), {"acties": [actie_bzk.pk], "activiteiten": [act.pk]})
    assert r.status_code == 302
    assert list(toezegging_bzk.acties.all()) == [actie_bzk] and list(toezegging_bzk.activiteiten.all()) == [act]
    assert AuditRecord.objects.filter(actie="toezegging.gekoppeld").exists()
    assert login(office).post(reverse("istrategie:toezegging_koppelen", args=[toezegging_bzk.pk]), {"acties": []}).status_code == 403
    # The detail shows the linked activity to who may read it, not to another ministry (an activity is internal).
    url = reverse("istrategie:toezegging", args=[toezegging_bzk.pk])
    assert act.naam in login(office).get(url).content.decode()
    assert act.naam not in login(collega_ander_ministerie).get(url).content.decode()


def test_the_staff_list_searches_and_marks_overdue_in_words(login, office, toezegging_bzk, motie_fin):
    c = login(office)
    r = c.get(reverse("istrategie:toezeggingen"), {"te_laat": "1"}).content.decode()
    assert "TZ202501-151" in r and "26 643, nr. 1200" not in r and "Te laat" in r
    r = c.get(reverse("istrategie:toezeggingen"), {"q": "cloud"}).content.decode()
    assert "26 643, nr. 1200" in r and "TZ202501-151" not in r


# -- the werkvoorraad


def test_werkvoorraad_overdue_action_for_its_holder_only(login, office, collega_ander_ministerie, actie_bzk):
    r = login(office).get(reverse("cio_stelsel:werkvoorraad")).content.decode()
    assert "Actie van de I-strategie over de termijn" in r and reverse("istrategie:actie", args=[actie_bzk.pk]) in r
    r = login(collega_ander_ministerie).get(reverse("cio_stelsel:werkvoorraad")).content.decode()
    assert "Actie van de I-strategie over de termijn" not in r


def test_b26_werkvoorraad_overdue_update_for_the_cio_rijk_only(login, cio_rijk, office, strategie, vandaag):
    assert (
        "Jaarlijkse actualisatie van de I-strategie is te laat" in login(cio_rijk).get(reverse("cio_stelsel:werkvoorraad")).content.decode()
    )
    assert "Jaarlijkse actualisatie" not in login(office).get(reverse("cio_stelsel:werkvoorraad")).content.decode()
    StrategieActualisatie.objects.create(
        strategie=strategie,
        jaar=vandaag.year,
        besproken_in_cio_beraad_op=vandaag - D(days=10),
        cio_beraad_verslag="V",
        kamerstuk="26 643, nr. 1",
        verzonden_op=vandaag - D(days=5),
    )
    assert "Jaarlijkse actualisatie" not in login(cio_rijk).get(reverse("cio_stelsel:werkvoorraad")).content.decode()


def test_pages_work_without_any_data(login, cio_rijk, office):
    for user in (cio_rijk, office):
        c = login(user)
        for naam in ("istrategie:overzicht", "istrategie:acties", "istrategie:toezeggingen"):
            assert c.get(reverse(naam)).status_code == 200
    assert "I-strategie vastleggen" in login(cio_rijk).get(reverse("istrategie:overzicht")).content.decode()


def test_staff_pages_need_a_log_in(client, strategie):
    r = client.get(reverse("istrategie:overzicht"))
    assert r.status_code == 302 and "/inloggen/" in r["Location"]


def test_minister_sees_the_pages_but_changes_nothing(login, ministerie, actie_bzk, toezegging_bzk):
    minister = benoem(Rol.MINISTER, ministerie).persoon.user
    c = login(minister)
    assert c.get(reverse("istrategie:actie", args=[actie_bzk.pk])).status_code == 200
    assert c.post(reverse("istrategie:voortgang", args=[actie_bzk.pk]), {"tekst": "x", "status": "lopend"}).status_code == 403
    assert c.post(reverse("istrategie:toezegging_status", args=[toezegging_bzk.pk]), {"status": "afgedaan"}).status_code == 403
