"""Pages of the oordelen workflow: draft, CISO contribution, decision, afwijking, AcICT aanmelding, CIO Rijk overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht
from cio_stelsel.views import pagineer, querystring_zonder_pagina
from portfolio.models import IctActiviteit

from . import selectors, services
from .forms import (
    AanmeldingForm,
    AdviesForm,
    AfwijkingForm,
    AgendapuntForm,
    CisoBijdrageForm,
    CollegebesluitForm,
    OordeelForm,
    ReactieForm,
    VaststellenForm,
    VoorwaardeForm,
)
from .models import Aanmelding, Afwijking, BestuursraadAgendapunt, CioOordeel, Voorwaarde


def _mag(user, recht, activiteit) -> bool:
    return scope(user, recht).omvat(activiteit.ministerie_id, activiteit.dienstonderdeel_id)


def _oordeel(request, pk) -> CioOordeel:
    return get_object_or_404(
        CioOordeel.objects.zichtbaar_voor(request.user).select_related(
            "activiteit__ministerie",
            "activiteit__dienstonderdeel",
            "opgesteld_door__persoon",
            "vastgesteld_door__persoon",
            "ciso_bijdrage_door__persoon",
        ),
        pk=pk,
    )


def _service(request, form, functie, **kwargs):
    """Run a service; map its refusals onto the form. Returns the result or None."""
    try:
        return functie(actor=request.user, **kwargs)
    except ValidationError as exc:
        form.fouten_van(exc)
    return None


@login_required
def lijst(request):
    qs = CioOordeel.objects.zichtbaar_voor(request.user).select_related("activiteit__ministerie").order_by("-aangemaakt_op")
    status = request.GET.get("status", "")
    if status in CioOordeel.Status.values:
        qs = qs.filter(status=status)
    uitkomst = request.GET.get("uitkomst", "")
    if uitkomst in CioOordeel.Uitkomst.values:
        qs = qs.filter(uitkomst=uitkomst)
    activiteit = None
    if request.GET.get("activiteit", "").isdigit():
        activiteit = IctActiviteit.objects.zichtbaar_voor(request.user).filter(nummer=int(request.GET["activiteit"])).first()
        qs = qs.filter(activiteit=activiteit) if activiteit else qs.none()
    return render(
        request,
        "oordelen/lijst.html",
        {
            "page_obj": pagineer(request, qs),
            "querystring_zonder_pagina": querystring_zonder_pagina(request),
            "status": status,
            "uitkomst": uitkomst,
            "activiteit": activiteit,
            "mag_opstellen": activiteit is not None and _mag(request.user, Recht.OORDEEL_OPSTELLEN, activiteit),
            "statussen": CioOordeel.Status.choices,
            "uitkomsten": CioOordeel.Uitkomst.choices,
            "taken": selectors.taken_voor(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request, nummer):
    activiteit = get_object_or_404(IctActiviteit.objects.zichtbaar_voor(request.user), nummer=nummer)
    if not _mag(request.user, Recht.OORDEEL_OPSTELLEN, activiteit):
        raise PermissionDenied(_("Alleen het CIO-office of de CIO van de eigen organisatie stelt een oordeel op."))
    form = OordeelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        oordeel = _service(request, form, services.oordeel_opstellen, activiteit=activiteit, gegevens=form.cleaned_data)
        if oordeel:
            messages.success(
                request, _("Het concept-oordeel is opgeslagen. De CISO is gevraagd om de bijdrage over informatiebeveiliging.")
            )
            return redirect("oordelen:oordeel", pk=oordeel.pk)
    return render(request, "oordelen/formulier.html", {"form": form, "activiteit": activiteit, "titel": _("Nieuw CIO-oordeel")})


def _mag_agendapunt(user, activiteit) -> bool:
    """The SG, the minister or the CIO records the bestuursraad's handling (as services.agendapunt_behandelen)."""
    return scope(user, Recht.AFWIJKING_VASTLEGGEN).omvat(activiteit.ministerie_id) or scope(user, Recht.OORDEEL_VASTSTELLEN).omvat(
        activiteit.ministerie_id
    )


