"""The history charts of an activity draw steps (issue 18): an estimate holds until the next report or herijking.

Before, the line went diagonally from one event to the next, which suggests that the
estimate grew gradually between a report and a herijking.
"""

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

from portfolio.grafiek import historiegrafieken


def _segmenten(svg: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The segments of the thick line (the current value) of a chart."""
    punten = re.search(r'<polyline points="([^"]+)" fill="none" stroke="[^"]+" stroke-width="3"', svg).group(1)
    hoeken = [tuple(map(float, p.split(","))) for p in punten.split()]
    return list(zip(hoeken, hoeken[1:]))


def test_the_history_charts_of_cost_and_end_date_are_steps_without_diagonals():
    def g(datum, soort, miljoen, eind):
        return SimpleNamespace(datum=datum, soort=soort, totaal_geschat=Decimal(miljoen * 1_000_000), einddatum=eind)

    gebeurtenissen = [
        g(datetime.date(2021, 1, 1), "initieel", 10, datetime.date(2024, 12, 31)),
        g(datetime.date(2021, 12, 31), "rapportage", 12, datetime.date(2025, 6, 30)),
        g(datetime.date(2022, 9, 1), "herijking", 20, datetime.date(2026, 12, 31)),
        g(datetime.date(2022, 12, 31), "rapportage", 21, datetime.date(2026, 12, 31)),
    ]
    k = SimpleNamespace(
        initieel_totaal=Decimal(10_000_000),
        actueel_totaal=Decimal(21_000_000),
        verschil_pct=Decimal("110.0"),
        initiele_einddatum=datetime.date(2024, 12, 31),
        actuele_einddatum=datetime.date(2026, 12, 31),
    )
    grafieken = historiegrafieken(nummer=1, gebeurtenissen=gebeurtenissen, k=k)
    assert len(grafieken) == 2
    for grafiek in grafieken:
        segmenten = _segmenten(str(grafiek["svg"]))
        # every segment is horizontal (the value holds) or vertical (it changes at an event): no diagonal
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in segmenten), grafiek["kop"]
        # and the line still passes through every event: 4 events give 3 horizontal and 3 vertical moves at most
        assert len(segmenten) == 2 * (len(gebeurtenissen) - 1)
