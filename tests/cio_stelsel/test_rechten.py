"""Rights follow role assignments: granted when one starts, revoked when it ends (guardian, direct FK models)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from guardian.shortcuts import get_perms

from cio_stelsel import services, tasks
from cio_stelsel.models import DienstonderdeelUserObjectPermission, MinisterieUserObjectPermission
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import GROEP_RECHTEN, GROEPSNAMEN, ROL_OBJECTRECHTEN, Recht, Rol
from tests.factories import DienstonderdeelFactory, MinisterieFactory, PersoonFactory, benoem

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
GISTEREN = VANDAAG - datetime.timedelta(days=1)
MORGEN = VANDAAG + datetime.timedelta(days=1)


def test_role_groups_exist_with_dutch_names_and_the_global_rights_of_the_code():
    from importlib import import_module

    migratie = import_module("cio_stelsel.migrations.0002_groepen")
    erbij: dict[str, list[str]] = {}
    for latere in ("0008_informatieplan_rechten", "0009_istrategie_recht"):
        for naam, codenames in import_module(f"cio_stelsel.migrations.{latere}").ERBIJ.items():
            erbij.setdefault(naam, []).extend(codenames)
    assert set(migratie.GROEPEN) == set(GROEPSNAMEN.values())
    for rol, (rechten, _artikel) in GROEP_RECHTEN.items():
        naam = GROEPSNAMEN[rol]
        assert set(migratie.GROEPEN[naam]) | set(erbij.get(naam, [])) == {str(r) for r in rechten}
        groep = Group.objects.get(name=GROEPSNAMEN[rol])
        assert set(groep.permissions.values_list("codename", flat=True)) == {str(r) for r in rechten}


def test_active_assignment_grants_object_rights_on_its_ministerie_only():
    m, ander = MinisterieFactory(), MinisterieFactory()
    user = benoem(Rol.CIO_OFFICE, m).persoon.user
    verwacht = {str(r) for r in ROL_OBJECTRECHTEN[Rol.CIO_OFFICE][0]}
    assert set(get_perms(user, m)) == verwacht
    assert get_perms(user, ander) == []
    assert user.groups.filter(name="CIO-office medewerker").exists()
    # Through the direct foreign-key model, not guardian's generic one.
    assert MinisterieUserObjectPermission.objects.filter(user=user, content_object=m).count() == len(verwacht)


def test_dienstonderdeel_office_is_scoped_to_its_dienstonderdeel():
    do = DienstonderdeelFactory()
    user = benoem(Rol.CIO_OFFICE, do).persoon.user
    s = scope(user, Recht.PORTFOLIO_BEWERKEN)
    assert s.dienstonderdeel_ids == {do.pk} and not s.ministerie_ids
    assert DienstonderdeelUserObjectPermission.objects.filter(user=user, content_object=do).exists()
    assert get_perms(user, do.ministerie) == []


def test_future_assignment_grants_nothing_until_the_daily_task_on_its_start_date():
    m = MinisterieFactory()
    user = benoem(Rol.CIO_OFFICE, m, begindatum=MORGEN).persoon.user
    assert get_perms(user, m) == []
    assert services.rechten_synchroniseren(op=MORGEN) == 1
    assert Recht.PORTFOLIO_BEWERKEN in get_perms(user, m)


def test_ending_an_assignment_today_keeps_rights_until_the_end_date_has_passed():
    m = MinisterieFactory()
    t = benoem(Rol.CIO_OFFICE, m)
    user = t.persoon.user
    services.roltoewijzing_beeindigen(actor=None, toewijzing=t, einddatum=VANDAAG, reden="Overplaatsing")
    assert Recht.PORTFOLIO_BEWERKEN in get_perms(user, m)  # einddatum is the last day in the role
    services.rechten_synchroniseren(op=MORGEN)
    assert get_perms(user, m) == []
    assert not user.groups.filter(name="CIO-office medewerker").exists()


def test_ending_an_assignment_in_the_past_revokes_at_once():
    m = MinisterieFactory()
    t = benoem(Rol.CIO_OFFICE, m, begindatum=datetime.date(2024, 1, 1))
    services.roltoewijzing_beeindigen(actor=None, toewijzing=t, einddatum=GISTEREN, reden="Vertrek")
    assert get_perms(t.persoon.user, m) == []


def test_daily_beat_task_applies_start_and_end_dates():
    m = MinisterieFactory()
    begint = benoem(Rol.CIO_OFFICE, m, begindatum=VANDAAG)
    eindigt = benoem(Rol.CIO_OFFICE, m, begindatum=datetime.date(2024, 1, 1), einddatum=VANDAAG)
    # The assignments were created with rights already; simulate a night passing by removing
    # the just-started one's rights, as if it was entered before its start date.
    MinisterieUserObjectPermission.objects.filter(user=begint.persoon.user).delete()
    assert tasks.roltoewijzingen_bijwerken.apply().get() == 1
    assert Recht.PORTFOLIO_BEWERKEN in get_perms(begint.persoon.user, m)
    assert Recht.PORTFOLIO_BEWERKEN in get_perms(eindigt.persoon.user, m)  # still today


def test_rights_shared_by_two_assignments_survive_the_end_of_one():
    m = MinisterieFactory()
    persoon = PersoonFactory(met_account=True)
    office = benoem(Rol.CIO_OFFICE, m, persoon=persoon)
    benoem(Rol.DEPARTEMENTALE_CIO, m, persoon=persoon)
    services.roltoewijzing_beeindigen(actor=None, toewijzing=office, einddatum=GISTEREN, reden="Nu CIO")
    assert Recht.PORTFOLIO_BEWERKEN in get_perms(persoon.user, m)
    assert Recht.OORDEEL_VASTSTELLEN in get_perms(persoon.user, m)


def test_cio_rijk_reads_rijksbreed_but_holds_no_edit_rights():
    m = MinisterieFactory()
    user = benoem(Rol.CIO_RIJK).persoon.user
    assert scope(user, Recht.PORTFOLIO_INZIEN).rijksbreed
    assert scope(user, Recht.PORTFOLIO_BEWERKEN).leeg
    assert get_perms(user, m) == []


def test_inactive_user_has_empty_scope():
    m = MinisterieFactory()
    user = benoem(Rol.CIO_OFFICE, m).persoon.user
    user.is_active = False
    user.save()
    assert scope(user, Recht.PORTFOLIO_INZIEN).leeg


def test_organisation_services_refuse_users_without_stelsel_beheren():
    from django.core.exceptions import PermissionDenied

    m = MinisterieFactory()
    office = benoem(Rol.CIO_OFFICE, m).persoon.user
    cio_rijk = benoem(Rol.CIO_RIJK).persoon.user
    with pytest.raises(PermissionDenied):
        services.roltoewijzing_starten(actor=office, persoon=PersoonFactory(), rol=Rol.CIO_OFFICE, organisatie=m, begindatum=VANDAAG)
    t = services.roltoewijzing_starten(actor=cio_rijk, persoon=PersoonFactory(), rol=Rol.CIO_OFFICE, organisatie=m, begindatum=VANDAAG)
    with pytest.raises(PermissionDenied):
        services.roltoewijzing_beeindigen(actor=office, toewijzing=t, einddatum=VANDAAG, reden="x")
    m.naam = "Ministerie van Hernoemd"
    with pytest.raises(PermissionDenied):
        services.organisatie_opslaan(actor=office, obj=m, reden="x")
    assert services.organisatie_opslaan(actor=cio_rijk, obj=m, reden="x").naam == "Ministerie van Hernoemd"
