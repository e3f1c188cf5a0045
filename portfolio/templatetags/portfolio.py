"""Number formatting for the portfolio pages: amounts in EUR mln, euros, percentages.

Load with ``{% load portfolio %}``. Numbers follow the active language (Dutch:
``1.234,5``), always with a thousands separator. An empty value (``None``)
becomes ``leeg`` (default: an em dash), so a missing figure is never shown as 0.
"""

import datetime
import functools
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import formats, translation

register = template.Library()

LEEG = "—"
MILJOEN = Decimal(1_000_000)


def _decimal(waarde) -> Decimal | None:
    if isinstance(waarde, Decimal):
        return waarde
    if waarde in (None, ""):
        return None
    try:
        return Decimal(str(waarde))
    except (InvalidOperation, ValueError, TypeError):
        return None


@functools.lru_cache(maxsize=32)
def _scheidingstekens(taal: str | None) -> tuple:
    """(NUMBER_GROUPING, THOUSAND_SEPARATOR, DECIMAL_SEPARATOR) of a language (fixed per language)."""
    with translation.override(taal):
        return tuple(formats.get_format(f) for f in ("NUMBER_GROUPING", "THOUSAND_SEPARATOR", "DECIMAL_SEPARATOR"))


def _opgemaakt(d: Decimal, decimalen: int) -> str:
    """``formats.number_format(d, decimalen, use_l10n=True, force_grouping=True)`` for a rounded Decimal, faster.

    For the usual grouping by three (Dutch and English) Python's own formatting
    gives the same text with the separators swapped in; a public page formats
    over a thousand numbers, and Django's general routine costs ~20 µs each.
    """
    groepering, duizend, decimaal = _scheidingstekens(translation.get_language())
    if groepering != 3:
        return formats.number_format(d, decimalen, use_l10n=True, force_grouping=True)
    tekst = f"{d:,.{decimalen}f}"
    if (duizend, decimaal) == (",", "."):
        return tekst
    return tekst.replace(",", "\x00").replace(".", decimaal).replace("\x00", duizend)


def getal_opmaak(waarde, decimalen: int = 0, teken: bool = False, leeg: str = LEEG) -> str:
    """A number in the active language's format, rounded half up; ``teken`` adds '+' to positive numbers."""
    d = _decimal(waarde)
    if d is None:
        return leeg
    d = d.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)  # no "-0,0"
    tekst = _opgemaakt(d, decimalen)
    if teken and d > 0:
        tekst = f"+{tekst}"
    return tekst


def mln_opmaak(waarde, decimalen: int = 1, teken: bool = False, leeg: str = LEEG) -> str:
    d = _decimal(waarde)
    return leeg if d is None else getal_opmaak(d / MILJOEN, decimalen, teken, leeg)


@register.filter
def getal(waarde, decimalen=0):
    """``{{ x|getal:1 }}`` → ``1.234,5``."""
    return getal_opmaak(waarde, int(decimalen))


@register.filter
def getal_teken(waarde, decimalen=0):
    """As ``getal``, with '+' before a positive number (for differences)."""
    return getal_opmaak(waarde, int(decimalen), teken=True)


@register.filter
def mln(waarde, decimalen=1):
    """Euros as EUR mln: ``12345678`` → ``12,3``."""
    return mln_opmaak(waarde, int(decimalen))


@register.filter
def mln_teken(waarde, decimalen=1):
    """A difference in euros as EUR mln with sign: ``5000000`` → ``+5,0``."""
    return mln_opmaak(waarde, int(decimalen), teken=True)


@register.filter
def euro(waarde):
    """Whole euros with thousands separators: ``1234567.40`` → ``1.234.567``."""
    return getal_opmaak(waarde, 0)


@register.filter
def procent(waarde, decimalen=1):
    """``12.345`` → ``12,3%``."""
    tekst = getal_opmaak(waarde, int(decimalen))
    return tekst if tekst == LEEG else f"{tekst}%"


@register.filter
def procent_teken(waarde, decimalen=1):
    """A relative difference with sign: ``50`` → ``+50,0%``."""
    tekst = getal_opmaak(waarde, int(decimalen), teken=True)
    return tekst if tekst == LEEG else f"{tekst}%"


@register.filter
def dagen(duur):
    """A timedelta as a number of days (for sorting or ``getal``); None stays None."""
    if isinstance(duur, datetime.timedelta):
        return duur.days
    return None


# Label classes of cio.css per status (the label always carries the text too).
STATUSLABEL = {
    "nog_niet_gestart": "label--concept",
    "in_uitvoering": "label--gecontroleerd",
    "in_heroriëntatie": "label--waarschuwing",
    "afgerond": "label--ok",
    "geannuleerd": "label--fout",
    # ActiviteitVersie.Status
    "concept": "label--concept",
    "gecontroleerd": "label--gecontroleerd",
    "gepubliceerd": "label--gepubliceerd",
    "vervallen": "label--fout",
}


@register.filter
def labelklasse(status):
    """The cio.css modifier for a status value: ``<span class="label {{ s|labelklasse }}">``."""
    return STATUSLABEL.get(str(status), "label--concept")
