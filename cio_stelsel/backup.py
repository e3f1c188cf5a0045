"""Backup and restore of the whole installation: the database and the media files, with a checksum manifest.

``manage.py backup_maken <map>`` writes into a new directory:

- ``database.backupjson.gz``: every row of every table (Django's JSON serialiser
  with times to the microsecond, cio_stelsel.backupformaat; with the
  primary keys, so foreign keys and object permissions stay as they were), the
  same on SQLite and PostgreSQL, so a backup can also move an installation
  from the embedded default to PostgreSQL;
- ``media/``: a copy of every stored file (oordeel PDFs, Jaarrapportages, uploads);
- ``manifest.json``: when, which migrations the schema was at, and the SHA-256
  and size of every file above.

``manage.py backup_terugzetten <map>`` checks the manifest first (every
checksum, and the migrations of the target equal to those of the backup) and
only then replaces the database content and the media: a damaged or foreign
backup never wipes anything. It refuses an installation that already holds
data (users or ICT-activiteiten) unless told ``--overschrijven``.
"""

import datetime
import gzip
import hashlib
import json
import shutil
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

DATABASE = "database.backupjson.gz"  # format cio_stelsel.backupformaat (times to the microsecond)
MEDIA = "media"
MANIFEST = "manifest.json"
BLOK = 1024 * 1024


class BackupFout(Exception):
    """A backup that cannot be made or restored; the message says why, in Dutch."""


def _sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        while blok := f.read(BLOK):
            h.update(blok)
    return h.hexdigest()


def _migraties(using=DEFAULT_DB_ALIAS) -> list[list[str]]:
    return sorted([app, naam] for app, naam in MigrationRecorder(connections[using]).applied_migrations())


def maken(doel: Path, *, using=DEFAULT_DB_ALIAS) -> dict:
    """Write a backup into the new directory ``doel``; returns the manifest."""
    doel = Path(doel)
    if doel.exists() and any(doel.iterdir()):
        raise BackupFout(f"De map {doel} bestaat al en is niet leeg; kies een nieuwe map.")
    doel.mkdir(parents=True, exist_ok=True)

    # One consistent read of every table (a snapshot on PostgreSQL, the read lock on SQLite).
    with transaction.atomic(using=using), gzip.open(doel / DATABASE, "wt", encoding="utf-8") as uit:
        call_command("dumpdata", database=using, format="backupjson", indent=None, stdout=uit, verbosity=0)
        migraties = _migraties(using)

    media_bron = Path(settings.MEDIA_ROOT)
    if media_bron.is_dir():
        shutil.copytree(media_bron, doel / MEDIA)
    else:
        (doel / MEDIA).mkdir()

    bestanden = {}
    for pad in sorted(p for p in doel.rglob("*") if p.is_file()):
        rel = pad.relative_to(doel).as_posix()
        bestanden[rel] = {"sha256": _sha256(pad), "grootte": pad.stat().st_size}
    manifest = {
        "formaat": 1,
        "gemaakt_op": datetime.datetime.now(datetime.UTC).isoformat(),
        "database": connections[using].vendor,
        "migraties": migraties,
        "bestanden": bestanden,
    }
    (doel / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def controleren(bron: Path, *, using=DEFAULT_DB_ALIAS) -> dict:
    """The manifest of the backup in ``bron``, after checking every file and the schema; raises BackupFout."""
    bron = Path(bron)
    try:
        manifest = json.loads((bron / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupFout(f"Geen leesbaar {MANIFEST} in {bron}: {exc}") from exc
    if manifest.get("formaat") != 1:
        raise BackupFout(f"Onbekend backupformaat {manifest.get('formaat')!r}.")
    aanwezig = {p.relative_to(bron).as_posix() for p in bron.rglob("*") if p.is_file()} - {MANIFEST}
    verwacht = set(manifest["bestanden"])
    if aanwezig != verwacht:
        raise BackupFout(
            "De backup is onvolledig of aangevuld: "
            f"ontbrekend {sorted(verwacht - aanwezig)[:5]}, onbekend {sorted(aanwezig - verwacht)[:5]}."
        )
    for rel, gegevens in manifest["bestanden"].items():
        if _sha256(bron / rel) != gegevens["sha256"]:
            raise BackupFout(f"Controlegetal klopt niet voor {rel}: het bestand is beschadigd of gewijzigd.")
    if manifest["migraties"] != _migraties(using):
        raise BackupFout(
            "De backup hoort bij een andere versie van de database-indeling (migraties) dan deze installatie; "
            "zet hem terug in een installatie van dezelfde versie (manage.py migrate tot dezelfde stand)."
        )
    return manifest


def _heeft_gegevens() -> bool:
    from django.apps import apps
    from django.contrib.auth import get_user_model

    # By the app registry: the backup is of the whole installation, cio_stelsel does not import the apps above it.
    activiteit = apps.get_model("portfolio", "IctActiviteit") if apps.is_installed("portfolio") else None
    return get_user_model().objects.exists() or (activiteit is not None and activiteit.objects.exists())


def terugzetten(bron: Path, *, overschrijven: bool = False, using=DEFAULT_DB_ALIAS) -> dict:
    """Replace the database content and the media by the backup in ``bron``; returns its manifest."""
    bron = Path(bron)
    manifest = controleren(bron, using=using)
    if _heeft_gegevens() and not overschrijven:
        raise BackupFout("Deze installatie bevat al gegevens; terugzetten vervangt ze. Geef --overschrijven als dat de bedoeling is.")

    with transaction.atomic(using=using):
        # Empties every table (TRUNCATE on PostgreSQL, so the audit log's row trigger does not
        # fire); the rows made by the migrations come back from the backup with their own keys.
        call_command("flush", database=using, interactive=False, inhibit_post_migrate=True, verbosity=0)
        call_command("loaddata", str(bron / DATABASE), database=using, verbosity=0)  # reads .json.gz itself

    media_doel = Path(settings.MEDIA_ROOT)
    if media_doel.exists():
        shutil.rmtree(media_doel)
    shutil.copytree(bron / MEDIA, media_doel)
    cache.clear()
    return manifest


def inhoud_per_tabel(using=DEFAULT_DB_ALIAS) -> dict[str, tuple[int, str]]:
    """(row count, SHA-256 of every row's column values ordered by key) per table: what a restore must reproduce.

    For many-to-many link tables the pairs count, not their own keys (Django's
    serialiser stores the links with the object and loaddata numbers them anew).
    """
    uitkomst = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        velden = [f.attname for f in model._meta.concrete_fields]
        if model._meta.auto_created:
            # A many-to-many link table: its rows are the pairs; the serialiser gives them new keys.
            velden = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
        h = hashlib.sha256()
        n = 0
        for rij in (
            model._base_manager.using(using).order_by(*velden if model._meta.auto_created else ["pk"]).values_list(*velden).iterator()
        ):
            h.update(repr(rij).encode())
            n += 1
        uitkomst[model._meta.db_table] = (n, h.hexdigest())
    return uitkomst
