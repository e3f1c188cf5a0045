"""The public pages of the I-strategie Rijk and the toezeggingen aan de Kamer, and their open data (no log-in).

Everything comes from the public read model (``istrategie_leesmodel``): only the public fields reach these
pages and files. Query parameters are validated: an unknown ministerie or status gives a 400 page naming
the parameter and the allowed values (never a 500).
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cio_stelsel.models import Ministerie
from portfolio.grafiek import staafgrafiek

from . import istrategie_leesmodel as leesmodel
from . import istrategie_opendata as opendata
from .models import Actie, Toezegging

PAGINA_GROOTTE = 50


def _ongeldig(request, melding: str):
    return render(request, "dashboard/ongeldig.html", {"melding": melding}, status=400)


def _grafiek(boom: dict) -> dict:
    """Progress per theme: a bar per status per theme, with the same numbers as a table (the text alternative)."""
    labels = [t["naam"] for t in boom["themas"]]
    statussen = Actie.Status.choices
    reeksen = [(str(label), [t["per_status"][s] for t in boom["themas"]]) for s, label in statussen]
    return {
        "id": "voortgang-per-thema",
        "kop": _("Voortgang per thema"),
        "uitleg": _("Het aantal acties per thema naar status: niet gestart, lopend, vertraagd en afgerond."),
        "svg": staafgrafiek(
            id="voortgang-per-thema",
            titel=_("Voortgang per thema"),
            beschrijving=_("Aantal acties per thema naar status."),
            labels=labels,
            reeksen=reeksen,
        ),
        "kolommen": [str(label) for _s, label in statussen] + [_("Totaal"), _("Te laat")],
        "rijen": [
            {"label": t["naam"], "cellen": [(t["per_status"][s], 0) for s, _l in statussen] + [(t["aantal"], 0), (t["te_laat"], 0)]}
            for t in boom["themas"]
        ],
    }


@require_GET
def istrategie(request):
    s = leesmodel.strategie()
    boom = leesmodel.boom(s) if s else None
    return render(
        request,
        "informatieplannen/istrategie/publiek.html",
        {"boom": boom, "grafiek": _grafiek(boom) if boom else None, "formaten": list(opendata.FORMATEN)},
    )


@require_GET
def istrategie_export(request, formaat: str):
    s = leesmodel.strategie()
    if s is None:
        raise Http404(_("Er is nog geen I-strategie Rijk vastgelegd."))
    boom = leesmodel.boom(s)
    return opendata.response(
        rijen=opendata.actierijen(boom),
        kolommen=opendata.ACTIEKOLOMMEN,
        formaat=formaat,
        titel=f"I-strategie Rijk: acties ({s.titel})",
        sleutel="acties",
        blad="I-strategie acties",
        bestandsnaam=f"i-strategie-acties-{timezone.localdate().isoformat()}",
    )


class _Filter:
    """The validated filters of the toezeggingen list (ministerie code, status, overdue)."""

    def __init__(self, request):
        self.ministeries = list(Ministerie.objects.order_by("afkorting").values("code", "afkorting", "naam"))
        self.ministerie = request.GET.get("ministerie", "").strip()
        self.status = request.GET.get("status", "").strip()
        self.te_laat = request.GET.get("te_laat", "") in ("1", "ja", "on")
        self.fout = ""
        codes = {m["code"] for m in self.ministeries}
        if self.ministerie and self.ministerie not in codes:
            self.fout = _("Onbekend ministerie '%(w)s' voor de parameter ministerie. Kies uit: %(lijst)s.") % {
                "w": self.ministerie,
                "lijst": ", ".join(sorted(codes)) or _("geen"),
            }
        elif self.status and self.status not in Toezegging.Status.values:
            self.fout = _("Onbekende status '%(w)s' voor de parameter status. Kies uit: %(lijst)s.") % {
                "w": self.status,
                "lijst": ", ".join(Toezegging.Status.values),
            }

    def qs(self):
        return leesmodel.toezeggingen(ministerie=self.ministerie, status=self.status, te_laat=self.te_laat)


@require_GET
def toezeggingen(request):
    f = _Filter(request)
    if f.fout:
        return _ongeldig(request, f.fout)
    pagina = Paginator(f.qs(), PAGINA_GROOTTE).get_page(request.GET.get("page"))
    op = timezone.localdate()
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "informatieplannen/toezeggingen/publiek.html",
        {
            "page_obj": pagina,
            "rijen": [leesmodel.toezegging(t, op) for t in pagina.object_list],
            "filter": f,
            "statussen": Toezegging.Status.choices,
            "querystring": params.urlencode(),
            "querystring_zonder_pagina": ("&" + params.urlencode()) if params else "",
            "aantal_te_laat": leesmodel.toezeggingen(te_laat=True, op=op).count(),
            "formaten": list(opendata.FORMATEN),
        },
    )


@require_GET
def toezeggingen_export(request, formaat: str):
    f = _Filter(request)
    if f.fout:
        return _ongeldig(request, f.fout)
    op = timezone.localdate()
    return opendata.response(
        rijen=opendata.toezeggingrijen([leesmodel.toezegging(t, op) for t in f.qs()]),
        kolommen=opendata.TOEZEGGINGKOLOMMEN,
        formaat=formaat,
        titel="Moties en toezeggingen aan de Tweede Kamer",
        sleutel="toezeggingen",
        blad="Toezeggingen",
        bestandsnaam=f"toezeggingen-{op.isoformat()}",
    )
