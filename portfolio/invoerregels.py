"""The input rules of the portfolio, in one place: forms, API serializers, the import and the services use them.

Each rule returns the messages of what is wrong (an empty list or dict: nothing),
so a form adds them to its fields, a serializer raises them as a 400 naming the
field, and a service raises them as a ``ValidationError`` (issue 20).

- Dates: nothing before ``MIN_DATUM`` (the dashboard's history starts after it);
  an event (rapportage, herijking) is not dated after today; an end date or a
  start date lies at most ``HORIZON_JAREN`` years ahead. A far-future event
  would otherwise become the activity's peildatum and block every later report.
- A peildatum is the end of a quarter (31-03, 30-06, 30-09, 31-12; the yearly
  one is 31-12, rapportagemodel.md) and not in the future.
- An amount is at most ``MAX_BEDRAG``: five categories then sum within the
  15 digits of the computed totals (``Gebeurtenis.totaal_geschat``).
- An amount typed as text has ASCII digits only (``str.isdigit`` and ``\\d``
  also accept Arabic-Indic and other digits); -0 becomes 0.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

MIN_DATUM = datetime.date(2000, 1, 1)
HORIZON_JAREN = 25
# Five amounts of at most this sum to 9999999999999.95: within max_digits=15, decimal_places=2.
MAX_BEDRAG = Decimal("1999999999999.99")
CENT = Decimal("0.01")
# (month, day) of the peildata of the reporting model: the quarter ends.
PEILDATUM_KALENDER = ((3, 31), (6, 30), (9, 30), (12, 31))

_ASCII_GETAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?", re.ASCII)


def vandaag() -> datetime.date:
    return timezone.localdate()


def horizon(op: datetime.date | None = None) -> datetime.date:
    """The last date an end or start date may have: ``HORIZON_JAREN`` years after ``op`` (default today)."""
    op = op or vandaag()
    try:
        return op.replace(year=op.year + HORIZON_JAREN)
    except ValueError:  # 29 February
        return op.replace(year=op.year + HORIZON_JAREN, day=28)


def _d(datum: datetime.date) -> str:
    return datum.strftime("%d-%m-%Y")


def _te_vroeg(datum: datetime.date) -> list[str]:
    if datum < MIN_DATUM:
        return [_("De datum ligt vóór %(min)s: dat is geen plausibele datum.") % {"min": _d(MIN_DATUM)}]
    return []


def gebeurtenisdatum_fouten(datum: datetime.date | None) -> list[str]:
    """The date of an event: not before MIN_DATUM and not after today."""
    if datum is None:
        return []
    if fouten := _te_vroeg(datum):
        return fouten
    if datum > vandaag():
        return [_("De datum van een gebeurtenis ligt niet na vandaag (%(d)s).") % {"d": _d(vandaag())}]
    return []


def toekomstdatum_fouten(datum: datetime.date | None) -> list[str]:
    """An (estimated) end date or a start date: not before MIN_DATUM, at most HORIZON_JAREN years ahead."""
    if datum is None:
        return []
    if fouten := _te_vroeg(datum):
        return fouten
    if datum > horizon():
        return [_("De datum ligt meer dan %(n)s jaar in de toekomst (uiterlijk %(d)s).") % {"n": HORIZON_JAREN, "d": _d(horizon())}]
    return []


def is_peildatum(datum: datetime.date) -> bool:
    return (datum.month, datum.day) in PEILDATUM_KALENDER


def peildatum_fouten(peildatum: datetime.date | None) -> list[str]:
    """A peildatum: the end of a quarter, not before MIN_DATUM, not in the future."""
    if peildatum is None:
        return []
    fouten = _te_vroeg(peildatum)
    if peildatum > vandaag():
        fouten.append(_("De peildatum ligt in de toekomst."))
    if not is_peildatum(peildatum):
        fouten.append(_("Een peildatum is het einde van een kwartaal: 31-03, 30-06, 30-09 of 31-12 (rapportagemodel)."))
    return fouten


def bedrag_fouten(waarde: Decimal | None) -> list[str]:
    """One amount in euros: not negative, at most 2 decimals, at most MAX_BEDRAG."""
    if waarde is None:
        return []
    if not isinstance(waarde, Decimal):
        try:
            waarde = Decimal(str(waarde))
        except InvalidOperation:
            return [_("Vul een bedrag in euro's in.")]
    if not waarde.is_finite():
        return [_("Vul een bedrag in euro's in.")]
    if waarde < 0:
        return [_("Het bedrag mag niet negatief zijn.")]
    if waarde != waarde.quantize(CENT):
        return [_("Een bedrag heeft hoogstens 2 decimalen.")]
    if waarde > MAX_BEDRAG:
        return [
            _("Het bedrag is te groot: hoogstens %(max)s euro per kostencategorie, zodat het totaal past.")
            % {"max": f"{MAX_BEDRAG:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")}
        ]
    return []


def bedragen_fouten(bedragen: dict) -> dict[str, list[str]]:
    """Per field name the messages of its amount (only the fields that are wrong)."""
    return {veld: f for veld, waarde in bedragen.items() if (f := bedrag_fouten(waarde))}


# Dutch notation: a dot groups thousands (only in groups of three), a comma starts the cents.
_GROEPERING_NL = re.compile(r"[+-]?\d{1,3}(\.\d{3})+", re.ASCII)
_MET_KOMMA_NL = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+", re.ASCII)
# The one example every form, the import page and their errors give (issue 18: three different ones before).
BEDRAG_VOORBEELD = "1.250.000 of 1250000,50"


def bedrag_normaliseren(tekst: str, decimaalteken: str = ",") -> str:
    """Amount text as typed in a form or a file cell, with a decimal point and no grouping, for ``bedrag_uit_tekst``.

    The same rules for the web forms and the import (issue 18): ``1.250.000``, ``1250000``, ``1.250.000,50``,
    ``1250000,50`` and ``1250000.50`` are all accepted; a dot followed by three digits groups thousands, a comma
    (or a single dot with one or two digits) starts the cents. Currency signs and spaces are ignored. Text that
    fits none of these is returned as it is, so that ``bedrag_uit_tekst`` refuses it. ``decimaalteken``: "." for an
    English page, where a comma groups thousands.
    """
    s = tekst.strip().replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "").replace("_", "")
    if decimaalteken != ",":
        return s.replace(",", "")
    if _MET_KOMMA_NL.fullmatch(s):
        return s.replace(".", "").replace(",", ".")
    if _GROEPERING_NL.fullmatch(s):
        return s.replace(".", "")
    return s


def bedrag_uit_tekst(tekst: str) -> Decimal:
    """An amount from text with a decimal point (already normalised: no thousands separators, no currency).

    ASCII digits only: ``ValueError`` for anything else (Arabic-Indic digits, 'NaN',
    'Infinity', exponents). -0 becomes 0.
    """
    t = tekst.strip()
    if not _ASCII_GETAL.fullmatch(t):
        raise ValueError(tekst)
    try:
        d = Decimal(t)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise ValueError(tekst) from None
    return normaliseer_nul(d)


def normaliseer_nul(d):
    """-0 (and -0.00) as 0, keeping the exponent."""
    return d.copy_abs() if isinstance(d, Decimal) and d.is_zero() else d


def gebeurtenis_fouten(*, soort: str, datum: datetime.date | None, einddatum: datetime.date | None, bedragen: dict) -> dict[str, list[str]]:
    """Every input rule of one event (Initieel, Rapportage, Herijking), per field."""
    fouten: dict[str, list[str]] = {}
    if soort == "initieel":
        # The initial baseline may be dated on a planned start (an activity not yet started).
        datumfouten = toekomstdatum_fouten(datum)
    else:
        datumfouten = gebeurtenisdatum_fouten(datum)
    if datumfouten:
        fouten["datum"] = datumfouten
    if f := toekomstdatum_fouten(einddatum):
        fouten["einddatum"] = f
    fouten.update(bedragen_fouten(bedragen))
    return fouten
