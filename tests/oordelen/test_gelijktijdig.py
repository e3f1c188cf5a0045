"""Two CIOs decide the same oordeel at the same moment: exactly one decision (B7), one audit record.

Real threads with their own database connections, so the test needs committed
data (``transaction=True``) and a database the threads share: PostgreSQL, or
SQLite as a file (config/settings.py sets the SQLite test database to a file).
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection

from cio_stelsel.models import AuditRecord
from oordelen import services
from oordelen.models import CioOordeel
from tests.factories import activiteit

from .test_regels import ASPECTEN


@pytest.mark.django_db(transaction=True)
def test_b7_two_simultaneous_decisions_produce_exactly_one(ministerie, office, ciso, cio):
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():
            pytest.skip("Threads cannot share an in-memory SQLite database; set DATABASES['default']['TEST']['NAME'] to a file.")
        # settings.py makes SQLite take the write lock at BEGIN (IMMEDIATE), so the second
        # decision waits for the first, as PostgreSQL's row lock does.
        assert connection.settings_dict["OPTIONS"].get("transaction_mode") == "IMMEDIATE"
    act = activiteit(office, ministerie, naam="Gelijktijdig besluit", geschat=40_000_000)
    oordeel = services.oordeel_opstellen(actor=office, activiteit=act, gegevens=ASPECTEN)
    services.ciso_bijdrage_leveren(actor=ciso, oordeel=oordeel, bijdrage="BIO getoetst.")

    start = threading.Barrier(2, timeout=10)
    resultaten: dict[str, object] = {}

    def besluit(naam, uitkomst):
        try:
            # Each thread its own instances and database connection: the same CIO in two browser tabs.
            actor = get_user_model().objects.get(pk=cio.pk)
            o = CioOordeel.objects.get(pk=oordeel.pk)
            start.wait()
            services.oordeel_vaststellen(actor=actor, oordeel=o, uitkomst=uitkomst, motivering=f"Besluit van {naam}.")
            resultaten[naam] = "vastgesteld"
        except ValidationError as exc:
            resultaten[naam] = exc
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            resultaten[naam] = exc
        finally:
            connection.close()

    draden = [
        threading.Thread(target=besluit, args=("positief", "positief")),
        threading.Thread(target=besluit, args=("negatief", "negatief")),
    ]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=30)

    gelukt = [n for n, r in resultaten.items() if r == "vastgesteld"]
    geweigerd = [r for r in resultaten.values() if isinstance(r, ValidationError)]
    assert len(gelukt) == 1 and len(geweigerd) == 1, resultaten
    oordeel.refresh_from_db()
    assert oordeel.status == CioOordeel.Status.VASTGESTELD
    assert oordeel.uitkomst == gelukt[0]
    assert AuditRecord.objects.filter(actie="oordeel.vastgesteld", object_id=str(oordeel.pk)).count() == 1
