"""Load test (issue 17): 50 concurrent users for 60 s, mixed public pages, API and logged-in staff pages.

Run from the project directory::

    .venv/bin/python benchmarks/last.py [--gebruikers 50] [--seconden 60] [--poort 8041] [--zonder-laden]

What it does:

1. Installs ``wrk`` (Debian's package, a C load generator) when it is missing.
2. Drops and creates the PostgreSQL database ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/cio_bench_last``; the name must contain
   "bench"), migrates it and loads the demo data (``demo_laden``: every
   ministry, roles, activities with their history, published peildata).
3. Logs in the demo CIO-office ``office-bzk`` (a real session in the session
   store, as the log-in view makes it) and gives it a read-only API token.
4. Starts ``gunicorn config.wsgi`` (2 workers × 8 threads, as in production)
   with Redis (``redis://127.0.0.1:6379/2``, a key prefix of its own) and
   persistent database connections.
5. Runs ``wrk -t2 -c<gebruikers> -d<seconden>s`` with ``benchmarks/last.lua``
   (each connection a user cycling through 9 public pages and API calls, 4 staff
   pages with the session, 2 staff API calls with the token) against 127.0.0.1.

Prints requests per second, p50/p95/p99 latency and the errors (HTTP 4xx/5xx,
a staff page redirected to the log-in, socket errors). Exits 1 if there was any
error. The load generator and the server share the machine's cores.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

BASIS = Path(__file__).resolve().parent.parent
STANDAARD_URL = "postgres://postgres@127.0.0.1:5432/cio_bench_last"
REDIS_URL = "redis://127.0.0.1:6379/2"


def wrk_installeren() -> str:
    if not shutil.which("wrk"):
        print("wrk installeren (Debian-pakket)...", flush=True)
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(
            [*sudo, "apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        )
    return shutil.which("wrk")


def database_opnieuw(url: str) -> None:
    deel = urlparse(url)
    naam = deel.path.lstrip("/")
    if "bench" not in naam or not deel.scheme.startswith("postgres"):
        sys.exit(f"Weigering: '{naam}' wordt weggegooid en opnieuw gemaakt; gebruik een PostgreSQL-database met 'bench' in de naam.")
    import psycopg

    beheer = deel._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(beheer, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{naam}"')


def manage(env: dict, *args, invoer: str | None = None) -> str:
    r = subprocess.run([sys.executable, "manage.py", *args], cwd=BASIS, env=env, input=invoer, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"manage.py {' '.join(args)} faalde:\n{r.stdout}\n{r.stderr}")
    return r.stdout


INLOGGEN = """
import datetime
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils.module_loading import import_string
from cio_stelsel import services
from cio_stelsel.middleware import LAATST_ACTIEF
import time
user = get_user_model().objects.get(username="office-bzk")
sessie = import_string(settings.SESSION_ENGINE + ".SessionStore")()
sessie[SESSION_KEY] = str(user.pk)
sessie[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
sessie[HASH_SESSION_KEY] = user.get_session_auth_hash()
sessie[LAATST_ACTIEF] = int(time.time())
try:  # two-factor log-in (issue 17): the session is verified with the demo device
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp import devices_for_user
    apparaat = next(iter(devices_for_user(user)), None)
    if apparaat is not None:
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
except ImportError:
    pass
sessie.set_expiry(60 * 60)
sessie.create()
_, tekst = services.api_token_aanmaken(actor=user, naam="Lasttest", alleen_lezen=True,
                                        verloopt_op=datetime.date.today() + datetime.timedelta(days=1))
print(sessie.session_key, tekst)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--gebruikers", type=int, default=50)
    parser.add_argument("--seconden", type=int, default=60)
    parser.add_argument("--poort", type=int, default=8041)
    parser.add_argument("--zonder-laden", action="store_true", help="de database van een vorige run hergebruiken")
    args = parser.parse_args()

    wrk = wrk_installeren()
    url = os.environ.get("DATABASE_URL", STANDAARD_URL)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"last{os.getpid()}",
        "DATABASE_CONN_MAX_AGE": "60",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "SESSIE_INACTIEF_MINUTEN": "60",
        # All virtual users come from one address and share one token: the per-IP and per-user
        # API throttles (which would answer 429) are raised for the measurement.
        "API_THROTTLE_ANON": "100000/minute",
        "API_THROTTLE_USER": "100000/minute",
        "API_THROTTLE_PUBLIEK": "100000/minute",
    }
    if not args.zonder_laden:
        t = time.monotonic()
        database_opnieuw(url)
        manage(env, "migrate", "--noinput")
        manage(env, "demo_laden")
        print(f"Database en demodata: {time.monotonic() - t:.0f} s", flush=True)
    sessie, token = manage(env, "shell", invoer=INLOGGEN).split()[-2:]

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            f"--bind=127.0.0.1:{args.poort}",
            "--workers=2",
            "--worker-class=gthread",
            "--threads=8",
            "--timeout=60",
        ],
        cwd=BASIS,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        basis = f"http://127.0.0.1:{args.poort}"
        for _ in range(300):
            try:
                urllib.request.urlopen(basis + "/gezondheid/levend/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("gunicorn startte niet binnen een minuut")
        uit = subprocess.run(
            [
                wrk,
                "-t2",
                f"-c{args.gebruikers}",
                f"-d{args.seconden}s",
                "--timeout",
                "10s",
                "-s",
                str(BASIS / "benchmarks" / "last.lua"),
                basis,
            ],
            env={**os.environ, "LAST_SESSIE": sessie, "LAST_TOKEN": token},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
    cijfers = json.loads(uit.strip().splitlines()[-1])
    fouten = cijfers["fouten_status"] + cijfers["fouten_socket"]
    print(
        f"Last: {args.gebruikers} gelijktijdige gebruikers, {cijfers['seconden']:.0f} s, {cijfers['verzoeken']} verzoeken "
        f"({cijfers['verzoeken'] / cijfers['seconden']:.0f}/s)"
    )
    print(
        f"  p50 {cijfers['p50_ms']:.0f} ms, p95 {cijfers['p95_ms']:.0f} ms, p99 {cijfers['p99_ms']:.0f} ms, max {cijfers['max_ms']:.0f} ms"
    )
    print(
        f"  fouten: {cijfers['fouten_status']} HTTP (waarvan {cijfers['te_vaak_429']} x 429, {cijfers['naar_inloggen']} x naar inloggen, "
        f"{cijfers['serverfout_5xx']} x 5xx), {cijfers['fouten_socket']} socket"
    )
    sys.exit(1 if fouten else 0)


if __name__ == "__main__":
    main()
