"""Writing the append-only audit log.

Every service calls :func:`vastleggen` inside its own transaction, so a state
change and its audit record are committed together or not at all.
"""

import datetime
import decimal
import uuid
from typing import Any

from django.db import connection, models, transaction
from django.db.models import sql
from django.db.models.fields.files import FieldFile
from django.db.models.sql.compiler import SQLInsertCompiler

from .models import AuditRecord, Dienstonderdeel, Ministerie

_ENKELVOUDIG = (str, int, float, bool, type(None))


def _json_waarde(waarde: Any) -> Any:
    if type(waarde) in _ENKELVOUDIG:  # most values: returned as they are, checked first (the bulk import makes many)
        return waarde
    if isinstance(waarde, (datetime.date, datetime.datetime, datetime.time)):
        return waarde.isoformat()
    if isinstance(waarde, datetime.timedelta):
        return waarde.days
    if isinstance(waarde, decimal.Decimal):
        return str(waarde)
    if isinstance(waarde, uuid.UUID):
        return str(waarde)
    if isinstance(waarde, (list, tuple, set)):
        return [_json_waarde(w) for w in waarde]
    if isinstance(waarde, dict):
        return {str(k): _json_waarde(v) for k, v in waarde.items()}
    if isinstance(waarde, models.Model):
        return waarde.pk
    if isinstance(waarde, FieldFile):
        return waarde.name or ""
    return waarde


def momentopname(obj: models.Model | None, velden: list[str] | None = None) -> dict | None:
    """A JSON-safe dict of the concrete fields of ``obj`` (foreign keys as ids)."""
    if obj is None:
        return None
    data = {}
    for field in obj._meta.concrete_fields:
        if velden is not None and field.name not in velden:
            continue
        naam = field.attname if field.is_relation else field.name
        data[field.name] = _json_waarde(getattr(obj, naam))
    return data


def _scope(obj: models.Model | None) -> tuple[Ministerie | None, Dienstonderdeel | None]:
    """The ministerie and dienstonderdeel an object belongs to, for scoping who may read its trail."""
    if obj is None:
        return None, None
    if isinstance(obj, Ministerie):
        return obj, None
    if isinstance(obj, Dienstonderdeel):
        return obj.ministerie, obj
    auditscope = getattr(obj, "auditscope", None)
    if callable(auditscope):
        return auditscope()
    return getattr(obj, "ministerie", None), getattr(obj, "dienstonderdeel", None)


def vastleggen(
    *,
    actor,
    actie: str,
    obj: models.Model,
    voor: dict | None = None,
    na: dict | None = None,
    reden: str = "",
    ministerie: Ministerie | None = None,
    dienstonderdeel: Dienstonderdeel | None = None,
) -> AuditRecord:
    """Append one audit record. Must run inside the transaction of the change it records."""
    _in_transactie()
    record = opbouwen(
        actor=actor, actie=actie, obj=obj, voor=voor, na=na, reden=reden, ministerie=ministerie, dienstonderdeel=dienstonderdeel
    )
    record.save()
    return record


def _in_transactie() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("vastleggen() hoort binnen de transactie van de wijziging te draaien.")


def opbouwen(
    *,
    actor,
    actie: str,
    obj: models.Model,
    voor: dict | None = None,
    na: dict | None = None,
    reden: str = "",
    ministerie: Ministerie | None = None,
    dienstonderdeel: Dienstonderdeel | None = None,
) -> AuditRecord:
    """The audit record :func:`vastleggen` appends, not yet saved (for :func:`alle_vastleggen`)."""
    if ministerie is None and dienstonderdeel is None:
        ministerie, dienstonderdeel = _scope(obj)
    if dienstonderdeel is not None and ministerie is None:
        ministerie = dienstonderdeel.ministerie
    actor_naam = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        persoon = getattr(actor, "persoon", None)
        actor_naam = f"{persoon} ({actor.get_username()})" if persoon else actor.get_username()
    elif actor is None:
        actor_naam = "systeem"
    return AuditRecord(
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        actor_naam=actor_naam,
        actie=actie,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_weergave=str(obj)[:500],
        ministerie=ministerie,
        dienstonderdeel=dienstonderdeel,
        voor=_json_waarde(voor),
        na=_json_waarde(na),
        reden=reden,
    )


def alle_vastleggen(records: list[AuditRecord]) -> list[AuditRecord]:
    """Append many records made by :func:`opbouwen` in one insert, in their order (the bulk import's batches).

    The same records as one :func:`vastleggen` per change; inside the transaction of the changes.
    """
    _in_transactie()
    if connection.vendor != "postgresql":
        return AuditRecord.objects.bulk_create(records)
    # On PostgreSQL bulk_create sends the rows as arrays (INSERT ... SELECT * FROM UNNEST(...)), and the
    # driver escapes every JSON text of voor/na into the array literal in Python: slower than the insert
    # itself. A plain multi-row INSERT ... VALUES, made by Django's own insert compiler, escapes in C.
    velden = [f for f in AuditRecord._meta.concrete_fields if f is not AuditRecord._meta.pk]
    per_insert = max(connection.ops.bulk_batch_size(velden, records), 1)
    with connection.cursor() as cursor:
        for start in range(0, len(records), per_insert):
            query = sql.InsertQuery(AuditRecord)
            query.insert_values(velden, records[start : start + per_insert])
            for tekst, params in SQLInsertCompiler(query, connection, connection.alias).as_sql():
                cursor.execute(tekst, params)
    return records
