"""Benchmark of the bulk import: 5,000 ICT-activiteiten with 10 events each, through the import path.

Run from the project directory::

    .venv/bin/python benchmarks/import_5000.py [--aantal 5000] [--jaren 8] [--formaat csv|xlsx]
                                               [--zonder-tracemalloc] [--profiel]

What it does, honestly: our file format carries one row per activity (the
initial baseline and the current figures), so events are built up the way an
office would do it, one file per year:

1. File 1 (2016): 5,000 new activities, each with an initial baseline
   (01-01-2016) and different current figures at peildatum 31-12-2016: the
   import creates them with ``activiteit_aanmaken`` and adds a Rapportage:
   2 events each.
2. Files 2..9 (2017..2024): the current portfolio is exported (``exporteren``
   + ``naar_csv``/``naar_xlsx``), the current figures and the peildatum are
   changed in every row (in 2019 every fourth activity also gets a new reason
   for a herijking, with a toelichting; in 2017 all move to In uitvoering),
   and the file is read (``inlezen``), checked (``controleren``, the dry run)
   and imported (``importeren``): one Rapportage or Herijking per activity and
   year. Each activity ends with 10 events: 50,000 events in all.

Per file it prints the time to read, to check (dry run) and to import (which
checks again inside its transaction), their sum (the import end to end: upload,
check, import and audit), rows per second, the CPU time of Python and (on
PostgreSQL, from /proc) of the database backend, and the export time; at the
end the totals, against the targets of issue 21 (5,000 x 10 events in at most
30 s on PostgreSQL, 60 s on SQLite; a dry run of 5,000 rows in at most 10 s),
the number of progress reports, and the peak memory: ``tracemalloc`` peak (Python
allocations; it slows the run down, ``--zonder-tracemalloc`` switches it off)
and ``resource.getrusage`` maxrss (the whole process).

The start gate of art 5.3 (the oordelen app: no start of a large activity
without a positive CIO-oordeel) stays on: these activities started in 2016,
before the Besluit took effect (art 19), so their move to In uitvoering needs
no oordeel, as when today's portfolio is registered.

Database: ``DATABASE_URL`` (default
``postgres://postgres@127.0.0.1:5432/cio_benchmark``; SQLite with
``sqlite:////tmp/cio_benchmark.sqlite3``). The database is DROPPED and created
again at every run (an SQLite file is removed), so its name must contain
"benchmark". The machine's load average is printed: on a shared machine the
wall times are pessimistic, the CPU times less so.
"""

import argparse
import cProfile
import datetime
import io
import os
import pstats
import resource
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
STANDAARD_URL = "postgres://postgres@127.0.0.1:5432/cio_benchmark"


def database_opnieuw(url: str) -> None:
    """Drop and create the benchmark database (PostgreSQL); an SQLite file is removed."""
    deel = urlparse(url)
    naam = deel.path.lstrip("/")
    if "benchmark" not in naam:
        sys.exit(f"Weigering: de database '{naam}' wordt weggegooid en opnieuw gemaakt; de naam moet 'benchmark' bevatten.")
    if deel.scheme.startswith("sqlite"):
        Path(deel.path).unlink(missing_ok=True)
        return
    import psycopg

    beheer = deel._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        conn.execute(f'CREATE DATABASE "{naam}"')


def opzetten(url: str):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - t:.1f} s")

    from django.contrib.auth import get_user_model

    from cio_stelsel import services as stelsel
    from cio_stelsel.models import Ministerie, Persoon
    from cio_stelsel.rechten import Rol

    ministerie = Ministerie.objects.create(
        naam="Ministerie van Benchmarkzaken", afkorting="BMZ", code="bmz", geldig_van=datetime.date(2000, 1, 1)
    )
    user = get_user_model().objects.create_user("office-benchmark", password="benchmark-Wachtwoord-2026")
    persoon = Persoon.objects.create(voornaam="Office", achternaam="Benchmark", user=user)
    stelsel.roltoewijzing_starten(
        actor=None, persoon=persoon, rol=Rol.CIO_OFFICE, organisatie=ministerie, begindatum=datetime.date(2010, 1, 1)
    )
    return get_user_model().objects.get(pk=user.pk), ministerie


