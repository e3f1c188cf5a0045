"""The search of the public dashboard (issue 18: a search field on the home page, as the real dashboard has).

One query, several kinds of result: the ministries and the ICT-activiteiten of the
published stand on the newest peildatum (the list's own search, ``selectors.zoeken``,
accent-insensitive over name, number, organisation, subject and ministry), and any
other public subject that registers a source in ``BRONNEN`` (an I-plan, a toezegging:
a function ``(woorden, request) -> Bron | None`` reading only public data).
Each section shows its first results and links to the full, filtered list.
"""

from dataclasses import dataclass, field

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors
from .cache import publiek
from .views import _cijfers, _lijst_url, _lijstrij, _ministeries

MAX_ZOEKTERM = 200
EERSTE = 10  # results per section on the search page; the section links to all of them


@dataclass
class Bron:
    """The results of one kind: ``treffers`` [{"naam", "url", "omschrijving"}], ``aantal`` in all, ``meer_url`` to see all."""

    sleutel: str
    titel: str
    treffers: list[dict] = field(default_factory=list)
    aantal: int = 0
    meer_url: str | None = None


def _ministeries_bron(woorden: list[str], request) -> Bron | None:
    c = _cijfers(request)
    beschikbaar = c.peildata()
    if not beschikbaar:
        return None
    per_afkorting = c.afgeleid(_ministeries, beschikbaar[0])
    treffers = [
        {"naam": m["naam"], "url": reverse("dashboard:ministerie", args=[m["code"]]), "omschrijving": m["afkorting"]}
        for m in sorted(per_afkorting.values(), key=lambda m: m["naam"])
        if all(w in selectors.zoeknormaal(f"{m['naam']} {m['afkorting']} {m['code']}") for w in woorden)
    ]
    return Bron("ministeries", _("Ministeries"), treffers, len(treffers))


def _activiteiten_bron(woorden: list[str], request) -> Bron | None:
    c = _cijfers(request)
    beschikbaar = c.peildata()
    if not beschikbaar:
        return None
    resultaat = c.zoeken(beschikbaar[0], q=" ".join(woorden), filters={}, sortering=selectors.STANDAARD_SORTERING)
    treffers = [
        {
            "naam": r["naam"],
            "url": r["url"],
            "omschrijving": f"{r['nummer']} · {r['ministerie__afkorting']} · {r['status_label']}",
        }
        for r in map(_lijstrij, resultaat.rijen[:EERSTE])
    ]
    return Bron("activiteiten", _("ICT-activiteiten"), treffers, len(resultaat.rijen), _lijst_url(q=" ".join(woorden)))


# The kinds of result, in the order of the page. Another app adds its public subject here.
BRONNEN = [_ministeries_bron, _activiteiten_bron]


@publiek
def zoeken(request):
    q = request.GET.get("q", "").strip()[:MAX_ZOEKTERM]
    woorden = selectors.zoeknormaal(q).split()
    bronnen = [b for b in (bron(woorden, request) for bron in BRONNEN) if b is not None] if woorden else []
    context = {"q": q, "bronnen": bronnen, "totaal": sum(b.aantal for b in bronnen), "max_zoekterm": MAX_ZOEKTERM}
    return render(request, "dashboard/zoeken.html", context)
