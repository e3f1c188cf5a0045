"""The public I-plan pages: the openbare informatieplannen per ministerie, without log-in.

They read only through the read model ``openbaar`` (vastgestelde plans the minister made openbaar, and
only their public fields); a plan that is not public is a 404, the same as one that does not exist.
The PDF is the stored document (``pdf.pdf_maken``); when it is not stored yet, it is rendered and stored
once, in the request that first asks for it.
"""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import openbaar, pdf


@require_safe
def lijst(request):
    return render(request, "informatieplannen/publiek/lijst.html", {"ministeries": openbaar.ministeries_met_plan()})


@require_safe
def ministerie(request, code):
    m = openbaar.ministerie(code)
    if m is None:
        raise Http404
    plannen = openbaar.openbare_plannen(ministerie_code=code)
    plan = openbaar.openbaar_plan(plannen[0].pk) if plannen else None
    return render(request, "informatieplannen/publiek/ministerie.html", {"ministerie": m, "plan": plan, "eerdere": plannen[1:]})


@require_safe
def plan_pdf(request, code, pk):
    plan = next((p for p in openbaar.openbare_plannen(ministerie_code=code) if p.pk == pk), None)
    if plan is None:
        raise Http404
    bestand = openbaar.pdf_bestand(pk)
    if bestand is None:
        pdf.pdf_maken(pk)
        bestand = openbaar.pdf_bestand(pk)
    naam = f"informatieplan-{plan.ministerie_code}-{plan.periode_van}-{plan.periode_tot}-v{plan.volgnummer}.pdf"
    return FileResponse(bestand.open("rb"), as_attachment=True, filename=naam, content_type="application/pdf")
