"""Server-rendered SVG bar charts for the Jaarrapportage (PDF and HTML page), no JavaScript.

Like ``portfolio/grafiek.py``: presentation attributes only (the
Content-Security-Policy forbids inline ``style``), ``role="img"`` with a
``<title>`` and ``<desc>``. WeasyPrint tags an inline ``<svg>`` as a Figure
and takes its alternative text from the ``<title>``, so the title says what
the chart shows; the table next to every chart holds the same figures.

Deterministic output (the report's checksum depends on it): coordinates are
rounded, numbers formatted in Dutch with ``getal_opmaak``.
"""

import math
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from portfolio.grafiek import GEDEMPT, LINTBLAUW, RASTER, TEKST, _mooie_stap
from portfolio.templatetags.portfolio import getal_opmaak

# Series colours: both >= 3:1 against white (WCAG 1.4.11); the values are printed at the bars too.
DONKERBLAUW = "#154273"
KLEUREN = [LINTBLAUW, GEDEMPT, DONKERBLAUW]


def _r(x: float) -> float:
    return round(x, 1)


def _schaal(hoogste: float) -> tuple[float, float, int]:
    """(maximum of the axis, step, decimals) for values from 0 to ``hoogste``."""
    stap = _mooie_stap(hoogste or 1.0)
    maximum = (math.ceil(hoogste / stap) or 1) * stap
    decimalen = 0 if stap >= 1 else 1 if stap >= 0.1 else 2
    return maximum, stap, decimalen


def staafdiagram(
    *,
    id: str,
    titel: str,
    beschrijving: str,
    categorieen: list[str],
    reeksen: list[tuple[str, list[Decimal | int | None]]],
    decimalen: int = 0,
    eenheid: str = "",
    breedte: int = 640,
) -> SafeString:
    """Vertical bars: per category one bar per series, the value above each bar.

    ``reeksen``: [(label, [value per category])]. Returns "" when there is nothing to draw.
    """
    if not categorieen or not reeksen:
        return mark_safe("")
    waarden = [float(w) for _l, ws in reeksen for w in ws if w is not None]
    hoogste = max(waarden + [0.0])
    maximum, stap, as_decimalen = _schaal(hoogste)
    links, rechts, boven, onder = 64, 12, 44 if len(reeksen) > 1 else 24, 44
    hoogte = 280
    plot_b, plot_h = breedte - links - rechts, hoogte - boven - onder
    groep = plot_b / len(categorieen)
    staaf = min(48.0, groep * 0.8 / len(reeksen))

    def y(w: float) -> float:
        return _r(boven + plot_h - w / maximum * plot_h)

    delen = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {b} {h}" width="{b}" height="{h}" '
            'role="img" aria-labelledby="{id}-titel {id}-desc" font-size="11" fill="{t}" class="grafiek">',
            b=breedte,
            h=hoogte,
            id=id,
            t=TEKST,
        ),
        format_html('<title id="{}-titel">{}</title>', id, titel),
        format_html('<desc id="{}-desc">{}</desc>', id, beschrijving),
    ]
    t = 0.0
    while t <= maximum + stap / 1000:
        yy = y(t)
        delen.append(
            format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.75"/>', links, yy, breedte - rechts, yy, RASTER)
        )
        delen.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
                links - 6,
                yy,
                getal_opmaak(Decimal(str(round(t, 6))), as_decimalen),
            )
        )
        t += stap
    if eenheid:
        delen.append(format_html('<text x="{}" y="{}" text-anchor="start" fill="{}">{}</text>', 4, 12, GEDEMPT, eenheid))
    basis = boven + plot_h
    delen.append(
        format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.25"/>', links, basis, breedte - rechts, basis, TEKST)
    )
    for i, categorie in enumerate(categorieen):
        x0 = links + i * groep + (groep - staaf * len(reeksen)) / 2
        for j, (_label, ws) in enumerate(reeksen):
            w = ws[i]
            if w is None:
                continue
            xx = _r(x0 + j * staaf)
            yy = y(float(w))
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                    xx,
                    yy,
                    _r(staaf - 2),
                    _r(basis - yy),
                    KLEUREN[j % len(KLEUREN)],
                )
            )
            delen.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="9">{}</text>',
                    _r(xx + (staaf - 2) / 2),
                    _r(yy - 3),
                    getal_opmaak(w, decimalen),
                )
            )
        delen.append(
            format_html('<text x="{}" y="{}" text-anchor="middle">{}</text>', _r(links + (i + 0.5) * groep), basis + 16, categorie)
        )
    if len(reeksen) > 1:
        lx = links
        for j, (label, _ws) in enumerate(reeksen):
            delen.append(format_html('<rect x="{}" y="{}" width="12" height="12" fill="{}"/>', lx, 16, KLEUREN[j % len(KLEUREN)]))
            delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 18, 22, label))
            lx += 40 + int(len(label) * 6.2)
    delen.append(mark_safe("</svg>"))
    return mark_safe("".join(str(d) for d in delen))


