"""Rules B1-B9 of domain/besluit.md: the CIO-oordeel, the start gate of art 5.3, and the AcICT aanmelding.

Each rule from the role that may (it works) and from roles that may not (refused).
"""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from cio_stelsel.models import AuditRecord
from oordelen import selectors, services
from oordelen.models import Aanmelding, BestuursraadAgendapunt, CioOordeel
from portfolio import services as portfolio_services
from portfolio.models import Kwaliteitstoets, Soort, Status
from tests.factories import activiteit

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date.today()
ASPECTEN = {
    "aanleiding": "Voor de start",
    "kwaliteitskader_versie": "Kwaliteitskader CIO-oordelen Rijksoverheid 2.1",
    "beheersing": "voldoende",
    "beheersing_toelichting": "Projectbeheersing op orde.",
    "haalbaarheid": "aandachtspunten",
    "haalbaarheid_toelichting": "Planning krap.",
    "risicos": "voldoende",
    "risicos_toelichting": "Risico's in beeld.",
    "implicaties": "voldoende",
    "implicaties_toelichting": "Geen bijzondere implicaties.",
}


@pytest.fixture
def groot(office, ministerie):
    return activiteit(office, ministerie, naam="Nieuw belastingsysteem", geschat=40_000_000)


def concept(office, act):
    return services.oordeel_opstellen(actor=office, activiteit=act, gegevens=ASPECTEN)


def vastgesteld(office, ciso, cio, act, uitkomst="positief", voorwaarden=None):
    o = concept(office, act)
    services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO-maatregelen getoetst; DPIA uitgevoerd.")
    return services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst=uitkomst, motivering="Afgewogen oordeel.", voorwaarden=voorwaarden)


def starten(actor, act):
    act.refresh_from_db()
    return portfolio_services.status_wijzigen(actor=actor, activiteit=act, versie=act.versie, status=Status.IN_UITVOERING)


# B1 / B2 ----------------------------------------------------------------------


def test_b1_start_without_any_oordeel_is_refused_citing_art_5_3(office, groot):
    with pytest.raises(ValidationError) as exc:
        starten(office, groot)
    assert "art 5.3" in str(exc.value) and "B1" in str(exc.value)
    groot.refresh_from_db()
    assert groot.status == Status.NOG_NIET_GESTART


def test_b1_start_with_positive_oordeel_is_allowed(office, ciso, cio, groot):
    vastgesteld(office, ciso, cio, groot)
    assert starten(office, groot).status == Status.IN_UITVOERING


def test_b1_positief_onder_voorwaarden_counts_as_positive_and_tracks_the_conditions(office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="positief_onder_voorwaarden", voorwaarden=["Externe review vóór fase 2"])
    assert [v.omschrijving for v in o.voorwaarden.all()] == ["Externe review vóór fase 2"]
    assert starten(office, groot).status == Status.IN_UITVOERING
    assert any(t.soort == "voorwaarde" for t in selectors.taken_voor(cio))


