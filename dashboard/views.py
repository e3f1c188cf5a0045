"""The public Rijks ICT-dashboard: pages and open data, without log-in.

Every figure comes from ``dashboard.selectors`` (published versions only: the
stand per peildatum); a page never reads the live activity tables, so a draft,
a checked-but-unpublished version, an oordeel or an internal note cannot show,
whatever the URL. The activity page reads the frozen ``gegevens`` of one
published version.

Query parameters are validated: a malformed or unknown peildatum, an unknown
sort key, an unknown format or a comparison of a peildatum with itself give a
400 page that says what is wrong; a page number out of range shows the last
page; an unknown nummer or ministerie gives 404. Pages are cached whole for
anonymous visitors (``dashboard.cache.publiek``).
"""

import datetime
import functools
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cio_stelsel.models import Ministerie
from portfolio.grafiek import Punt, historiegrafieken, lijngrafiek, staafgrafiek
from portfolio.models import Kwaliteitstoets, Soort, Status
from portfolio.templatetags.portfolio import (
    labelklasse,
    mln_opmaak,
    procent_teken,
)

from . import leesmodel, opendata, selectors
from .cache import conditional, publiek
from .vertraging import vertraging_tekst

PAGINA_GROOTTE = 25
# The comparison of two peildata lists the largest cost differences (the sum covers all).
GROOTSTE_VERSCHILLEN = 25
MILJOEN = Decimal(1_000_000)
LOPEND = [Status.IN_UITVOERING.value, Status.IN_HERORIENTATIE.value]
# {value: lazy label}: Status.values and Status(x).label build their lists anew on every call.
_STATUSLABELS = dict(Status.choices)
_SOORTLABELS = dict(Soort.choices)


class Ongeldig(Exception):
    """A query parameter the page cannot use; the message is shown on the 400 page."""