def liggend_staafdiagram(
    *,
    id: str,
    titel: str,
    beschrijving: str,
    categorieen: list[str],
    reeksen: list[tuple[str, list[Decimal | int | None]]],
    decimalen: int = 1,
    eenheid: str = "",
    breedte: int = 640,
) -> SafeString:
    """Horizontal bars (many categories, e.g. ministeries): per category one bar per series."""
    if not categorieen or not reeksen:
        return mark_safe("")
    waarden = [float(w) for _l, ws in reeksen for w in ws if w is not None]
    maximum, stap, as_decimalen = _schaal(max(waarden + [0.0]))
    links, rechts, boven = 72, 56, 44
    staaf = 9.0
    rij = staaf * len(reeksen) + 8
    hoogte = int(boven + rij * len(categorieen) + 24)
    plot_b = breedte - links - rechts

    def x(w: float) -> float:
        return _r(links + w / maximum * plot_b)

    delen = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {b} {h}" width="{b}" height="{h}" '
            'role="img" aria-labelledby="{id}-titel {id}-desc" font-size="10" fill="{t}" class="grafiek">',
            b=breedte,
            h=hoogte,
            id=id,
            t=TEKST,
        ),
        format_html('<title id="{}-titel">{}</title>', id, titel),
        format_html('<desc id="{}-desc">{}</desc>', id, beschrijving),
    ]
    onderkant = boven + rij * len(categorieen)
    t = 0.0
    while t <= maximum + stap / 1000:
        xx = x(t)
        delen.append(
            format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.75"/>', xx, boven - 4, xx, _r(onderkant), RASTER)
        )
        delen.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                xx,
                _r(onderkant + 14),
                getal_opmaak(Decimal(str(round(t, 6))), as_decimalen),
            )
        )
        t += stap
    if eenheid:
        delen.append(
            format_html('<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>', breedte - rechts, _r(onderkant + 26), GEDEMPT, eenheid)
        )
    for i, categorie in enumerate(categorieen):
        y0 = boven + i * rij
        delen.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>', links - 6, _r(y0 + rij / 2 - 2), categorie
            )
        )
        for j, (_label, ws) in enumerate(reeksen):
            w = ws[i]
            if w is None:
                continue
            yy = _r(y0 + j * staaf)
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                    links,
                    yy,
                    _r(x(float(w)) - links),
                    _r(staaf - 1),
                    KLEUREN[j % len(KLEUREN)],
                )
            )
            delen.append(
                format_html(
                    '<text x="{}" y="{}" dominant-baseline="middle" font-size="8">{}</text>',
                    _r(x(float(w)) + 3),
                    _r(yy + staaf / 2),
                    getal_opmaak(w, decimalen),
                )
            )
    delen.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.25"/>', links, boven - 4, links, _r(onderkant), TEKST
        )
    )
    lx = links
    for j, (label, _ws) in enumerate(reeksen):
        delen.append(format_html('<rect x="{}" y="{}" width="12" height="12" fill="{}"/>', lx, 12, KLEUREN[j % len(KLEUREN)]))
        delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 18, 18, label))
        lx += 40 + int(len(label) * 5.6)
    delen.append(mark_safe("</svg>"))
    return mark_safe("".join(str(d) for d in delen))