def test_b1_negative_oordeel_blocks_start_until_a_reasoned_afwijking_by_the_sg(office, ciso, cio, sg, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    with pytest.raises(ValidationError) as exc:
        starten(office, groot)
    assert "art 5.3" in str(exc.value)
    services.afwijking_vastleggen(
        actor=sg,
        oordeel=o,
        door_rol="secretaris_generaal",
        motivering="Maatschappelijke noodzaak weegt zwaarder dan de risico's; extra toezicht ingericht.",
        datum=VANDAAG,
    )
    assert starten(office, groot).status == Status.IN_UITVOERING


def test_b1_afwijking_only_by_sg_or_minister_of_the_same_ministerie(office, ciso, cio, groot, collega_ander_ministerie, cio_rijk):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    for actor in (office, cio, ciso, collega_ander_ministerie, cio_rijk):
        with pytest.raises(PermissionDenied):
            services.afwijking_vastleggen(actor=actor, oordeel=o, door_rol="secretaris_generaal", motivering="x" * 40, datum=VANDAAG)


def test_b1_afwijking_needs_reasons(office, ciso, cio, sg, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    with pytest.raises(ValidationError) as exc:
        services.afwijking_vastleggen(actor=sg, oordeel=o, door_rol="secretaris_generaal", motivering="Omdat.", datum=VANDAAG)
    assert "motivering" in exc.value.message_dict


def test_b1_the_gate_also_applies_to_a_later_negative_oordeel(office, ciso, cio, groot):
    vastgesteld(office, ciso, cio, groot, uitkomst="positief")
    vastgesteld(office, ciso, cio, groot, uitkomst="negatief")  # B4: the latest decided one counts
    with pytest.raises(ValidationError):
        starten(office, groot)


def test_b1_activity_below_threshold_needs_no_oordeel(office, ministerie):
    klein = activiteit(office, ministerie, naam="Klein", geschat=1_000_000)
    assert starten(office, klein).status == Status.IN_UITVOERING


def test_b1_art_19_an_activity_started_before_the_besluit_took_effect_needs_no_oordeel(office, ministerie):
    # Registering today's portfolio: art 5.3 did not apply to a start before 01-01-2021 (art 19) ...
    oud = activiteit(office, ministerie, naam="Gestart in 2020", geschat=40_000_000, startdatum=datetime.date(2020, 12, 31))
    assert starten(office, oud).status == Status.IN_UITVOERING
    # ... and does to a start on that day or later.
    nieuw = activiteit(office, ministerie, naam="Gestart in 2021", geschat=40_000_000, startdatum=datetime.date(2021, 1, 1))
    with pytest.raises(ValidationError) as exc:
        starten(office, nieuw)
    assert "art 5.3" in str(exc.value)


def test_b2_maintenance_activities_are_not_exempt(office, ministerie):
    beheer = activiteit(office, ministerie, naam="Beheer mainframe", geschat=30_000_000, soort=Soort.BEHEER_EN_ONDERHOUD)
    with pytest.raises(ValidationError) as exc:
        starten(office, beheer)
    assert "art 5.3" in str(exc.value)


# B3 ---------------------------------------------------------------------------


def test_b3_negative_oordeel_puts_an_item_on_the_bestuursraad_agenda(office, ciso, cio, sg, groot, ministerie):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    punt = BestuursraadAgendapunt.objects.get(oordeel=o)
    assert punt.ministerie == ministerie and punt.status == "open"
    assert any(t.soort == "bestuursraad" for t in selectors.taken_voor(sg))


def test_b3_positive_oordeel_puts_nothing_on_the_agenda(office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot)
    assert not BestuursraadAgendapunt.objects.filter(oordeel=o).exists()


# B4 ---------------------------------------------------------------------------


def test_b4_several_oordelen_over_an_activitys_life_the_latest_counts(office, ciso, cio, groot):
    eerste = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    tweede = vastgesteld(office, ciso, cio, groot, uitkomst="positief")
    assert services.geldend_oordeel(groot) == tweede != eerste
    assert groot.oordelen.count() == 2


# B5 ---------------------------------------------------------------------------


def test_b5_oordeel_cannot_be_decided_without_the_ciso_contribution(office, cio, groot):
    o = concept(office, groot)
    with pytest.raises(ValidationError) as exc:
        services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="positief", motivering="Goed.")
    assert "B5" in " ".join(exc.value.message_dict["ciso_bijdrage"])
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.CONCEPT


def test_b5_only_the_ciso_of_the_same_organisation_contributes(office, cio, groot, collega_ander_ministerie, cio_rijk):
    o = concept(office, groot)
    for actor in (office, cio, collega_ander_ministerie, cio_rijk):
        with pytest.raises(PermissionDenied):
            services.ciso_bijdrage_leveren(actor=actor, oordeel=o, bijdrage="x")


def test_b5_ciso_is_asked_by_email_after_commit(office, ciso, groot, django_capture_on_commit_callbacks, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from config.celery import app

    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            concept(office, groot)
    finally:
        app.conf.task_always_eager = False
    assert [m.to for m in mail.outbox] == [[ciso.email]]
    assert "informatiebeveiliging" in mail.outbox[0].subject.lower()


# B6 ---------------------------------------------------------------------------


def test_b6_oordeel_records_quality_norm_version_and_all_four_aspects(office, ciso, cio, groot):
    o = concept(office, groot)
    o = services.oordeel_wijzigen(actor=office, oordeel=o, versie=o.versie, gegevens={"kwaliteitskader_versie": "", "implicaties": ""})
    services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    with pytest.raises(ValidationError) as exc:
        services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="positief", motivering="Goed.")
    assert {"kwaliteitskader_versie", "beheersing"} <= set(exc.value.message_dict)


# B7 ---------------------------------------------------------------------------


def test_b7_decided_oordeel_is_immutable(office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot)
    with pytest.raises(ValidationError):
        services.oordeel_wijzigen(actor=office, oordeel=o, versie=o.versie, gegevens={"motivering": "anders"})
    with pytest.raises(ValidationError):
        services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="negatief", motivering="Toch niet.")
    o.refresh_from_db()
    assert o.uitkomst == "positief"


