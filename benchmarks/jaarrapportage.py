"""Benchmark of the Jaarrapportage (B16): 2,000 ICT-activiteiten with published versions, report generated in-process.

Run from the project directory::

    .venv/bin/python benchmarks/jaarrapportage.py [--aantal 2000] [--jaren 5] [--zonder-opbouw]

What it does, honestly:

1. Opbouw (skipped with ``--zonder-opbouw``): the database is DROPPED and
   created again, migrated, and filled by **bulk inserts that bypass the
   services** (no audit records, no per-row checks): 14 ministeries, the CIO
   Rijk (appointed through the real service, so the rights are real),
   ``--aantal`` activities with their event history, one *published*
   ``ActiviteitVersie`` per activity per year-end peildatum (``--jaren``,
   ending 31-12-2024; with the full ``gegevens`` record, herijkingen with
   reasons in about a quarter of them), decided CIO-oordelen (positive,
   negative with an afwijking, or none), and AcICT aanmeldingen with advice
   and bestuurlijke reactie. The data is made to look like the dashboard's,
   not to test the services (their own tests and benchmarks do that).
2. Generation, twice, each in a fresh Python process (so the set-up does not
   count in the memory figures): ``jaarrapportage_genereren`` for 2024, the
   code the Celery task runs, in-process. Run 1 without tracemalloc: wall
   time per step, total time, page count (pypdf) and peak RSS
   (``resource.getrusage`` maxrss of that process). Run 2 with tracemalloc:
   the peak of Python allocations (tracemalloc slows it down several times,
   so its time is not the figure to quote; ``--zonder-tracemalloc`` skips
   it). Both runs must give the same checksum (same inputs, same document).
   The CPU time of run 1 is printed too, and the load average: on a shared
   machine the wall time grows with the other processes, the CPU time much
   less.

Database: ``DATABASE_URL`` (default
``postgres://postgres@127.0.0.1:5432/cio_bench_jaar``). It is dropped and
created again, so its name must contain "bench". Files go to a temporary
``MEDIA_ROOT``.

Target (issue 21): at most 20 s and at most 800 MB peak memory (maxrss of the generating process).
"""

import argparse
import datetime
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
STANDAARD_URL = "postgres://postgres@127.0.0.1:5432/cio_bench_jaar"
JAAR = 2024

MINISTERIES = [
    ("AZ", "Algemene Zaken"),
    ("BZ", "Buitenlandse Zaken"),
    ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties"),
    ("DEF", "Defensie"),
    ("EZ", "Economische Zaken"),
    ("FIN", "Financiën"),
    ("IenW", "Infrastructuur en Waterstaat"),
    ("JenV", "Justitie en Veiligheid"),
    ("KGG", "Klimaat en Groene Groei"),
    ("LVVN", "Landbouw, Visserij, Voedselzekerheid en Natuur"),
    ("OCW", "Onderwijs, Cultuur en Wetenschap"),
    ("SZW", "Sociale Zaken en Werkgelegenheid"),
    ("VRO", "Volkshuisvesting en Ruimtelijke Ordening"),
    ("VWS", "Volksgezondheid, Welzijn en Sport"),
]
ONDERWERPEN = ["Belastingen", "Zorg", "Onderwijs", "Veiligheid", "Mobiliteit", "Werk en inkomen", "Bedrijfsvoering"]
WOORDEN = ["Vernieuwing", "Modernisering", "Vervanging", "Migratie", "Doorontwikkeling", "Beheer"]
SYSTEMEN = [
    "basisregistratie",
    "zaaksysteem",
    "aangifteplatform",
    "klantportaal",
    "datawarehouse",
    "werkplek",
    "netwerkinfrastructuur",
    "identiteitsbeheer",
    "roosterapplicatie",
    "subsidiesysteem",
]


def database_opnieuw(url: str) -> None:
    deel = urlparse(url)
    naam = deel.path.lstrip("/")
    if "bench" not in naam:
        sys.exit(f"Weigering: de database '{naam}' wordt weggegooid en opnieuw gemaakt; de naam moet 'bench' bevatten.")
    if deel.scheme.startswith("sqlite"):
        Path(deel.path).unlink(missing_ok=True)
        return
    import psycopg

    beheer = deel._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{naam}"')


