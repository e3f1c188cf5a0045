"""The append-only audit log: every service call writes exactly one record with actor, before and after."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.urls import reverse

from cio_stelsel import services
from cio_stelsel.models import AuditRecord, Ministerie, Overlegorgaan
from cio_stelsel.rechten import Rol
from tests.factories import MinisterieFactory, PersoonFactory, UserFactory, benoem, overlegorgaan

pytestmark = pytest.mark.django_db
OP = datetime.date(2025, 6, 1)


@pytest.fixture
def actor():
    persoon = PersoonFactory(user=UserFactory(username="functioneel-beheer"))
    return benoem(Rol.FUNCTIONEEL_BEHEERDER, persoon=persoon).persoon.user


def nieuwe_records(voor_id):
    return list(AuditRecord.objects.filter(id__gt=voor_id).order_by("id"))


def laatste_id():
    return AuditRecord.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_roltoewijzing_starten_writes_one_record_with_actor_and_after(actor):
    m = MinisterieFactory()
    persoon = PersoonFactory(met_account=True)
    start = laatste_id()
    t = services.roltoewijzing_starten(actor=actor, persoon=persoon, rol=Rol.CIO_OFFICE, organisatie=m, begindatum=OP, reden="Aanstelling")
    [record] = nieuwe_records(start)
    assert (record.actor, record.actie, record.object_id, record.ministerie) == (actor, "roltoewijzing.gestart", str(t.pk), m)
    assert record.voor is None
    assert record.na["rol"] == Rol.CIO_OFFICE and record.na["begindatum"] == "2025-06-01"
    assert f"ministerie:{m.pk}:portfolio_bewerken" in record.na["rechten"]["toegekend"]
    assert record.reden == "Aanstelling"
    assert "functioneel-beheer" in record.actor_naam


def test_roltoewijzing_beeindigen_writes_one_record_with_before_and_after(actor):
    t = benoem(Rol.CIO_OFFICE, MinisterieFactory())
    start = laatste_id()
    services.roltoewijzing_beeindigen(actor=actor, toewijzing=t, einddatum=OP, reden="Vertrek")
    [record] = nieuwe_records(start)
    assert record.actor == actor
    assert record.voor["einddatum"] is None and record.na["einddatum"] == "2025-06-01"
    assert ("einddatum", None, "2025-06-01") in record.wijzigingen()


@pytest.mark.parametrize(
    "aanroep",
    [
        lambda a: services.organisatie_opslaan(actor=a, obj=Ministerie(naam="Ministerie van Test", afkorting="T", code="t")),
        lambda a: services.handvest_vaststellen(
            actor=a, overlegorgaan=overlegorgaan(Overlegorgaan.Soort.CIO_BERAAD), versie="3.0", vastgesteld_op=OP
        ),
        lambda a: services.overleglid_toevoegen(
            actor=a,
            overlegorgaan=overlegorgaan(Overlegorgaan.Soort.TORV),
            persoon=PersoonFactory(),
            functie="voorzitter",
            begindatum=OP,
            gedelegeerd_door_cio_rijk=True,
        ),
        lambda a: services.ministerie_opvolgen(
            actor=a,
            voorganger=MinisterieFactory(),
            opvolgers=[{"naam": "Nieuw", "afkorting": "NW", "code": "nw"}],
            datum=OP,
            reden="KB 2025",
        ),
    ],
    ids=["organisatie_opslaan", "handvest_vaststellen", "overleglid_toevoegen", "ministerie_opvolgen"],
)
def test_each_service_call_writes_exactly_one_record_per_changed_object(actor, aanroep):
    start = laatste_id()
    aanroep(actor)
    records = nieuwe_records(start)
    # ministerie_opvolgen changes the predecessor and creates one successor: two objects.
    assert len(records) == (2 if records[0].object_type == "cio_stelsel.ministerie" and len(records) > 1 else 1)
    assert len({(r.object_type, r.object_id) for r in records}) == len(records)
    assert all(r.actor == actor and r.na for r in records)


def test_a_refused_change_writes_no_record_and_changes_nothing(actor):
    m = MinisterieFactory()
    benoem(Rol.DEPARTEMENTALE_CISO, m)
    start = laatste_id()
    with pytest.raises((ValidationError, PermissionDenied)):
        services.roltoewijzing_starten(actor=actor, persoon=PersoonFactory(), rol=Rol.DEPARTEMENTALE_CISO, organisatie=m, begindatum=OP)
    assert nieuwe_records(start) == []


def test_audit_records_cannot_be_changed_or_deleted_through_the_orm():
    record = benoem(Rol.CIO_OFFICE, MinisterieFactory()) and AuditRecord.objects.latest("id")
    record.reden = "vervalst"
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()
    with pytest.raises(TypeError):
        AuditRecord.objects.filter(pk=record.pk).update(reden="vervalst")
    with pytest.raises(TypeError):
        AuditRecord.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_audit_records_cannot_be_changed_in_the_database_on_postgresql():
    benoem(Rol.CIO_OFFICE, MinisterieFactory())
    from django.db import DatabaseError

    with pytest.raises(DatabaseError, match="alleen-toevoegen"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE cio_stelsel_auditrecord SET reden = 'vervalst'")
    with pytest.raises(DatabaseError, match="alleen-toevoegen"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM cio_stelsel_auditrecord")


@pytest.mark.django_db(transaction=True)
def test_audit_outside_a_transaction_is_refused():
    from cio_stelsel import audit

    m = MinisterieFactory()
    with pytest.raises(RuntimeError):
        audit.vastleggen(actor=None, actie="x", obj=m)


def test_admin_edits_are_audited(client):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    m = MinisterieFactory(naam="Oude naam")
    start = laatste_id()
    url = reverse("admin:cio_stelsel_ministerie_change", args=[m.pk])
    response = client.post(
        url, {"naam": "Nieuwe naam", "afkorting": m.afkorting, "code": m.code, "geldig_van": "2000-01-01", "geldig_tot": ""}
    )
    assert response.status_code == 302, response.content[:2000]
    [record] = nieuwe_records(start)
    assert record.actor == admin and record.voor["naam"] == "Oude naam" and record.na["naam"] == "Nieuwe naam"


def test_users_see_the_trail_of_their_own_organisation_and_cio_rijk_sees_all(login):
    m, ander = MinisterieFactory(), MinisterieFactory()
    eigen = benoem(Rol.CIO_OFFICE, m)
    vreemd = benoem(Rol.CIO_OFFICE, ander)
    cio_rijk = benoem(Rol.CIO_RIJK).persoon.user

    def zichtbaar(user):
        response = login(user).get(reverse("cio_stelsel:audit"))
        assert response.status_code == 200
        return {r.object_id for r in response.context["page_obj"]}

    assert str(eigen.pk) in zichtbaar(eigen.persoon.user)
    assert str(vreemd.pk) not in zichtbaar(eigen.persoon.user)
    assert {str(eigen.pk), str(vreemd.pk)} <= zichtbaar(cio_rijk)
    record_vreemd = AuditRecord.objects.get(actie="roltoewijzing.gestart", object_id=str(vreemd.pk))
    assert login(eigen.persoon.user).get(reverse("cio_stelsel:auditrecord", args=[record_vreemd.pk])).status_code == 404