def _met_400(view):
    """Turn ``Ongeldig`` into a 400 page that explains the problem (never a 500)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Ongeldig as exc:
            return render(request, "dashboard/ongeldig.html", {"melding": str(exc)}, status=400)

    return wrapper


def _datum(waarde: str, naam: str, beschikbaar: list[datetime.date]) -> datetime.date:
    try:
        datum = datetime.date.fromisoformat(waarde.strip())
    except ValueError:
        raise Ongeldig(
            _("'%(w)s' is geen geldige datum voor %(naam)s: gebruik JJJJ-MM-DD, bijvoorbeeld 2024-12-31.") % {"w": waarde, "naam": naam}
        ) from None
    if datum not in beschikbaar:
        raise Ongeldig(
            _("Voor %(naam)s %(d)s zijn geen gegevens gepubliceerd. Gepubliceerde peildata: %(lijst)s.")
            % {"naam": naam, "d": datum.isoformat(), "lijst": ", ".join(p.isoformat() for p in beschikbaar) or _("geen")}
        )
    return datum


def _peildatum(request, beschikbaar: list[datetime.date]) -> datetime.date | None:
    """The peildatum of ``?peildatum=`` (a published one), default the newest; None when nothing is published."""
    waarde = request.GET.get("peildatum", "")
    if not waarde:
        return beschikbaar[0] if beschikbaar else None
    return _datum(waarde, "peildatum", beschikbaar)


def _cijfers(request) -> selectors.Cijfers:
    """The memoised selectors for this request (one stamp query pair, shared by the ETag check and the view)."""
    if not hasattr(request, "_dashboard_cijfers"):
        request._dashboard_cijfers = selectors.Cijfers()
    return request._dashboard_cijfers


def _ministeries(rijen: list[dict]) -> dict[str, dict]:
    """{afkorting: {"code", "naam", "afkorting"}} of the rows (to link the per-ministerie figures)."""
    return {
        r["ministerie__afkorting"]: {"code": r["ministerie__code"], "naam": r["ministerie__naam"], "afkorting": r["ministerie__afkorting"]}
        for r in rijen
    }


def _lijst_url(**params) -> str:
    """The list, pre-filtered: values may be lists (repeated parameters)."""
    paren = []
    for k, v in params.items():
        for w in v if isinstance(v, (list, tuple)) else [v]:
            if w not in (None, ""):
                paren.append((k, w))
    url = reverse("dashboard:activiteiten")
    return f"{url}?{urlencode(paren)}" if paren else url


def _peildatum_param(op, beschikbaar) -> str | None:
    """Only an earlier peildatum goes into links; the newest is the default."""
    return op.isoformat() if op and beschikbaar and op != beschikbaar[0] else None


# --------------------------------------------------------------------------
# Home


@publiek
@_met_400
def home(request):
    c = _cijfers(request)
    beschikbaar = c.peildata()
    op = _peildatum(request, beschikbaar)
    k = c.afgeleid(selectors.kerncijfers, op) if op else selectors.kerncijfers([])
    p = _peildatum_param(op, beschikbaar)
    ministeries = c.afgeleid(_ministeries, op) if op else {}
    per_ministerie = [
        {"ministerie": ministeries[afkorting], "k": cijfers, "url": reverse("dashboard:ministerie", args=[ministeries[afkorting]["code"]])}
        for (afkorting, _naam), cijfers in (c.afgeleid(selectors.per_ministerie, op) if op else {}).items()
    ]
    context = {
        "beschikbaar": beschikbaar,
        "peildatum": op,
        "nieuwste": not p,
        "k": k,
        "links": {
            "lopend": _lijst_url(status=LOPEND, peildatum=p),
            "doorlooptijd": _lijst_url(status=LOPEND, sort="-doorlooptijd", peildatum=p),
            "kosten": _lijst_url(status=LOPEND, sort="-actueel", peildatum=p),
            "acict": _lijst_url(acict="ja", peildatum=p),
            "afgerond": _lijst_url(status=Status.AFGEROND.value, peildatum=p),
            "alle": _lijst_url(peildatum=p),
        },
        "per_soort": [
            {"label": Soort(soort).label, "k": cijfers, "url": _lijst_url(soort=soort, peildatum=p)}
            for soort, cijfers in (c.afgeleid(selectors.per_soort, op) if op else {}).items()
        ],
        "recent": c.afgeleid(selectors.nieuwste, op) if op else [],
        "per_ministerie": per_ministerie,
    }
    return render(request, "dashboard/home.html", context)


# --------------------------------------------------------------------------
# The list


SORTEERKOLOMMEN = [
    # (sort key, label, numeric, descending first)
    ("naam", gettext_lazy("ICT-activiteit"), False, False),
    ("ministerie", gettext_lazy("Ministerie"), False, False),
    ("status", gettext_lazy("Status"), False, False),
    ("initieel", gettext_lazy("Initiële schatting (mln euro)"), True, True),
    ("actueel", gettext_lazy("Actuele schatting (mln euro)"), True, True),
    ("verschil", gettext_lazy("Verschil kosten"), True, True),
    ("einddatum", gettext_lazy("Actuele einddatum"), True, False),
    ("vertraging", gettext_lazy("Vertraging (jaren)"), True, True),
]

FACETLABELS = {
    "soort": gettext_lazy("Soort ICT-activiteit"),
    "status": gettext_lazy("Status"),
    "ministerie": gettext_lazy("Ministerie"),
    "organisatie": gettext_lazy("Uitvoerende organisatie"),
    "onderwerp": gettext_lazy("Onderwerp"),
    "acict": gettext_lazy("AcICT-advies"),
    "baat": gettext_lazy("Maatschappelijke baat"),
    "vertraging": gettext_lazy("Einddatum tegenover de initiële"),
}
# Facets shown as radio buttons (all / yes / no); the others are checkboxes.
JA_NEE_FACETTEN = {"acict", "baat"}
# Long lists, folded away unless one of their options is selected (so the filters fit a phone screen).
LANGE_FACETTEN = {"ministerie", "organisatie", "onderwerp"}


def _kort(naam: str) -> str:
    """'Ministerie van Financiën' → 'Financiën' (the facet lists the ministries by their subject)."""
    for voorvoegsel in ("Ministerie van ", "Ministerie voor "):
        if naam.startswith(voorvoegsel):
            return naam[len(voorvoegsel) :]
    return naam


def _optielabel(facet: str, waarde: str, ministeries: dict[str, dict]) -> str:
    if facet == "soort":
        return str(_SOORTLABELS.get(waarde, waarde))
    if facet == "status":
        return str(_STATUSLABELS.get(waarde, waarde))
    if facet == "ministerie":
        m = ministeries.get(waarde)
        return f"{_kort(m['naam'])} ({m['afkorting']})" if m else waarde
    if facet in JA_NEE_FACETTEN:
        return {"ja": _("Ja"), "nee": _("Nee")}.get(waarde, waarde)
    if facet == "vertraging":
        return str(EINDDATUM_LABELS.get(waarde, waarde))
    if waarde == selectors.ONBEKEND:
        return _("Onbekend")
    return waarde


@publiek
@_met_400
def activiteiten(request):
    c = _cijfers(request)
    beschikbaar = c.peildata()
    op = _peildatum(request, beschikbaar)
    sortering = request.GET.get("sort") or selectors.STANDAARD_SORTERING
    if sortering.lstrip("-") not in selectors.SORTERINGEN:
        raise Ongeldig(
            _("Onbekende sortering '%(s)s'. Mogelijk: %(lijst)s (met '-' ervoor: aflopend).")
            % {"s": sortering, "lijst": ", ".join(selectors.SORTERINGEN)}
        )
    q = request.GET.get("q", "").strip()[:200]
    filters = {f: {w for w in request.GET.getlist(f) if w} for f in selectors.FACETTEN}
    rijen = c.rijen(op) if op else []
    resultaat = c.zoeken(op, q=q, filters=filters, sortering=sortering) if op else selectors.zoeken([])
    pagina = Paginator(resultaat.rijen, PAGINA_GROOTTE).get_page(request.GET.get("page"))

    per_code = {m["code"]: m for m in (c.afgeleid(_ministeries, op) if op else {}).values()}
    facetten = []
    for facet, opties in resultaat.facetten.items():
        gekozen = filters.get(facet, set())
        facetten.append(
            {
                "naam": facet,
                "label": FACETLABELS[facet],
                "ja_nee": facet in JA_NEE_FACETTEN,
                "lang": facet in LANGE_FACETTEN,
                "actief": bool(gekozen),
                "opties": [
                    {"waarde": w, "label": _optielabel(facet, w, per_code), "aantal": n, "gekozen": w in gekozen, "id": f"f-{facet}-{i}"}
                    for i, (w, n) in enumerate(opties)
                ],
            }
        )
    for f in facetten:
        if f["naam"] == "vertraging":  # the bands in their order, not alphabetically
            f["opties"].sort(key=lambda o: list(EINDDATUM_LABELS).index(o["waarde"]) if o["waarde"] in EINDDATUM_LABELS else 99)
        if f["ja_nee"]:
            f["opties"] = [o for o in f["opties"] if o["waarde"] in ("ja", "nee")]
            f["opties"].sort(key=lambda o: o["waarde"] != "ja")

    # Sortable column headers: links that keep the filters; aria-sort on the active one.
    basis = [(k, v) for k, waarden in request.GET.lists() if k not in ("sort", "page") for v in waarden]
    actief, aflopend = sortering.lstrip("-"), sortering.startswith("-")
    kolommen = []
    for sleutel, label, numeriek, eerst_aflopend in SORTEERKOLOMMEN:
        if sleutel == actief:
            volgende = sleutel if aflopend else f"-{sleutel}"
            aria = "descending" if aflopend else "ascending"
        else:
            volgende = f"-{sleutel}" if eerst_aflopend else sleutel
            aria = None
        kolommen.append({"label": label, "num": numeriek, "aria_sort": aria, "url": "?" + urlencode(basis + [("sort", volgende)])})
    zonder_pagina = [(k, v) for k, waarden in request.GET.lists() if k != "page" for v in waarden]
    actieve_filters = [
        {
            "label": f"{FACETLABELS[f]}: {_optielabel(f, w, per_code)}",
            "url": "?" + urlencode([(k, v) for k, v in zonder_pagina if not (k == f and v == w)]),
        }
        for f, waarden in filters.items()
        for w in sorted(waarden)
    ]
    if q:
        actieve_filters.insert(
            0, {"label": _("Zoekterm: %(q)s") % {"q": q}, "url": "?" + urlencode([(k, v) for k, v in zonder_pagina if k != "q"])}
        )
    context = {
        "beschikbaar": beschikbaar,
        "peildatum": op,
        "q": q,
        "sortering": sortering,
        "facetten": facetten,
        "kolommen": kolommen,
        "page_obj": pagina,
        "rijen": [_lijstrij(r) for r in pagina.object_list],
        "totaal": len(resultaat.rijen),
        "aantal_stand": len(rijen),
        "aantal_eerdere_peildatum": sum(1 for r in rijen if r.get("eerdere_peildatum")),
        "actieve_filters": actieve_filters,
        "gefilterd": bool(actieve_filters),
        "querystring_zonder_pagina": ("&" + urlencode(zonder_pagina)) if zonder_pagina else "",
        "peildatum_param": _peildatum_param(op, beschikbaar),
    }
    return render(request, "dashboard/activiteiten.html", context)


@functools.lru_cache(maxsize=8192)
def _activiteit_pad(nummer: int) -> str:
    return reverse("dashboard:activiteit", args=[nummer])


def _lijstrij(r: dict) -> dict:
    """A row of an activity table, with its cells formatted here (tables of hundreds of rows render faster
    from plain strings than through a template filter per cell; the filters of portfolio.templatetags do the same)."""
    verschil, vertraging = selectors.kostenverschil_pct(r), selectors.vertraging_jaren(r)
    return {
        **r,
        "nummer": r["activiteit__nummer"],
        "url": _activiteit_pad(r["activiteit__nummer"]),
        # The executing organisation, when it is not the ministerie itself (a dienstonderdeel or zbo).
        "eigen_organisatie": "" if (r["organisatie"] or "").startswith(r["ministerie__naam"]) else r["organisatie"],
        "verschil_pct": verschil,
        "vertraging": vertraging,
        "status_label": _STATUSLABELS.get(r["activiteit_status"], r["activiteit_status"]),
        "status_klasse": labelklasse(r["activiteit_status"]),
        "soort_label": _SOORTLABELS.get(r["soort"], r["soort"]),
        "initieel_mln": mln_opmaak(r["initieel_totaal"]),
        "actueel_mln": mln_opmaak(r["actueel_totaal"]),
        "verschil_tekst": procent_teken(verschil),
        "vertraging_tekst": vertraging_tekst(r, vertraging),
        "einddatum_tekst": r["actuele_einddatum"].strftime("%d-%m-%Y") if r["actuele_einddatum"] else "—",
    }


# --------------------------------------------------------------------------
# One activity


@publiek
@_met_400
def activiteit(request, nummer: int):
    c = _cijfers(request)
    beschikbaar = c.peildata()
    op = _peildatum(request, beschikbaar)
    versie = leesmodel.gepubliceerde_versie(nummer, op, drempels=c.drempels) if op else None
    if versie is None:
        raise Http404(_("Er is geen gepubliceerde ICT-activiteit met dit nummer."))
    bron = leesmodel.record(versie, c.redenen())
    g = versie.gegevens
    k = bron.kerncijfers
    gebeurtenissen = leesmodel.gebeurtenissen(bron)
    herijkingen = [e for e in gebeurtenissen if e.soort == "herijking"]
    toetsen = g.get("kwaliteitstoetsen", [])
    soorten_toets = dict(Kwaliteitstoets.Soort.choices)
    # the frozen dicts stay as they are: the label goes into a copy
    toetsen = [{**t, "soort_label": soorten_toets.get(t.get("soort"), t.get("soort"))} for t in toetsen]
    peildata_activiteit = leesmodel.peildata_van(nummer)
    p = _peildatum_param(op, beschikbaar)
    context = {
        "versie": versie,
        "g": g,
        "k": k,
        "bron": bron,
        "peildatum": op,
        "eerdere_peildatum": versie.peildatum < op,
        "peildata_activiteit": peildata_activiteit,
        "nieuwste": versie.peildatum == (peildata_activiteit[0] if peildata_activiteit else None),
        "status_label": _STATUSLABELS.get(g.get("status"), g.get("status")),
        "soort_label": _SOORTLABELS.get(g.get("soort"), g.get("soort")),
        "ontwikkelwijze_label": leesmodel.ontwikkelwijze_label(g.get("ontwikkelwijze")),
        "gebeurtenissen": gebeurtenissen,
        "herijkingen": herijkingen,
        "grafieken": historiegrafieken(nummer=nummer, gebeurtenissen=gebeurtenissen, k=k),
        "categorieen": leesmodel.categorieen(k),
        "mijlpalen": g.get("mijlpalen", []),
        "kwaliteitstoetsen": toetsen,
        "acict_adviezen": [t for t in toetsen if t.get("soort") == Kwaliteitstoets.Soort.ACICT_ADVIES],
        "kamerstukken": g.get("kamerstukken", []),
        "baten": g.get("baten", []),
        "ontwikkelpartijen": g.get("ontwikkelpartijen", []),
        "ministerie_url": reverse("dashboard:ministerie", args=[versie.ministerie.code]),
        "peildatum_param": p,
        "export_query": f"?peildatum={op.isoformat()}" if p else "",
    }
    return render(request, "dashboard/activiteit.html", context)


# --------------------------------------------------------------------------
# Per ministerie


@publiek
@_met_400
def ministeries(request):
    c = _cijfers(request)
    beschikbaar = c.peildata()
    op = _peildatum(request, beschikbaar)
    per_afkorting = c.afgeleid(_ministeries, op) if op else {}
    p = _peildatum_param(op, beschikbaar)
    lijst = [
        {
            "ministerie": per_afkorting[afkorting],
            "k": cijfers,
            "url": reverse("dashboard:ministerie", args=[per_afkorting[afkorting]["code"]]) + (f"?peildatum={p}" if p else ""),
            "lijst_url": _lijst_url(ministerie=per_afkorting[afkorting]["code"], peildatum=p),
        }
        for (afkorting, _naam), cijfers in (c.afgeleid(selectors.per_ministerie, op) if op else {}).items()
    ]
    totaal = c.afgeleid(selectors.kerncijfers, op) if op else selectors.kerncijfers([])
    context = {"beschikbaar": beschikbaar, "peildatum": op, "lijst": lijst, "totaal": totaal}
    return render(request, "dashboard/ministeries.html", context)


def _trendgrafieken(code: str, naam: str, trend: list) -> list[dict]:
    if not trend:
        return []
    periode = {"van": trend[0][0].strftime("%d-%m-%Y"), "tot": trend[-1][0].strftime("%d-%m-%Y"), "n": len(trend), "naam": naam}
    actueel = [
        Punt(
            datum=p,
            waarde=float(k.som_actueel / MILJOEN),
            tekst=_("Peildatum %(p)s: actuele schatting %(b)s mln euro") % {"p": p.strftime("%d-%m-%Y"), "b": mln_opmaak(k.som_actueel)},
        )
        for p, k in trend
    ]
    initieel = [
        Punt(
            datum=p,
            waarde=float(k.som_initieel / MILJOEN),
            tekst=_("Peildatum %(p)s: initiële schatting %(b)s mln euro") % {"p": p.strftime("%d-%m-%Y"), "b": mln_opmaak(k.som_initieel)},
        )
        for p, k in trend
    ]
    alternatief = _("Alle waarden staan in de tabel 'Trend per peildatum' onder de grafieken.")
    kosten = lijngrafiek(
        id=f"trend-kosten-{code}",
        titel=_("Totale actuele en initiële schatting per peildatum, in miljoenen euro"),
        beschrijving=_(
            "%(naam)s, %(n)s peildata van %(van)s tot %(tot)s. Laatste peildatum: actueel %(act)s, initieel %(init)s mln euro. %(alt)s"
        )
        % {**periode, "act": mln_opmaak(trend[-1][1].som_actueel), "init": mln_opmaak(trend[-1][1].som_initieel), "alt": alternatief},
        punten=actueel,
        referentie=initieel,
        lijn_label=_("Totaal actuele schatting"),
        referentie_label=_("Totaal initiële schatting"),
        eenheid=_("mln euro"),
    )
    aantallen = staafgrafiek(
        id=f"trend-aantal-{code}",
        titel=_("Aantal ICT-activiteiten per peildatum"),
        beschrijving=_("%(naam)s: aantal gepubliceerde ICT-activiteiten op elk van %(n)s peildata. %(alt)s")
        % {**periode, "alt": alternatief},
        labels=[p.strftime("%d-%m-%Y") for p, _k in trend],
        reeksen=[(_("Totaal"), [k.aantal for _p, k in trend]), (_("Lopend"), [k.lopend for _p, k in trend])],
    )
    grafieken = []
    if kosten:
        grafieken.append({"kop": _("Kosten: totale actuele schatting tegenover de totale initiële schatting"), "svg": kosten})
    if aantallen:
        grafieken.append({"kop": _("Aantal ICT-activiteiten"), "svg": aantallen})
    return grafieken


@publiek
@_met_400
def ministerie(request, code: str):
    m = get_object_or_404(Ministerie, code=code)
    c = _cijfers(request)
    beschikbaar = c.peildata()
    op = _peildatum(request, beschikbaar)
    rijen = c.rijen(op, ministerie=m) if op else []
    trend = c.trend(ministerie=m) if beschikbaar else []
    van, tot = vergelijkingsperiode(request, beschikbaar, op)
    verschil = c.vergelijking(van, tot, ministerie=m) if van and tot else None
    p = _peildatum_param(op, beschikbaar)
    # The activities themselves, paginated as the list (a ministerie has up to a few hundred).
    pagina = Paginator(rijen, PAGINA_GROOTTE).get_page(request.GET.get("page"))
    zonder_pagina = [(k, v) for k, waarden in request.GET.lists() if k != "page" for v in waarden]
    trendrijen = []
    vorige = None
    for peil, k in trend:
        trendrijen.append({"peildatum": peil, "k": k, "verschil_actueel": (k.som_actueel - vorige.som_actueel) if vorige else None})
        vorige = k
    context = {
        "ministerie": m,
        "beschikbaar": beschikbaar,
        "peildatum": op,
        "k": c.afgeleid(selectors.kerncijfers, op, ministerie=m) if op else selectors.kerncijfers([]),
        "rijen": [_lijstrij(r) for r in pagina.object_list],
        "page_obj": pagina,
        "querystring_zonder_pagina": ("&" + urlencode(zonder_pagina)) if zonder_pagina else "",
        "trend": trendrijen,
        "grafieken": _trendgrafieken(m.code, m.naam, trend),
        "van": van,
        "tot": tot,
        "verschil": vergelijking_context(verschil) if verschil else None,
        "lijst_url": _lijst_url(ministerie=m.code, peildatum=p),
        "peildatum_param": p,
    }
    return render(request, "dashboard/ministerie.html", context)


def vergelijkingsperiode(request, beschikbaar: list[datetime.date], op: datetime.date | None):
    """The comparison's ?van=&tot= (published peildata), default the two newest up to ``op``; ``Ongeldig`` when van >= tot."""
    tot = _datum(request.GET["tot"], "tot", beschikbaar) if request.GET.get("tot") else op
    eerder = [d for d in beschikbaar if tot and d < tot]
    van = _datum(request.GET["van"], "van", beschikbaar) if request.GET.get("van") else (eerder[0] if eerder else None)
    if van and tot and van >= tot:
        raise Ongeldig(
            _("De peildatum 'van' (%(van)s) moet vóór 'tot' (%(tot)s) liggen.") % {"van": van.isoformat(), "tot": tot.isoformat()}
        )
    return van, tot


