"""Server-rendered SVG charts (no JavaScript): line charts of an activity's event history and of trends, bar charts.

The Content-Security-Policy forbids inline ``style`` attributes, so the charts
use SVG presentation attributes only (``fill``, ``stroke``, ``font-size``...).
Every chart carries a ``<title>`` and ``<desc>`` (``role="img"``); a table with
the same numbers on the same page is its accessible alternative.
"""

import datetime
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .templatetags.portfolio import getal_opmaak, mln_opmaak, procent_teken

MILJOEN = Decimal(1_000_000)
HERIJKING = "herijking"

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
    trap: bool = False,
) -> SafeString:
    """An SVG line chart of ``punten`` over time, with ``referentie`` as a dashed line.

    ``referentie`` is one value (a horizontal line: the initial baseline of an
    activity) or a list of Punt (a second, dashed series: e.g. the total initial
    estimate per peildatum next to the total current estimate).
    Values are numbers (drawn from 0 up) or dates (the y axis shows years).
    ``trap``: draw the line as steps, each value holding until the next point (an
    activity's estimate stays what the last report said until a herijking or the
    next report changes it; a diagonal would suggest a gradual change).
    Returns "" when there is nothing to draw.
    """
    punten = [p for p in punten if p.waarde is not None]
    if not punten:
        return mark_safe("")
    reeks = None
    if isinstance(referentie, (list, tuple)):
        reeks = [p for p in referentie if p.waarde is not None]
        referentie = None
    is_datum = isinstance(punten[0].waarde, datetime.date)
    waarden = [_getal(p.waarde) for p in punten]
    if referentie is not None:
        waarden.append(_getal(referentie))
    if reeks:
        waarden.extend(_getal(p.waarde) for p in reeks)

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
    alle_data = [p.datum for p in punten] + [p.datum for p in reeks or []]
    x_begin, x_eind, x_tikdata = _jaartikken(min(alle_data), max(alle_data))
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
            b=BREEDTE,
            h=HOOGTE,
            id=id,
            tekst=TEKST,
        ),
        format_html('<title id="{}-titel">{}</title>', id, titel),
        format_html('<desc id="{}-desc">{}</desc>', id, beschrijving),
    ]

    # grid and y labels
    for waarde, label in y_tikken:
        yy = y(waarde)
        delen.append(
            format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>', LINKS, yy, BREEDTE - RECHTS, yy, RASTER)
        )
        delen.append(format_html('<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>', LINKS - 8, yy, label))
    if eenheid:
        # From the left edge: right-aligned at the axis a longer unit ("million euros") would be cut off.
        delen.append(format_html('<text x="{}" y="{}" fill="{}">{}</text>', 4, BOVEN - 10, GEDEMPT, eenheid))
    # x axis and labels
    onder = BOVEN + hoogte_plot
    delen.append(
        format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>', LINKS, onder, BREEDTE - RECHTS, onder, TEKST)
    )
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
                LINKS,
                yr,
                BREEDTE - RECHTS,
                yr,
                GEDEMPT,
            )
        )

    # a dashed reference series, with hollow markers
    if reeks:
        coords = " ".join(f"{x(p.datum)},{y(p.waarde)}" for p in reeks)
        delen.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" stroke-dasharray="7 5" stroke-linejoin="round"/>',
                coords,
                GEDEMPT,
            )
        )
        for p in reeks:
            delen.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="4" fill="#ffffff" stroke="{}" stroke-width="2"><title>{}</title></circle>',
                    x(p.datum),
                    y(p.waarde),
                    GEDEMPT,
                    p.tekst,
                )
            )

    # the current estimate over time
    hoeken = [(x(p.datum), y(p.waarde)) for p in punten]
    if trap:
        # horizontal to the next event's date, then vertical to its value
        hoeken = [h for (x1, y1), (x2, _y2) in zip(hoeken, hoeken[1:]) for h in ((x1, y1), (x2, y1))] + hoeken[-1:]
    coords = " ".join(f"{hx},{hy}" for hx, hy in hoeken)
    delen.append(format_html('<polyline points="{}" fill="none" stroke="{}" stroke-width="3" stroke-linejoin="miter"/>', coords, LINTBLAUW))
    for p in punten:
        px, py = x(p.datum), y(p.waarde)
        if p.herijking:
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="11" height="11" fill="#ffffff" stroke="{}" stroke-width="2.5"><title>{}</title></rect>',
                    round(px - 5.5, 1),
                    round(py - 5.5, 1),
                    ROOD,
                    p.tekst,
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
    if referentie is not None or reeks:
        delen.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" stroke-dasharray="7 5"/>', lx, ly, lx + 28, ly, GEDEMPT
            )
        )
        delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 36, ly, referentie_label))
        lx += 46 + int(len(referentie_label) * 7.2)
    if any(p.herijking for p in punten):
        delen.append(
            format_html(
                '<rect x="{}" y="{}" width="11" height="11" fill="#ffffff" stroke="{}" stroke-width="2.5"/>', lx + 8, ly - 5.5, ROOD
            )
        )
        delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 26, ly, _("Herijking")))

    delen.append(mark_safe("</svg>"))
    return mark_safe("".join(str(d) for d in delen))


