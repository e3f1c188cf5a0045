"""Server-rendered SVG line charts of an activity's event history (no JavaScript).

The Content-Security-Policy forbids inline ``style`` attributes, so the charts
use SVG presentation attributes only (``fill``, ``stroke``, ``font-size``...).
Every chart carries a ``<title>`` and ``<desc>`` (``role="img"``); the table of
the event history on the same page is its accessible alternative.
"""

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .templatetags.portfolio import getal_opmaak

# Colours of cio.css (contrast >= 3:1 against white for graphical objects).
LINTBLAUW = "#01689B"
GEDEMPT = "#595959"
ROOD = "#d52b1e"
TEKST = "#1a1a1a"
RASTER = "#d9d9d9"

BREEDTE, HOOGTE = 720, 300
LINKS, RECHTS, BOVEN, ONDER = 72, 20, 48, 36


@dataclass
class Punt:
    """One value at one event: ``waarde`` is a number (EUR mln) or a date."""

    datum: datetime.date
    waarde: float | datetime.date | None
    herijking: bool = False
    tekst: str = ""


def _getal(w) -> float:
    return float(w.toordinal()) if isinstance(w, datetime.date) else float(w)


def _mooie_stap(bereik: float, aantal: int = 5) -> float:
    if bereik <= 0:
        return 1.0
    ruw = bereik / aantal
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * macht >= ruw:
            return factor * macht
    return 10 * macht


def _jaartikken(laag: datetime.date, hoog: datetime.date) -> tuple[datetime.date, datetime.date, list[datetime.date]]:
    """Domain on year boundaries around [laag, hoog] and ticks every 1, 2 or 5 years."""
    begin = datetime.date(laag.year, 1, 1)
    eind = datetime.date(hoog.year + 1, 1, 1)
    jaren = eind.year - begin.year
    stap = 1 if jaren <= 8 else 2 if jaren <= 16 else 5
    return begin, eind, [datetime.date(j, 1, 1) for j in range(begin.year, eind.year + 1, stap)]