def vergelijking_context(v: selectors.Vergelijking) -> dict:
    def paar(o, n):
        return {
            "oud": o,
            "nieuw": _lijstrij(n),
            "verschil": (n["actueel_totaal"] or 0) - (o["actueel_totaal"] or 0),
            "einddatum_verschoven": o["actuele_einddatum"] != n["actuele_einddatum"],
        }

    return {
        "van": v.van,
        "tot": v.tot,
        "nieuw": [_lijstrij(r) for r in v.nieuw],
        "afgerond": [_lijstrij(r) for r in v.afgerond],
        "geannuleerd": [_lijstrij(r) for r in v.geannuleerd],
        "herijkt": [paar(o, n) for o, n in v.herijkt],
        "verdwenen": [_lijstrij(r) for r in v.verdwenen],
        "kostenverschil": v.kostenverschil,
        "per_activiteit": [paar(o, n) for o, n in v.per_activiteit[:GROOTSTE_VERSCHILLEN]],
        "per_activiteit_meer": max(0, len(v.per_activiteit) - GROOTSTE_VERSCHILLEN),
    }


# --------------------------------------------------------------------------
# Charts


EINDDATUM_LABELS = {
    "eerder": gettext_lazy("Eerder"),
    "ongewijzigd": gettext_lazy("Ongewijzigd"),
    "later_tot_1_jaar": gettext_lazy("Later, hoogstens 1 jaar"),
    "later_meer_dan_1_jaar": gettext_lazy("Later, meer dan 1 jaar"),
    selectors.ONBEKEND: gettext_lazy("Onbekend"),
}


