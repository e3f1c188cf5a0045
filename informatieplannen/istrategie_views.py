"""Staff pages of the I-strategie Rijk (B26) and the register of toezeggingen aan de Kamer.

Everyone with a log-in reads them (both are public, besluit.md section 4; here with the internal fields:
progress notes, the CIO-beraad's minutes, links to ICT-activiteiten the reader may see). The CIO Rijk
maintains the structure, records the yearly update and registers commitments; the holder of an action
reports its progress; the responsible ministerie updates its commitments. Every change goes through
``istrategie`` (which checks the right and writes the audit record); a refused change answers 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods

from cio_stelsel.views import pagineer, querystring_zonder_pagina
from portfolio.models import IctActiviteit

from . import istrategie
from . import istrategie_leesmodel as leesmodel
from .istrategie_forms import (
    FORMS,
    ActualisatieForm,
    KoppelingenForm,
    StrategieForm,
    ToezeggingForm,
    ToezeggingStatusForm,
    VoortgangForm,
)
from .models import Actie, IStrategie, Maatregel, Speerpunt, Thema, Toezegging

# URL segment → (model, parent model, parent field)
SOORTEN = {
    "thema": (Thema, IStrategie, "strategie"),
    "speerpunt": (Speerpunt, Thema, "thema"),
    "maatregel": (Maatregel, Speerpunt, "speerpunt"),
    "actie": (Actie, Maatregel, "maatregel"),
}
NAMEN = {
    "thema": _l("thema"),
    "speerpunt": _l("I-speerpunt"),
    "maatregel": _l("maatregel"),
    "actie": _l("actie"),
}


def _beheerder(request) -> None:
    if not istrategie.mag_beheren(request.user):
        raise PermissionDenied(_("Alleen de CIO Rijk houdt de I-strategie Rijk en de toezeggingen bij (B26)."))


def _service(form, functie, **kwargs):
    try:
        return functie(**kwargs)
    except ValidationError as exc:
        form.fouten_van(exc)
    return None


def _formulier(request, form, titel, terug_url, toelichting=""):
    return render(
        request,
        "informatieplannen/istrategie/formulier.html",
        {"form": form, "titel": titel, "terug_url": terug_url, "toelichting": toelichting},
    )


def _overzicht_url():
    return reverse("istrategie:overzicht")


# --------------------------------------------------------------------------
# The I-strategie


@login_required
def overzicht(request):
    s = leesmodel.strategie()
    beheren = istrategie.mag_beheren(request.user)
    context = {"strategie": s, "mag_beheren": beheren}
    if s:
        themas = Thema.objects.filter(strategie=s).prefetch_related(
            "speerpunten__maatregelen__acties__houder_ministerie", "speerpunten__maatregelen__acties__houder_overlegorgaan"
        )
        context.update(
            {
                "themas": themas,
                "actualisaties": s.actualisaties.order_by("-verzonden_op"),
                "actualisatie_te_laat": istrategie.actualisatie_te_laat(s),
                "vandaag": timezone.localdate(),
            }
        )
    return render(request, "informatieplannen/istrategie/overzicht.html", context)


@login_required
def acties(request):
    """All actions, searchable and filterable (status, overdue, my own), paginated."""
    qs = Actie.objects.select_related("houder_ministerie", "houder_overlegorgaan", "maatregel__speerpunt__thema").order_by("termijn", "pk")
    zoek = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    if zoek:
        qs = qs.filter(Q(omschrijving__icontains=zoek) | Q(maatregel__omschrijving__icontains=zoek))
    if status in Actie.Status.values:
        qs = qs.filter(status=status)
    if request.GET.get("te_laat"):
        qs = qs.filter(pk__in=istrategie.acties_te_laat().values("pk"))
    if request.GET.get("eigen"):
        qs = qs.filter(pk__in=[a.pk for a in qs if istrategie.mag_voortgang_melden(request.user, a)])
    return render(
        request,
        "informatieplannen/istrategie/acties.html",
        {
            "page_obj": pagineer(request, qs),
            "querystring_zonder_pagina": querystring_zonder_pagina(request),
            "zoek": zoek,
            "status": status,
            "statussen": Actie.Status.choices,
            "te_laat": bool(request.GET.get("te_laat")),
            "eigen": bool(request.GET.get("eigen")),
            "vandaag": timezone.localdate(),
        },
    )


@login_required
def actie(request, pk):
    a = get_object_or_404(Actie.objects.select_related("houder_ministerie", "houder_overlegorgaan", "maatregel__speerpunt__thema"), pk=pk)
    return render(
        request,
        "informatieplannen/istrategie/actie.html",
        {
            "actie": a,
            "voortgang": a.voortgang.select_related("door__persoon"),
            "toezeggingen": a.toezeggingen.all(),
            "mag_melden": istrategie.mag_voortgang_melden(request.user, a),
            "mag_beheren": istrategie.mag_beheren(request.user),
            "te_laat": a.status != Actie.Status.AFGEROND and a.termijn < timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def voortgang(request, pk):
    a = get_object_or_404(Actie.objects.select_related("houder_ministerie", "houder_overlegorgaan"), pk=pk)
    if not istrategie.mag_voortgang_melden(request.user, a):
        raise PermissionDenied(_("Alleen de houder van deze actie meldt de voortgang."))
    form = VoortgangForm(request.POST or None, initial={"status": a.status})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if _service(form, istrategie.voortgang_melden, actor=request.user, actie=a, tekst=d["tekst"], status=d["status"], datum=d["datum"]):
            messages.success(request, _("De voortgang is vastgelegd."))
            return redirect("istrategie:actie", pk=a.pk)
    return _formulier(request, form, _("Voortgang melden"), reverse("istrategie:actie", args=[a.pk]), a.omschrijving)


@login_required
@require_http_methods(["GET", "POST"])
def strategie_nieuw(request):
    _beheerder(request)
    form = StrategieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _service(form, istrategie.onderdeel_opslaan, actor=request.user, obj=IStrategie(), gegevens=form.cleaned_data):
            messages.success(request, _("De I-strategie is vastgelegd."))
            return redirect("istrategie:overzicht")
    return _formulier(request, form, _("Nieuwe I-strategie Rijk"), _overzicht_url())


@login_required
@require_http_methods(["GET", "POST"])
def strategie_bewerken(request, pk):
    _beheerder(request)
    s = get_object_or_404(IStrategie, pk=pk)
    form = StrategieForm(request.POST or None, instance=s)
    if request.method == "POST" and form.is_valid():
        if _service(form, istrategie.onderdeel_opslaan, actor=request.user, obj=IStrategie.objects.get(pk=pk), gegevens=form.cleaned_data):
            messages.success(request, _("De I-strategie is bijgewerkt."))
            return redirect("istrategie:overzicht")
    return _formulier(request, form, _("I-strategie bewerken"), _overzicht_url())


def _soort(soort: str):
    if soort not in SOORTEN:
        raise Http404
    return SOORTEN[soort]


@login_required
@require_http_methods(["GET", "POST"])
def onderdeel_nieuw(request, soort, ouder):
    model, oudermodel, veld = _soort(soort)
    _beheerder(request)
    bovenliggend = get_object_or_404(oudermodel, pk=ouder)
    form = FORMS[model](request.POST or None)
    if request.method == "POST" and form.is_valid():
        obj = model(**{veld: bovenliggend})
        if _service(form, istrategie.onderdeel_opslaan, actor=request.user, obj=obj, gegevens=form.cleaned_data):
            messages.success(request, _("Toegevoegd: %(obj)s.") % {"obj": obj})
            return redirect("istrategie:overzicht")
    titel = _("Toevoegen (%(soort)s) bij: %(ouder)s") % {"soort": NAMEN[soort], "ouder": bovenliggend}
    return _formulier(request, form, titel, _overzicht_url())


@login_required
@require_http_methods(["GET", "POST"])
def onderdeel_bewerken(request, soort, pk):
    model, _o, _v = _soort(soort)
    _beheerder(request)
    obj = get_object_or_404(model, pk=pk)
    form = FORMS[model](request.POST or None, instance=model.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        if _service(form, istrategie.onderdeel_opslaan, actor=request.user, obj=obj, gegevens=form.cleaned_data):
            messages.success(request, _("Bijgewerkt: %(obj)s.") % {"obj": obj})
            return redirect("istrategie:actie", pk=obj.pk) if model is Actie else redirect("istrategie:overzicht")
    return _formulier(request, form, _("%(soort)s bewerken") % {"soort": str(NAMEN[soort]).capitalize()}, _overzicht_url())


@login_required
@require_http_methods(["GET", "POST"])
def onderdeel_verwijderen(request, soort, pk):
    model, _o, _v = _soort(soort)
    _beheerder(request)
    obj = get_object_or_404(model, pk=pk)
    if request.method == "POST":
        try:
            istrategie.onderdeel_verwijderen(actor=request.user, obj=obj)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Verwijderd: %(obj)s.") % {"obj": obj})
        return redirect("istrategie:overzicht")
    return render(
        request,
        "informatieplannen/istrategie/bevestigen.html",
        {
            "titel": _("%(soort)s verwijderen") % {"soort": str(NAMEN[soort]).capitalize()},
            "gevolgen": _("'%(obj)s' wordt uit de I-strategie verwijderd. Dat kan alleen als er niets meer onder hangt.") % {"obj": obj},
            "annuleer_url": _overzicht_url(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def actualisatie_nieuw(request, pk):
    _beheerder(request)
    s = get_object_or_404(IStrategie, pk=pk)
    form = ActualisatieForm(request.POST or None, initial={"jaar": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        if _service(form, istrategie.actualisatie_vastleggen, actor=request.user, strategie=s, **form.cleaned_data):
            messages.success(request, _("De actualisatie is vastgelegd (B26)."))
            return redirect("istrategie:overzicht")
    toelichting = _("B26: de I-strategie wordt jaarlijks geactualiseerd met het CIO-beraad en aan de Tweede Kamer gezonden.")
    return _formulier(request, form, _("Jaarlijkse actualisatie vastleggen"), _overzicht_url(), toelichting)


# --------------------------------------------------------------------------
# Toezeggingen


@login_required
def toezeggingen(request):
    qs = Toezegging.objects.select_related("ministerie").order_by("termijn", "nummer")
    zoek = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    if zoek:
        qs = qs.filter(Q(nummer__icontains=zoek) | Q(tekst__icontains=zoek))
    if status in Toezegging.Status.values:
        qs = qs.filter(status=status)
    if request.GET.get("te_laat"):
        qs = qs.filter(pk__in=istrategie.toezeggingen_te_laat().values("pk"))
    return render(
        request,
        "informatieplannen/toezeggingen/lijst.html",
        {
            "page_obj": pagineer(request, qs),
            "querystring_zonder_pagina": querystring_zonder_pagina(request),
            "zoek": zoek,
            "status": status,
            "statussen": Toezegging.Status.choices,
            "te_laat": bool(request.GET.get("te_laat")),
            "mag_beheren": istrategie.mag_beheren(request.user),
            "vandaag": timezone.localdate(),
        },
    )


@login_required
def toezegging(request, pk):
    t = get_object_or_404(Toezegging.objects.select_related("ministerie"), pk=pk)
    return render(
        request,
        "informatieplannen/toezeggingen/toezegging.html",
        {
            "t": t,
            "acties": t.acties.all(),
            # Only the linked activities this user may read (an activity is internal until published).
            "activiteiten": IctActiviteit.objects.zichtbaar_voor(request.user).filter(toezeggingen=t),
            "mag_bijwerken": istrategie.mag_toezegging_bijwerken(request.user, t),
            "mag_beheren": istrategie.mag_beheren(request.user),
            "te_laat": t.status != Toezegging.Status.AFGEDAAN and t.termijn is not None and t.termijn < timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def toezegging_nieuw(request):
    _beheerder(request)
    form = ToezeggingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        t = _service(form, istrategie.toezegging_registreren, actor=request.user, gegevens=form.cleaned_data)
        if t:
            messages.success(request, _("De toezegging %(n)s is geregistreerd.") % {"n": t.nummer})
            return redirect("istrategie:toezegging", pk=t.pk)
    return _formulier(request, form, _("Toezegging of motie registreren"), reverse("istrategie:toezeggingen"))


@login_required
@require_http_methods(["GET", "POST"])
def toezegging_status(request, pk):
    t = get_object_or_404(Toezegging, pk=pk)
    if not istrategie.mag_toezegging_bijwerken(request.user, t):
        raise PermissionDenied(_("Alleen de CIO Rijk of het verantwoordelijke ministerie werkt de stand van deze toezegging bij."))
    form = ToezeggingStatusForm(request.POST or None, initial={"status": t.status, "toelichting": t.toelichting})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if _service(
            form,
            istrategie.toezegging_bijwerken,
            actor=request.user,
            toezegging=t,
            status=d["status"],
            toelichting=d["toelichting"],
            nieuwe_termijn=d["nieuwe_termijn"],
        ):
            messages.success(request, _("De stand van de toezegging is bijgewerkt."))
            return redirect("istrategie:toezegging", pk=t.pk)
    return _formulier(request, form, _("Stand bijwerken: %(n)s") % {"n": t.nummer}, reverse("istrategie:toezegging", args=[t.pk]), t.tekst)


@login_required
@require_http_methods(["GET", "POST"])
def toezegging_koppelen(request, pk):
    _beheerder(request)
    t = get_object_or_404(Toezegging, pk=pk)
    form = KoppelingenForm(
        request.POST or None,
        initial={"acties": list(t.acties.all()), "activiteiten": list(t.activiteiten.all())},
        acties=Actie.objects.order_by("termijn", "pk"),
        activiteiten=IctActiviteit.objects.zichtbaar_voor(request.user).filter(ministerie=t.ministerie_id).order_by("naam"),
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        istrategie.toezegging_koppelen(actor=request.user, toezegging=t, acties=list(d["acties"]), activiteiten=list(d["activiteiten"]))
        messages.success(request, _("De koppelingen zijn opgeslagen."))
        return redirect("istrategie:toezegging", pk=t.pk)
    return _formulier(request, form, _("Koppelen: %(n)s") % {"n": t.nummer}, reverse("istrategie:toezegging", args=[t.pk]))