def test_b7_cio_rijk_sees_decided_oordelen_but_no_drafts(office, ciso, cio, groot, cio_rijk, collega_ander_ministerie):
    besloten = vastgesteld(office, ciso, cio, groot)
    ontwerp = concept(office, groot)
    assert set(CioOordeel.objects.zichtbaar_voor(cio_rijk)) == {besloten}
    assert set(CioOordeel.objects.zichtbaar_voor(office)) == {besloten, ontwerp}
    assert not CioOordeel.objects.zichtbaar_voor(collega_ander_ministerie).exists()


def test_b7_only_the_cio_decides(office, ciso, groot, collega_ander_ministerie, cio_rijk, cio_ander_ministerie):
    o = concept(office, groot)
    services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    for actor in (office, ciso, collega_ander_ministerie, cio_rijk, cio_ander_ministerie):
        with pytest.raises(PermissionDenied):
            services.oordeel_vaststellen(actor=actor, oordeel=o, uitkomst="positief", motivering="Goed.")


def test_b7_cio_rijk_cannot_draft_or_edit(groot, cio_rijk, office):
    with pytest.raises(PermissionDenied):
        services.oordeel_opstellen(actor=cio_rijk, activiteit=groot, gegevens=ASPECTEN)
    o = concept(office, groot)
    with pytest.raises(PermissionDenied):
        services.oordeel_wijzigen(actor=cio_rijk, oordeel=o, versie=o.versie, gegevens={"aanleiding": "x"})


def test_b7_every_transition_is_audited(office, ciso, cio, groot):
    o = vastgesteld(office, ciso, cio, groot)
    acties = list(
        AuditRecord.objects.filter(object_type="oordelen.ciooordeel", object_id=str(o.pk)).order_by("id").values_list("actie", "actor")
    )
    assert acties == [("oordeel.opgesteld", office.pk), ("oordeel.ciso_bijdrage", ciso.pk), ("oordeel.vastgesteld", cio.pk)]


def test_b7_decided_oordeel_does_not_become_a_public_kwaliteitstoets(office, ciso, cio, groot):
    vastgesteld(office, ciso, cio, groot)
    assert not groot.kwaliteitstoetsen.filter(soort=Kwaliteitstoets.Soort.CIO_OORDEEL).exists()


# B8 / B9 ----------------------------------------------------------------------


def test_b8_aanmelding_requires_a_decided_oordeel(office, groot):
    concept(office, groot)
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_opstellen(actor=office, activiteit=groot)
    assert "B8" in str(exc.value)


def test_b9_only_the_departmental_cio_submits(office, ciso, cio, groot, collega_ander_ministerie, cio_rijk, cio_ander_ministerie):
    vastgesteld(office, ciso, cio, groot)
    aanmelding = services.aanmelding_opstellen(actor=office, activiteit=groot)
    for actor in (office, ciso, collega_ander_ministerie, cio_rijk, cio_ander_ministerie):
        with pytest.raises(PermissionDenied):
            services.aanmelding_indienen(actor=actor, aanmelding=aanmelding)
    assert services.aanmelding_indienen(actor=cio, aanmelding=aanmelding).status == Aanmelding.Status.AANGEMELD


def test_acict_lifecycle_to_bestuurlijke_reactie(office, ciso, cio, groot, cio_rijk):
    vastgesteld(office, ciso, cio, groot)
    a = services.aanmelding_opstellen(actor=office, activiteit=groot)
    assert not Aanmelding.objects.zichtbaar_voor(cio_rijk).exists()  # drafts stay internal
    a = services.aanmelding_indienen(actor=cio, aanmelding=a)
    a = services.collegebesluit_vastleggen(actor=office, aanmelding=a, toetsen=True, datum=VANDAAG)
    a = services.advies_vastleggen(
        actor=office,
        aanmelding=a,
        datum=VANDAAG - datetime.timedelta(days=40),
        samenvatting="Het college adviseert te faseren.",
        aanbevelingen=["Faseer de invoering", "Versterk de regie"],
        kamerstuk="26 643, nr. 1100",
    )
    assert groot.kwaliteitstoetsen.filter(soort=Kwaliteitstoets.Soort.ACICT_ADVIES).count() == 1
    assert [t.te_laat for t in selectors.taken_voor(cio) if t.soort == "reactie"] == [True]
    assert list(selectors.advies_zonder_reactie(cio_rijk)) == [a]
    eerste, tweede = a.aanbevelingen.all()
    with pytest.raises(ValidationError) as exc:
        services.reactie_vaststellen(
            actor=cio,
            aanmelding=a,
            datum=VANDAAG,
            toelichting="Reactie",
            reacties={eerste.pk: ("overgenomen", ""), tweede.pk: ("niet_overgenomen", "")},
        )
    assert "redenen" in str(exc.value)
    a = services.reactie_vaststellen(
        actor=cio,
        aanmelding=a,
        datum=VANDAAG,
        toelichting="De minister neemt het advies grotendeels over.",
        reacties={eerste.pk: ("overgenomen", ""), tweede.pk: ("niet_overgenomen", "Regie is al belegd bij de CIO.")},
    )
    assert a.status == Aanmelding.Status.REACTIE_VASTGESTELD and a.gedeeld_met_cio_rijk_op == VANDAAG
    assert not list(selectors.advies_zonder_reactie(cio_rijk))