def _kostenklasse_label(naam: str) -> str:
    return _("Onbekend") if naam == selectors.ONBEKEND else _("%(k)s mln euro") % {"k": naam}


def grafiekenset(bereken, ministeries: dict[str, dict], p: str | None) -> list[dict]:
    """Every chart of the charts page: {id, kop, svg, kolommen, rijen (label, url, values...)}; the table holds the same numbers.

    ``bereken(functie)`` gives ``functie(rows)`` for a selector function (memoised
    by the page; for plain rows pass ``lambda f: f(rijen)``).
    """
    grafieken = []

    def grafiek(id_, kop, uitleg, labels, reeksen, *, urls=None, eenheid="", decimalen=0):
        decimalen = decimalen if isinstance(decimalen, list) else [decimalen] * len(reeksen)
        svg = staafgrafiek(
            id=f"grafiek-{id_}",
            titel=kop,
            beschrijving=f"{uitleg} {_('De tabel onder de grafiek bevat dezelfde cijfers.')}",
            labels=[str(label) for label in labels],
            reeksen=reeksen,
            eenheid=eenheid,
            decimalen=decimalen,
        )
        grafieken.append(
            {
                "id": id_,
                "kop": kop,
                "uitleg": uitleg,
                "svg": svg,
                "kolommen": [naam for naam, _w in reeksen],
                "rijen": [
                    {
                        "label": label,
                        "url": urls[i] if urls else None,
                        "waarden": [ws[i] for _naam, ws in reeksen],
                        "cellen": [(ws[i], d) for (_naam, ws), d in zip(reeksen, decimalen)],
                    }
                    for i, label in enumerate(labels)
                ],
            }
        )

    klassen = bereken(selectors.kostenklassen)
    grafiek(
        "kostenklassen",
        _("ICT-activiteiten per kostenklasse"),
        _("Aantal ICT-activiteiten per klasse van de actuele schatting van de meerjarige kosten."),
        [_kostenklasse_label(n) for n in klassen],
        [(_("Aantal"), list(klassen.values()))],
    )
    eind = bereken(selectors.einddatum_verandering)
    grafiek(
        "einddatum",
        _("Einddatum ten opzichte van de initiële schatting"),
        _("Aantal ICT-activiteiten waarvan de actuele einddatum eerder, gelijk of later is dan de initiële."),
        [EINDDATUM_LABELS[n] for n in eind],
        [(_("Aantal"), list(eind.values()))],
        urls=[_lijst_url(vertraging=n, peildatum=p) for n in eind],
    )
    redenen = bereken(selectors.herijkingen_per_reden)
    grafiek(
        "redenen",
        _("Herijkingen per reden"),
        _("Alle herijkingen sinds de start van de ICT-activiteiten op deze peildatum, per reden (een herijking kan meer redenen hebben)."),
        list(redenen),
        [(_("Aantal herijkingen"), list(redenen.values()))],
    )
    jaren = bereken(selectors.gestart_en_beeindigd_per_jaar)
    grafiek(
        "jaren",
        _("Gestart en beëindigd per jaar"),
        _("Aantal ICT-activiteiten per jaar: gestart (startdatum), afgerond en geannuleerd (actuele einddatum)."),
        [str(j) for j in jaren],
        [
            (_("Gestart"), [v["gestart"] for v in jaren.values()]),
            (_("Afgerond"), [v["afgerond"] for v in jaren.values()]),
            (_("Geannuleerd"), [v["geannuleerd"] for v in jaren.values()]),
        ],
    )
    per_m = bereken(selectors.per_ministerie)
    grafiek(
        "ministeries",
        _("Per ministerie"),
        _("Aantal ICT-activiteiten en de totale actuele schatting (mln euro) per ministerie."),
        [afk for afk, _n in per_m],
        [
            (_("Aantal"), [k.aantal for k in per_m.values()]),
            (_("Actuele schatting (mln euro)"), [selectors.mln(k.som_actueel) for k in per_m.values()]),
        ],
        urls=[_lijst_url(ministerie=ministeries[afk]["code"], peildatum=p) for afk, _n in per_m],
        decimalen=[0, 1],
    )
    per_o = bereken(selectors.per_onderwerp)
    grafiek(
        "onderwerpen",
        _("Per onderwerp"),
        _("Aantal ICT-activiteiten en de totale actuele schatting (mln euro) per onderwerp."),
        [_("Onbekend") if o == selectors.ONBEKEND else o for o in per_o],
        [
            (_("Aantal"), [k.aantal for k in per_o.values()]),
            (_("Actuele schatting (mln euro)"), [selectors.mln(k.som_actueel) for k in per_o.values()]),
        ],
        urls=[_lijst_url(onderwerp=o, peildatum=p) for o in per_o],
        decimalen=[0, 1],
    )
    return grafieken


