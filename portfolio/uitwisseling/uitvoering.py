"""Executing an import (``importeren``): re-validate with the rows locked, then every row through the services.

What the import does with a row
-------------------------------
Derived columns are computed, never read, except that a filled-in total
(initial, current, cumulative spend) must equal the sum of its cost
categories, so a changed total is not silently ignored. A row whose Nummer
does not exist (or is empty) creates an activity through
``services.activiteit_aanmaken`` with its initial baseline; for an existing
activity the differences are applied through the services: general fields and
ontwikkelpartijen (``activiteit_wijzigen``), a correction of the initial
baseline while it is the only event (``initiele_baseline_wijzigen``),
different current figures or a new Peildatum actueel as a Rapportage, or a
Herijking when Reden herijking lists new reasons (``gebeurtenis_toevoegen``),
and a different Status along the allowed transitions (``status_wijzigen``).
The initial baseline is immutable once a later event exists; events are never
changed, so a toelichting can only come with a new event.

The extra columns "Historie (JSON)" (every event) and the JSON columns of the
lists (mijlpalen, kwaliteitstoetsen, Kamerstukken, baten) make the round trip
into an empty database exact; they are read only for *new* activities. For an
existing activity the database is authoritative for its history and lists (a
differing list column gives a warning). A cell holds at most 32,767 characters
in Excel.

:func:`controleren` is the dry run: it validates every row and collects all
errors as (rij, kolom, reden), rij being the row number in the spreadsheet
(the header is row 1); it never writes and needs a constant number of
queries. What only the services can check (the start gate of art 5.3 for a
new activity, for instance) is found by ``importeren(..., proef=True)``, a
trial run that is always rolled back. :func:`importeren` re-validates (with
the rows locked) and applies all rows through the services in one
transaction, all or nothing, with one extra audit record ``import.uitgevoerd``
(on the ministerie of the rows; without a ministerie when a file spans several).

Speed: the check and the export read the database with a constant number of
queries (tuples, streamed); the import runs the steps in batches of
``bulk.PARTIJ`` rows with the services' rules and audit records and a constant
number of queries per batch (``bulk``; benchmarks/import_5000.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from cio_stelsel import audit

from .. import services
from ..models import (
    IctActiviteit,
)
from . import bulk
from .kolommen import MINISTERIE
from .lezen import Fout
from .plan import BIJGEWERKT, NIEUW, Controle, Rijplan, Stap
from .validatie import controleren

# -----------------------------------------------------------------------------
# Import


@dataclass
class Resultaat:
    uitgevoerd: bool
    controle: Controle
    fouten: list[Fout] = field(default_factory=list)
    nieuw: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0


def _fouten_uit(exc: Exception, rij: int, stap: Stap) -> list[Fout]:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        uit = []
        for veld, fouten in exc.message_dict.items():
            kolom = stap.kolommen.get(veld, stap.standaardkolom)
            uit.extend(Fout(rij, kolom, bericht) for bericht in fouten)
        return uit
    if isinstance(exc, ValidationError):
        return [Fout(rij, stap.standaardkolom, bericht) for bericht in exc.messages]
    if isinstance(exc, PermissionDenied):
        return [Fout(rij, MINISTERIE, str(exc) or _("Geen recht."))]
    return [Fout(rij, stap.standaardkolom, _("De database weigerde de wijziging: %(fout)s") % {"fout": exc})]


def _voer_uit(plan: Rijplan, actor, nummer: int | None) -> None:
    obj = plan.activiteit
    versie = obj.versie if obj is not None else None
    for stap in plan.stappen:
        plan.huidige_stap = stap
        kw = stap.kwargs
        if stap.soort == "aanmaken":
            obj = services.activiteit_aanmaken(actor=actor, gegevens=kw["gegevens"], initieel=kw["initieel"], nummer=nummer)
            versie = obj.versie
        elif stap.soort == "wijzigen":
            obj = services.activiteit_wijzigen(actor=actor, activiteit=obj, versie=versie, **kw)
            versie = obj.versie
        elif stap.soort == "baseline":
            services.initiele_baseline_wijzigen(actor=actor, activiteit=obj, versie=versie, gegevens=kw["gegevens"])
            versie += 1
        elif stap.soort == "gebeurtenis":
            services.gebeurtenis_toevoegen(actor=actor, activiteit=obj, versie=versie, **kw)
            versie += 1
        elif stap.soort == "status":
            obj = services.status_wijzigen(actor=actor, activiteit=obj, versie=versie, **kw)
            versie = obj.versie
        else:  # pragma: no cover
            raise AssertionError(stap.soort)


def importeren(
    rijen,
    actor,
    *,
    bestandsnaam: str = "",
    peildatum: datetime.date | None = None,
    proef: bool = False,
    voortgang: Callable[[int, int], None] | None = None,
) -> Resultaat:
    """Import a file: re-validate, then apply every row through the services in ONE transaction (all or nothing).

    New activities without a Nummer get the next free numbers. If any row fails
    in a service, the whole import is rolled back and every failing row is
    reported. On success one extra audit record ``import.uitgevoerd``.

    ``proef=True``: a trial run that does everything and then always rolls
    back, so the dry run also shows what only the services find (the start
    gate of art 5.3 for a new activity, for instance).

    ``voortgang(done, total)``: called after every batch of rows (``bulk.PARTIJ``), for a progress bar.
    """
    naam = bestandsnaam or getattr(rijen, "naam", "")
    with transaction.atomic():
        controle = controleren(rijen, actor, peildatum=peildatum, _vergrendelen=True)
        resultaat = Resultaat(uitgevoerd=False, controle=controle)
        if not controle.geldig:
            resultaat.fouten = list(controle.fouten)
            return resultaat
        te_doen = [p for p in controle.rijen if p.stappen]
        volgend = (IctActiviteit.objects.aggregate(m=Max("nummer"))["m"] or 0) + 1
        volgend = max([volgend] + [p.nummer + 1 for p in controle.rijen if p.nummer])
        nummers = {}
        for plan in te_doen:
            if plan.activiteit is None and not plan.nummer:
                plan.nummer, volgend = volgend, volgend + 1
            nummers[plan.rij] = plan.nummer
        # In batches with bulk reads and writes (bulk.py); a failing row leaves the transaction usable
        # (savepoints), so the remaining rows are still tried (to report all failing rows); whatever
        # succeeded is rolled back with the whole import below.
        resultaat.fouten.extend(
            bulk.uitvoeren(te_doen, actor, nummers, lambda plan, nummer: _voer_uit(plan, actor, nummer), _fouten_uit, voortgang)
        )
        if resultaat.fouten:
            transaction.set_rollback(True)
            return resultaat
        resultaat.nieuw = controle.aantal_nieuw
        resultaat.bijgewerkt = controle.aantal_bijgewerkt
        resultaat.ongewijzigd = controle.aantal_ongewijzigd
        if te_doen:
            ministeries = {p.ministerie.pk: p.ministerie for p in te_doen if p.ministerie is not None}
            eerste = sorted(ministeries.values(), key=lambda m: m.naam)[0]
            audit.vastleggen(
                actor=actor,
                actie="import.uitgevoerd",
                obj=eerste,
                ministerie=eerste if len(ministeries) == 1 else None,
                na={
                    "bestand": naam,
                    "rijen": len(controle.rijen),
                    "nieuw": resultaat.nieuw,
                    "bijgewerkt": resultaat.bijgewerkt,
                    "ongewijzigd": resultaat.ongewijzigd,
                    "ministeries": sorted(m.code for m in ministeries.values()),
                    "nieuwe_nummers": [p.nummer for p in te_doen if p.actie == NIEUW],
                    "bijgewerkte_nummers": [p.nummer for p in te_doen if p.actie == BIJGEWERKT],
                },
                reden=_("Import uit bestand %(naam)s") % {"naam": naam} if naam else "",
            )
        if proef:
            transaction.set_rollback(True)
            return resultaat
        resultaat.uitgevoerd = True
    return resultaat