def _oordeel_context(request, o: CioOordeel) -> dict:
    a = o.activiteit
    user = request.user
    concept = o.status == CioOordeel.Status.CONCEPT
    return {
        "oordeel": o,
        "activiteit": a,
        "voorwaarden": o.voorwaarden.all(),
        "afwijking": getattr(o, "afwijking", None),
        "agendapunt": BestuursraadAgendapunt.objects.filter(oordeel=o).first(),
        "aanmeldingen": o.aanmeldingen.all(),
        "mag_bewerken": concept and _mag(user, Recht.OORDEEL_OPSTELLEN, a),
        "mag_ciso": concept and _mag(user, Recht.CISOBIJDRAGE_LEVEREN, a),
        "mag_vaststellen": concept and _mag(user, Recht.OORDEEL_VASTSTELLEN, a),
        "mag_afwijken": o.uitkomst == CioOordeel.Uitkomst.NEGATIEF
        and not hasattr(o, "afwijking")
        and _mag(user, Recht.AFWIJKING_VASTLEGGEN, a),
        "mag_voorwaarden": _mag(user, Recht.OORDEEL_VASTSTELLEN, a),
        "mag_agendapunt": _mag_agendapunt(user, a),
        "mag_aanmelden": not concept and _mag(user, Recht.OORDEEL_OPSTELLEN, a),
        "ciso_form": CisoBijdrageForm(initial={"ciso_bijdrage": o.ciso_bijdrage, "versie": o.versie}),
        "vaststellen_form": VaststellenForm(initial={"versie": o.versie}),
        "afwijking_form": AfwijkingForm(initial={"datum": timezone.localdate()}),
        "geldend": services.geldend_oordeel(a),
    }


@login_required
def oordeel(request, pk):
    return render(request, "oordelen/oordeel.html", _oordeel_context(request, _oordeel(request, pk)))


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request, pk):
    o = _oordeel(request, pk)
    if not _mag(request.user, Recht.OORDEEL_OPSTELLEN, o.activiteit):
        raise PermissionDenied
    if o.status != CioOordeel.Status.CONCEPT:
        messages.error(request, _("Een vastgesteld oordeel wijzigt niet."))
        return redirect("oordelen:oordeel", pk=o.pk)
    form = OordeelForm(request.POST or None, initial={**{v: getattr(o, v) for v in services.CONCEPT_VELDEN}, "versie": o.versie})
    if request.method == "POST" and form.is_valid():
        if _service(
            request, form, services.oordeel_wijzigen, oordeel=o, versie=form.cleaned_data.get("versie"), gegevens=form.cleaned_data
        ):
            messages.success(request, _("Het concept-oordeel is bijgewerkt."))
            return redirect("oordelen:oordeel", pk=o.pk)
    return render(
        request,
        "oordelen/formulier.html",
        {
            "form": form,
            "activiteit": o.activiteit,
            "titel": _("CIO-oordeel bewerken"),
            "terug_url": reverse("oordelen:oordeel", args=[o.pk]),
        },
    )


@login_required
@require_http_methods(["POST"])
def ciso_bijdrage(request, pk):
    o = _oordeel(request, pk)
    form = CisoBijdrageForm(request.POST)
    if form.is_valid():
        try:
            services.ciso_bijdrage_leveren(
                actor=request.user, oordeel=o, bijdrage=form.cleaned_data["ciso_bijdrage"], versie=form.cleaned_data.get("versie")
            )
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("Uw bijdrage over informatiebeveiliging is vastgelegd; de CIO kan het oordeel nu vaststellen."))
            return redirect("oordelen:oordeel", pk=o.pk)
    return _opnieuw(request, o, ciso_form=form)


class _Proef(Exception):
    """Raised inside a dry run to roll it back (``_proef``)."""


def _proef(service, **kwargs) -> None:
    """Run ``service`` in a transaction that is rolled back: its ValidationError (or PermissionDenied) comes out,
    its writes, audit records and on_commit work do not. So a confirmation page is shown only for a
    decision that would be recorded, and every error is reported before it, in one round."""
    try:
        with transaction.atomic():
            service(**kwargs)
            raise _Proef
    except _Proef:
        pass


def _onomkeerbaar(request, form, o, service, aanroep: dict, *, bevestiging: dict, formnaam: str, gelukt: str):
    """A POST of an irreversible decision: back to the form, a confirmation page, or the decision itself."""
    if "terug" in request.POST:
        return _terug(request, o, **{formnaam: form})
    try:
        if request.POST.get("bevestigd") != "ja":
            _proef(service, **aanroep)
            return _bevestigen(request, o, form, **bevestiging)
        service(**aanroep)
    except ValidationError as exc:
        form.fouten_van(exc)
    else:
        messages.success(request, gelukt)
        return redirect("oordelen:oordeel", pk=o.pk)
    return _opnieuw(request, o, **{formnaam: form})