# Series colours of the bar charts (Rijkshuisstijl; >= 3:1 against white and each
# told apart by the legend, the value at the end of every bar and the data table).
REEKSKLEUREN = [LINTBLAUW, "#ca005d", "#39870c"]
STAAF, STAAF_RUIMTE, LABEL_MAX = 18, 12, 40


def _afgekort(tekst: str, lengte: int = LABEL_MAX) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "\u2026"


def staafgrafiek(
    *,
    id: str,
    titel: str,
    beschrijving: str,
    labels: list[str],
    reeksen: list[tuple[str, list]],
    eenheid: str = "",
    decimalen: int | list[int] = 0,
) -> SafeString:
    """A horizontal bar chart: one row per label, one bar per series (grouped), the value printed at each bar.

    ``reeksen``: [(series name, [value per label])]; values are numbers (None: no bar).
    ``decimalen``: of the printed values, one number or one per series.
    A legend is drawn when there is more than one series. Returns "" when there
    are no labels. The accessible alternative is the data table the page puts
    next to it (the same numbers).
    """
    if not labels or not reeksen:
        return mark_safe("")
    per_reeks = decimalen if isinstance(decimalen, (list, tuple)) else [decimalen] * len(reeksen)
    waarden = [float(w) for _naam, ws in reeksen for w in ws if w is not None]
    hoogste = max(waarden + [0.0])
    stap = _mooie_stap(hoogste or 1.0)
    x_max = (math.ceil(hoogste / stap) or 1) * stap
    if x_max < hoogste:
        x_max += stap
    getoond = [_afgekort(str(label)) for label in labels]
    links = min(max(len(t) for t in getoond) * 7 + 16, 300)
    rechts = 64  # room for the value after the longest bar
    boven = 40 if len(reeksen) > 1 else 12
    rij_hoogte = STAAF * len(reeksen) + STAAF_RUIMTE
    hoogte = boven + rij_hoogte * len(labels) + 32
    breedte_plot = BREEDTE - links - rechts

    def x(w) -> float:
        return round(links + float(w) / x_max * breedte_plot, 1)

    delen: list[str] = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {b} {h}" width="{b}" height="{h}" '
            'role="img" aria-labelledby="{id}-titel {id}-desc" font-size="13" fill="{tekst}">',
            b=BREEDTE,
            h=hoogte,
            id=id,
            tekst=TEKST,
        ),
        format_html('<title id="{}-titel">{}</title>', id, titel),
        format_html('<desc id="{}-desc">{}</desc>', id, beschrijving),
    ]
    onder = boven + rij_hoogte * len(labels)
    # grid and x labels
    t = 0.0
    while t <= x_max + stap / 1000:
        xx = x(t)
        delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>', xx, boven, xx, onder, RASTER))
        delen.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                xx,
                onder + 18,
                getal_opmaak(Decimal(str(round(t, 6))), 1 if stap < 1 else 0),
            )
        )
        t += stap
    if eenheid:
        delen.append(format_html('<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>', BREEDTE - 4, onder + 18, GEDEMPT, eenheid))
    delen.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>', links, boven, links, onder, TEKST))

    for i, (label, tekst) in enumerate(zip(labels, getoond)):
        y0 = boven + i * rij_hoogte + STAAF_RUIMTE / 2
        midden = y0 + STAAF * len(reeksen) / 2
        delen.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle"><title>{}</title>{}</text>',
                links - 8,
                midden,
                label,
                tekst,
            )
        )
        for j, (naam, ws) in enumerate(reeksen):
            w = ws[i]
            if w is None:
                continue
            yy = y0 + j * STAAF
            kleur = REEKSKLEUREN[j % len(REEKSKLEUREN)]
            opgemaakt = getal_opmaak(Decimal(str(w)), per_reeks[j])
            breedte_staaf = max(x(w) - links, 1 if w else 0)
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
                    links,
                    yy + 2,
                    round(breedte_staaf, 1),
                    STAAF - 4,
                    kleur,
                    label,
                    naam,
                    opgemaakt,
                )
            )
            delen.append(
                format_html(
                    '<text x="{}" y="{}" dominant-baseline="middle">{}</text>',
                    round(links + breedte_staaf + 6, 1),
                    yy + STAAF / 2,
                    opgemaakt,
                )
            )

    if len(reeksen) > 1:
        lx = links
        for j, (naam, _ws) in enumerate(reeksen):
            kleur = REEKSKLEUREN[j % len(REEKSKLEUREN)]
            delen.append(format_html('<rect x="{}" y="{}" width="14" height="14" fill="{}"/>', lx, 11, kleur))
            delen.append(format_html('<text x="{}" y="{}" dominant-baseline="middle">{}</text>', lx + 20, 18, naam))
            lx += 40 + int(len(naam) * 7.2)
    delen.append(mark_safe("</svg>"))
    return mark_safe("".join(str(d) for d in delen))