@publiek
@_met_400
def grafieken(request):
    c = _cijfers(request)
    beschikbaar = c.peildata()
    op = _peildatum(request, beschikbaar)
    rijen = c.rijen(op) if op else []
    p = _peildatum_param(op, beschikbaar)
    context = {
        "beschikbaar": beschikbaar,
        "peildatum": op,
        "aantal": len(rijen),
        "grafieken": grafiekenset(lambda functie: c.afgeleid(functie, op), c.afgeleid(_ministeries, op), p) if rijen else [],
    }
    return render(request, "dashboard/grafieken.html", context)


# --------------------------------------------------------------------------
# Open data


@publiek
def open_data(request):
    context = {
        "beschikbaar": selectors.peildata(),
        "velden": opendata.velddocumentatie(),
        "formaten": opendata.FORMATEN,
        "licentie": opendata.LICENTIE,
    }
    return render(request, "dashboard/open_data.html", context)


def _export_peildatum(request) -> tuple[list[datetime.date], datetime.date | None]:
    c = _cijfers(request)
    beschikbaar = c.peildata()
    return beschikbaar, _peildatum(request, beschikbaar)


def _versie_alle(request, formaat):
    try:
        beschikbaar, op = _export_peildatum(request)
    except Ongeldig:
        return None, None  # the view answers 400
    if formaat not in opendata.FORMATEN or op is None:
        return None, None
    return opendata.etag(op, formaat, _cijfers(request).stempel), selectors.laatst_gepubliceerd(op)