@login_required
@require_http_methods(["POST"])
def vaststellen(request, pk):
    o = _oordeel(request, pk)
    form = VaststellenForm(request.POST)
    if not form.is_valid():
        return _opnieuw(request, o, vaststellen_form=form)
    d = form.cleaned_data
    aanroep = {
        "actor": request.user,
        "oordeel": o,
        "uitkomst": d["uitkomst"],
        "motivering": d["motivering"],
        "voorwaarden": d["voorwaarden"],
        "versie": d["versie"],
    }
    bevestiging = {
        "actie": reverse("oordelen:vaststellen", args=[o.pk]),
        "vraag": _("Weet u zeker dat u dit CIO-oordeel vaststelt?"),
        "gegevens": [
            (_("Uitkomst"), CioOordeel.Uitkomst(d["uitkomst"]).label),
            (_("Motivering"), d["motivering"]),
            *([(_("Voorwaarden"), "\n".join(d["voorwaarden"]))] if d["voorwaarden"] else []),
        ],
        "gevolgen": _(
            "Een vastgesteld oordeel kan niet meer worden gewijzigd. Het wordt zichtbaar voor de CIO Rijk (artikel 4 h; B7). "
            "Bij een negatief oordeel komt de activiteit op de agenda van de bestuursraad (B3) en kan zij niet starten "
            "zonder afwijking (artikel 5.3)."
        ),
        "ja": _("Ja, stel het oordeel vast"),
    }
    return _onomkeerbaar(
        request,
        form,
        o,
        services.oordeel_vaststellen,
        aanroep,
        bevestiging=bevestiging,
        formnaam="vaststellen_form",
        gelukt=_("Het CIO-oordeel is vastgesteld."),
    )


@login_required
@require_http_methods(["POST"])
def afwijking(request, pk):
    o = _oordeel(request, pk)
    form = AfwijkingForm(request.POST)
    if not form.is_valid():
        return _opnieuw(request, o, afwijking_form=form)
    d = form.cleaned_data
    aanroep = {"actor": request.user, "oordeel": o, "door_rol": d["door_rol"], "motivering": d["motivering"], "datum": d["datum"]}
    bevestiging = {
        "actie": reverse("oordelen:afwijking", args=[o.pk]),
        "vraag": _("Weet u zeker dat u afwijkt van dit negatieve CIO-oordeel?"),
        "gegevens": [
            (_("Vastgelegd als"), Afwijking.Door(d["door_rol"]).label),
            (_("Datum van het besluit"), d["datum"].strftime("%d-%m-%Y")),
            (_("Motivering"), d["motivering"]),
        ],
        "gevolgen": _(
            "Een afwijking kan niet worden ingetrokken of gewijzigd. Met de afwijking mag de activiteit starten ondanks het "
            "negatieve oordeel (artikel 5.3); zij komt in de audittrail en is zichtbaar voor de CIO Rijk."
        ),
        "ja": _("Ja, leg de afwijking vast"),
    }
    return _onomkeerbaar(
        request,
        form,
        o,
        services.afwijking_vastleggen,
        aanroep,
        bevestiging=bevestiging,
        formnaam="afwijking_form",
        gelukt=_("De afwijking (art 5.3) is vastgelegd."),
    )


def _bevestigen(request, o, form, *, actie: str, vraag: str, gegevens: list, gevolgen: str, ja: str):
    """The confirmation page of an irreversible decision: what will be recorded, its consequences, yes or back."""
    context = {
        "oordeel": o,
        "activiteit": o.activiteit,
        "form": form,
        "actie": actie,
        "vraag": vraag,
        "gegevens": gegevens,
        "gevolgen": gevolgen,
        "ja": ja,
    }
    return render(request, "oordelen/bevestigen.html", context)


def _terug(request, o, **formulieren):
    """Back from a confirmation page: the oordeel page with the form as it was filled in (nothing saved)."""
    return render(request, "oordelen/oordeel.html", {**_oordeel_context(request, o), **formulieren})


def _opnieuw(request, o, **formulieren):
    """The oordeel page again, with the failed form and its errors (nothing was saved)."""
    messages.error(request, _("Er is niets opgeslagen: controleer de meldingen bij het formulier."))
    return render(request, "oordelen/oordeel.html", {**_oordeel_context(request, o), **formulieren})


