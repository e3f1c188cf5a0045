"""Uploaded import files, kept server-side between the dry run and the import.

A file lives under ``MEDIA_ROOT/imports/<uuid>`` with ``<uuid>.json`` beside it
(who uploaded it, its name, the peildatum given). Only that user can read it.
Files older than a day are removed at the next upload. A background import
(``Importtaak``) uses the same uuid, so it reads the file the dry run checked.
"""

import datetime
import json
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

BEWAARTIJD_S = 24 * 60 * 60


def _map() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def opruimen() -> None:
    grens = time.time() - BEWAARTIJD_S
    for pad in _map().glob("*"):
        try:
            if pad.stat().st_mtime < grens:
                pad.unlink()
        except OSError:
            pass


def opslaan(user, inhoud: bytes, naam: str, peildatum: datetime.date | None) -> uuid.UUID:
    opruimen()
    _map().mkdir(parents=True, exist_ok=True)
    sleutel = uuid.uuid4()
    (_map() / sleutel.hex).write_bytes(inhoud)
    meta = {
        "user": user.pk,
        "naam": Path(naam).name[:200],
        "peildatum": peildatum.isoformat() if peildatum else None,
        "geupload": timezone.now().isoformat(),
    }
    (_map() / f"{sleutel.hex}.json").write_text(json.dumps(meta), encoding="utf-8")
    return sleutel


def laden(user, sleutel: uuid.UUID) -> tuple[bytes, dict]:
    """The stored file and its metadata; 404 for anyone but the user who uploaded it."""
    try:
        meta = json.loads((_map() / f"{sleutel.hex}.json").read_text(encoding="utf-8"))
        inhoud = (_map() / sleutel.hex).read_bytes()
    except (OSError, ValueError):
        raise Http404(_("Dit importbestand bestaat niet (meer). Upload het opnieuw.")) from None
    if meta.get("user") != user.pk:
        raise Http404(_("Dit importbestand bestaat niet (meer). Upload het opnieuw."))
    return inhoud, meta


def verwijderen(sleutel: uuid.UUID) -> None:
    for pad in (_map() / sleutel.hex, _map() / f"{sleutel.hex}.json"):
        pad.unlink(missing_ok=True)
