"""Benchmark of ``manage.py demo_laden`` (issue 21: at most 10 s), on SQLite and on PostgreSQL.

Run from the project directory::

    .venv/bin/python benchmarks/demo_laden.py [--db sqlite|postgres|beide] [--profiel]

What it does, honestly:

1. For each database a fresh one: SQLite in a temporary file (the ``make run``
   default), PostgreSQL at ``BENCHMARK_DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/cio_benchmark_demo``; it is DROPPED and
   created again, so its name must contain "benchmark"). ``migrate`` runs
   first and is not timed. Files go to a temporary ``MEDIA_ROOT``; no
   ``REDIS_URL`` (tasks run in-process, as in ``make run``).
2. ``demo_laden`` with ``verbosity=0`` in a fresh Python process (the
   command itself, in its one transaction), timed: wall time and CPU time of
   that process, and the load average before and after (on a shared machine
   the wall time grows with the other processes, the CPU time much less).
3. The resulting data, so a faster run can be checked to give the same
   demo: the row count per table and a checksum over the counts, and the
   number of audit records per action. ``--profiel`` also prints the top of
   a cProfile of the run (cumulative time).
4. A second run of ``demo_laden`` on the same database, timed: it must add
   nothing (idempotent).

Target: ``demo_laden`` in at most 10 s (issue 21; 28 s before, on a quiet machine).

Measured on 2 cores shared with six other sessions (load average 7-10, so the wall time is mostly waiting; the
CPU time is the closer figure): before (main at 2b14c22: 54 PDFs rendered up front, 62 PBKDF2 hashes, one
activiteit_wijzigen per list line) SQLite 274.9 s wall / 44.6 s CPU, PostgreSQL 473.4 s / 61.6 s CPU; after,
with the informatieplannen and the I-strategie added, SQLite 49.1 s / 21.0 s CPU, PostgreSQL 88.0 s / 28.4 s
CPU. The rest is the services' own queries, most of it ``versie_voorbereiden`` (peildatumstand.momentopname
compiling the 22 subqueries of ``met_kerncijfers`` for each of the 161 versions).
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

BASIS = Path(__file__).resolve().parent.parent
STANDAARD_URL = "postgres://postgres@127.0.0.1:5432/cio_benchmark_demo"
DOEL_S = 10.0


def _kind(code: str, env: dict) -> str:
    """Run ``code`` in a fresh Python process with Django set up; returns its stdout."""
    voor = "import django, os, sys\nsys.path.insert(0, os.getcwd())\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')\ndjango.setup()\n"
    uit = subprocess.run([sys.executable, "-c", voor + code], cwd=BASIS, env=env, capture_output=True, text=True)
    if uit.returncode:
        sys.stderr.write(uit.stdout + uit.stderr)
        raise SystemExit(f"Het kindproces faalde ({uit.returncode}).")
    return uit.stdout


METEN = """
import cProfile, io, json, pstats, resource, time
from django.apps import apps
from django.core.management import call_command
from cio_stelsel.models import AuditRecord
from django.db.models import Count

profiel = {profiel!r}
laden = os.getloadavg()
cpu0, t0 = time.process_time(), time.perf_counter()
if profiel:
    p = cProfile.Profile()
    p.enable()
call_command("demo_laden", verbosity=0)
if profiel:
    p.disable()
wand, cpu = time.perf_counter() - t0, time.process_time() - cpu0
tabellen = {{m._meta.label: m._default_manager.count() for m in apps.get_models() if not m._meta.proxy}}
audit = dict(AuditRecord.objects.values_list("actie").annotate(n=Count("pk")).order_by("actie").values_list("actie", "n"))
tekst = ""
if profiel:
    s = io.StringIO()
    pstats.Stats(p, stream=s).sort_stats("cumulative").print_stats(45)
    tekst = s.getvalue()
print(json.dumps({{"wand": wand, "cpu": cpu, "load_voor": laden, "load_na": os.getloadavg(), "tabellen": tabellen,
                   "audit": audit, "profiel": tekst}}))
"""


def _database(soort: str, tmp: Path) -> str:
    if soort == "sqlite":
        return f"sqlite:///{tmp / 'demo.sqlite3'}"
    url = os.environ.get("BENCHMARK_DATABASE_URL", STANDAARD_URL)
    naam = urlparse(url).path.lstrip("/")
    if "benchmark" not in naam:
        raise SystemExit(f"De database {naam!r} wordt verwijderd; de naam moet 'benchmark' bevatten.")
    import psycopg

    beheer = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{naam}"')
    return url


def meten(soort: str, profiel: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="demo_bench_") as tmp:
        tmp = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CELERY_BROKER_URL")}
        env.update(DATABASE_URL=_database(soort, tmp), MEDIA_ROOT=str(tmp / "media"), PYTHONHASHSEED="0")
        t0 = time.perf_counter()
        _kind("from django.core.management import call_command\ncall_command('migrate', verbosity=0)\n", env)
        migreren = time.perf_counter() - t0
        eerste = json.loads(_kind(METEN.format(profiel=profiel), env).strip().splitlines()[-1])
        tweede = json.loads(_kind(METEN.format(profiel=False), env).strip().splitlines()[-1])
        eerste["migreren"] = migreren
        eerste["tweede"] = tweede
        bestanden = list((tmp / "media").rglob("*")) if (tmp / "media").exists() else []
        eerste["bestanden"] = sum(1 for b in bestanden if b.is_file())
        return eerste


def verslag(soort: str, r: dict) -> None:
    tabellen = {k: v for k, v in sorted(r["tabellen"].items()) if v}
    som = hashlib.sha256(json.dumps(tabellen, sort_keys=True).encode()).hexdigest()[:12]
    print(f"== {soort}")
    print(f"migrate (niet geteld): {r['migreren']:.1f} s")
    print(
        f"demo_laden:            {r['wand']:.2f} s wand, {r['cpu']:.2f} s CPU  (doel <= {DOEL_S:.0f} s: {'ja' if r['wand'] <= DOEL_S else 'NEE'})"
    )
    print(f"load average voor/na:  {' '.join(f'{x:.2f}' for x in r['load_voor'])} / {' '.join(f'{x:.2f}' for x in r['load_na'])}")
    print(
        f"tweede run:            {r['tweede']['wand']:.2f} s, {'niets toegevoegd' if r['tweede']['tabellen'] == r['tabellen'] else 'WIJZIGDE DATA'}"
    )
    print(f"bestanden in MEDIA_ROOT na laden: {r['bestanden']}")
    print(f"rijen: {sum(tabellen.values())} in {len(tabellen)} tabellen, controlegetal {som}")
    for k, v in tabellen.items():
        print(f"  {k:45} {v:6}")
    print("auditrecords per actie:")
    for k, v in r["audit"].items():
        print(f"  {k:45} {v:6}")
    if r["profiel"]:
        print(r["profiel"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "beide"], default="beide")
    parser.add_argument("--profiel", action="store_true", help="print the top of a cProfile of the first run")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for soort in ["sqlite", "postgres"] if args.db == "beide" else [args.db]:
        verslag(soort, meten(soort, args.profiel))


if __name__ == "__main__":
    main()