@login_required
@require_http_methods(["GET", "POST"])
def voorwaarde(request, pk):
    v = get_object_or_404(Voorwaarde.objects.select_related("oordeel__activiteit"), pk=pk)
    _oordeel(request, v.oordeel_id)  # visibility
    if not _mag(request.user, Recht.OORDEEL_VASTSTELLEN, v.oordeel.activiteit):
        raise PermissionDenied(_("Alleen de CIO handelt voorwaarden af."))
    form = VoorwaardeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _service(request, form, services.voorwaarde_afhandelen, voorwaarde=v, **form.cleaned_data):
            messages.success(request, _("De voorwaarde is afgehandeld."))
            return redirect("oordelen:oordeel", pk=v.oordeel_id)
    return render(
        request,
        "oordelen/formulier.html",
        {
            "form": form,
            "activiteit": v.oordeel.activiteit,
            "titel": _("Voorwaarde afhandelen"),
            "toelichting": v.omschrijving,
            "terug_url": reverse("oordelen:oordeel", args=[v.oordeel_id]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agendapunt(request, pk):
    punt = get_object_or_404(BestuursraadAgendapunt.objects.select_related("oordeel__activiteit"), pk=pk)
    _oordeel(request, punt.oordeel_id)  # visibility
    if not _mag_agendapunt(request.user, punt.oordeel.activiteit):
        raise PermissionDenied(_("Alleen de SG, de minister of de CIO legt de behandeling in de bestuursraad vast."))
    form = AgendapuntForm(request.POST or None, initial={"datum": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if _service(request, form, services.agendapunt_behandelen, agendapunt=punt, **form.cleaned_data):
            messages.success(request, _("De behandeling in de bestuursraad is vastgelegd."))
            return redirect("oordelen:oordeel", pk=punt.oordeel_id)
    return render(
        request,
        "oordelen/formulier.html",
        {
            "form": form,
            "activiteit": punt.oordeel.activiteit,
            "titel": _("Behandeling in de bestuursraad"),
            "terug_url": reverse("oordelen:oordeel", args=[punt.oordeel_id]),
        },
    )


@login_required
def pdf(request, pk):
    """The stored PDF of a decided oordeel, for those who may see it (made by a Celery task; see oordelen/pdf.py).

    If the task has not stored it yet, it is made once here and stored.
    """
    o = _oordeel(request, pk)
    if o.status != CioOordeel.Status.VASTGESTELD:
        raise PermissionDenied(_("Alleen een vastgesteld oordeel is als PDF beschikbaar."))
    if not o.pdf:
        from .pdf import pdf_maken

        o = pdf_maken(o.pk)
    response = FileResponse(o.pdf.open("rb"), content_type="application/pdf", as_attachment=True, filename=f"cio-oordeel-{o.pk}.pdf")
    response["X-Checksum-Sha256"] = o.pdf_checksum
    return response


# -- AcICT ---------------------------------------------------------------------


def _aanmelding(request, pk) -> Aanmelding:
    return get_object_or_404(
        Aanmelding.objects.zichtbaar_voor(request.user).select_related("activiteit__ministerie", "oordeel", "aangemeld_door"), pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def aanmelding_nieuw(request, nummer):
    activiteit = get_object_or_404(IctActiviteit.objects.zichtbaar_voor(request.user), nummer=nummer)
    if not _mag(request.user, Recht.OORDEEL_OPSTELLEN, activiteit):
        raise PermissionDenied
    form = AanmeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        aanmelding = _service(
            request, form, services.aanmelding_opstellen, activiteit=activiteit, toelichting=form.cleaned_data["toelichting"]
        )
        if aanmelding:
            messages.success(request, _("De concept-aanmelding is opgeslagen; de CIO dient haar in."))
            return redirect("oordelen:aanmelding", pk=aanmelding.pk)
    return render(
        request,
        "oordelen/formulier.html",
        {"form": form, "activiteit": activiteit, "titel": _("Aanmelden bij het Adviescollege ICT-toetsing")},
    )


# The step of the lifecycle (1-5) each status belongs to, for the step list on the page.
STAPPEN = {
    Aanmelding.Status.CONCEPT: 1,
    Aanmelding.Status.AANGEMELD: 2,
    Aanmelding.Status.TOETSING_BESLOTEN: 3,
    Aanmelding.Status.NIET_GETOETST: 3,
    Aanmelding.Status.ADVIES_ONTVANGEN: 4,
    Aanmelding.Status.REACTIE_VASTGESTELD: 5,
}


def _aanmelding_context(request, a: Aanmelding, **formulieren) -> dict:
    act = a.activiteit
    s = a.status
    S = Aanmelding.Status
    bewerken = _mag(request.user, Recht.OORDEEL_OPSTELLEN, act)
    aanbevelingen = list(a.aanbevelingen.all())
    return {
        "aanmelding": a,
        "activiteit": act,
        "aanbevelingen": aanbevelingen,
        "huidige_stap": STAPPEN[s],
        "mag_indienen": s == S.CONCEPT and _mag(request.user, Recht.ACICT_AANMELDEN, act),
        "mag_collegebesluit": s == S.AANGEMELD and bewerken,
        "mag_advies": s == S.TOETSING_BESLOTEN and bewerken,
        "mag_reactie": s == S.ADVIES_ONTVANGEN and _mag(request.user, Recht.ACICT_AANMELDEN, act),
        "collegebesluit_form": CollegebesluitForm(initial={"datum": timezone.localdate()}),
        "advies_form": AdviesForm(),
        "reactie_form": ReactieForm(aanbevelingen=aanbevelingen, initial={"datum": timezone.localdate()}),
        **formulieren,
    }


@login_required
def aanmelding(request, pk):
    return render(request, "oordelen/aanmelding.html", _aanmelding_context(request, _aanmelding(request, pk)))


# Per step: the form (None: no input), its context name, and the service call.
AANMELDING_STAPPEN = {
    "indienen": (None, None, lambda r, a, d: services.aanmelding_indienen(actor=r.user, aanmelding=a)),
    "collegebesluit": (
        CollegebesluitForm,
        "collegebesluit_form",
        lambda r, a, d: services.collegebesluit_vastleggen(actor=r.user, aanmelding=a, toetsen=d["toetsen"] == "ja", datum=d["datum"]),
    ),
    "advies": (
        AdviesForm,
        "advies_form",
        lambda r, a, d: services.advies_vastleggen(
            actor=r.user,
            aanmelding=a,
            datum=d["datum"],
            samenvatting=d["samenvatting"],
            aanbevelingen=d["aanbevelingen"].splitlines(),
            link=d["link"],
            kamerstuk=d["kamerstuk"],
        ),
    ),
    "reactie": (
        ReactieForm,
        "reactie_form",
        lambda r, a, d: services.reactie_vaststellen(
            actor=r.user, aanmelding=a, datum=d["datum"], toelichting=d["toelichting"], reacties=d["_reacties"]
        ),
    ),
}


@login_required
@require_http_methods(["POST"])
def aanmelding_stap(request, pk, stap):
    """One step of the AcICT lifecycle. On errors the page is shown again with the input kept."""
    a = _aanmelding(request, pk)
    if stap not in AANMELDING_STAPPEN:
        raise Http404
    form_klasse, naam, uitvoeren = AANMELDING_STAPPEN[stap]
    form = None
    if form_klasse is not None:
        extra = {"aanbevelingen": list(a.aanbevelingen.all())} if form_klasse is ReactieForm else {}
        form = form_klasse(request.POST, **extra)
    if form is None or form.is_valid():
        gegevens = dict(form.cleaned_data) if form is not None else {}
        if isinstance(form, ReactieForm):
            gegevens["_reacties"] = form.reacties()
        try:
            uitvoeren(request, a, gegevens)
        except ValidationError as exc:
            if form is None or not hasattr(exc, "error_dict"):
                # Not about a field (wrong step, no right): say so above the page.
                for bericht in exc.messages:
                    messages.error(request, bericht)
                return redirect("oordelen:aanmelding", pk=a.pk)
            form.fouten_van(exc)
        else:
            messages.success(request, _("De aanmelding is bijgewerkt."))
            return redirect("oordelen:aanmelding", pk=a.pk)
    messages.error(request, _("Er is niets opgeslagen: controleer de meldingen bij het formulier."))
    return render(request, "oordelen/aanmelding.html", _aanmelding_context(request, a, **{naam: form}))


@login_required
def overzicht(request):
    """The CIO Rijk's overview (and every user's for their own scope)."""
    if not (
        heeft_rijksbreed_recht(request.user, RijksbreedRecht.RIJKSBREED_INZIEN) or not scope(request.user, Recht.PORTFOLIO_INZIEN).leeg
    ):
        raise PermissionDenied
    return render(
        request,
        "oordelen/overzicht.html",
        {
            "gestart": selectors.gestart_zonder_positief_oordeel(request.user),
            "open_aanmeldingen": selectors.open_aanmeldingen(request.user),
            "zonder_reactie": selectors.advies_zonder_reactie(request.user),
            "per_jaar": selectors.oordelen_per_ministerie_per_jaar(request.user),
        },
    )
