"""Pages for bulk import and export of ICT-activiteiten (format: portfolio/uitwisseling/).

Upload → dry run (every error by row, column and reason, or what will happen)
→ confirm. The uploaded file is kept server-side between dry run and confirm,
under ``MEDIA_ROOT/imports/<uuid>`` with a small JSON file of who uploaded it;
only that user can see or confirm it, and it is checked again on confirm.
Files older than a day are removed at the next upload (``importbestanden``).
A file of more than ``SYNCHROON_MAX_RIJEN`` rows is imported after the confirm
by a Celery task (``uitwisseling_taken``); its status page is ``import_taak``.
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from cio_stelsel.forms import ToegankelijkFormMixin
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht

from . import importbestanden, uitwisseling, uitwisseling_taken
from .models import IctActiviteit, Importtaak

MAX_GROOTTE = 20 * 1024 * 1024
# Up to this many rows to change, the dry run also tries the import through the services and rolls it
# back (finding what only the services check, such as the start gate); a larger file takes too long
# for one request, then that part of the check happens on confirm (still all or nothing).
PROEF_MAX_RIJEN = 500
# A file with more rows is imported by a Celery task (portfolio/uitwisseling_taken.py) after the confirm: the
# services take up to a tenth of a second per row, and a web request must not run for minutes.
SYNCHROON_MAX_RIJEN = 100
FORMATEN = {
    "csv": ("text/csv; charset=utf-8", uitwisseling.naar_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", uitwisseling.naar_xlsx),
}


class ImportForm(ToegankelijkFormMixin, forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Bestand"),
        help_text=gettext_lazy("Een .xlsx- of .csv-bestand in het exportformaat van het Rijks ICT-dashboard, hoogstens 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    peildatum = forms.DateField(
        label=gettext_lazy("Peildatum voor nieuwe rapportages"),
        required=False,
        help_text=gettext_lazy(
            "Alleen nodig als het bestand geen kolom 'Peildatum actueel' heeft of die leeg is bij gewijzigde cijfers, "
            "bijvoorbeeld 31-12 van het verslagjaar."
        ),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_GROOTTE:
            raise forms.ValidationError(_("Het bestand is groter dan 20 MB; splits het in kleinere bestanden."))
        if not bestand.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Alleen .csv- en .xlsx-bestanden kunnen worden ingelezen."))
        return bestand


def _vereist_invoerrecht(user) -> None:
    if scope(user, Recht.PORTFOLIO_BEWERKEN).leeg:
        raise PermissionDenied(_("U heeft geen recht om ICT-activiteiten in te voeren of te wijzigen."))


@login_required
@require_http_methods(["GET", "POST"])
def importeren(request):
    _vereist_invoerrecht(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        inhoud = bestand.read()
        try:
            uitwisseling.inlezen(inhoud, bestand.name)
        except uitwisseling.OngeldigBestand as exc:
            form.add_error("bestand", str(exc))
        else:
            sleutel = importbestanden.opslaan(request.user, inhoud, bestand.name, form.cleaned_data["peildatum"])
            return redirect("portfolio:import_bevestigen", sleutel=sleutel)
    recent = Importtaak.objects.filter(gebruiker=request.user)[:10]
    return render(request, "portfolio/import_upload.html", {"form": form, "kolommen": uitwisseling.KOLOMDEFINITIES, "recent": recent})


@login_required
@require_http_methods(["GET", "POST"])
def import_bevestigen(request, sleutel):
    """GET: the dry run of a stored file. POST: check again and import it (all or nothing)."""
    _vereist_invoerrecht(request.user)
    if Importtaak.objects.filter(pk=sleutel, gebruiker=request.user, status__in=Importtaak.LOPEND).exists():
        return redirect("portfolio:import_taak", sleutel=sleutel)  # confirmed already: its import runs in the background
    inhoud, meta = importbestanden.laden(request.user, sleutel)
    peildatum = datetime.date.fromisoformat(meta["peildatum"]) if meta.get("peildatum") else None
    try:
        rijen = uitwisseling.inlezen(inhoud, meta["naam"])
    except uitwisseling.OngeldigBestand as exc:
        importbestanden.verwijderen(sleutel)
        messages.error(request, str(exc))
        return redirect("portfolio:import")
    op_achtergrond = len(rijen) > SYNCHROON_MAX_RIJEN
    if request.method == "POST" and op_achtergrond:
        uitwisseling_taken.import_inplannen(
            actor=request.user, sleutel=sleutel, bestandsnaam=meta["naam"], peildatum=peildatum, aantal_rijen=len(rijen)
        )
        return redirect("portfolio:import_taak", sleutel=sleutel)
    if request.method == "POST":
        resultaat = uitwisseling.importeren(rijen, request.user, bestandsnaam=meta["naam"], peildatum=peildatum)
        if resultaat.uitgevoerd:
            importbestanden.verwijderen(sleutel)
            messages.success(
                request,
                _("%(naam)s is geïmporteerd: %(nieuw)s nieuw, %(bijgewerkt)s bijgewerkt, %(ongewijzigd)s ongewijzigd.")
                % {
                    "naam": meta["naam"],
                    "nieuw": resultaat.nieuw,
                    "bijgewerkt": resultaat.bijgewerkt,
                    "ongewijzigd": resultaat.ongewijzigd,
                },
            )
            return redirect("portfolio:import")
        controle, fouten, mislukt, proef_gedaan = resultaat.controle, resultaat.fouten, True, True
    else:
        controle = uitwisseling.controleren(rijen, request.user, peildatum=peildatum)
        fouten, mislukt = controle.fouten, False
        proef_gedaan = False
        if controle.te_doen and sum(1 for r in controle.rijen if r.stappen) <= PROEF_MAX_RIJEN:
            # What only the services find (the start gate, for instance): a trial run that is rolled back.
            proef = uitwisseling.importeren(rijen, request.user, bestandsnaam=meta["naam"], peildatum=peildatum, proef=True)
            controle, fouten, proef_gedaan = proef.controle, proef.fouten, True
    context = {
        "naam": meta["naam"],
        "peildatum": peildatum,
        "sleutel": sleutel,
        "controle": controle,
        "fouten": fouten,
        "mislukt": mislukt,
        "proef_gedaan": proef_gedaan,
        "wijzigingen": [r for r in controle.rijen if r.stappen and not r.fout],
        "op_achtergrond": op_achtergrond,
    }
    return render(request, "portfolio/import_controle.html", context, status=422 if mislukt else 200)


@login_required
@require_GET
def import_taak(request, sleutel):
    """The status of a background import (only for the user who started it); ``?formaat=json`` for the page's script."""
    taak = get_object_or_404(Importtaak, pk=sleutel, gebruiker=request.user)
    if request.GET.get("formaat") == "json":
        response = JsonResponse(
            {
                "status": taak.status,
                "status_label": str(taak.get_status_display()),
                "lopend": taak.is_lopend,
                "gereed": taak.status == Importtaak.Status.GESLAAGD,
                "mislukt": taak.status == Importtaak.Status.MISLUKT,
                "nieuw": taak.nieuw,
                "bijgewerkt": taak.bijgewerkt,
                "ongewijzigd": taak.ongewijzigd,
                "aantal_fouten": len(taak.fouten),
                "foutmelding": taak.foutmelding,
                "voortgang": uitwisseling_taken.voortgang_van(taak),
            }
        )
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "portfolio/import_taak.html", {"taak": taak, "voortgang": uitwisseling_taken.voortgang_van(taak)})


@login_required
@require_GET
def exporteren(request):
    """The user's own portfolio (IctActiviteit.objects.zichtbaar_voor) as CSV or XLSX, in the import format."""
    formaat = request.GET.get("format", "xlsx")
    if formaat not in FORMATEN:
        return HttpResponseBadRequest(_("Onbekend formaat: kies csv of xlsx."))
    if scope(request.user, Recht.PORTFOLIO_INZIEN).leeg:
        raise PermissionDenied(_("U heeft geen portfolio om te exporteren."))
    content_type, schrijf = FORMATEN[formaat]
    rijen = uitwisseling.exporteren(IctActiviteit.objects.zichtbaar_voor(request.user))
    response = HttpResponse(schrijf(rijen), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="ict-activiteiten-{timezone.localdate():%Y-%m-%d}.{formaat}"'
    response["Cache-Control"] = "no-store"
    return response
