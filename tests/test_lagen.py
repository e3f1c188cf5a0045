"""The layering of the code, read from the imports (ast), so that a wrong import fails here and not in review (issue 21).

* The apps are layers: cio_stelsel (organisation, roles) → portfolio → oordelen → dashboard (the
  public side). A module imports its own app and the apps below it, never one above it; where a lower
  app shows or runs something of a higher one, the higher app registers it (cio_stelsel/haken.py).
* Tasks import services, never the other way round: only ``<app>/tasks.py`` imports ``<app>.tasks``;
  services queue a task by its name (``cio_stelsel.wachtrij.versturen("app.tasks.naam", ...)``).
* The public side reads the published stand through one read model (dashboard/leesmodel.py) and
  does not import the exchange code (portfolio/uitwisseling/) to render a page: it may use the column
  specification (``uitwisseling.kolommen``), and open data also the file writers (``uitwisseling.schrijven``).

Every import counts, also one inside a function.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

BASIS = Path(__file__).resolve().parent.parent
LAGEN = ["cio_stelsel", "portfolio", "oordelen", "dashboard"]


def _modules():
    for app in LAGEN:
        for pad in sorted((BASIS / app).rglob("*.py")):
            if "migrations" in pad.parts:
                continue
            delen = list(pad.relative_to(BASIS).with_suffix("").parts)
            pakket = delen[:-1] if delen[-1] != "__init__" else delen[:-1]
            if delen[-1] == "__init__":
                delen = delen[:-1]
            yield ".".join(delen), pakket, pad


def _imports(pakket: list[str], pad: Path):
    """(line, imported module) for every import in the file, relative imports made absolute."""
    for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                basis = pakket[: len(pakket) - node.level + 1]
                module = ".".join(basis + ([node.module] if node.module else []))
            else:
                module = node.module
            yield node.lineno, module
            for alias in node.names:  # "from portfolio import uitwisseling" imports the module portfolio.uitwisseling
                yield node.lineno, f"{module}.{alias.name}"


def _from_imports(pakket: list[str], pad: Path) -> set[tuple[int, str]]:
    """(line, module) of every "from module import ..." (the module itself is then only the package of the names)."""
    uit = set()
    for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            basis = pakket[: len(pakket) - node.level + 1] if node.level else []
            uit.add((node.lineno, ".".join(basis + ([node.module] if node.module else [])) if node.level else node.module))
    return uit


IMPORTS = [(module, lijn, doel) for module, pakket, pad in _modules() for lijn, doel in _imports(pakket, pad)]


def _app(module: str) -> str:
    return module.split(".")[0]


def test_issue21_geen_import_tegen_de_lagen_in():
    """A module imports its own app and the apps below it (cio_stelsel → portfolio → oordelen → dashboard)."""
    fout = [
        f"{module}:{lijn} importeert {doel}"
        for module, lijn, doel in IMPORTS
        if _app(doel) in LAGEN and LAGEN.index(_app(doel)) > LAGEN.index(_app(module))
    ]
    assert fout == []


@pytest.mark.parametrize(
    "module, verboden",
    [
        ("cio_stelsel.views", "oordelen.selectors"),
        ("cio_stelsel.api.exceptions", "portfolio.services"),
        ("cio_stelsel.management.commands.demo_laden", "portfolio.demo"),
    ],
)
def test_issue21_de_genoemde_lagenfouten_zijn_weg(module, verboden):
    """The three imports the issue names, each on its own (the general rule is the test above)."""
    assert not [lijn for m, lijn, doel in IMPORTS if m == module and doel.startswith(verboden)]


def test_issue21_services_importeren_geen_taken():
    """Tasks import services, never the other way round: only <app>.tasks imports <app>.tasks (no circle)."""
    fout = [
        f"{module}:{lijn} importeert {doel}"
        for module, lijn, doel in IMPORTS
        if (doel.endswith(".tasks") or ".tasks." in doel) and _app(doel) in LAGEN and not module.endswith(".tasks")
    ]
    assert fout == []


def _taaknamen():
    """The task names passed as a string to wachtrij.versturen / wachtrij.taak."""
    for module, _pakket, pad in _modules():
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("versturen", "taak")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "wachtrij"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield module, node.args[0].value


def test_issue21_taken_op_naam_bestaan():
    """A task queued by name is a registered Celery task (a typo would otherwise only fail in the worker)."""
    from cio_stelsel import wachtrij

    namen = sorted(set(naam for _m, naam in _taaknamen()))
    assert {
        "oordelen.tasks.melding_versturen",
        "oordelen.tasks.oordeel_pdf_maken",
        "portfolio.tasks.import_uitvoeren",
        "dashboard.tasks.jaarrapportage_genereren",
    } <= set(namen)
    for naam in namen:
        assert wachtrij.taak(naam).name == naam


UITWISSELING = "portfolio.uitwisseling"
# What the public side may use of the exchange code: the column specification, and for open data the writers.
TOEGESTAAN = {
    "dashboard.opendata": {f"{UITWISSELING}.kolommen", f"{UITWISSELING}.schrijven"},
}
TOEGESTAAN_OVERAL = {f"{UITWISSELING}.kolommen"}


def test_issue21_publieke_kant_importeert_de_uitwisseling_niet():
    """Pages, public API, open data and Jaarrapportage (dashboard/) read through dashboard/leesmodel.py, not the exchange code."""
    fout = []
    for module, pakket, pad in _modules():
        if _app(module) != "dashboard":
            continue
        van = _from_imports(pakket, pad)
        toegestaan = TOEGESTAAN_OVERAL | TOEGESTAAN.get(module, set())
        for lijn, doel in _imports(pakket, pad):
            if not (doel == UITWISSELING or doel.startswith(UITWISSELING + ".")):
                continue
            if doel == UITWISSELING and (lijn, doel) in van:  # "from portfolio.uitwisseling import kolommen": judged by its names
                continue
            if not any(doel == t or doel.startswith(t + ".") for t in toegestaan):
                fout.append(f"{module}:{lijn} importeert {doel}")
    assert fout == []


def test_issue21_publieke_paginas_laden_geen_importcode():
    """At run time too: loading the public pages, the public API and open data loads no reader, validation or import.

    In a fresh interpreter (this test process has loaded everything already).
    """
    code = (
        "import sys, django; django.setup(); "
        "import dashboard.views, dashboard.api.views, dashboard.opendata, dashboard.leesmodel, dashboard.jaarrapportage_gegevens; "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('portfolio.uitwisseling'))))"
    )
    uit = subprocess.run([sys.executable, "-c", code], cwd=BASIS, capture_output=True, text=True, check=True, timeout=120)
    geladen = set(uit.stdout.split())
    assert geladen <= {UITWISSELING, f"{UITWISSELING}.kolommen", f"{UITWISSELING}.schrijven"}, geladen
