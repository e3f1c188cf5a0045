"""Pages of the Jaarrapportage (B16): list, start, progress, downloads, finalize; and the public list of final reports.

Reads go through ``Jaarrapportage.objects.zichtbaar_voor(user)`` (the CIO Rijk
sees all, other logged-in users the definitief ones) or ``.definitief()`` for
the public pages; every change through ``jaarrapportage_services``. Files are
served as stored: a report is never recomputed when it is read.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import jaarrapportage_services as services
from .jaarrapportage_forms import DefinitiefOnvolledigForm, JaarForm
from .jaarrapportage_gegevens import peildatum_van
from .models import Jaarrapportage
from .volledigheid import STATUSLABELS, ministeries_onvolledig, volledigheid

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Large columns, read only where needed: the stored HTML (megabytes for thousands of activities) and the inputs.
GROOT = ("html", "invoer")


def _rapport(request, pk, *uitstellen: str) -> Jaarrapportage:
    return get_object_or_404(
        Jaarrapportage.objects.zichtbaar_voor(request.user)
        .select_related("gestart_door__persoon", "definitief_door__persoon")
        .defer(*uitstellen),
        pk=pk,
    )


def _jaren() -> list[int]:
    """The years the CIO Rijk can start: with published data, and not final yet."""
    definitief = set(Jaarrapportage.objects.definitief().values_list("jaar", flat=True))
    return [j for j in services.beschikbare_jaren() if j not in definitief]


def _gereed(rapport: Jaarrapportage) -> Jaarrapportage:
    if not rapport.is_gereed:
        raise Http404(_("Deze jaarrapportage is nog niet gegenereerd."))
    return rapport


def _bestand(veld, naam: str, content_type: str) -> FileResponse:
    return FileResponse(veld.open("rb"), as_attachment=True, filename=naam, content_type=content_type)


def _lijst(request, form=None, status=200):
    mag = services.mag_opstellen(request.user)
    if mag and form is None:
        form = JaarForm(jaren=_jaren())
    rapporten = (
        Jaarrapportage.objects.zichtbaar_voor(request.user)
        .select_related("gestart_door__persoon", "definitief_door__persoon")
        .defer(*GROOT)
    )
    return render(
        request, "dashboard/jaarrapportage_lijst.html", {"rapporten": rapporten, "mag_opstellen": mag, "form": form}, status=status
    )


@login_required
def lijst(request):
    return _lijst(request)


@login_required
@require_POST
def starten(request):
    if not services.mag_opstellen(request.user):
        raise PermissionDenied(_("Alleen de CIO Rijk stelt de jaarrapportage op."))
    form = JaarForm(request.POST, jaren=_jaren())
    if form.is_valid():
        # Issue 12: an incomplete peildatum is shown before the generation starts; a draft may still be generated.
        v = volledigheid(peildatum_van(form.cleaned_data["jaar"]))
        if not v["volledig"] and request.POST.get("volledigheid_gezien") != "1":
            return render(
                request,
                "dashboard/jaarrapportage_volledigheid.html",
                {
                    "jaar": form.cleaned_data["jaar"],
                    "v": v,
                    "ministeries": ministeries_onvolledig(v),
                    "ontbrekend": [dict(o, status_naam=STATUSLABELS.get(o["status"], o["status"])) for o in v["ontbrekend"]],
                },
            )
        try:
            rapport = services.jaarrapportage_starten(actor=request.user, jaar=form.cleaned_data["jaar"])
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("De generatie van de jaarrapportage %(jaar)s is gestart.") % {"jaar": rapport.jaar})
            return redirect("jaarrapportage:detail", pk=rapport.pk)
    return _lijst(request, form, status=400)


@login_required
def detail(request, pk):
    rapport = _rapport(request, pk, "html")
    return render(
        request, "dashboard/jaarrapportage_detail.html", {"rapport": rapport, "mag_opstellen": services.mag_opstellen(request.user)}
    )


@login_required
@never_cache
def status(request, pk):
    """The progress as JSON, polled by static/js/voortgang.js every 2 seconds."""
    r = _rapport(request, pk, *GROOT)
    return JsonResponse(
        {
            "status": r.getoonde_status,
            "status_label": r.getoonde_status_label,
            "stap": r.stap,
            "voortgang": 100 if r.is_gereed else r.voortgang,
            "lopend": r.is_lopend,
            "gereed": r.is_gereed,
            "mislukt": r.is_mislukt,
            "verweesd": r.is_verweesd,
            "foutmelding": r.getoonde_foutmelding,
            "poging": r.poging,
        }
    )


@login_required
def pdf(request, pk):
    r = _gereed(_rapport(request, pk, *GROOT))
    return _bestand(
        r.pdf, f"jaarrapportage-{r.jaar}{'' if r.status == r.Status.DEFINITIEF else '-concept-' + str(r.pk)}.pdf", "application/pdf"
    )


@login_required
def xlsx(request, pk):
    r = _gereed(_rapport(request, pk, *GROOT))
    return _bestand(
        r.xlsx, f"jaarrapportage-{r.jaar}{'' if r.status == r.Status.DEFINITIEF else '-concept-' + str(r.pk)}-tabellen.xlsx", XLSX
    )


@login_required
def html(request, pk):
    r = _gereed(_rapport(request, pk, "invoer"))
    return render(request, "dashboard/jaarrapportage_html.html", {"rapport": r, "inhoud": mark_safe(r.html), "publiek": False})


@login_required
@require_POST
def opnieuw(request, pk):
    r = _rapport(request, pk, *GROOT)
    try:
        services.jaarrapportage_opnieuw(actor=request.user, rapport=r)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De generatie is opnieuw gestart."))
    return redirect("jaarrapportage:detail", pk=r.pk)


@login_required
@require_http_methods(["GET", "POST"])
def definitief(request, pk):
    """Confirmation step, then the CIO Rijk finalizes (audited; frozen and public afterwards)."""
    if not services.mag_opstellen(request.user):
        raise PermissionDenied(_("Alleen de CIO Rijk maakt de jaarrapportage definitief."))
    r = _rapport(request, pk, "html")
    v = (r.invoer or {}).get("volledigheid") or {}
    onvolledig = v.get("volledig") is False
    form = DefinitiefOnvolledigForm(request.POST or None) if onvolledig else None
    status = 200
    if request.method == "POST":
        beslissing = {}
        if form is not None and form.is_valid():
            beslissing = {"onvolledig_akkoord": form.cleaned_data["onvolledig_akkoord"], "motivering": form.cleaned_data["motivering"]}
        try:
            services.jaarrapportage_definitief(actor=request.user, rapport=r, **beslissing)
        except ValidationError as exc:
            if form is None or not hasattr(exc, "error_dict"):
                messages.error(request, " ".join(exc.messages))
                return redirect("jaarrapportage:detail", pk=r.pk)
            form.fouten_van(exc)
            status = 400
        else:
            messages.success(request, _("De jaarrapportage %(jaar)s is definitief en staat op het openbare dashboard.") % {"jaar": r.jaar})
            return redirect("jaarrapportage:detail", pk=r.pk)
    return render(
        request,
        "dashboard/jaarrapportage_definitief.html",
        {
            "rapport": r,
            "form": form,
            "volledigheid": v if onvolledig else None,
            "gevolgen": _(
                "De jaarrapportage %(jaar)s wordt definitief: het document wordt bevroren (het wordt niet meer opnieuw "
                "gegenereerd of gewijzigd) en is daarna voor iedereen te downloaden via het openbare dashboard."
            )
            % {"jaar": r.jaar},
            "annuleer_url": reverse("jaarrapportage:detail", args=[r.pk]),
        },
        status=status,
    )


# -- public (no log-in): the final reports only ------------------------------


def _publiek(jaar: int, *uitstellen: str) -> Jaarrapportage:
    return get_object_or_404(Jaarrapportage.objects.definitief().defer(*uitstellen), jaar=jaar)


def publiek(request):
    return render(request, "dashboard/jaarrapportage_publiek.html", {"rapporten": Jaarrapportage.objects.definitief().defer(*GROOT)})


def publiek_pdf(request, jaar):
    r = _publiek(jaar, *GROOT)
    return _bestand(r.pdf, f"jaarrapportage-{r.jaar}.pdf", "application/pdf")


def publiek_xlsx(request, jaar):
    r = _publiek(jaar, *GROOT)
    return _bestand(r.xlsx, f"jaarrapportage-{r.jaar}-tabellen.xlsx", XLSX)


def publiek_html(request, jaar):
    r = _publiek(jaar, "invoer")
    return render(request, "dashboard/jaarrapportage_html.html", {"rapport": r, "inhoud": mark_safe(r.html), "publiek": True})
