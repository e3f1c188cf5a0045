"""Large imports in the background: a Celery task runs ``uitwisseling.importeren`` for an ``Importtaak``.

A file with more rows than ``uitwisseling_views.SYNCHROON_MAX_RIJEN`` would take
longer than a web request may, so
confirming it plans a task instead and shows its status page. The import itself
is unchanged: checked again, all or nothing in one transaction, audited as
``import.uitgevoerd``. The task's own state changes are audited too
(``import.ingepland``, ``import.geslaagd``, ``import.mislukt``).

Progress: the import reports after every batch of rows (``uitwisseling.bulk.PARTIJ``);
as it runs in one transaction, its share done (0-100) goes to the cache, not to the
task's row (``voortgang_van``), for the progress bar of the status page.

A message delivered again while its task is ``bezig`` means the worker running
it died (acks_late + reject_on_worker_lost): nothing was committed, the task
becomes ``mislukt`` with that reason, and the stored file is still there to
confirm again.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel import audit, wachtrij

from . import importbestanden, uitwisseling
from .models import Importtaak

logger = logging.getLogger(__name__)
Status = Importtaak.Status
VELDEN = ["status", "nieuw", "bijgewerkt", "ongewijzigd", "foutmelding"]


def _voortgangssleutel(pk) -> str:
    return f"importtaak:{pk}:voortgang"


def voortgang_van(taak: Importtaak) -> int:
    """The share of the rows done (0-100) of a running import; 100 once it succeeded."""
    if taak.status == Status.GESLAAGD:
        return 100
    if taak.status != Status.BEZIG:
        return 0
    return cache.get(_voortgangssleutel(taak.pk), 0)


def import_inplannen(*, actor, sleutel: uuid.UUID, bestandsnaam: str, peildatum, aantal_rijen: int) -> Importtaak:
    """Plan the import of the stored file ``sleutel`` for ``actor``; the task starts after commit."""
    with transaction.atomic():
        taak, nieuw = Importtaak.objects.get_or_create(
            id=sleutel,
            defaults={"gebruiker": actor, "bestandsnaam": bestandsnaam, "peildatum": peildatum, "aantal_rijen": aantal_rijen},
        )
        if not nieuw:
            if taak.is_lopend:
                return taak  # a double click: the import is already planned
            # Confirmed again after a failure: the same file, a new attempt.
            taak.status, taak.fouten, taak.foutmelding, taak.gestart_op, taak.klaar_op = Status.WACHTEND, [], "", None, None
            taak.save(update_fields=["status", "fouten", "foutmelding", "gestart_op", "klaar_op"])
        audit.vastleggen(
            actor=actor, actie="import.ingepland", obj=taak, na=audit.momentopname(taak, ["bestandsnaam", "aantal_rijen", "status"])
        )
        # Kept for later (and started when the broker is back) if the broker is unreachable.
        transaction.on_commit(lambda: wachtrij.versturen("portfolio.tasks.import_uitvoeren", str(taak.pk)))
    return taak


def _afsluiten(taak: Importtaak, actie: str, **velden) -> None:
    with transaction.atomic():
        voor = audit.momentopname(taak, VELDEN)
        for naam, waarde in velden.items():
            setattr(taak, naam, waarde)
        taak.klaar_op = timezone.now()
        taak.save(update_fields=[*velden, "klaar_op"])
        audit.vastleggen(actor=taak.gebruiker, actie=actie, obj=taak, voor=voor, na=audit.momentopname(taak, VELDEN))


def import_uitvoeren(pk: str, taak_id: str = "") -> str:
    """Run the import of task ``pk`` (called by the Celery task). Returns the resulting status."""
    with transaction.atomic():
        taak = Importtaak.objects.select_for_update().select_related("gebruiker").get(pk=pk)
        if taak.status not in Importtaak.LOPEND:
            return taak.status  # already done (a message delivered twice)
        herleverd = taak.status == Status.BEZIG
        if not herleverd:
            taak.status, taak.gestart_op, taak.taak_id = Status.BEZIG, timezone.now(), taak_id
            taak.save(update_fields=["status", "gestart_op", "taak_id"])
    if herleverd:
        _afsluiten(
            taak,
            "import.mislukt",
            status=Status.MISLUKT,
            foutmelding=_(
                "De verwerker is gestopt tijdens de import (bijvoorbeeld door een herstart). Er is niets gewijzigd; "
                "bevestig de import opnieuw."
            ),
        )
        return Status.MISLUKT
    try:
        user = taak.gebruiker
        inhoud, meta = importbestanden.laden(user, taak.pk)
        rijen = uitwisseling.inlezen(inhoud, meta["naam"])
        sleutel = _voortgangssleutel(taak.pk)
        cache.set(sleutel, 0, timeout=24 * 3600)

        def voortgang(klaar: int, totaal: int) -> None:
            cache.set(sleutel, 100 * klaar // max(totaal, 1), timeout=24 * 3600)

        resultaat = uitwisseling.importeren(rijen, user, bestandsnaam=taak.bestandsnaam, peildatum=taak.peildatum, voortgang=voortgang)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a visible 'mislukt' with its reason
        logger.exception("Importtaak %s mislukt", pk)
        reden = (
            str(exc)
            if isinstance(exc, (uitwisseling.OngeldigBestand, Http404))
            else _(
                "Onverwachte fout tijdens de import; er is niets gewijzigd. Probeer het opnieuw of neem contact op met functioneel beheer."
            )
        )
        _afsluiten(taak, "import.mislukt", status=Status.MISLUKT, foutmelding=reden)
        return Status.MISLUKT
    if not resultaat.uitgevoerd:
        fouten = [{"rij": f.rij, "kolom": f.kolom, "reden": str(f.reden)} for f in resultaat.fouten]
        _afsluiten(
            taak,
            "import.mislukt",
            status=Status.MISLUKT,
            fouten=fouten,
            foutmelding=_("De import is niet uitgevoerd. Er is niets gewijzigd."),
        )
        return Status.MISLUKT
    _afsluiten(
        taak,
        "import.geslaagd",
        status=Status.GESLAAGD,
        nieuw=resultaat.nieuw,
        bijgewerkt=resultaat.bijgewerkt,
        ongewijzigd=resultaat.ongewijzigd,
    )
    importbestanden.verwijderen(taak.pk)
    return Status.GESLAAGD