def eerste_bestand(aantal: int, ministerie) -> list[list]:
    """The rows of file 1 in KOLOMMEN order: derived columns empty, as an office would fill them in."""
    from portfolio import uitwisseling as u

    rijen = []
    for i in range(1, aantal + 1):
        w = dict.fromkeys(u.KOLOMMEN)
        basis = Decimal(5_000_000 + (i * 7919) % 95_000_000)
        w.update(
            {
                u.NUMMER: i,
                u.MINISTERIE: ministerie.afkorting,
                u.NAAM: f"Benchmarkactiviteit {i}",
                u.STATUS: "Nog niet gestart",
                u.SOORT: "Vernieuwing" if i % 3 else "Beheer en onderhoud",
                u.ONDERWERP: ["Belastingen", "Zorg", "Onderwijs", "Veiligheid"][i % 4],
                u.DIENSTVERLENING: "Burgers",
                u.WIJ_VERBETEREN_OP: "Dienstverlening",
                u.ONTWIKKELPARTIJEN: f"Leverancier {i % 17} (bouw)",
                u.ONTWIKKELWIJZE: "Agile Scrum",
                u.STARTDATUM: datetime.date(2016, 1, 1),
                u.INITIELE_EINDDATUM: datetime.date(2020, 12, 31),
                u.ACTUELE_EINDDATUM: datetime.date(2021, 6, 30),
                u.REDEN_HERIJKING: "",
                u.INITIELE_DATUM: datetime.date(2016, 1, 1),
                u.PEILDATUM: datetime.date(2016, 12, 31),
                u.DOEL: f"Doel van activiteit {i}",
                u.MAATWERK: "ja",
            }
        )
        for n, cat in enumerate(u.KOSTENCATEGORIEEN):
            deel = (basis * (n + 1) / 15).quantize(Decimal("0.01"))
            w[u.kolom_initieel(cat)] = deel
            w[u.kolom_actueel(cat)] = (deel * Decimal("1.05")).quantize(Decimal("0.01"))
            w[u.kolom_gerealiseerd(cat)] = (deel * Decimal("0.1")).quantize(Decimal("0.01"))
        rijen.append([w[k] for k in u.KOLOMMEN])
    return rijen


