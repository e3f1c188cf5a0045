"""The reporting cycle (issue 12): where each peildatum stands per ministerie, and the CIO Rijk's bulk publication.

The cycle view (``cyclus``) shows the due peildatum and the ones before it
(``portfolio.kalender``); the CIO signs off a whole ministry's peildatum on the
existing confirmation page (``publicatie_views.aftekenen``, all concept
versions, with their list); the CIO Rijk publishes several ministries at once
here (``peildatum_publiceren``) after a confirmation listing exactly what goes
public.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from . import kalender, services
from .models import ActiviteitVersie
from .publicatie_selectors import VersieStatus
from .publicatie_views import _mag_publiceren, _mln


@login_required
def cyclus(request):
    """The due peildatum and the ones before it: per ministerie the counts, deadlines and what each role does next."""
    op = timezone.localdate()
    return render(
        request,
        "portfolio/cyclus.html",
        {
            "tabellen": kalender.cyclus(request.user, op),
            "vandaag": op,
            "kan_publiceren": _mag_publiceren(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def peildatum_publiceren(request, peildatum: datetime.date):
    """GET: the confirmation listing per ministerie the signed-off versions that will go public
    (narrowed with ``?ministerie=``); POST: publish exactly the listed versions (B15, art 16.3)."""
    if not _mag_publiceren(request.user):
        raise PermissionDenied(_("Alleen de CIO Rijk publiceert dashboardgegevens (B15, art 16.3)."))
    terug = reverse("portfolio:cyclus")
    pd = peildatum.strftime("%d-%m-%Y")
    if request.method == "POST":
        try:
            pks = {int(pk) for pk in request.POST.getlist("versie")}
        except ValueError:
            pks = set()
        if not pks:
            messages.error(request, _("Er zijn geen versies gekozen om te publiceren."))
            return redirect(request.path)
        try:
            gedaan = services.peildatum_publiceren(
                actor=request.user, peildatum=peildatum, versies=list(ActiviteitVersie.objects.filter(pk__in=pks))
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(request.path)
        n = sum(len(v) for v in gedaan.values())
        messages.success(
            request,
            ngettext(
                "%(n)s versie van %(m)s is gepubliceerd voor peildatum %(pd)s.",
                "%(n)s versies van %(m)s zijn gepubliceerd voor peildatum %(pd)s.",
                n,
            )
            % {"n": n, "m": ", ".join(m.afkorting for m in gedaan), "pd": pd},
        )
        return redirect(terug)

    alle = list(
        ActiviteitVersie.objects.filter(peildatum=peildatum, status=VersieStatus.GECONTROLEERD)
        .select_related("activiteit", "ministerie", "gecontroleerd_door__persoon")
        .order_by("ministerie__naam", "naam", "versienummer")
    )
    beschikbaar = sorted({v.ministerie for v in alle}, key=lambda m: m.naam)
    try:
        gekozen_ids = {int(i) for i in request.GET.getlist("ministerie")}
    except ValueError:
        gekozen_ids = set()
    gekozen_ids = gekozen_ids or {m.pk for m in beschikbaar}
    groepen = []
    for m in beschikbaar:
        if m.pk not in gekozen_ids:
            continue
        versies = [v for v in alle if v.ministerie_id == m.pk]
        for v in versies:
            v.actueel_mln = _mln(v.actueel_totaal)
        groepen.append({"ministerie": m, "versies": versies})
    if not alle:
        messages.info(request, _("Er zijn geen gecontroleerde versies voor peildatum %(pd)s om te publiceren.") % {"pd": pd})
        return redirect(terug)
    versies = [v for g in groepen for v in g["versies"]]
    return render(
        request,
        "portfolio/peildatum_publiceren.html",
        {
            "peildatum": peildatum,
            "groepen": groepen,
            "versies": versies,
            "beschikbaar": beschikbaar,
            "gekozen_ids": gekozen_ids,
            "weggelaten": [v for v in versies if v.gegevens.get("weggelaten")],
            "annuleer_url": terug,
        },
    )
