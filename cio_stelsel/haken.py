"""Hooks: a place a lower app offers and the apps above it fill in, in their ``AppConfig.ready``.

The apps are layered cio_stelsel → portfolio → oordelen → dashboard: a module
imports its own app and the apps below it, never one above it
(tests/test_lagen.py). Where a lower layer shows or runs something of a
higher one (the start page lists the tasks of oordelen and portfolio,
``demo_laden`` loads the demo data of every app), the higher app registers
it here by its dotted path, so registering imports nothing and the lower
layer needs no import of the higher one.

Hooks in use (the name, and what each function takes and returns):

* ``werkvoorraad``: ``functie(user) -> dict`` of template context for the start page
  (cio_stelsel.views.werkvoorraad);
* ``demo_laden``: ``functie(stdout=None) -> {"aangemaakt": {soort: aantal}, ...}``, run in ``volgorde``
  (cio_stelsel/management/commands/demo_laden.py);
* ``demo.oordeel_voor_start``: ``functie(activiteit_lader, datum)``, a positive CIO-oordeel before a demo
  activity starts (portfolio.demo).
"""

from collections.abc import Callable

from django.utils.module_loading import import_string

_HAKEN: dict[str, list[tuple[int, str]]] = {}


def registreren(naam: str, pad: str, *, volgorde: int = 0) -> None:
    """Register the function at dotted path ``pad`` for hook ``naam``; registering it again changes nothing."""
    lijst = _HAKEN.setdefault(naam, [])
    if all(p != pad for _v, p in lijst):
        lijst.append((volgorde, pad))
        lijst.sort(key=lambda t: t[0])


def functies(naam: str) -> list[Callable]:
    """The functions registered for ``naam``, in their order (imported now)."""
    return [import_string(pad) for _v, pad in _HAKEN.get(naam, [])]
