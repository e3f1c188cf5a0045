"""Rijksbreed: what changed between two peildata (issue 18; until now only per ministerie).

The same comparison as on a ministry's page (``selectors.vergelijking``, memoised by
``Cijfers``) over all published activities: new, completed, cancelled and re-baselined
activities and the cost differences, with a table per ministerie whose figures are
those of each ministry's own page, so the two never disagree.
"""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from cio_stelsel.models import Ministerie

from .cache import publiek
from .views import _cijfers, _met_400, _peildatum, _peildatum_param, vergelijking_context, vergelijkingsperiode


@publiek
@_met_400
def vergelijken(request):
    c = _cijfers(request)
    beschikbaar = c.peildata()
    op = _peildatum(request, beschikbaar)
    van, tot = vergelijkingsperiode(request, beschikbaar, op)
    verschil = c.vergelijking(van, tot) if van and tot else None
    per_ministerie = []
    if verschil:
        codes = {r["ministerie__code"] for r in c.rijen(van) + c.rijen(tot)}
        for m in Ministerie.objects.filter(code__in=codes).order_by("naam"):
            v = c.vergelijking(van, tot, ministerie=m)
            per_ministerie.append(
                {
                    "naam": m.naam,
                    "url": reverse("dashboard:ministerie", args=[m.code])
                    + "?"
                    + urlencode({"van": van.isoformat(), "tot": tot.isoformat()})
                    + "#vergelijking",
                    "nieuw": len(v.nieuw),
                    "afgerond": len(v.afgerond),
                    "geannuleerd": len(v.geannuleerd),
                    "herijkt": len(v.herijkt),
                    "kostenverschil": v.kostenverschil,
                }
            )
    context = {
        "beschikbaar": beschikbaar,
        "peildatum": op,
        "van": van,
        "tot": tot,
        "verschil": vergelijking_context(verschil) if verschil else None,
        "per_ministerie": per_ministerie,
        "peildatum_param": _peildatum_param(op, beschikbaar),
    }
    return render(request, "dashboard/vergelijken.html", context)
