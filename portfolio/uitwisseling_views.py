"""Pages for bulk import and export of ICT-activiteiten (format: portfolio/uitwisseling.py).

Upload → dry run (every error by row, column and reason, or what will happen)
→ confirm. The uploaded file is kept server-side between dry run and confirm,
under ``MEDIA_ROOT/imports/<uuid>`` with a small JSON file of who uploaded it;
only that user can see or confirm it, and it is checked again on confirm.
Files older than a day are removed at the next upload.
"""

import datetime
import json
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from cio_stelsel.forms import ToegankelijkFormMixin
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht

from . import uitwisseling
from .models import IctActiviteit

MAX_GROOTTE = 20 * 1024 * 1024
# Up to this many rows to change, the dry run also tries the import through the services and rolls it
# back (finding what only the services check, such as the start gate); a larger file takes too long
# for one request, then that part of the check happens on confirm (still all or nothing).
PROEF_MAX_RIJEN = 500
BEWAARTIJD_S = 24 * 60 * 60
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


def _map() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def _opruimen() -> None:
    grens = time.time() - BEWAARTIJD_S
    for pad in _map().glob("*"):
        try:
            if pad.stat().st_mtime < grens:
                pad.unlink()
        except OSError:
            pass


def _opslaan(user, inhoud: bytes, naam: str, peildatum: datetime.date | None) -> uuid.UUID:
    _opruimen()
    _map().mkdir(parents=True, exist_ok=True)
    sleutel = uuid.uuid4()
    (_map() / sleutel.hex).write_bytes(inhoud)
    meta = {"user": user.pk, "naam": Path(naam).name[:200], "peildatum": peildatum.isoformat() if peildatum else None,
            "geupload": timezone.now().isoformat()}
    (_map() / f"{sleutel.hex}.json").write_text(json.dumps(meta), encoding="utf-8")
    return sleutel


def _laden(user, sleutel: uuid.UUID) -> tuple[bytes, dict]:
    """The stored file and its metadata; 404 for anyone but the user who uploaded it."""
    try:
        meta = json.loads((_map() / f"{sleutel.hex}.json").read_text(encoding="utf-8"))
        inhoud = (_map() / sleutel.hex).read_bytes()
    except (OSError, ValueError):
        raise Http404(_("Dit importbestand bestaat niet (meer). Upload het opnieuw.")) from None
    if meta.get("user") != user.pk:
        raise Http404(_("Dit importbestand bestaat niet (meer). Upload het opnieuw."))
    return inhoud, meta


def _verwijderen(sleutel: uuid.UUID) -> None:
    for pad in (_map() / sleutel.hex, _map() / f"{sleutel.hex}.json"):
        pad.unlink(missing_ok=True)


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
            sleutel = _opslaan(request.user, inhoud, bestand.name, form.cleaned_data["peildatum"])
            return redirect("portfolio:import_bevestigen", sleutel=sleutel)
    return render(request, "portfolio/import_upload.html", {"form": form, "kolommen": uitwisseling.KOLOMDEFINITIES})


@login_required
@require_http_methods(["GET", "POST"])
def import_bevestigen(request, sleutel):
    """GET: the dry run of a stored file. POST: check again and import it (all or nothing)."""
    _vereist_invoerrecht(request.user)
    inhoud, meta = _laden(request.user, sleutel)
    peildatum = datetime.date.fromisoformat(meta["peildatum"]) if meta.get("peildatum") else None
    try:
        rijen = uitwisseling.inlezen(inhoud, meta["naam"])
    except uitwisseling.OngeldigBestand as exc:
        _verwijderen(sleutel)
        messages.error(request, str(exc))
        return redirect("portfolio:import")
    if request.method == "POST":
        resultaat = uitwisseling.importeren(rijen, request.user, bestandsnaam=meta["naam"], peildatum=peildatum)
        if resultaat.uitgevoerd:
            _verwijderen(sleutel)
            messages.success(
                request,
                _("%(naam)s is geïmporteerd: %(nieuw)s nieuw, %(bijgewerkt)s bijgewerkt, %(ongewijzigd)s ongewijzigd.")
                % {"naam": meta["naam"], "nieuw": resultaat.nieuw, "bijgewerkt": resultaat.bijgewerkt, "ongewijzigd": resultaat.ongewijzigd},
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
    }
    return render(request, "portfolio/import_controle.html", context, status=422 if mislukt else 200)


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