@conditional(_versie_alle)
@publiek
@_met_400
def export_alle(request, formaat: str):
    if formaat not in opendata.FORMATEN:
        raise Http404
    beschikbaar, op = _export_peildatum(request)
    if op is None:
        raise Http404(_("Er zijn nog geen gegevens gepubliceerd."))
    return opendata.response(opendata.alle(op), formaat, op, f"ict-activiteiten-{op.isoformat()}")


def _versie_een(request, nummer, formaat):
    try:
        beschikbaar, op = _export_peildatum(request)
    except Ongeldig:
        return None, None
    if formaat not in opendata.FORMATEN_PER_ACTIVITEIT or op is None:
        return None, None
    return opendata.etag(op, formaat, _cijfers(request).stempel, nummer=nummer), selectors.laatst_gepubliceerd(
        op, activiteit__nummer=nummer
    )


@conditional(_versie_een)
@publiek
@_met_400
def export_activiteit(request, nummer: int, formaat: str):
    if formaat not in opendata.FORMATEN_PER_ACTIVITEIT:
        raise Http404
    beschikbaar, op = _export_peildatum(request)
    versie = leesmodel.gepubliceerde_versie(nummer, op) if op else None
    if versie is None:
        raise Http404(_("Er is geen gepubliceerde ICT-activiteit met dit nummer."))
    return opendata.response([opendata.rij(versie)], formaat, op, f"ict-activiteit-{nummer}-{op.isoformat()}")


# --------------------------------------------------------------------------
# Other pages


@publiek
def toegankelijkheid(request):
    return render(request, "dashboard/toegankelijkheid.html")


@publiek
def kwetsbaarheid(request):
    """Coordinated vulnerability disclosure: how to report a weakness (the Policy of security.txt)."""
    return render(request, "dashboard/kwetsbaarheid.html", {"contact": settings.SECURITY_TXT_CONTACT})


@never_cache
@require_GET
def taal(request, code: str):
    """Switch the language with a link, so public pages need no form and no CSRF token (and can be cached).

    Only a language of settings.LANGUAGES is accepted and ``next`` must be on
    this site. Changing the language is the only effect, and a cross-site
    request (``Sec-Fetch-Site: cross-site``) is answered with the redirect
    alone, so another site cannot switch it for a visitor.
    """
    volgende = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        volgende = "/"
    response = HttpResponseRedirect(volgende)
    if code in dict(settings.LANGUAGES) and check_for_language(code) and request.headers.get("Sec-Fetch-Site") != "cross-site":
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
        )
    return response
