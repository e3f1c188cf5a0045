"""Benchmark of the password check at log-in: the project's hasher against Django's default.

Run from the project directory::

    .venv/bin/python benchmarks/inloggen.py [--keer 20]

Prints, per hasher of PASSWORD_HASHERS that the project uses to store (the first) and
Django 5.2's default PBKDF2-SHA256, the median and the slowest time of ``check_password``
(what a log-in costs besides its dozen queries), and the machine's load average, since
the figure is CPU time on a shared machine. No database is needed.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import check_password, get_hasher, make_password  # noqa: E402


def meten(algoritme: str | None, keer: int) -> tuple[str, float, float]:
    hasher = get_hasher(algoritme or "default")
    versleuteld = make_password("een-lang-wachtwoord-1", hasher=hasher.algorithm)
    tijden = []
    for _ in range(keer):
        begin = time.perf_counter()
        assert check_password("een-lang-wachtwoord-1", versleuteld)
        tijden.append(time.perf_counter() - begin)
    return f"{type(hasher).__module__}.{type(hasher).__name__}", statistics.median(tijden), max(tijden)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=20)
    args = parser.parse_args()
    print(f"PASSWORD_HASHERS[0] = {settings.PASSWORD_HASHERS[0]}; load average {os.getloadavg()[0]:.2f} op {os.cpu_count()} cores")
    for algoritme in (None, "pbkdf2_sha256"):
        naam, mediaan, traagst = meten(algoritme, args.keer)
        print(f"{naam:60s} mediaan {mediaan * 1000:7.1f} ms   traagst {traagst * 1000:7.1f} ms   ({args.keer} keer)")


if __name__ == "__main__":
    main()
