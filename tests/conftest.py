"""Fixtures shared by all tests: an owner, a colleague and an outsider per role (alice, bob, charlie)."""

import pytest
from django.test import Client

from cio_stelsel.rechten import Rol
from tests.factories import DienstonderdeelFactory, MinisterieFactory, benoem

# Fixtures kept in their own modules, available to every test (instead of imported where used):
# portefeuille and werker (a published portfolio, a real Celery worker thread), wereld and _media (the permission matrix),
# strategie, actie_bzk, toezegging_bzk, ... (the I-strategie Rijk and the toezeggingen).
pytest_plugins = ["tests.dashboard.portefeuille", "tests.rechten.fixtures", "tests.informatieplannen.istrategie_fixtures"]


@pytest.fixture
def ministerie(db):
    return MinisterieFactory(naam="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", afkorting="BZK", code="bzk")


@pytest.fixture
def ander_ministerie(db):
    return MinisterieFactory(naam="Ministerie van Financiën", afkorting="FIN", code="fin")


@pytest.fixture
def dienstonderdeel(ministerie):
    return DienstonderdeelFactory(ministerie=ministerie, naam="Logius", afkorting="Logius")


@pytest.fixture
def office(ministerie):
    """alice: CIO-office medewerker of the ministerie."""
    return benoem(Rol.CIO_OFFICE, ministerie).persoon.user


@pytest.fixture
def collega_ander_ministerie(ander_ministerie):
    """charlie: CIO-office medewerker of another ministerie."""
    return benoem(Rol.CIO_OFFICE, ander_ministerie).persoon.user


@pytest.fixture
def cio(ministerie):
    return benoem(Rol.DEPARTEMENTALE_CIO, ministerie).persoon.user


@pytest.fixture
def ciso(ministerie):
    return benoem(Rol.DEPARTEMENTALE_CISO, ministerie).persoon.user


@pytest.fixture
def cio_rijk(db):
    return benoem(Rol.CIO_RIJK).persoon.user


@pytest.fixture
def beheerder(db):
    return benoem(Rol.FUNCTIONEEL_BEHEERDER).persoon.user


def ingelogd(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def login():
    return ingelogd


@pytest.fixture(autouse=True, scope="session")
def _force_login_met_tweede_factor():
    """force_login also passes the second factor with a real device (tests/tweede_factor.py).

    Session-scoped, so module-scoped fixtures (tests/rechten) log in verified too.
    The application has no way to skip the second factor; only the test client does this.
    """
    from tests.tweede_factor import sessie_verifieren

    origineel = Client.force_login

    def force_login(self, user, backend=None):
        origineel(self, user, backend)
        sessie_verifieren(self.session, user)

    Client.force_login = force_login
    yield
    Client.force_login = origineel


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Stored files (PDFs, uploads) go to a directory of the test, never to the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """Hashing with PBKDF2 costs ~0.3 s a user; the tests do not test the hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sg(ministerie):
    return benoem(Rol.SECRETARIS_GENERAAL, ministerie).persoon.user


@pytest.fixture
def cio_ander_ministerie(ander_ministerie):
    return benoem(Rol.DEPARTEMENTALE_CIO, ander_ministerie).persoon.user


# Rows made by data migrations: the role Groups (cio_stelsel 0002) and the reasons for a
# herijking (portfolio 0002). A transactional test (transaction=True, live_server) ends
# with a flush that removes them; pytest-django runs those tests last, so only they need
# the rows back. The migrations' own functions recreate them, idempotently.
STAMDATA = [
    ("cio_stelsel", "0002_groepen", "groepen_aanmaken"),
    ("cio_stelsel", "0008_informatieplan_rechten", "toekennen"),
    ("cio_stelsel", "0009_istrategie_recht", "toekennen"),
    ("portfolio", "0002_redenen_herijking", "aanmaken"),
]


def herstel_stamdata():
    import importlib

    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from cio_stelsel.rechten import GROEPSNAMEN
    from portfolio.models import RedenHerijking

    if Group.objects.filter(name__in=GROEPSNAMEN.values()).count() == len(GROEPSNAMEN) and RedenHerijking.objects.exists():
        return
    ContentType.objects.clear_cache()
    loader = MigrationExecutor(connection).loader
    for app, migratie, functie in STAMDATA:
        staat = loader.project_state((app, migratie))
        getattr(importlib.import_module(f"{app}.migrations.{migratie}"), functie)(staat.apps, None)


@pytest.fixture(autouse=True)
def _stamdata_na_flush(request):
    marker = request.node.get_closest_marker("django_db")
    transactioneel = (marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))) or any(
        naam in request.fixturenames for naam in ("transactional_db", "live_server")
    )
    if transactioneel:
        request.getfixturevalue("transactional_db")
        herstel_stamdata()
