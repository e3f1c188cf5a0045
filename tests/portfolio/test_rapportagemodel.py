"""The reporting model (B13, art 16.3): only the CIO Rijk changes the threshold and the reasons for a herijking.

Services from every role that matters, from both sides; the rule that a new
threshold never changes published figures; its effect on the public dashboard
per peildatum (B15); and the pages (403 for anyone else, errors on the fields,
confirmation before withdrawing, audit records).
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cio_stelsel.models import AuditRecord
from dashboard.selectors import stand
from portfolio import publicatiecache, services
from portfolio import rapportagemodel_services as rm
from portfolio.models import ActiviteitVersie, Gebeurtenis, Rapportagemodel, RedenHerijking, drempel
from tests.factories import activiteit, bedragen

pytestmark = pytest.mark.django_db

P2024 = datetime.date(2024, 12, 31)
P2025 = datetime.date(2025, 12, 31)
ANDERE_ROLLEN = ["office", "cio", "ciso", "sg", "beheerder"]


@pytest.fixture(autouse=True)
def _drempel(settings):
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000


def vaststellen(actor, geldig_vanaf, drempel_eur=8_000_000, toelichting="Kader Portfoliomanagement Rijk 2025"):
    return rm.drempel_vaststellen(actor=actor, geldig_vanaf=geldig_vanaf, drempel_eur=Decimal(drempel_eur), toelichting=toelichting)


def publiceer(office, cio, cio_rijk, activiteiten, peildatum):
    versies = [services.versie_voorbereiden(actor=office, activiteit=a, peildatum=peildatum) for a in activiteiten]
    m = activiteiten[0].ministerie
    services.versies_aftekenen(actor=cio, ministerie=m, peildatum=peildatum, versies=versies)
    services.versies_publiceren(actor=cio_rijk, ministerie=m, peildatum=peildatum, versies=versies)
    return versies


def herijking(actor, a, redenen, *, datum=datetime.date(2024, 6, 1), geschat=14_000_000):
    a.refresh_from_db()
    return services.gebeurtenis_toevoegen(
        actor=actor,
        activiteit=a,
        versie=a.versie,
        soort=Gebeurtenis.Soort.HERIJKING,
        datum=datum,
        einddatum=datetime.date(2026, 12, 31),
        bedragen=bedragen(geschat),
        redenen=redenen,
        toelichting_kosten="Scope uitgebreid.",
    )


def fout(exc: ValidationError, veld: str) -> str:
    return " ".join(exc.message_dict[veld])


def url(naam, *args):
    return reverse(f"portfolio:{naam}", args=args)


def vandaag():
    return timezone.localdate()


# --------------------------------------------------------------------------
# Rights (services)


@pytest.mark.parametrize("rol", ANDERE_ROLLEN)
def test_b13_only_the_cio_rijk_sets_a_threshold(request, rol, cio_rijk):
    user = request.getfixturevalue(rol)
    with pytest.raises(PermissionDenied, match="B13"):
        vaststellen(user, vandaag() + datetime.timedelta(days=30))
    assert not Rapportagemodel.objects.exists()
    model = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=30))
    assert Rapportagemodel.objects.get() == model


@pytest.mark.parametrize("rol", ANDERE_ROLLEN)
def test_b13_only_the_cio_rijk_withdraws_a_threshold_and_manages_reasons(request, rol, cio_rijk):
    user = request.getfixturevalue(rol)
    model = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=30))
    reden = RedenHerijking.objects.order_by("volgorde").first()
    with pytest.raises(PermissionDenied):
        rm.drempel_intrekken(actor=user, model=model)
    with pytest.raises(PermissionDenied):
        rm.reden_toevoegen(actor=user, naam="Nieuwe wet")
    with pytest.raises(PermissionDenied):
        rm.reden_wijzigen(actor=user, reden=reden, naam="Andere naam", volgorde=1)
    with pytest.raises(PermissionDenied):
        rm.reden_verwijderen(actor=user, reden=reden)
    assert Rapportagemodel.objects.filter(pk=model.pk).exists()
    assert not RedenHerijking.objects.filter(naam__in=["Nieuwe wet", "Andere naam"]).exists()
    assert RedenHerijking.objects.filter(pk=reden.pk, naam=reden.naam).exists()


# --------------------------------------------------------------------------
# The threshold


def test_b13_a_new_threshold_cannot_change_published_figures(office, cio, cio_rijk, ministerie):
    a = activiteit(office, ministerie, geschat=12_000_000)
    publiceer(office, cio, cio_rijk, [a], P2024)
    for datum in (P2024, datetime.date(2024, 6, 30), datetime.date(2020, 1, 1)):
        with pytest.raises(ValidationError) as exc:
            vaststellen(cio_rijk, datum)
        assert "31-12-2024" in fout(exc.value, "geldig_vanaf")
        assert "B13" in fout(exc.value, "geldig_vanaf")
    assert not Rapportagemodel.objects.exists()

    # A concept or checked version for a later peildatum is not published: it does not block.
    v = services.versie_voorbereiden(actor=office, activiteit=a, peildatum=P2025)
    services.versies_aftekenen(actor=cio, ministerie=ministerie, peildatum=P2025, versies=[v])
    model = vaststellen(cio_rijk, datetime.date(2025, 1, 1))
    assert drempel(P2024) == Decimal(5_000_000) and drempel(P2025) == Decimal(8_000_000)
    assert model.geldig_vanaf == datetime.date(2025, 1, 1)


def test_b13_a_threshold_is_positive_explained_and_one_per_date(cio_rijk):
    datum = vandaag() + datetime.timedelta(days=10)
    for bedrag in (0, -1):
        with pytest.raises(ValidationError) as exc:
            vaststellen(cio_rijk, datum, drempel_eur=bedrag)
        assert "drempel_eur" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        vaststellen(cio_rijk, datum, toelichting="   ")
    assert "Kader Portfoliomanagement Rijk" in fout(exc.value, "toelichting")
    vaststellen(cio_rijk, datum)
    with pytest.raises(ValidationError) as exc:
        vaststellen(cio_rijk, datum, drempel_eur=9_000_000)
    assert datum.strftime("%d-%m-%Y") in fout(exc.value, "geldig_vanaf")
    assert Rapportagemodel.objects.get().drempel_eur == Decimal(8_000_000)


def test_b13_b15_a_future_threshold_applies_from_its_date_on_the_public_dashboard(office, cio, cio_rijk, ministerie):
    groot = activiteit(office, ministerie, naam="Groot", geschat=12_000_000)
    middel = activiteit(office, ministerie, naam="Middel", geschat=6_000_000)
    publiceer(office, cio, cio_rijk, [groot, middel], P2024)

    # Set after 31-12-2024 was published, in force from the next peildatum on.
    vaststellen(cio_rijk, datetime.date(2025, 1, 1), drempel_eur=8_000_000)
    publiceer(office, cio, cio_rijk, [groot, middel], P2025)

    assert set(stand(P2024).values_list("activiteit_id", flat=True)) == {groot.pk, middel.pk}
    assert set(stand(P2025).values_list("activiteit_id", flat=True)) == {groot.pk}  # 6 mln < 8 mln
    assert set(stand().values_list("activiteit_id", flat=True)) == {groot.pk}  # the newest peildatum
    # The published versions themselves are untouched: the threshold only decides what is public.
    assert ActiviteitVersie.objects.filter(activiteit=middel, status=ActiviteitVersie.Status.GEPUBLICEERD).count() == 2


def test_b13_a_new_threshold_renews_the_public_pages(cio_rijk, django_capture_on_commit_callbacks):
    voor = publicatiecache.generatie()
    with django_capture_on_commit_callbacks(execute=True):
        vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=30))
    assert publicatiecache.generatie() != voor


def test_b13_a_threshold_is_audited(cio_rijk):
    model = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=30), drempel_eur=7_500_000)
    record = AuditRecord.objects.get(actie="rapportagemodel.vastgesteld")
    assert record.actor == cio_rijk
    assert (record.object_type, record.object_id) == ("portfolio.rapportagemodel", str(model.pk))
    assert record.voor is None
    assert record.na["drempel_eur"] == "7500000.00" and record.na["toelichting"] == "Kader Portfoliomanagement Rijk 2025"


def test_b13_a_threshold_not_yet_in_force_can_be_withdrawn(cio_rijk):
    model = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=1))
    rm.drempel_intrekken(actor=cio_rijk, model=model)
    assert not Rapportagemodel.objects.exists()
    record = AuditRecord.objects.get(actie="rapportagemodel.ingetrokken")
    assert record.object_id == str(model.pk) and record.voor["drempel_eur"] == "8000000.00" and record.na is None
    with pytest.raises(ValidationError, match="bestaat niet meer"):
        rm.drempel_intrekken(actor=cio_rijk, model=model)


@pytest.mark.parametrize("dagen", [0, -1, -400])
def test_b13_a_threshold_in_force_cannot_be_withdrawn(cio_rijk, dagen):
    model = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=dagen))
    with pytest.raises(ValidationError, match="geldt al"):
        rm.drempel_intrekken(actor=cio_rijk, model=model)
    assert Rapportagemodel.objects.filter(pk=model.pk).exists()
    assert not AuditRecord.objects.filter(actie="rapportagemodel.ingetrokken").exists()


# --------------------------------------------------------------------------
# The reasons for a herijking


def test_b13_the_cio_rijk_adds_a_reason_at_the_end(cio_rijk):
    laatste = RedenHerijking.objects.order_by("-volgorde").first()
    reden = rm.reden_toevoegen(actor=cio_rijk, naam="  Nieuwe Europese regelgeving ")
    assert (reden.naam, reden.code) == ("Nieuwe Europese regelgeving", "nieuwe-europese-regelgeving")
    assert reden.volgorde == laatste.volgorde + 1
    # The same name (in any case) again is refused; a code that exists gets a suffix.
    with pytest.raises(ValidationError) as exc:
        rm.reden_toevoegen(actor=cio_rijk, naam="nieuwe europese regelgeving")
    assert "naam" in exc.value.message_dict
    tweede = rm.reden_toevoegen(actor=cio_rijk, naam="Nieuwe Europese regelgeving!")
    assert tweede.code == "nieuwe-europese-regelgeving-2"
    assert AuditRecord.objects.filter(actie="redenherijking.toegevoegd").count() == 2


def test_b13_renaming_a_reason_keeps_published_names(office, cio, cio_rijk, ministerie):
    reden = RedenHerijking.objects.get(code="wetswijziging")
    a = activiteit(office, ministerie, geschat=12_000_000)
    herijking(office, a, [reden])
    (versie,) = publiceer(office, cio, cio_rijk, [a], P2024)

    rm.reden_wijzigen(actor=cio_rijk, reden=reden, naam="Wijziging van wet- en regelgeving", volgorde=20)
    reden.refresh_from_db()
    assert (reden.naam, reden.volgorde, reden.code) == ("Wijziging van wet- en regelgeving", 20, "wetswijziging")
    versie.refresh_from_db()
    assert versie.herijkingen_per_reden == {"Wetswijziging": 1}
    assert [g["redenen"] for g in versie.gegevens["gebeurtenissen"] if g["soort"] == "herijking"] == [["Wetswijziging"]]
    record = AuditRecord.objects.get(actie="redenherijking.gewijzigd")
    assert record.voor["naam"] == "Wetswijziging" and record.na["naam"] == "Wijziging van wet- en regelgeving"

    # No change, no record; a name another reason has is refused.
    rm.reden_wijzigen(actor=cio_rijk, reden=reden, naam="Wijziging van wet- en regelgeving", volgorde=20)
    assert AuditRecord.objects.filter(actie="redenherijking.gewijzigd").count() == 1
    with pytest.raises(ValidationError) as exc:
        rm.reden_wijzigen(actor=cio_rijk, reden=reden, naam="prijsontwikkeling", volgorde=20)
    assert "naam" in exc.value.message_dict


def test_b13_a_reason_in_use_cannot_be_removed(office, cio_rijk, ministerie):
    gebruikt = RedenHerijking.objects.get(code="tegenvallers")
    herijking(office, activiteit(office, ministerie), [gebruikt])
    with pytest.raises(ValidationError, match="1 herijking"):
        rm.reden_verwijderen(actor=cio_rijk, reden=gebruikt)
    assert RedenHerijking.objects.filter(pk=gebruikt.pk).exists()

    ongebruikt = rm.reden_toevoegen(actor=cio_rijk, naam="Tijdelijke reden")
    rm.reden_verwijderen(actor=cio_rijk, reden=ongebruikt)
    assert not RedenHerijking.objects.filter(pk=ongebruikt.pk).exists()
    assert AuditRecord.objects.get(actie="redenherijking.verwijderd").voor["naam"] == "Tijdelijke reden"


# --------------------------------------------------------------------------
# Pages


@pytest.mark.parametrize("rol", ANDERE_ROLLEN)
def test_b13_the_pages_are_for_the_cio_rijk_only(request, rol, login, cio_rijk):
    client = login(request.getfixturevalue(rol))
    model = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=30))
    reden = RedenHerijking.objects.order_by("volgorde").first()
    for pad in (
        url("rapportagemodel"),
        url("rapportagemodel_drempel_intrekken", model.pk),
        url("rapportagemodel_reden", reden.pk),
        url("rapportagemodel_reden_verwijderen", reden.pk),
    ):
        assert client.get(pad).status_code == 403, pad
    geldig = {"drempel-geldig_vanaf": "2099-01-01", "drempel-drempel_eur": "9000000", "drempel-toelichting": "x"}
    assert client.post(url("rapportagemodel_drempel"), geldig).status_code == 403
    assert client.post(url("rapportagemodel_drempel_intrekken", model.pk)).status_code == 403
    assert client.post(url("rapportagemodel_reden_nieuw"), {"reden-naam": "Nieuw"}).status_code == 403
    assert client.post(url("rapportagemodel_reden", reden.pk), {"naam": "X", "volgorde": 1}).status_code == 403
    assert client.post(url("rapportagemodel_reden_verwijderen", reden.pk)).status_code == 403
    assert Rapportagemodel.objects.count() == 1 and not RedenHerijking.objects.filter(naam__in=["Nieuw", "X"]).exists()


def test_b13_the_navigation_shows_the_reporting_model_to_the_cio_rijk_only(login, office, cio_rijk):
    pad = url("rapportagemodel")
    assert pad not in {i["url"] for i in login(office).get("/werk/").context["hoofdnavigatie"]}
    items = login(cio_rijk).get(pad).context["hoofdnavigatie"]
    assert [i["label"] for i in items if i["url"] == pad] == ["Rapportagemodel"]
    assert [i["url"] for i in items if i["actief"]] == [pad]


def test_b13_the_overview_shows_the_default_without_thresholds(login, cio_rijk):
    response = login(cio_rijk).get(url("rapportagemodel"))
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "Er is nog geen drempel vastgesteld" in tekst and "€ 5.000.000" in tekst
    assert "Wetswijziging" in tekst  # the reasons of the data migration


def test_b13_the_overview_marks_the_threshold_in_force_and_offers_withdrawing_future_ones(login, cio_rijk):
    verleden = vaststellen(cio_rijk, datetime.date(2020, 1, 1), drempel_eur=6_000_000)
    toekomst = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=30), drempel_eur=9_000_000)
    tekst = login(cio_rijk).get(url("rapportagemodel")).content.decode()
    assert "€ 6.000.000, vanaf 01-01-2020" in tekst
    assert "Geldt nu" in tekst and "Geldt nog niet" in tekst
    assert url("rapportagemodel_drempel_intrekken", toekomst.pk) in tekst
    assert url("rapportagemodel_drempel_intrekken", verleden.pk) not in tekst
    assert "rapportagemodel.vastgesteld" in tekst  # recent changes from the audit log


def test_b13_the_form_sets_a_threshold(login, cio_rijk):
    datum = vandaag() + datetime.timedelta(days=40)
    response = login(cio_rijk).post(
        url("rapportagemodel_drempel"),
        {"drempel-geldig_vanaf": datum.isoformat(), "drempel-drempel_eur": "7.500.000", "drempel-toelichting": "Kader 2027"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#drempels")
    model = Rapportagemodel.objects.get()
    assert (model.geldig_vanaf, model.drempel_eur, model.toelichting) == (datum, Decimal("7500000"), "Kader 2027")
    assert AuditRecord.objects.filter(actie="rapportagemodel.vastgesteld", actor=cio_rijk).count() == 1


def test_b13_a_refusal_is_shown_on_the_field_keeping_the_input(login, office, cio, cio_rijk, ministerie):
    publiceer(office, cio, cio_rijk, [activiteit(office, ministerie)], P2024)
    gegevens = {
        "drempel-geldig_vanaf": "2024-06-01",
        "drempel-drempel_eur": "7.500.000",
        "drempel-toelichting": "Kader Portfoliomanagement Rijk 2024",
    }
    response = login(cio_rijk).post(url("rapportagemodel_drempel"), gegevens)
    assert response.status_code == 200
    tekst = response.content.decode()
    assert 'id="id_drempel-geldig_vanaf_fout"' in tekst and "31-12-2024" in tekst
    assert 'href="#id_drempel-geldig_vanaf"' in tekst  # the error summary links to the field
    assert 'value="2024-06-01"' in tekst and "Kader Portfoliomanagement Rijk 2024</textarea>" in tekst
    assert not Rapportagemodel.objects.exists()

    # Input the form itself refuses: no 500 either.
    response = login(cio_rijk).post(url("rapportagemodel_drempel"), {"drempel-geldig_vanaf": "gisteren", "drempel-drempel_eur": "veel"})
    assert response.status_code == 200
    tekst = response.content.decode()
    for veld in ("geldig_vanaf", "drempel_eur", "toelichting"):
        assert f'id="id_drempel-{veld}_fout"' in tekst


def test_b13_withdrawing_asks_for_confirmation_first(login, cio_rijk):
    model = vaststellen(cio_rijk, vandaag() + datetime.timedelta(days=30))
    client = login(cio_rijk)
    response = client.get(url("rapportagemodel_drempel_intrekken", model.pk))
    assert response.status_code == 200
    assert "Ja, drempel intrekken" in response.content.decode()
    assert Rapportagemodel.objects.filter(pk=model.pk).exists()
    response = client.post(url("rapportagemodel_drempel_intrekken", model.pk))
    assert response.status_code == 302
    assert not Rapportagemodel.objects.exists()
    assert AuditRecord.objects.filter(actie="rapportagemodel.ingetrokken", actor=cio_rijk).count() == 1


def test_b13_a_threshold_in_force_offers_no_withdrawal(login, cio_rijk):
    model = vaststellen(cio_rijk, datetime.date(2020, 1, 1))
    client = login(cio_rijk)
    response = client.get(url("rapportagemodel_drempel_intrekken", model.pk), follow=True)
    assert response.redirect_chain and "kan niet meer worden ingetrokken" in response.content.decode()
    response = client.post(url("rapportagemodel_drempel_intrekken", model.pk), follow=True)
    assert "geldt al" in response.content.decode()
    assert Rapportagemodel.objects.filter(pk=model.pk).exists()


def test_b13_the_reason_pages_add_rename_and_remove(login, office, cio_rijk, ministerie):
    client = login(cio_rijk)
    response = client.post(url("rapportagemodel_reden_nieuw"), {"reden-naam": "Nieuwe wet"})
    assert response.status_code == 302
    reden = RedenHerijking.objects.get(naam="Nieuwe wet")

    # A duplicate name: the error on the field, the input kept.
    response = client.post(url("rapportagemodel_reden_nieuw"), {"reden-naam": "wetswijziging"})
    assert response.status_code == 200 and 'id="id_reden-naam_fout"' in response.content.decode()
    assert 'value="wetswijziging"' in response.content.decode()

    assert client.get(url("rapportagemodel_reden", reden.pk)).status_code == 200
    response = client.post(url("rapportagemodel_reden", reden.pk), {"naam": "Prijsontwikkeling", "volgorde": "3"})
    assert response.status_code == 200 and 'id="id_naam_fout"' in response.content.decode()
    response = client.post(url("rapportagemodel_reden", reden.pk), {"naam": "Nieuwe wetgeving", "volgorde": "3"})
    assert response.status_code == 302
    reden.refresh_from_db()
    assert (reden.naam, reden.volgorde) == ("Nieuwe wetgeving", 3)

    response = client.get(url("rapportagemodel_reden_verwijderen", reden.pk))
    assert "Ja, reden verwijderen" in response.content.decode()
    assert client.post(url("rapportagemodel_reden_verwijderen", reden.pk)).status_code == 302
    assert not RedenHerijking.objects.filter(pk=reden.pk).exists()

    # A reason in use: no delete button, and the confirmation page sends you back.
    gebruikt = RedenHerijking.objects.get(code="tegenvallers")
    herijking(office, activiteit(office, ministerie), [gebruikt])
    tekst = client.get(url("rapportagemodel_reden", gebruikt.pk)).content.decode()
    assert url("rapportagemodel_reden_verwijderen", gebruikt.pk) not in tekst
    assert client.get(url("rapportagemodel_reden_verwijderen", gebruikt.pk)).status_code == 302
    response = client.post(url("rapportagemodel_reden_verwijderen", gebruikt.pk), follow=True)
    assert "kan niet worden verwijderd" in response.content.decode()
    assert RedenHerijking.objects.filter(pk=gebruikt.pk).exists()
