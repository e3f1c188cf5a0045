"""Parsing one cell of a file: text, dates, amounts, numbers, ja/nee, choices and lists (raises ``_Ongeldig``)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from .. import invoerregels
from .kolommen import CENT, _sleutel
from .lezen import _leeg

MAX_BEDRAG = invoerregels.MAX_BEDRAG  # per amount, so five fit in the 15 digits of the total


# -----------------------------------------------------------------------------
# Parsing cell values


class _Ongeldig(Exception):
    def __init__(self, reden):
        super().__init__(reden)
        self.reden = reden


def tekst(waarde) -> str:
    """A text cell: stripped, Windows line ends normalised; numbers and dates as text."""
    if type(waarde) is str:  # most cells (every cell of a CSV file): checked first
        return (waarde.replace("\r\n", "\n").replace("\r", "\n") if "\r" in waarde else waarde).strip()
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, datetime.datetime):
        return waarde.date().isoformat() if waarde.time() == datetime.time() else waarde.isoformat()
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return str(waarde).replace("\r\n", "\n").replace("\r", "\n").strip()


_DATUM_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATUM_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")


def datum(waarde) -> datetime.date | None:
    if _leeg(waarde):
        return None
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        raise _Ongeldig(_("'%(w)s' is geen datum: gebruik JJJJ-MM-DD of een datumcel.") % {"w": tekst(waarde)})
    t = tekst(waarde)
    if m := _DATUM_ISO.match(t):
        j, mnd, d = (int(x) for x in m.groups())
    elif m := _DATUM_NL.match(t):
        d, mnd, j = (int(x) for x in m.groups())
    else:
        raise _Ongeldig(_("'%(w)s' is geen datum: gebruik JJJJ-MM-DD (bijvoorbeeld 2025-12-31).") % {"w": t})
    try:
        return datetime.date(j, mnd, d)
    except ValueError:
        raise _Ongeldig(_("'%(w)s' is geen bestaande datum.") % {"w": t}) from None


_GETAL = re.compile(r"^[+-]?\d+([.,]\d+)?$", re.ASCII)  # ASCII digits only (invoerregels)


def bedrag(waarde) -> Decimal | None:
    """An amount in euros: at most 2 decimals, not negative, decimal comma or point, no thousands separators."""
    if _leeg(waarde):
        return None
    if isinstance(waarde, bool):
        raise _Ongeldig(_("'%(w)s' is geen bedrag.") % {"w": waarde})
    if isinstance(waarde, float):
        d = Decimal(repr(waarde))
        afgerond = d.quantize(CENT, rounding=ROUND_HALF_UP)
        if abs(d - afgerond) > Decimal("0.000001"):
            raise _Ongeldig(_("'%(w)s' heeft meer dan 2 decimalen: bedragen zijn in euro's met centen.") % {"w": waarde})
        d = afgerond
    elif isinstance(waarde, (int, Decimal)):
        d = Decimal(waarde)
    else:
        # The forms' rules (invoerregels.bedrag_normaliseren): 1.250.000, 1250000,50 and 1250000.50 alike.
        t = invoerregels.bedrag_normaliseren(tekst(waarde)).replace(",", ".")
        if not _GETAL.match(t):
            raise _Ongeldig(
                _("'%(w)s' is geen bedrag: gebruik euro's met hoogstens 2 decimalen, bijvoorbeeld %(voorbeeld)s.")
                % {"w": tekst(waarde), "voorbeeld": invoerregels.BEDRAG_VOORBEELD}
            )
        t = t.replace(",", ".")
        if "." in t and len(t.split(".")[1]) > 2:
            raise _Ongeldig(
                _("'%(w)s' heeft meer dan 2 decimalen: bedragen zijn in euro's met centen (niet in miljoenen).") % {"w": tekst(waarde)}
            )
        d = invoerregels.bedrag_uit_tekst(t)
    d = invoerregels.normaliseer_nul(d)
    if d != d.quantize(CENT):
        raise _Ongeldig(_("'%(w)s' heeft meer dan 2 decimalen.") % {"w": tekst(waarde)})
    if d < 0:
        raise _Ongeldig(_("Een bedrag mag niet negatief zijn."))
    if d > MAX_BEDRAG:
        raise _Ongeldig(invoerregels.bedrag_fouten(d)[0])
    return d.quantize(CENT)


def geheel_getal(waarde) -> int | None:
    if _leeg(waarde):
        return None
    if isinstance(waarde, bool):
        raise _Ongeldig(_("'%(w)s' is geen geheel getal.") % {"w": waarde})
    if isinstance(waarde, int):
        return waarde
    if isinstance(waarde, float) and waarde.is_integer():
        return int(waarde)
    t = tekst(waarde)
    if not re.fullmatch(r"\d+", t):
        raise _Ongeldig(_("'%(w)s' is geen geheel getal.") % {"w": t})
    return int(t)


def ja_nee(waarde) -> bool | None:
    if _leeg(waarde):
        return None
    if isinstance(waarde, bool):
        return waarde
    t = _sleutel(tekst(waarde))
    if t in ("ja", "j", "yes", "true", "waar", "1"):
        return True
    if t in ("nee", "n", "no", "false", "onwaar", "0"):
        return False
    raise _Ongeldig(_("'%(w)s': vul ja of nee in (of laat leeg).") % {"w": tekst(waarde)})


def _keuze(choices) -> Callable:
    """A parser for a TextChoices column: the Dutch label or the code."""
    with translation.override("nl"):
        opties = {_sleutel(c.label): c.value for c in choices}
        labels = [str(c.label) for c in choices]
    opties.update({_sleutel(c.value): c.value for c in choices})

    def lees(waarde, *, leeg_mag=False):
        if _leeg(waarde):
            if leeg_mag:
                return ""
            raise _Ongeldig(_("Vul een waarde in: %(opties)s.") % {"opties": ", ".join(labels)})
        waarde_t = tekst(waarde)
        try:
            return opties[_sleutel(waarde_t)]
        except KeyError:
            raise _Ongeldig(
                _("'%(w)s' is geen geldige waarde; kies uit: %(opties)s.") % {"w": waarde_t, "opties": ", ".join(labels)}
            ) from None

    return lees


def splits_lijst(waarde) -> list[str]:
    return [d.strip() for d in re.split(r"[;\n]", tekst(waarde)) if d.strip()]


def lees_partij(deel: str) -> tuple[str, str]:
    """'Partij (rol)' → (partij, rol): the role is the last balanced parenthesised group; "Logius (BZK) ()" has no role."""
    deel = deel.strip()
    if not deel.endswith(")"):
        return deel, ""
    diepte = 0
    for i in range(len(deel) - 1, -1, -1):
        if deel[i] == ")":
            diepte += 1
        elif deel[i] == "(":
            diepte -= 1
            if diepte == 0:
                return deel[:i].strip(), deel[i + 1 : -1].strip()
    return deel, ""


def lees_partijen(waarde) -> list[tuple[str, str]]:
    return [lees_partij(deel) for deel in splits_lijst(waarde)]
