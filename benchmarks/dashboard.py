"""Benchmark of the public dashboard: 2,000 ICT-activiteiten × 8 published peildata, served by gunicorn.

Run from the project directory::

    .venv/bin/python benchmarks/dashboard.py [--aantal 2000] [--peildata 8] [--seconden 5] [--herhalingen 5]
                                             [--gelijktijdig 8] [--poort 8031] [--paginas home,lijst,...]
                                             [--zonder-laden]

What it does:

1. Drops and creates the PostgreSQL database ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/cio_bench_dashboard``; the name must
   contain "bench"), migrates it and loads ``--aantal`` activities with one
   published version per peildatum (31-12 of 8 consecutive years): 16,000
   versions whose ``gegevens`` hold a realistic frozen record (8-15 events,
   milestones, reviews, Kamerstukken, benefits; 3-8 kB of JSON each).
   **The load bypasses the services**: it bulk-creates the IctActiviteit and
   ActiviteitVersie rows directly (no audit trail, no live event history),
   because the public dashboard reads only published versions and running
   16,000 publications through the services would take most of an hour
   without changing what is measured. ``--zonder-laden`` reuses the data.
2. Renders one of each page in-process to learn its size, then writes a
   static file of the same size per page into a temporary STATIC_ROOT (after
   ``collectstatic`` into it), so WhiteNoise in the same server serves it.
3. Starts ``gunicorn config.wsgi -w 2`` (sync workers) with ``REDIS_URL``
   (default ``redis://127.0.0.1:6379/1``), so the page cache is Redis (with a
   key prefix of its own per run: nothing else in that Redis is touched), and
   ``DATABASE_CONN_MAX_AGE=60`` as in production (persistent connections; the
   development default 0 opens a PostgreSQL connection per request).
4. Measures each case with ``wrk`` (Debian's package, a C load generator;
   installed by ``scripts/systeempakketten.sh bench`` when missing) on
   127.0.0.1, ``-t2 -c<gelijktijdig>`` for ``--seconden`` per run, with
   ``benchmarks/dashboard.lua`` rotating over the case's URLs. gunicorn's sync
   workers close the connection after each response, so every request opens a
   connection, for pages and static files alike.

   * **uncached**: the request carries a ``sessionid`` cookie. The page cache
     (``dashboard.cache``) never serves or stores a response for a request
     that may belong to a logged-in user, so every request is rendered from
     the database, exactly as for a logged-in visitor (the unknown session
     costs one indexed lookup). Measured at ``-c2`` (one request per worker:
     the time of the page itself) and at ``-c<gelijktijdig>`` (queueing
     included).
   * **cached**: anonymous requests for URLs that were warmed up; the script
     counts answers with ``X-Cache: miss`` (rendered after all) per run.
   * **static**: a file of the same size, served by WhiteNoise in the same
     server.

   The activity and ministerie cases rotate over 50 activities and all
   ministries; the list case over 4 URLs (plain, filtered, sorted, page 3).
   The cases run interleaved, ``--herhalingen`` times, because other
   processes load the machine; after each run the script waits until the
   answers still in flight are done.

It prints per case the best and median requests per second, the median
p50/p90/p95/p99 latency, errors, cache misses and the load average; then per
page the cached / static throughput ratio (best over best, and the median of
the per-repetition ratios) and the uncached p95, and the load average
(``uptime``) at the start and the end. Targets (issue 21): cached at least 0.9
of the static file's throughput; uncached p95 <= 50 ms.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
STANDAARD_URL = "postgres://postgres@127.0.0.1:5432/cio_bench_dashboard"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")

MINISTERIES = [
    ("az", "AZ", "Ministerie van Algemene Zaken"),
    ("bz", "BZ", "Ministerie van Buitenlandse Zaken"),
    ("bzk", "BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("def", "DEF", "Ministerie van Defensie"),
    ("ez", "EZ", "Ministerie van Economische Zaken"),
    ("fin", "FIN", "Ministerie van Financiën"),
    ("ienw", "IenW", "Ministerie van Infrastructuur en Waterstaat"),
    ("jenv", "JenV", "Ministerie van Justitie en Veiligheid"),
    ("lvvn", "LVVN", "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"),
    ("ocw", "OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap"),
    ("szw", "SZW", "Ministerie van Sociale Zaken en Werkgelegenheid"),
    ("vws", "VWS", "Ministerie van Volksgezondheid, Welzijn en Sport"),
]
ONDERWERPEN = [
    "Belastingen",
    "Zorg",
    "Onderwijs",
    "Veiligheid",
    "Defensie",
    "Infrastructuur",
    "Sociale zekerheid",
    "Digitale overheid",
    "Bedrijfsvoering",
    "Landbouw",
    "Migratie",
    "Rechtspraak",
]
REDENEN = [
    "Wetswijziging",
    "Wens van de Tweede Kamer/Eerste Kamer",
    "Aanpassing (business)doelen of eisen",
    "Implementatie in organisatie",
    "Project-endogene scopewijzigingen",
    "Tegenvallers binnen project",
    "Overnemen aanbeveling extern advies",
    "Prijsontwikkeling",
]
CATEGORIEEN = ["intern_personeel", "extern_personeel", "overig_materieel", "uitbesteed_werk", "overige_kosten"]
VERDELING = [Decimal("0.15"), Decimal("0.25"), Decimal("0.2"), Decimal("0.3"), Decimal("0.1")]
ACTIVITEIT_NUMMER_VAN = 10001
WERKERS = 2  # gunicorn -w 2


# -----------------------------------------------------------------------------
# Database and data


def database_opnieuw(url: str) -> None:
    deel = urlparse(url)
    naam = deel.path.lstrip("/")
    if "bench" not in naam or not deel.scheme.startswith("postgres"):
        sys.exit(f"Weigering: '{naam}' wordt weggegooid en opnieuw gemaakt; gebruik een PostgreSQL-database met 'bench' in de naam.")
    import psycopg

    beheer = deel._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        conn.execute(f'CREATE DATABASE "{naam}"')


def django_opzetten(url: str, static_root: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["REDIS_URL"] = REDIS_URL
    os.environ["BENCH_STATIC_ROOT"] = static_root
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.dashboard_instellingen"
    import django

    django.setup()


def euro(x) -> Decimal:
    return Decimal(x).quantize(Decimal("1000"))


def _bedragen(totaal: Decimal, prefix: str) -> dict:
    delen = {f"{prefix}_{c}": str(euro(totaal * v)) + ".00" for c, v in zip(CATEGORIEEN, VERDELING)}
    return delen


def _som(d: dict, prefix: str) -> Decimal:
    return sum((Decimal(d[f"{prefix}_{c}"]) for c in CATEGORIEEN), Decimal(0))


class Verloop:
    """The (made-up) history of one activity over the years, frozen per peildatum."""

    def __init__(self, i: int, ministerie: dict, onderdelen: list, peildata: list[datetime.date], rng: random.Random):
        self.i = i
        self.nummer = ACTIVITEIT_NUMMER_VAN + i
        self.ministerie = ministerie
        self.onderdeel = rng.choice(onderdelen) if rng.random() < 0.7 else None
        self.onderwerp = rng.choice(ONDERWERPEN)
        self.soort = "vernieuwing" if rng.random() < 0.7 else "beheer_en_onderhoud"
        self.naam = f"{'Vernieuwing' if self.soort == 'vernieuwing' else 'Beheer en onderhoud'} {self.onderwerp.lower()} {i}"
        eerste = peildata[0]
        self.start = datetime.date(eerste.year - rng.randint(0, 5), rng.randint(1, 12), 1)
        self.initieel_eind = datetime.date(self.start.year + rng.randint(5, 13), 12, 31)
        self.initieel = euro(rng.uniform(6_000_000, 300_000_000))
        self.rng = rng
        self.afloop = None  # ("afgerond" | "geannuleerd", date)
        # Events: initial baseline, a report at every 31-12, sometimes a herijking.
        self.events = [self._event("initieel", self.start, self.initieel_eind, self.initieel, Decimal(0))]
        actueel, eind, besteed = self.initieel, self.initieel_eind, Decimal(0)
        for jaar in range(self.start.year, peildata[-1].year + 1):
            if self.afloop:
                break
            if rng.random() < 0.12 and jaar > self.start.year:
                actueel = euro(actueel * Decimal(str(rng.uniform(1.1, 1.5))))
                eind = datetime.date(eind.year + rng.randint(0, 2), rng.choice([6, 12]), 30 if rng.random() < 0.5 else 1)
                redenen = rng.sample(REDENEN, rng.randint(1, 3))
                self.events.append(
                    self._event(
                        "herijking",
                        datetime.date(jaar, rng.randint(3, 10), 15),
                        eind,
                        actueel,
                        besteed,
                        redenen=redenen,
                        toelichting="Scope en planning zijn opnieuw vastgesteld na een tegenvaller.",
                    )
                )
            besteed = min(actueel, besteed + euro(actueel / Decimal(max(1, (eind.year - self.start.year + 1)))))
            actueel = euro(actueel * Decimal(str(rng.uniform(0.97, 1.08))))
            self.events.append(self._event("rapportage", datetime.date(jaar, 12, 31), eind, actueel, besteed))
            if datetime.date(jaar, 12, 31) >= eind:
                self.afloop = ("afgerond", datetime.date(jaar, 12, 31))
            elif rng.random() < 0.01:
                self.afloop = ("geannuleerd", datetime.date(jaar, 12, 31))

    def _event(self, soort, datum, eind, geschat, besteed, redenen=(), toelichting=""):
        d = {
            "id": None,
            "activiteit": self.i,
            "soort": soort,
            "datum": datum.isoformat(),
            "einddatum": eind.isoformat(),
            "toelichting_kosten": toelichting,
            "toelichting_einddatum": toelichting if soort == "herijking" else "",
        }
        d.update(_bedragen(geschat, "geschat"))
        d.update(_bedragen(besteed, "gerealiseerd"))
        d["totaal_geschat"] = f"{_som(d, 'geschat'):.2f}"
        d["totaal_gerealiseerd"] = f"{_som(d, 'gerealiseerd'):.2f}"
        d["vastgelegd_op"] = f"{datum.isoformat()}T12:00:00+00:00"
        d["redenen"] = list(redenen)
        return d

    def versie(self, peildatum: datetime.date, pk: int) -> tuple[dict, dict]:
        """(the columns of the version, its gegevens) as they stood on ``peildatum``."""
        evs = [e for e in self.events if e["datum"] <= peildatum.isoformat()]
        for n, e in enumerate(evs):
            e["id"] = self.i * 100 + n
        eerste, laatste = evs[0], evs[-1]
        status = "in_uitvoering"
        decharge = annulering = None
        if self.afloop and self.afloop[1] <= peildatum:
            status = self.afloop[0]
            decharge = self.afloop[1] if status == "afgerond" else None
            annulering = self.afloop[1] if status == "geannuleerd" else None
        init_eind, act_eind = datetime.date.fromisoformat(eerste["einddatum"]), datetime.date.fromisoformat(laatste["einddatum"])
        k = {
            "initieel_totaal": eerste["totaal_geschat"],
            "actueel_totaal": laatste["totaal_geschat"],
            "gerealiseerd": laatste["totaal_gerealiseerd"],
            "initiele_einddatum": init_eind.isoformat(),
            "actuele_einddatum": act_eind.isoformat(),
            "peildatum": laatste["datum"],
            "aantal_herijkingen": sum(1 for e in evs if e["soort"] == "herijking"),
        }
        for c in CATEGORIEEN:
            k[f"initieel_{c}"] = eerste[f"geschat_{c}"]
            k[f"actueel_{c}"] = laatste[f"geschat_{c}"]
            k[f"gerealiseerd_{c}"] = laatste[f"gerealiseerd_{c}"]
        k["verschil"] = f"{Decimal(laatste['totaal_geschat']) - Decimal(eerste['totaal_geschat']):.2f}"
        k["prognose"] = f"{Decimal(laatste['totaal_geschat']) - Decimal(laatste['totaal_gerealiseerd']):.2f}"
        k["doorlooptijd_initieel"] = (init_eind - self.start).days
        k["doorlooptijd_actueel"] = (act_eind - self.start).days
        k["vertraging"] = (act_eind - init_eind).days
        rng = random.Random(self.i)  # the lists do not change between peildata
        toetsen = [
            {
                "id": self.i * 10 + n,
                "activiteit": self.i,
                "toetsdatum": datetime.date(self.start.year + n, 5, 1).isoformat(),
                "uitvoerende_partij": "Adviescollege ICT-toetsing" if soort == "acict_advies" else "Gateway Review Team",
                "soort": soort,
                "omschrijving": "Advies over haalbaarheid, kosten en planning.",
            }
            for n, soort in enumerate(rng.sample(["acict_advies", "gateway_review", "adr_audit"], rng.randint(0, 2)))
            if datetime.date(self.start.year + n, 5, 1) <= peildatum
        ]
        ministerie = self.ministerie
        organisatie = self.onderdeel["naam"] if self.onderdeel else f"{ministerie['naam']} ({ministerie['afkorting']})"
        gegevens = {
            "id": self.i,
            "nummer": self.nummer,
            "naam": self.naam,
            "ministerie": ministerie["pk"],
            "dienstonderdeel": self.onderdeel["pk"] if self.onderdeel else None,
            "zbo": None,
            "opdrachtgevende_organisatie": f"DG {self.onderwerp}",
            "onderwerp": self.onderwerp,
            "dienstverlening": f"Dienstverlening op het gebied van {self.onderwerp.lower()}",
            "wij_verbeteren_op": "Dienstverlening",
            "soort": self.soort,
            "status": status,
            "startdatum": self.start.isoformat(),
            "reden_van_starten": "Verouderde systemen en nieuwe wetgeving.",
            "doel": "Betere en goedkopere dienstverlening.",
            "samenvatting": f"{self.naam}: vervanging en modernisering van de ondersteunende systemen, in fasen.",
            "maatwerk": rng.random() < 0.5,
            "ontwikkelwijze": rng.choice(["agile_scrum", "safe", "waterval", "hybride"]),
            "dechargedatum": decharge.isoformat() if decharge else None,
            "annuleringsdatum": annulering.isoformat() if annulering else None,
            "reden_annulering": "Doelen niet haalbaar binnen budget." if annulering else "",
            "versie": len(evs),
            "aangemaakt_op": f"{self.start.isoformat()}T09:00:00+00:00",
            "gewijzigd_op": f"{peildatum.isoformat()}T09:00:00+00:00",
            "ministerie_naam": ministerie["naam"],
            "ministerie_afkorting": ministerie["afkorting"],
            "organisatie": organisatie,
            "kerncijfers": k,
            "gebeurtenissen": [dict(e) for e in evs],
            "mijlpalen": [
                {
                    "id": self.i * 10 + n,
                    "activiteit": self.i,
                    "omschrijving": f"Mijlpaal {n + 1}: release {n + 1}",
                    "verwachte_datum": datetime.date(self.start.year + n + 1, 6, 30).isoformat(),
                    "gerealiseerde_datum": datetime.date(self.start.year + n + 1, 7, 15).isoformat()
                    if datetime.date(self.start.year + n + 1, 7, 15) <= peildatum
                    else None,
                    "behaald": datetime.date(self.start.year + n + 1, 7, 15) <= peildatum,
                    "conform_eisen": True,
                    "projectplanversie": "1.0",
                }
                for n in range(rng.randint(2, 5))
            ],
            "kwaliteitstoetsen": toetsen,
            "kamerstukken": [
                {
                    "id": self.i,
                    "activiteit": self.i,
                    "nummer": f"26 643, nr. {600 + self.i % 300}",
                    "titel": f"Voortgangsbrief {self.naam}",
                    "link": "https://www.tweedekamer.nl/kamerstukken",
                    "briefdatum": datetime.date(self.start.year + 1, 3, 1).isoformat(),
                    "acict_advies": any(t["soort"] == "acict_advies" for t in toetsen),
                }
            ]
            if rng.random() < 0.6
            else [],
            "baten": [
                {
                    "id": self.i,
                    "activiteit": self.i,
                    "toelichting": "Minder handwerk en snellere afhandeling.",
                    "kwantitatief_per_jaar": "1500000.00",
                    "kwantitatief_incidenteel": None,
                }
            ]
            if rng.random() < 0.5
            else [],
            "ontwikkelpartijen": [{"id": self.i, "activiteit": self.i, "partij": f"Leverancier {self.i % 23}", "rol": "bouw"}],
        }
        redenen = {}
        for e in evs:
            if e["soort"] == "herijking":
                for r in e["redenen"]:
                    redenen[r] = redenen.get(r, 0) + 1
        kolommen = {
            "naam": self.naam,
            "activiteit_status": status,
            "soort": self.soort,
            "onderwerp": self.onderwerp,
            "startdatum": self.start,
            "initiele_einddatum": init_eind,
            "actuele_einddatum": act_eind,
            "initieel_totaal": Decimal(k["initieel_totaal"]),
            "actueel_totaal": Decimal(k["actueel_totaal"]),
            "gerealiseerd": Decimal(k["gerealiseerd"]),
            "aantal_herijkingen": k["aantal_herijkingen"],
            "aantal_acict_adviezen": sum(1 for t in toetsen if t["soort"] == "acict_advies"),
            "organisatie": organisatie,
            "aantal_baten": len(gegevens["baten"]),
            "herijkingen_per_reden": redenen,
        }
        return kolommen, gegevens


def laden(aantal: int, aantal_peildata: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from cio_stelsel.models import Dienstonderdeel, Ministerie
    from portfolio.models import ActiviteitVersie, IctActiviteit

    rng = random.Random(2026)
    t = time.perf_counter()
    ministeries = []
    for code, afkorting, naam in MINISTERIES:
        m = Ministerie.objects.create(code=code, afkorting=afkorting, naam=naam, geldig_van=datetime.date(2000, 1, 1))
        onderdelen = [
            Dienstonderdeel.objects.create(ministerie=m, naam=f"Uitvoeringsdienst {afkorting} {n}", afkorting=f"UD{afkorting}{n}")
            for n in range(1, 4)
        ]
        ministeries.append(({"pk": m.pk, "naam": naam, "afkorting": afkorting}, [{"pk": o.pk, "naam": o.naam} for o in onderdelen]))
    laatste_jaar = datetime.date.today().year - 1
    peildata = [datetime.date(j, 12, 31) for j in range(laatste_jaar - aantal_peildata + 1, laatste_jaar + 1)]
    verlopen = [Verloop(i, *ministeries[i % len(ministeries)], peildata, rng) for i in range(aantal)]
    activiteiten = IctActiviteit.objects.bulk_create(
        [
            IctActiviteit(
                nummer=v.nummer,
                naam=v.naam,
                ministerie_id=v.ministerie["pk"],
                dienstonderdeel_id=v.onderdeel["pk"] if v.onderdeel else None,
                onderwerp=v.onderwerp,
                soort=v.soort,
                status="in_uitvoering",
                startdatum=v.start,
            )
            for v in verlopen
        ],
        batch_size=1000,
    )
    print(f"  {len(activiteiten)} activiteiten, {len(ministeries)} ministeries: {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    n = 0
    for peildatum in peildata:
        batch = []
        gepubliceerd = timezone.make_aware(datetime.datetime(peildatum.year + 1, 5, 15, 10, 0))
        for v, a in zip(verlopen, activiteiten):
            kolommen, gegevens = v.versie(peildatum, n)
            gegevens["id"] = a.pk
            batch.append(
                ActiviteitVersie(
                    activiteit_id=a.pk,
                    peildatum=peildatum,
                    versienummer=1,
                    status=ActiviteitVersie.Status.GEPUBLICEERD,
                    ministerie_id=v.ministerie["pk"],
                    dienstonderdeel_id=v.onderdeel["pk"] if v.onderdeel else None,
                    gegevens=gegevens,
                    gepubliceerd_op=gepubliceerd + datetime.timedelta(seconds=v.i),
                    gecontroleerd_op=gepubliceerd,
                    **kolommen,
                )
            )
            n += 1
        ActiviteitVersie.objects.bulk_create(batch, batch_size=500)
        print(f"  peildatum {peildatum}: {len(batch)} versies ({time.perf_counter() - t:.1f} s)", flush=True)
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE")
        c.execute("SELECT pg_size_pretty(pg_total_relation_size('portfolio_activiteitversie'))")
        grootte = c.fetchone()[0]
    print(f"  {n} versies geladen in {time.perf_counter() - t:.1f} s; tabel portfolio_activiteitversie {grootte}", flush=True)


# -----------------------------------------------------------------------------
# Serving and measuring


def gevallen() -> dict[str, list[str]]:
    from cio_stelsel.models import Ministerie
    from dashboard import selectors

    nummers = list(selectors.stand().order_by("activiteit__nummer").values_list("activiteit__nummer", flat=True)[:2000:40])
    return {
        "home": ["/"],
        "lijst": [
            "/activiteiten/",
            "/activiteiten/?status=in_uitvoering&ministerie=fin&acict=ja",
            "/activiteiten/?sort=-actueel&q=belasting",
            "/activiteiten/?page=3",
        ],
        "activiteit": [f"/activiteiten/{n}/" for n in nummers],
        "ministerie": [f"/ministeries/{code}/" for code in Ministerie.objects.order_by("code").values_list("code", flat=True)],
    }


def statische_bestanden(static_root: Path, urls: dict[str, list[str]]) -> dict[str, tuple[str, int]]:
    """Render the first URL of each case in-process and write a static file of the same size."""
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()
    uit = {}
    (static_root / "bench").mkdir(parents=True, exist_ok=True)
    for naam, lijst in urls.items():
        grootte = len(client.get(lijst[0]).content)
        pad = static_root / "bench" / f"{naam}.html"
        regel = b"<p>Statisch bestand van dezelfde grootte als de pagina, voor de vergelijking.</p>\n"
        pad.write_bytes((regel * (grootte // len(regel) + 1))[:grootte])
        uit[naam] = (f"/static/bench/{naam}.html", grootte)
    return uit


def gunicorn_starten(poort: int, env: dict) -> subprocess.Popen:
    proces = subprocess.Popen(
        [
            str(BASIS / ".venv/bin/gunicorn"),
            "config.wsgi",
            "-w",
            str(WERKERS),
            "-b",
            f"127.0.0.1:{poort}",
            "--pythonpath",
            str(BASIS),
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=BASIS,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            c = http.client.HTTPConnection("127.0.0.1", poort, timeout=2)
            c.request("GET", "/static/css/cio.css")
            if c.getresponse().status == 200:
                return proces
        except OSError:
            time.sleep(0.2)
    proces.kill()
    sys.exit("gunicorn start niet: " + proces.stderr.read().decode()[-2000:])


def wrk_installeren() -> str:
    """wrk (Debian's package) through scripts/systeempakketten.sh bench, when it is missing."""
    if not shutil.which("wrk"):
        print("wrk ontbreekt: installeren met scripts/systeempakketten.sh bench (apt-get install wrk)...", flush=True)
        subprocess.run([str(BASIS / "scripts/systeempakketten.sh"), "bench"], check=True)
    pad = shutil.which("wrk")
    if not pad:
        sys.exit("wrk is niet te installeren; installeer het Debian-pakket 'wrk' (sudo apt-get install wrk) en probeer opnieuw.")
    return pad


def belasting() -> str:
    """The load average of the machine (1, 5, 15 min), as ``uptime`` shows it."""
    een, vijf, vijftien = os.getloadavg()
    return f"{een:.2f} {vijf:.2f} {vijftien:.2f}"


def meten(wrk: str, poort: int, urls: list[str], seconden: int, verbindingen: int, cookie: str = "") -> dict:
    """One wrk run (``-t2 -c<verbindingen> -d<seconden>s``, benchmarks/dashboard.lua) over ``urls``; its JSON line plus req/s."""
    env = dict(os.environ, DASHBOARD_PADEN=" ".join(urls), DASHBOARD_COOKIE=cookie)
    draden = min(2, verbindingen)
    r = subprocess.run(
        [
            wrk,
            f"-t{draden}",
            f"-c{verbindingen}",
            f"-d{seconden}s",
            "--timeout",
            "10s",
            "-s",
            str(BASIS / "benchmarks/dashboard.lua"),
            f"http://127.0.0.1:{poort}",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    regel = [r for r in r.stdout.splitlines() if r.startswith("{")][-1]
    uit = json.loads(regel)
    uit["rps"] = uit["verzoeken"] / uit["seconden"]
    uit["fouten"] = uit["fouten_status"] + uit["fouten_socket"]
    # wrk stops without waiting for the answers in flight: let the workers finish them before the next run
    time.sleep(min(10.0, uit["max_ms"] / 1000) + 0.3)
    return uit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aantal", type=int, default=2000)
    parser.add_argument("--peildata", type=int, default=8)
    parser.add_argument("--seconden", type=int, default=5, help="duur van één wrk-meting")
    parser.add_argument("--herhalingen", type=int, default=5, help="metingen per geval (beste en mediaan)")
    parser.add_argument("--gelijktijdig", type=int, default=8, help="wrk-verbindingen (-c)")
    parser.add_argument("--poort", type=int, default=8031)
    parser.add_argument("--paginas", default="home,lijst,activiteit,ministerie", help="komma-gescheiden: home,lijst,activiteit,ministerie")
    parser.add_argument("--zonder-laden", action="store_true", help="de database van een vorige run hergebruiken")
    args = parser.parse_args()

    wrk = wrk_installeren()
    url = os.environ.get("DATABASE_URL", STANDAARD_URL)
    static_root = Path(tempfile.mkdtemp(prefix="cio-bench-static-"))
    try:
        if not args.zonder_laden:
            database_opnieuw(url)
        django_opzetten(url, str(static_root))
        prefix = f"ciobench{os.getpid()}"
        os.environ["CACHE_KEY_PREFIX"] = prefix
        if not args.zonder_laden:
            from django.core.management import call_command

            t = time.perf_counter()
            call_command("migrate", verbosity=0)
            print(f"migrate: {time.perf_counter() - t:.1f} s", flush=True)
            laden(args.aantal, args.peildata)
        urls = {k: v for k, v in gevallen().items() if k in args.paginas.split(",")}
        statisch = statische_bestanden(static_root, urls)

        env = dict(
            os.environ,
            DATABASE_URL=url,
            REDIS_URL=REDIS_URL,
            CACHE_KEY_PREFIX=prefix,
            DATABASE_CONN_MAX_AGE="60",
            DJANGO_SETTINGS_MODULE="benchmarks.dashboard_instellingen",
            BENCH_STATIC_ROOT=str(static_root),
        )
        proces = gunicorn_starten(args.poort, env)
        try:
            print(
                f"\ngunicorn -w {WERKERS} (sync) op 127.0.0.1:{args.poort}, cache Redis ({REDIS_URL}); "
                f"wrk {args.seconden} s per meting, {args.herhalingen} herhalingen per geval, -c{args.gelijktijdig} "
                f"(ongecachet ook -c{WERKERS}: één verzoek per worker); {os.cpu_count()} processors; "
                f"load average (uptime) bij de start: {belasting()}\n"
            )
            kop = (
                f"{'geval':<26}{'bytes':>7}{'req/s beste':>12}{'mediaan':>9}{'p50 ms':>8}{'p90 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
                f"{'fouten':>7}{'gemist':>7}  load"
            )
            print(kop + "\n" + "-" * (len(kop) + 16))
            ongecachet = "sessionid=benchmark-ongecachet"
            samenvatting = []
            for naam, lijst in urls.items():
                pad, grootte = statisch[naam]
                soorten = {
                    f"ongecachet c={WERKERS}": (lijst, ongecachet, WERKERS),
                    f"ongecachet c={args.gelijktijdig}": (lijst, ongecachet, args.gelijktijdig),
                    "gecachet": (lijst, "", args.gelijktijdig),
                    "statisch": ([pad], "", args.gelijktijdig),
                }
                # warm-up: 2 s per case; for "gecachet" until a run had no miss (every URL stored in both workers)
                for soort, (doel, cookie, _c) in soorten.items():
                    for _ in range(10):
                        warm = meten(wrk, args.poort, doel, 2, WERKERS, cookie)
                        if soort != "gecachet" or warm["cache_gemist"] == 0:
                            break  # every URL was a hit in both workers: warm
                metingen = {soort: [] for soort in soorten}
                loads = []
                for _ in range(args.herhalingen):
                    # interleaved, so that each case sees the same load of the rest of the machine
                    for soort, (doel, cookie, c) in soorten.items():
                        metingen[soort].append(meten(wrk, args.poort, doel, args.seconden, c, cookie))
                    loads.append(os.getloadavg()[0])
                for soort, reeks in metingen.items():
                    beste = max(reeks, key=lambda m: m["rps"])
                    mediaan_rps = statistics.median(m["rps"] for m in reeks)
                    p = {q: statistics.median(m[f"{q}_ms"] for m in reeks) for q in ("p50", "p90", "p95", "p99")}
                    print(
                        f"{naam + ' ' + soort:<26}{grootte:>7}{beste['rps']:>12.0f}{mediaan_rps:>9.0f}{p['p50']:>8.1f}{p['p90']:>8.1f}"
                        f"{p['p95']:>8.1f}{p['p99']:>8.1f}{sum(m['fouten'] for m in reeks):>7}{sum(m['cache_gemist'] for m in reeks):>7}  {statistics.median(loads):.2f}",
                        flush=True,
                    )
                g, st = metingen["gecachet"], metingen["statisch"]
                verhoudingen = [a["rps"] / b["rps"] for a, b in zip(g, st)]
                samenvatting.append(
                    (
                        naam,
                        max(a["rps"] for a in g) / max(b["rps"] for b in st),
                        statistics.median(verhoudingen),
                        min(m["p95_ms"] for m in metingen[f"ongecachet c={WERKERS}"]),
                        statistics.median(m["p95_ms"] for m in metingen[f"ongecachet c={WERKERS}"]),
                        statistics.median(m["p95_ms"] for m in metingen[f"ongecachet c={args.gelijktijdig}"]),
                    )
                )
            print(
                f"\nDoelen: gecachet >= 0,9 x de doorvoer van het statische bestand van dezelfde grootte; ongecachet p95 <= 50 ms "
                f"(gemeten met één verzoek per worker, c={WERKERS}: de tijd van de pagina zelf; bij c={args.gelijktijdig} wacht "
                f"een verzoek gemiddeld op {args.gelijktijdig // WERKERS - 1} andere en telt die wachttijd mee).\n"
                "Verhouding 'beste' = beste gecachet / beste statisch; 'mediaan' = mediaan van de verhoudingen per herhaling."
            )
            for naam, beste, mediaan, p95_min, p95_med, p95_vol in samenvatting:
                print(
                    f"  {naam:<11} gecachet/statisch beste {beste:4.2f} mediaan {mediaan:4.2f} {'OK     ' if mediaan >= 0.9 else 'TE LAAG'}"
                    f"   ongecachet p95 (c={WERKERS}) beste {p95_min:6.1f} mediaan {p95_med:6.1f} ms {'OK     ' if p95_med <= 50 else 'TE HOOG'}"
                    f"   (c={args.gelijktijdig}: mediaan {p95_vol:6.1f} ms)"
                )
            print(f"  load average (uptime) aan het eind: {belasting()} (andere processen op deze machine tellen mee)")
        finally:
            os.killpg(proces.pid, signal.SIGTERM)
            proces.wait(timeout=30)
            try:
                import redis

                r = redis.Redis.from_url(REDIS_URL)
                for sleutel in r.scan_iter(f"{prefix}:*"):
                    r.delete(sleutel)
            except Exception as exc:  # the cache keys expire anyway
                print(f"(opruimen van de cache mislukt: {exc})")
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