def lijngrafiek(
    *,
    id: str,
    titel: str,
    beschrijving: str,
    punten: list[Punt],
    referentie=None,
    lijn_label: str,
    referentie_label: str,
    eenheid: str = "",
) -> SafeString:
    """An SVG line chart of ``punten`` over time, with ``referentie`` as a dashed horizontal line.

    Values are numbers (drawn from 0 up) or dates (the y axis shows years).
    Returns "" when there is nothing to draw.
    """
    punten = [p for p in punten if p.waarde is not None]
    if not punten:
        return mark_safe("")
    is_datum = isinstance(punten[0].waarde, datetime.date)
    waarden = [_getal(p.waarde) for p in punten]
    if referentie is not None:
        waarden.append(_getal(referentie))

    # y domain and ticks
    if is_datum:
        laag = datetime.date.fromordinal(int(min(waarden)))
        hoog = datetime.date.fromordinal(int(max(waarden)))
        y_begin, y_eind, tikken = _jaartikken(laag, hoog)
        y_min, y_max = _getal(y_begin), _getal(y_eind)
        y_tikken = [(_getal(t), str(t.year)) for t in tikken]
    else:
        hoogste = max(max(waarden), 0.0)
        stap = _mooie_stap(hoogste or 1.0)
        y_min, y_max = 0.0, (math.ceil(hoogste / stap) or 1) * stap
        if y_max <= hoogste:
            y_max += stap
        decimalen = 0 if stap >= 1 else 1 if stap >= 0.1 else 2
        y_tikken = []
        t = 0.0
        while t <= y_max + stap / 1000:
            y_tikken.append((t, getal_opmaak(Decimal(str(round(t, 6))), decimalen)))
            t += stap

    # x domain: year boundaries around the event dates
    x_begin, x_eind, x_tikdata = _jaartikken(min(p.datum for p in punten), max(p.datum for p in punten))
    x_min, x_max = _getal(x_begin), _getal(x_eind)

    breedte_plot = BREEDTE - LINKS - RECHTS
    hoogte_plot = HOOGTE - BOVEN - ONDER

    def x(d: datetime.date) -> float:
        return round(LINKS + (_getal(d) - x_min) / (x_max - x_min) * breedte_plot, 1)

    def y(w) -> float:
        return round(BOVEN + hoogte_plot - (_getal(w) - y_min) / (y_max - y_min) * hoogte_plot, 1)

    delen: list[str] = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {b} {h}" width="{b}" height="{h}" '
            'role="img" aria-labelledby="{id}-titel {id}-desc" font-size="13" fill="{tekst}">',
            b=BREEDTE, h=HOOGTE, id=id, tekst=TEKST,
        ),
        format_html('<title id="{}-titel">{}</title>', id, titel),
        format_html('<desc id="{}-desc">{}</desc>', id, beschrijving),
    ]

    # grid and y labels
    for waarde, label in y_tikken:
        yy = y(waarde)
        delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>', LINKS, yy, BREEDTE - RECHTS, yy, RASTER))
        delen.append(format_html('<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>', LINKS - 8, yy, label))
    if eenheid:
        delen.append(format_html('<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>', LINKS - 8, BOVEN - 14, GEDEMPT, eenheid))
    # x axis and labels
    onder = BOVEN + hoogte_plot
    delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>', LINKS, onder, BREEDTE - RECHTS, onder, TEKST))
    delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>', LINKS, BOVEN, LINKS, onder, TEKST))
    for d in x_tikdata:
        xx = x(d)
        delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>', xx, onder, xx, onder + 5, TEKST))
        if d < x_eind:
            # the label sits in the middle of its year
            midden = x(datetime.date(d.year, 7, 1))
            delen.append(format_html('<text x="{}" y="{}" text-anchor="middle">{}</text>', midden, onder + 20, d.year))

    # the initial baseline: dashed reference line
    if referentie is not None:
        yr = y(referentie)
        delen.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" stroke-dasharray="7 5"/>',
                LINKS, yr, BREEDTE - RECHTS, yr, GEDEMPT,
            )
        )

    # the current estimate over time
    coords = " ".join(f"{x(p.datum)},{y(p.waarde)}" for p in punten)
    delen.append(format_html('<polyline points="{}" fill="none" stroke="{}" stroke-width="3" stroke-linejoin="round"/>', coords, LINTBLAUW))
    for p in punten:
        px, py = x(p.datum), y(p.waarde)
        if p.herijking:
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="11" height="11" fill="#ffffff" stroke="{}" stroke-width="2.5"><title>{}</title></rect>',
                    round(px - 5.5, 1), round(py - 5.5, 1), ROOD, p.tekst,
                )
            )
        else:
            delen.append(format_html('<circle cx="{}" cy="{}" r="5" fill="{}"><title>{}</title></circle>', px, py, LINTBLAUW, p.tekst))

    # legend (top): line, dashed baseline, herijking marker
    ly = 18
    lx = LINKS
    delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"/>', lx, ly, lx + 28, ly, LINTBLAUW))
    delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 36, ly, lijn_label))
    lx += 46 + int(len(lijn_label) * 7.2)
    if referentie is not None:
        delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" stroke-dasharray="7 5"/>', lx, ly, lx + 28, ly, GEDEMPT))
        delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 36, ly, referentie_label))
        lx += 46 + int(len(referentie_label) * 7.2)
    if any(p.herijking for p in punten):
        delen.append(format_html('<rect x="{}" y="{}" width="11" height="11" fill="#ffffff" stroke="{}" stroke-width="2.5"/>', lx + 8, ly - 5.5, ROOD))
        delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 26, ly, _("Herijking")))

    delen.append(mark_safe("</svg>"))
    return mark_safe("".join(str(d) for d in delen))