def test_cio_rijk_overview_lists_started_activities_without_positive_oordeel(office, ciso, cio, sg, ministerie, cio_rijk):
    zonder = activiteit(office, ministerie, naam="Zonder oordeel", geschat=20_000_000)
    met_afwijking = activiteit(office, ministerie, naam="Met afwijking", geschat=20_000_000)
    positief = activiteit(office, ministerie, naam="Positief", geschat=20_000_000)
    # 'Zonder oordeel' started before the gate existed (e.g. imported history): simulate by a direct update.
    type(zonder).objects.filter(pk=zonder.pk).update(status=Status.IN_UITVOERING)
    o = vastgesteld(office, ciso, cio, met_afwijking, uitkomst="negatief")
    services.afwijking_vastleggen(
        actor=sg,
        oordeel=o,
        door_rol="secretaris_generaal",
        motivering="Politiek-bestuurlijke noodzaak, met extra waarborgen.",
        datum=VANDAAG,
    )
    starten(office, met_afwijking)
    vastgesteld(office, ciso, cio, positief)
    starten(office, positief)
    # Started before the Besluit took effect (art 19, 01-01-2021): no oordeel was required, so not listed.
    oud = activiteit(office, ministerie, naam="Gestart in 2019", geschat=20_000_000, startdatum=datetime.date(2019, 3, 1))
    type(oud).objects.filter(pk=oud.pk).update(status=Status.IN_UITVOERING)
    rijen = {a.naam: a.met_afwijking for a in selectors.gestart_zonder_positief_oordeel(cio_rijk)}
    assert rijen == {"Zonder oordeel": False, "Met afwijking": True}


def test_b1_afwijking_is_recorded_in_the_role_the_actor_holds(office, ciso, cio, sg, groot):
    o = vastgesteld(office, ciso, cio, groot, uitkomst="negatief")
    with pytest.raises(ValidationError) as exc:
        services.afwijking_vastleggen(actor=sg, oordeel=o, door_rol="minister", motivering="x" * 40, datum=VANDAAG)
    assert "door_rol" in exc.value.message_dict


def test_b7_cio_decides_on_the_version_they_read(office, ciso, cio, groot):
    o = concept(office, groot)
    o = services.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
    gelezen = o.versie
    services.oordeel_wijzigen(actor=office, oordeel=o, versie=o.versie, gegevens={"haalbaarheid": "onvoldoende"})
    with pytest.raises(ValidationError):
        services.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="positief", motivering="Goed.", versie=gelezen)
    o.refresh_from_db()
    assert o.status == CioOordeel.Status.CONCEPT


def test_the_open_conditions_of_one_oordeel_are_one_task_with_each_condition_and_its_deadline(office, ciso, cio, groot, login):
    """Issue 18: a CIO's werkvoorraad showed a dozen near-identical 'voorwaarde bewaken' lines without dates."""
    from oordelen.models import Voorwaarde

    o = vastgesteld(
        office, ciso, cio, groot, uitkomst="positief_onder_voorwaarden", voorwaarden=["Externe review vóór fase 2", "Exitstrategie"]
    )
    Voorwaarde.objects.filter(oordeel=o, omschrijving="Exitstrategie").update(termijn=datetime.date(2020, 1, 1))
    taken = [t for t in selectors.taken_voor(cio) if t.soort == "voorwaarde"]
    assert len(taken) == 1
    taak = taken[0]
    assert taak.titel == f"2 voorwaarden bewaken: {groot.naam}"
    assert [(d["tekst"], d["termijn"], d["te_laat"]) for d in taak.onderdelen] == [
        ("Exitstrategie", datetime.date(2020, 1, 1), True),
        ("Externe review vóór fase 2", None, False),
    ]
    assert taak.sinds == datetime.date(2020, 1, 1) and taak.te_laat
    html = login(cio).get("/werk/").content.decode()
    assert "2 voorwaarden bewaken" in html and "01-01-2020" in html and "geen termijn" in html