def django_opzetten(url: str, media: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["MEDIA_ROOT"] = media
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def euro(x: float) -> Decimal:
    return Decimal(str(round(x, 2)))


def opbouwen(aantal: int, jaren: int) -> None:
    """Bulk-insert the portfolio (bypassing the services, see the module docstring)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction

    from cio_stelsel import services as stelsel
    from cio_stelsel.models import Ministerie, Persoon
    from cio_stelsel.rechten import Rol
    from oordelen.models import Aanbeveling, Aanmelding, Afwijking, CioOordeel
    from portfolio.models import ActiviteitVersie, Gebeurtenis, IctActiviteit, RedenHerijking, Soort, Status

    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    rng = random.Random(2024)
    User = get_user_model()
    user = User.objects.create_user("cio-rijk-benchmark", password="benchmark-Wachtwoord-2026")
    persoon = Persoon.objects.create(voornaam="CIO", achternaam="Rijk", user=user)
    stelsel.roltoewijzing_starten(actor=None, persoon=persoon, rol=Rol.CIO_RIJK, organisatie=None, begindatum=datetime.date(2020, 1, 1))
    redenen = list(RedenHerijking.objects.all())
    peildata = [datetime.date(JAAR - jaren + 1 + n, 12, 31) for n in range(jaren)]

    with transaction.atomic():
        ministeries = Ministerie.objects.bulk_create(
            [
                Ministerie(naam=f"Ministerie van {naam}", afkorting=afk, code=afk.lower(), geldig_van=datetime.date(2000, 1, 1))
                for afk, naam in MINISTERIES
            ]
        )
        plannen = []
        for i in range(1, aantal + 1):
            m = ministeries[i % len(ministeries)]
            start = datetime.date(rng.randint(JAAR - jaren, JAAR), rng.randint(1, 12), 1)
            duur = rng.randint(2, 7)
            plannen.append(
                {
                    "nummer": 10_000 + i,
                    "ministerie": m,
                    "start": start,
                    "eind0": start.replace(year=start.year + duur) - datetime.timedelta(days=1),
                    "budget": rng.uniform(5.5e6, 3e8) if rng.random() < 0.9 else rng.uniform(3e8, 1.2e9),
                    "soort": Soort.VERNIEUWING if rng.random() < 0.8 else Soort.BEHEER_EN_ONDERHOUD,
                    "naam": f"{rng.choice(WOORDEN)} {rng.choice(SYSTEMEN)} {i}",
                    "onderwerp": rng.choice(ONDERWERPEN),
                }
            )
        activiteiten = IctActiviteit.objects.bulk_create(
            [
                IctActiviteit(
                    nummer=p["nummer"],
                    naam=p["naam"],
                    ministerie=p["ministerie"],
                    onderwerp=p["onderwerp"],
                    soort=p["soort"],
                    status=Status.IN_UITVOERING,
                    startdatum=p["start"],
                )
                for p in plannen
            ],
            batch_size=1000,
        )
        gebeurtenissen, versies, statussen = [], [], {}
        nu = datetime.datetime(2025, 2, 1, 12, tzinfo=datetime.UTC)
        for p, a in zip(plannen, activiteiten):
            historie = [
                {
                    "soort": "initieel",
                    "datum": p["start"],
                    "einddatum": p["eind0"],
                    "geschat": p["budget"],
                    "gerealiseerd": 0.0,
                    "redenen": [],
                    "toelichting_kosten": "",
                }
            ]
            geschat, eind, besteed = p["budget"], p["eind0"], 0.0
            for peildatum in peildata:
                if peildatum < p["start"]:
                    continue
                herijking = rng.random() < 0.25
                if herijking:
                    geschat *= rng.uniform(1.05, 1.6)
                    eind = eind + datetime.timedelta(days=rng.choice([0, 91, 182, 365, 730]))
                besteed = min(geschat, besteed + geschat / rng.uniform(3, 7))
                datum = datetime.date(peildatum.year, rng.randint(3, 11), 15) if herijking else peildatum
                historie.append(
                    {
                        "soort": "herijking" if herijking else "rapportage",
                        "datum": max(datum, p["start"]),
                        "einddatum": eind,
                        "geschat": geschat,
                        "gerealiseerd": besteed,
                        "redenen": [r.naam for r in rng.sample(redenen, rng.randint(1, 2))] if herijking else [],
                        "toelichting_kosten": "Meerwerk na aanbesteding; de scope is uitgebreid met koppelingen." if herijking else "",
                    }
                )
                status = Status.IN_UITVOERING
                if eind <= peildatum:
                    status = Status.AFGEROND if rng.random() < 0.9 else Status.GEANNULEERD
                statussen[a.pk] = status
                verhistorie = [h for h in historie if h["datum"] <= peildatum or h is historie[-1]]
                ids = iter(range(1, 100))
                gegevens = {
                    "nummer": p["nummer"],
                    "naam": p["naam"],
                    "ministerie_afkorting": p["ministerie"].afkorting,
                    "gebeurtenissen": [
                        {
                            "id": next(ids),
                            "soort": h["soort"],
                            "datum": h["datum"].isoformat(),
                            "einddatum": h["einddatum"].isoformat(),
                            "totaal_geschat": str(euro(h["geschat"])),
                            "totaal_gerealiseerd": str(euro(h["gerealiseerd"])),
                            "toelichting_kosten": h["toelichting_kosten"],
                            "toelichting_einddatum": "",
                            "redenen": h["redenen"],
                        }
                        for h in verhistorie
                    ],
                }
                herijk = [h for h in verhistorie if h["soort"] == "herijking"]
                per_reden = {}
                for h in herijk:
                    for r in h["redenen"]:
                        per_reden[r] = per_reden.get(r, 0) + 1
                versies.append(
                    ActiviteitVersie(
                        activiteit=a,
                        peildatum=peildatum,
                        versienummer=1,
                        status=ActiviteitVersie.Status.GEPUBLICEERD,
                        ministerie=p["ministerie"],
                        naam=p["naam"],
                        activiteit_status=status,
                        soort=p["soort"],
                        onderwerp=p["onderwerp"],
                        startdatum=p["start"],
                        initiele_einddatum=p["eind0"],
                        actuele_einddatum=eind,
                        initieel_totaal=euro(p["budget"]),
                        actueel_totaal=euro(geschat),
                        gerealiseerd=euro(besteed),
                        aantal_herijkingen=len(herijk),
                        aantal_acict_adviezen=1 if p["budget"] > 1e8 and peildatum.year >= JAAR - 1 else 0,
                        organisatie=p["ministerie"].naam,
                        aantal_baten=rng.randint(0, 3),
                        herijkingen_per_reden=per_reden,
                        gegevens=gegevens,
                        voorbereid_door=user,
                        gecontroleerd_door=user,
                        gecontroleerd_op=nu,
                        gepubliceerd_door=user,
                        gepubliceerd_op=nu,
                    )
                )
            for h in historie:
                gebeurtenissen.append(
                    Gebeurtenis(
                        activiteit=a,
                        soort=h["soort"],
                        datum=h["datum"],
                        einddatum=h["einddatum"],
                        geschat_uitbesteed_werk=euro(h["geschat"]),
                        gerealiseerd_uitbesteed_werk=euro(h["gerealiseerd"]),
                        toelichting_kosten=h["toelichting_kosten"],
                    )
                )
        Gebeurtenis.objects.bulk_create(gebeurtenissen, batch_size=2000)
        ActiviteitVersie.objects.bulk_create(versies, batch_size=1000)
        for status in set(statussen.values()):
            IctActiviteit.objects.filter(pk__in=[pk for pk, s in statussen.items() if s == status]).update(status=status)

        # Oordelen: mostly positive before the start, some negative with an afwijking, some none.
        oordelen, afwijkingen = [], []
        for p, a in zip(plannen, activiteiten):
            kans = rng.random()
            if kans < 0.1:
                continue
            uitkomst = CioOordeel.Uitkomst.NEGATIEF if kans < 0.2 else CioOordeel.Uitkomst.POSITIEF
            op = datetime.datetime.combine(p["start"] - datetime.timedelta(days=30), datetime.time(10), tzinfo=datetime.UTC)
            oordelen.append(
                CioOordeel(
                    activiteit=a,
                    aanleiding="Voor de start",
                    kwaliteitskader_versie="2.1",
                    beheersing="voldoende",
                    haalbaarheid="voldoende",
                    risicos="voldoende",
                    implicaties="voldoende",
                    ciso_bijdrage="BIO getoetst.",
                    ciso_bijdrage_op=op,
                    status=CioOordeel.Status.VASTGESTELD,
                    uitkomst=uitkomst,
                    motivering="Afgewogen.",
                    opgesteld_door=user,
                    vastgesteld_door=user,
                    vastgesteld_op=op,
                )
            )
        oordelen = CioOordeel.objects.bulk_create(oordelen, batch_size=1000)
        for o in oordelen:
            if o.uitkomst == CioOordeel.Uitkomst.NEGATIEF and rng.random() < 0.6:
                afwijkingen.append(
                    Afwijking(
                        oordeel=o,
                        door_rol=Afwijking.Door.SECRETARIS_GENERAAL,
                        vastgelegd_door=user,
                        motivering="Maatschappelijke noodzaak; extra toezicht ingericht.",
                        datum=(o.vastgesteld_op + datetime.timedelta(days=10)).date(),
                    )
                )
        Afwijking.objects.bulk_create(afwijkingen)

        # AcICT: advice in the report year for the largest activities, most with a bestuurlijke reactie.
        budget = {p["nummer"]: p["budget"] for p in plannen}
        groot = sorted((o for o in oordelen if o.uitkomst == CioOordeel.Uitkomst.POSITIEF), key=lambda o: -budget[o.activiteit.nummer])[:60]
        aanmeldingen = []
        for n, o in enumerate(groot):
            reactie = n % 3 != 0
            aanmeldingen.append(
                Aanmelding(
                    activiteit=o.activiteit,
                    oordeel=o,
                    opgesteld_door=user,
                    aangemeld_door=user,
                    aangemeld_op=datetime.date(JAAR, 1, 15),
                    status=Aanmelding.Status.REACTIE_VASTGESTELD if reactie else Aanmelding.Status.ADVIES_ONTVANGEN,
                    collegebesluit_op=datetime.date(JAAR, 2, 1),
                    advies_datum=datetime.date(JAAR, rng.randint(3, 11), 10),
                    advies_samenvatting="Het college adviseert de invoering te faseren en de regie te versterken.",
                    advies_kamerstuk=f"26 643, nr. {1000 + n}",
                    reactie_datum=datetime.date(JAAR, 12, 1) if reactie else None,
                    reactie_toelichting="De minister neemt het advies grotendeels over." if reactie else "",
                    gedeeld_met_cio_rijk_op=datetime.date(JAAR, 12, 2) if reactie else None,
                )
            )
        aanmeldingen = Aanmelding.objects.bulk_create(aanmeldingen)
        Aanbeveling.objects.bulk_create(
            [
                Aanbeveling(aanmelding=a, nummer=k, tekst=f"Aanbeveling {k}", reactie="overgenomen" if a.reactie_datum else "")
                for a in aanmeldingen
                for k in (1, 2, 3)
            ]
        )
    print(
        f"opbouw: {aantal} activiteiten, {len(versies)} gepubliceerde versies ({peildata[0]:%d-%m-%Y} .. {peildata[-1]:%d-%m-%Y}), "
        f"{len(gebeurtenissen)} gebeurtenissen, {len(oordelen)} oordelen, {len(afwijkingen)} afwijkingen, "
        f"{len(aanmeldingen)} AcICT-adviezen: {time.perf_counter() - t:.1f} s"
    )


def genereren(met_tracemalloc: bool) -> dict:
    """One generation of the 2024 report in this (fresh) process; returns the figures as a dict."""
    from django.contrib.auth import get_user_model

    from dashboard import jaarrapportage_services as services
    from dashboard.models import Jaarrapportage

    user = get_user_model().objects.get(username="cio-rijk-benchmark")
    Jaarrapportage.objects.filter(status__in=Jaarrapportage.LOPEND).delete()
    rapport = Jaarrapportage.objects.create(jaar=JAAR, peildatum=datetime.date(JAAR, 12, 31), gestart_door=user)
    stappen = []
    echte_voortgang = services._voortgang

    def voortgang(r, stap, pct):  # record when each step starts (timing only)
        stappen.append((stap, time.perf_counter()))
        return echte_voortgang(r, stap, pct)

    services._voortgang = voortgang
    if met_tracemalloc:
        tracemalloc.start()
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    begin = time.perf_counter()
    stappen.append(("Gegevens verzamelen", begin))
    uitkomst = services.jaarrapportage_genereren(pk=rapport.pk)
    eind = time.perf_counter()
    na = resource.getrusage(resource.RUSAGE_SELF)
    piek_py = tracemalloc.get_traced_memory()[1] if met_tracemalloc else None
    rapport.refresh_from_db()
    if uitkomst != Jaarrapportage.Status.CONCEPT:
        sys.exit(f"generatie mislukt: {rapport.foutmelding}")
    with rapport.pdf.open("rb") as f:
        inhoud = f.read()
    try:
        from pypdf import PdfReader

        paginas = len(PdfReader(io.BytesIO(inhoud)).pages)
    except ImportError:  # pypdf is a dev dependency
        paginas = None
    stappen.append(("einde", eind))
    return {
        "seconden": eind - begin,
        "cpu": (na.ru_utime + na.ru_stime) - (gebruik.ru_utime + gebruik.ru_stime),
        "stappen": [(naam, volgende - tijd) for (naam, tijd), (_n, volgende) in zip(stappen, stappen[1:])],
        "paginas": paginas,
        "pdf_bytes": len(inhoud),
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "piek_py_mb": None if piek_py is None else piek_py / 1024 / 1024,
        "checksum": rapport.checksum,
        "versies": len(rapport.invoer["versies"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aantal", type=int, default=2000)
    parser.add_argument("--jaren", type=int, default=5, help="aantal jaarlijkse peildata, eindigend op 31-12-2024")
    parser.add_argument("--zonder-opbouw", action="store_true", help="de database van een vorige run hergebruiken")
    parser.add_argument("--zonder-tracemalloc", action="store_true", help="de tweede run (met tracemalloc, enkele minuten) overslaan")
    parser.add_argument("--genereer", choices=["gewoon", "tracemalloc"], help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--media", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", STANDAARD_URL)

    if args.genereer:
        django_opzetten(url, args.media)
        print(json.dumps(genereren(args.genereer == "tracemalloc")))
        return

    media = tempfile.mkdtemp(prefix="cio-bench-jaar-")
    if not args.zonder_opbouw:
        database_opnieuw(url)
        django_opzetten(url, media)
        opbouwen(args.aantal, args.jaren)
    print(
        f"\nJaarrapportage {JAAR}, database {urlparse(url).path.lstrip('/')}, {os.cpu_count()} CPU's, "
        f"belasting vooraf {os.getloadavg()[0]:.1f}"
    )
    uitkomsten = {}
    for soort in ("gewoon",) if args.zonder_tracemalloc else ("gewoon", "tracemalloc"):
        proces = subprocess.run(
            [sys.executable, __file__, "--genereer", soort, "--media", media],
            capture_output=True,
            text=True,
            env={**os.environ, "DATABASE_URL": url},
        )
        if proces.returncode:
            sys.exit(proces.stderr or proces.stdout)
        uitkomsten[soort] = json.loads(proces.stdout.strip().splitlines()[-1])
    gewoon, tm = uitkomsten["gewoon"], uitkomsten.get("tracemalloc")
    print(f"gebruikte gepubliceerde versies: {gewoon['versies']}")
    for naam, duur in gewoon["stappen"]:
        print(f"  {naam:<28}{duur:>7.1f} s")
    print(
        f"generatietijd:   {gewoon['seconden']:.1f} s   (doel ≤ 20 s; CPU-tijd {gewoon['cpu']:.1f} s, "
        f"belasting van de machine na afloop {os.getloadavg()[0]:.1f})"
    )
    print(f"pagina's:        {gewoon['paginas']}   ({gewoon['pdf_bytes'] / 1024 / 1024:.1f} MB PDF)")
    print(f"piekgeheugen:    {gewoon['maxrss_mb']:,.0f} MB maxrss van het generatieproces   (doel ≤ 800 MB)")
    if tm:
        print(f"                 {tm['piek_py_mb']:,.0f} MB piek Python-allocaties (tracemalloc; die run duurde {tm['seconden']:.1f} s)")
        print(
            f"checksum:        {gewoon['checksum'][:16]}… {'gelijk' if gewoon['checksum'] == tm['checksum'] else 'VERSCHILLEND'} in beide runs"
        )
        if gewoon["checksum"] != tm["checksum"]:
            sys.exit("Dezelfde invoer gaf een ander document.")


if __name__ == "__main__":
    main()