def _soortlabel(soort: str) -> str:
    from .models import Gebeurtenis

    return str(Gebeurtenis.Soort(soort).label)


def historiegrafieken(*, nummer: int, gebeurtenissen: list, k) -> list[dict]:
    """The two line charts of an activity's event history: cost estimate and end date, each against the initial baseline.

    ``gebeurtenissen``: by datum, objects with soort, datum, einddatum and
    totaal_geschat (``Gebeurtenis`` rows, or the events of a published
    version); ``k``: the activity's Kerncijfers. Returns [{"kop", "svg"}].
    """
    if not gebeurtenissen:
        return []
    eerste, laatste = gebeurtenissen[0].datum, gebeurtenissen[-1].datum
    periode = {"van": eerste.strftime("%d-%m-%Y"), "tot": laatste.strftime("%d-%m-%Y"), "n": len(gebeurtenissen)}
    kosten = [
        Punt(
            datum=g.datum,
            waarde=float(g.totaal_geschat / MILJOEN) if g.totaal_geschat is not None else None,
            herijking=g.soort == HERIJKING,
            tekst=_("%(datum)s, %(soort)s: %(bedrag)s mln euro")
            % {"datum": g.datum.strftime("%d-%m-%Y"), "soort": _soortlabel(g.soort), "bedrag": mln_opmaak(g.totaal_geschat)},
        )
        for g in gebeurtenissen
    ]
    einddata = [
        Punt(
            datum=g.datum,
            waarde=g.einddatum,
            herijking=g.soort == HERIJKING,
            tekst=_("%(datum)s, %(soort)s: einddatum %(eind)s")
            % {
                "datum": g.datum.strftime("%d-%m-%Y"),
                "soort": _soortlabel(g.soort),
                "eind": g.einddatum.strftime("%d-%m-%Y") if g.einddatum else "—",
            },
        )
        for g in gebeurtenissen
    ]
    alternatief = _("Alle waarden staan in de tabel 'Historie van kosten en doorlooptijd' onder de grafieken.")
    grafieken = []
    svg = lijngrafiek(
        id=f"grafiek-kosten-{nummer}",
        titel=_("Actuele schatting meerjarige kosten door de tijd, in miljoenen euro"),
        beschrijving=_(
            "%(n)s gebeurtenissen van %(van)s tot %(tot)s. Initiële baseline %(init)s mln euro (stippellijn); "
            "actuele schatting %(act)s mln euro, verschil %(pct)s. %(alt)s"
        )
        % {
            **periode,
            "init": mln_opmaak(k.initieel_totaal),
            "act": mln_opmaak(k.actueel_totaal),
            "pct": procent_teken(k.verschil_pct),
            "alt": alternatief,
        },
        punten=kosten,
        referentie=float(k.initieel_totaal / MILJOEN) if k.initieel_totaal is not None else None,
        lijn_label=_("Actuele schatting"),
        referentie_label=_("Initiële baseline"),
        eenheid=_("mln euro"),
        trap=True,
    )
    if svg:
        grafieken.append({"kop": _("Kosten: actuele schatting tegenover de initiële baseline"), "svg": svg})
    svg = lijngrafiek(
        id=f"grafiek-einddatum-{nummer}",
        titel=_("Geschatte einddatum door de tijd"),
        beschrijving=_(
            "%(n)s gebeurtenissen van %(van)s tot %(tot)s. Initiële einddatum %(init)s (stippellijn); actuele einddatum %(act)s. %(alt)s"
        )
        % {
            **periode,
            "init": k.initiele_einddatum.strftime("%d-%m-%Y") if k.initiele_einddatum else "—",
            "act": k.actuele_einddatum.strftime("%d-%m-%Y") if k.actuele_einddatum else "—",
            "alt": alternatief,
        },
        punten=einddata,
        referentie=k.initiele_einddatum,
        lijn_label=_("Actuele einddatum"),
        referentie_label=_("Initiële einddatum"),
        trap=True,
    )
    if svg:
        grafieken.append({"kop": _("Doorlooptijd: geschatte einddatum tegenover de initiële"), "svg": svg})
    return grafieken