def volgend_jaar(rijen: list[list], jaar: int, met_status: bool) -> list[list]:
    """Next year's file from this year's export: new peildatum and figures; some herijkingen."""
    from portfolio import uitwisseling as u

    i = {k: n for n, k in enumerate(u.KOLOMMEN)}
    uit = []
    for rij in rijen:
        rij = list(rij)
        nummer = rij[i[u.NUMMER]]
        rij[i[u.PEILDATUM]] = datetime.date(jaar, 12, 31)
        rij[i[u.ACTUELE_EINDDATUM]] = datetime.date(2021 + (jaar - 2016) // 2, 6, 30)
        for cat in u.KOSTENCATEGORIEEN:
            rij[i[u.kolom_actueel(cat)]] = (rij[i[u.kolom_actueel(cat)]] * Decimal("1.03")).quantize(Decimal("0.01"))
            rij[i[u.kolom_gerealiseerd(cat)]] = (rij[i[u.kolom_gerealiseerd(cat)]] * Decimal("1.5")).quantize(Decimal("0.01"))
        for totaal in (u.INITIEEL_TOTAAL, u.ACTUEEL_TOTAAL, u.UITGAVEN):
            rij[i[totaal]] = None  # an office changes the categories; the totals are derived
        if jaar == 2019 and nummer % 4 == 0:
            rij[i[u.REDEN_HERIJKING]] = "Tegenvallers binnen project"
            rij[i[u.TOELICHTING_KOSTEN]] = "Meerwerk na aanbesteding."
        else:
            rij[i[u.TOELICHTING_KOSTEN]] = ""
        if jaar == 2017 and met_status:
            rij[i[u.STATUS]] = "In uitvoering"
        uit.append(rij)
    return uit


def db_cpu() -> float:
    """CPU seconds (user + system) of this connection's PostgreSQL backend so far, from /proc; 0 for SQLite or elsewhere."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def partij() -> int:
    from portfolio.uitwisseling import bulk

    return bulk.PARTIJ


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 1024 / 1024:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aantal", type=int, default=5000)
    parser.add_argument("--jaren", type=int, default=8, help="extra jaarbestanden na het eerste (standaard 8: 10 gebeurtenissen)")
    parser.add_argument("--formaat", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--zonder-tracemalloc", action="store_true")
    parser.add_argument("--profiel", action="store_true", help="cProfile van de import van het tweede bestand")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", STANDAARD_URL)
    database_opnieuw(url)
    actor, ministerie = opzetten(url)

    from portfolio import uitwisseling as u
    from portfolio.models import Gebeurtenis, IctActiviteit

    schrijf = u.naar_csv if args.formaat == "csv" else u.naar_xlsx
    if not args.zonder_tracemalloc:
        tracemalloc.start()

    print(
        f"\n{args.aantal} activiteiten, {1 + args.jaren} bestanden ({args.formaat}), database {urlparse(url).path.lstrip('/')}"
        f"{'' if args.zonder_tracemalloc else ', met tracemalloc (trager)'}"
    )
    kop = (
        f"{'bestand':<10}{'rijen':>7}{'export':>9}{'inlezen':>9}{'controle':>10}{'import':>9}{'samen':>9}{'rijen/s':>9}"
        f"{'cpu py':>9}{'cpu db':>9}{'piek py':>10}{'load':>6}"
    )
    print(kop + "\n" + "-" * len(kop))
    totaal_start = time.perf_counter()
    tijden = []
    hoogste_piek = 0
    meldingen = 0
    rijen = eerste_bestand(args.aantal, ministerie)
    export_tijd = 0.0
    for n in range(1 + args.jaren):
        jaar = 2016 + n
        if n:
            t = time.perf_counter()
            rijen = u.exporteren(IctActiviteit.objects.all())
            export_tijd = time.perf_counter() - t
            rijen = volgend_jaar(rijen, jaar, True)
        inhoud = schrijf(rijen)
        if not args.zonder_tracemalloc:
            tracemalloc.reset_peak()
        c0, d0 = time.process_time(), db_cpu()
        t0 = time.perf_counter()
        bestand = u.inlezen(io.BytesIO(inhoud), f"portfolio-{jaar}.{args.formaat}")
        t1 = time.perf_counter()
        controle = u.controleren(bestand, actor)
        t2 = time.perf_counter()
        if controle.fouten:
            for f in controle.fouten[:20]:
                print(f"  rij {f.rij} {f.kolom}: {f.reden}")
            sys.exit(f"{len(controle.fouten)} fouten in bestand {jaar}")
        profiel = cProfile.Profile() if args.profiel and n == 1 else None
        if profiel:
            profiel.enable()

        def voortgang(klaar, totaal):
            nonlocal meldingen
            meldingen += 1

        resultaat = u.importeren(bestand, actor, bestandsnaam=f"portfolio-{jaar}.{args.formaat}", voortgang=voortgang)
        if profiel:
            profiel.disable()
            if os.environ.get("PROFIEL_BESTAND"):
                profiel.dump_stats(os.environ["PROFIEL_BESTAND"])
        t3 = time.perf_counter()
        cpu, cpu_db = time.process_time() - c0, db_cpu() - d0
        if not resultaat.uitgevoerd:
            for f in resultaat.fouten[:20]:
                print(f"  rij {f.rij} {f.kolom}: {f.reden}")
            sys.exit(f"import van bestand {jaar} mislukt")
        piek = tracemalloc.get_traced_memory()[1] if not args.zonder_tracemalloc else 0
        hoogste_piek = max(hoogste_piek, piek)
        samen = t3 - t0
        tijden.append((jaar, len(bestand), export_tijd, t1 - t0, t2 - t1, t3 - t2, cpu, cpu_db, samen))
        print(
            f"{jaar:<10}{len(bestand):>7}{export_tijd:>8.1f}s{t1 - t0:>8.1f}s{t2 - t1:>9.1f}s{t3 - t2:>8.1f}s{samen:>8.1f}s"
            f"{len(bestand) / samen:>9.0f}{cpu:>8.1f}s{cpu_db:>8.1f}s{mb(piek) if piek else '-':>10}{os.getloadavg()[0]:>6.1f}",
            flush=True,
        )
        if profiel:
            uit = io.StringIO()
            pstats.Stats(profiel, stream=uit).sort_stats(os.environ.get("PROFIEL_SORTERING", "cumulative")).print_stats(
                int(os.environ.get("PROFIEL_REGELS", "25"))
            )
            print(uit.getvalue())

    totaal = time.perf_counter() - totaal_start
    aantal_rijen = sum(t[1] for t in tijden)
    samen = sum(t[8] for t in tijden)
    sqlite = urlparse(url).scheme.startswith("sqlite")
    grens = 60 if sqlite else 30
    print("-" * len(kop))
    print(f"totaal {totaal:.1f} s ({totaal / 60:.1f} min) voor {aantal_rijen} rijen in {len(tijden)} bestanden, met de exports ertussen")
    print(
        f"  import van begin tot eind (inlezen, controle, import met hercontrole en audit): {samen:.1f} s, "
        f"{aantal_rijen / samen:.0f} rijen/s (doel: {args.aantal} activiteiten x {1 + args.jaren + 1} gebeurtenissen "
        f"in hoogstens {grens} s op {'SQLite' if sqlite else 'PostgreSQL'})"
    )
    print(
        f"  inlezen {sum(t[3] for t in tijden):.1f} s, controle (proefimport) {sum(t[4] for t in tijden):.1f} s "
        f"(langste {max(t[4] for t in tijden):.1f} s voor {max(t[1] for t in tijden)} rijen; doel hoogstens 10 s), "
        f"import {sum(t[5] for t in tijden):.1f} s, export {sum(t[2] for t in tijden):.1f} s"
    )
    print(
        f"  CPU-tijd: Python {sum(t[6] for t in tijden):.1f} s"
        + ("" if sqlite else f", PostgreSQL-backend {sum(t[7] for t in tijden):.1f} s")
        + f" (samen {sum(t[6] + t[7] for t in tijden):.1f} s: wat de import vraagt als geen ander proces de processors deelt)"
    )
    print(f"  voortgang: {meldingen} meldingen (na elke partij van {partij()} rijen)")
    print(f"  processors {os.cpu_count()}, load average nu {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        f"  activiteiten {IctActiviteit.objects.count()}, gebeurtenissen {Gebeurtenis.objects.count()} "
        f"({Gebeurtenis.objects.count() / max(1, IctActiviteit.objects.count()):.1f} per activiteit)"
    )
    if not args.zonder_tracemalloc:
        print(f"  tracemalloc piek (hoogste per bestand, van inlezen t/m import): {mb(hoogste_piek)}")
    print(f"  maxrss (proces): {mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)}")


if __name__ == "__main__":
    main()
