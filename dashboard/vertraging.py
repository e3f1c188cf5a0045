"""The delay of an activity as the public list shows it, consistent with its band.

The list shows the delay (actual against initial end date) in years with one decimal;
the filter and the chart "Einddatum ten opzichte van de initiële schatting" put it in a
band (``selectors.einddatum_klasse``: eerder, ongewijzigd, later hoogstens 1 jaar,
later meer dan 1 jaar). Rounded to one decimal, a delay of one year and ten days reads
"+1,0" while its band says "meer dan 1 jaar", and twelve days late reads "+0,0" beside
"later". Where the rounded figure would land on a band boundary the band does not
have, the text gives the exact difference in days instead, so figure and band never
disagree.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import ngettext

from portfolio.templatetags.portfolio import getal_opmaak

from . import selectors

_EEN = Decimal("1.0")
_NUL = Decimal("0.0")


def _dagen(n: int) -> str:
    return ngettext("%(n)s dag", "%(n)s dagen", n) % {"n": n}


def vertraging_tekst(rij: dict, vertraging: Decimal | None = None) -> str:
    """The delay of ``rij`` (a row of the published stand) as text: "+0,4", or "+1 jaar en 10 dagen" at a boundary."""
    if vertraging is None:
        vertraging = selectors.vertraging_jaren(rij)
    tekst = getal_opmaak(vertraging, 1, teken=True)
    if vertraging is None:
        return tekst
    afgerond = abs(vertraging.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    klasse = selectors.einddatum_klasse(rij)
    initieel, actueel = rij["initiele_einddatum"], rij["actuele_einddatum"]
    if klasse == "later_meer_dan_1_jaar" and afgerond <= _EEN:
        over = (actueel - selectors.jaar_later(initieel)).days
        return ngettext("+1 jaar en %(n)s dag", "+1 jaar en %(n)s dagen", over) % {"n": over}
    if klasse == "later_tot_1_jaar" and afgerond == _NUL:
        return "+" + _dagen((actueel - initieel).days)
    if klasse == "eerder" and afgerond == _NUL:
        return "-" + _dagen((initieel - actueel).days)
    return tekst
