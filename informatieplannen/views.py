"""Pages of the informatieplannen: list, plan, concept forms, CISO section, the steps with confirmation, the toets.

Reads through ``Informatieplan.objects.zichtbaar_voor``; every change through ``services``. A page that
the user may see but not change answers 403 for the change; a step in the wrong state returns to the plan
with a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods

from cio_stelsel.models import Ministerie
from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht
from cio_stelsel.views import pagineer, querystring_zonder_pagina
from portfolio.models import IctActiviteit

from . import selectors, services, vergelijking
from .forms import FinancienForm, InformatiebeveiligingForm, KoppelForm, OpenbaarForm, PlanForm, RedenForm, RegelForm, ToetsForm
from .models import Informatieplan, PlanActiviteit


def _mag(user, recht, plan) -> bool:
    return scope(user, recht).omvat(plan.ministerie_id)


def _plan(request, pk) -> Informatieplan:
    return get_object_or_404(
        Informatieplan.objects.zichtbaar_voor(request.user).select_related(
            "ministerie",
            "vorige",
            "informatiebeveiliging_door__persoon",
            "vastgesteld_door__persoon",
            "aangeboden_door__persoon",
        ),
        pk=pk,
    )


def _regel(request, pk) -> PlanActiviteit:
    regel = get_object_or_404(PlanActiviteit.objects.select_related("plan", "activiteit"), pk=pk)
    regel.plan = _plan(request, regel.plan_id)  # visibility of the plan it belongs to
    if not _mag(request.user, Recht.INFORMATIEPLAN_OPSTELLEN, regel.plan):
        raise PermissionDenied(_("Alleen het CIO-office of de CIO van het eigen ministerie wijzigt het informatieplan."))
    return regel


def _service(form, functie, **kwargs):
    try:
        return functie(**kwargs) or True
    except ValidationError as exc:
        form.fouten_van(exc)
    return None


def _eigen_activiteiten(request, plan):
    return IctActiviteit.objects.zichtbaar_voor(request.user).filter(ministerie=plan.ministerie).order_by("naam")


@login_required
def lijst(request):
    qs = Informatieplan.objects.zichtbaar_voor(request.user).select_related("ministerie")
    status = request.GET.get("status", "")
    if status in Informatieplan.Status.values:
        qs = qs.filter(status=status)
    opstellen = scope(request.user, Recht.INFORMATIEPLAN_OPSTELLEN)
    return render(
        request,
        "informatieplannen/lijst.html",
        {
            "page_obj": pagineer(request, qs),
            "querystring_zonder_pagina": querystring_zonder_pagina(request),
            "status": status,
            "statussen": Informatieplan.Status.choices,
            "mag_opstellen": bool(opstellen.ministerie_ids),
            "mag_toetsrapport": heeft_rijksbreed_recht(request.user, RijksbreedRecht.INFORMATIEPLAN_TOETSEN),
            "jaar": timezone.localdate().year,
            "taken": selectors.taken_voor(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request):
    ministeries = Ministerie.objects.filter(pk__in=scope(request.user, Recht.INFORMATIEPLAN_OPSTELLEN).ministerie_ids)
    if not ministeries.exists():
        raise PermissionDenied(_("Alleen het CIO-office of de CIO van een ministerie stelt een informatieplan op (art 3.5-3.6, 4 c)."))
    form = PlanForm(request.POST or None, ministeries=ministeries)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        ministerie = d.pop("ministerie")
        plan = _service(form, services.plan_opstellen, actor=request.user, ministerie=ministerie, gegevens=d)
        if plan:
            messages.success(
                request, _("Het concept-informatieplan is opgeslagen. Voeg nu de activiteiten en hun financiële consequenties toe.")
            )
            return redirect("informatieplannen:plan", pk=plan.pk)
    return render(
        request,
        "informatieplannen/formulier.html",
        {
            "form": form,
            "titel": _("Nieuw informatieplan"),
            "terug_url": reverse("informatieplannen:lijst"),
        },
    )


def _plan_context(request, plan: Informatieplan, **formulieren) -> dict:
    user = request.user
    concept = plan.status == Informatieplan.Status.CONCEPT
    opstellen = _mag(user, Recht.INFORMATIEPLAN_OPSTELLEN, plan)
    regels = list(plan.activiteiten.select_related("activiteit").prefetch_related("financien"))
    for r in regels:
        per_jaar = {f.jaar: f for f in r.financien.all()}
        r.per_jaar = [per_jaar.get(j) for j in plan.jaren]
    toets = getattr(plan, "toets", None) if plan.status == Informatieplan.Status.GETOETST else None
    return {
        "plan": plan,
        "regels": regels,
        "toets": toets,
        "bevindingen": list(toets.bevindingen.all()) if toets else [],
        "ontbrekend": services.ontbrekend(plan) if concept else {},
        "samenhang": selectors.samenhang(plan)
        if opstellen or heeft_rijksbreed_recht(user, RijksbreedRecht.INFORMATIEPLAN_TOETSEN)
        else None,
        "actualisatie": plan.actualisaties.first() if not concept else None,
        "mag_bewerken": concept and opstellen,
        "mag_ciso": concept and _mag(user, Recht.CISOBIJDRAGE_LEVEREN, plan),
        "mag_aanbieden": concept and opstellen,
        "mag_vaststellen": plan.status == Informatieplan.Status.TER_VASTSTELLING and _mag(user, Recht.INFORMATIEPLAN_VASTSTELLEN, plan),
        "mag_toetsen": plan.status == Informatieplan.Status.VASTGESTELD
        and heeft_rijksbreed_recht(user, RijksbreedRecht.INFORMATIEPLAN_TOETSEN),
        "mag_actualiseren": plan.status in Informatieplan.NA_VASTSTELLING and opstellen and not plan.actualisaties.exists(),
        "mag_openbaar_maken": plan.status in Informatieplan.NA_VASTSTELLING
        and not plan.openbaar
        and _mag(user, Recht.INFORMATIEPLAN_VASTSTELLEN, plan),
        "wijzigingen": vergelijking.wijzigingen(plan),
        **formulieren,
    }


@login_required
def plan(request, pk):
    return render(request, "informatieplannen/plan.html", _plan_context(request, _plan(request, pk)))


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request, pk):
    p = _plan(request, pk)
    if not _mag(request.user, Recht.INFORMATIEPLAN_OPSTELLEN, p):
        raise PermissionDenied(_("Alleen het CIO-office of de CIO van het eigen ministerie wijzigt het informatieplan."))
    if not p.is_concept:
        messages.error(request, _("Dit informatieplan is vastgesteld en wijzigt niet meer; begin een actualisatie (B12)."))
        return redirect("informatieplannen:plan", pk=p.pk)
    form = PlanForm(request.POST or None, initial={**{v: getattr(p, v) for v in services.PLAN_VELDEN}, "versie": p.versie})
    if request.method == "POST" and form.is_valid():
        if _service(
            form, services.plan_wijzigen, actor=request.user, plan=p, versie=form.cleaned_data.get("versie"), gegevens=form.cleaned_data
        ):
            messages.success(request, _("Het concept-informatieplan is bijgewerkt."))
            return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/formulier.html",
        {
            "form": form,
            "plan": p,
            "titel": _("Informatieplan bewerken"),
            "terug_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def regel_nieuw(request, pk):
    p = _plan(request, pk)
    if not _mag(request.user, Recht.INFORMATIEPLAN_OPSTELLEN, p):
        raise PermissionDenied(_("Alleen het CIO-office of de CIO van het eigen ministerie wijzigt het informatieplan."))
    if not p.is_concept:
        messages.error(request, _("Dit informatieplan is vastgesteld en wijzigt niet meer; begin een actualisatie (B12)."))
        return redirect("informatieplannen:plan", pk=p.pk)
    form = RegelForm(request.POST or None, activiteiten=_eigen_activiteiten(request, p), jaren=p.jaren)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if _service(
            form,
            services.regel_toevoegen,
            actor=request.user,
            plan=p,
            activiteit=d["activiteit"],
            voorgenomen_naam=d["voorgenomen_naam"],
            toelichting=d["toelichting"],
            financien=form.financien(),
        ):
            messages.success(request, _("De activiteit en haar financiële consequenties zijn aan het plan toegevoegd."))
            return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/formulier.html",
        {
            "form": form,
            "plan": p,
            "titel": _("Activiteit toevoegen aan het informatieplan"),
            "toelichting": _(
                "Elke geplande activiteit krijgt per jaar van het plan een financiële consequentie met een onderbouwing (B10, art 4 c)."
            ),
            "terug_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def regel_financien(request, pk):
    regel = _regel(request, pk)
    p = regel.plan
    if not p.is_concept:
        messages.error(request, _("Dit informatieplan is vastgesteld en wijzigt niet meer; begin een actualisatie (B12)."))
        return redirect("informatieplannen:plan", pk=p.pk)
    initial = {}
    for f in regel.financien.all():
        initial[f"bedrag_{f.jaar}"], initial[f"redenering_{f.jaar}"] = f.bedrag, f.redenering
    form = FinancienForm(request.POST or None, jaren=p.jaren, initial=initial)
    if request.method == "POST" and form.is_valid():
        if _service(form, services.financien_vastleggen, actor=request.user, regel=regel, financien=form.financien()):
            messages.success(request, _("De financiële consequenties zijn bijgewerkt."))
            return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/formulier.html",
        {
            "form": form,
            "plan": p,
            "titel": _("Financiële consequenties: %(r)s") % {"r": regel},
            "terug_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def regel_koppelen(request, pk):
    regel = _regel(request, pk)
    p = regel.plan
    form = KoppelForm(request.POST or None, activiteiten=_eigen_activiteiten(request, p))
    if request.method == "POST" and form.is_valid():
        if _service(form, services.voorgenomen_koppelen, actor=request.user, regel=regel, activiteit=form.cleaned_data["activiteit"]):
            messages.success(request, _("De voorgenomen activiteit is gekoppeld aan de ICT-activiteit."))
            return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/formulier.html",
        {
            "form": form,
            "plan": p,
            "titel": _("Voorgenomen activiteit koppelen: %(r)s") % {"r": regel},
            "toelichting": _("Is de voorgenomen activiteit inmiddels een ICT-activiteit in het portfolio? Koppel haar dan."),
            "terug_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def regel_verwijderen(request, pk):
    regel = _regel(request, pk)
    p = regel.plan
    if request.method == "POST":
        try:
            services.regel_verwijderen(actor=request.user, regel=regel)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("De activiteit is uit het plan verwijderd."))
        return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/bevestigen.html",
        {
            "plan": p,
            "titel": _("Activiteit uit het plan verwijderen"),
            "gevolgen": _("%(r)s en haar financiële consequenties worden uit dit concept verwijderd.") % {"r": regel},
            "knop_label": _("Ja, verwijderen"),
            "annuleer_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def informatiebeveiliging(request, pk):
    p = _plan(request, pk)
    if not _mag(request.user, Recht.CISOBIJDRAGE_LEVEREN, p):
        raise PermissionDenied(
            _("Alleen de departementale CISO schrijft de paragraaf informatiebeveiliging van het informatieplan (B11, art 7 d).")
        )
    if not p.is_concept:
        messages.error(request, _("Dit informatieplan is vastgesteld en wijzigt niet meer; begin een actualisatie (B12)."))
        return redirect("informatieplannen:plan", pk=p.pk)
    vorige_tekst = p.vorige.informatiebeveiliging if p.vorige_id else ""
    form = InformatiebeveiligingForm(
        request.POST or None, initial={"informatiebeveiliging": p.informatiebeveiliging or vorige_tekst, "versie": p.versie}
    )
    if request.method == "POST" and form.is_valid():
        if _service(
            form,
            services.informatiebeveiliging_schrijven,
            actor=request.user,
            plan=p,
            tekst=form.cleaned_data["informatiebeveiliging"],
            versie=form.cleaned_data.get("versie"),
        ):
            messages.success(request, _("De paragraaf informatiebeveiliging is vastgelegd."))
            return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/formulier.html",
        {
            "form": form,
            "plan": p,
            "titel": _("Paragraaf informatiebeveiliging"),
            "toelichting": _("De tekst van de vorige versie staat al ingevuld; pas die aan en sla op.")
            if vorige_tekst and not p.informatiebeveiliging
            else "",
            "terug_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


# -- the steps, each confirmed on a page of its own -------------------------------------------

STAPPEN = {
    # name: (right, title, consequence, button, needs a reason)
    "aanbieden": (
        Recht.INFORMATIEPLAN_OPSTELLEN,
        _l("Informatieplan ter vaststelling aanbieden"),
        _l(
            "Het plan gaat naar de minister ter vaststelling. Het concept kan daarna alleen nog worden gewijzigd als de minister het terugstuurt."
        ),
        _l("Ja, aanbieden"),
        False,
    ),
    "vaststellen": (
        Recht.INFORMATIEPLAN_VASTSTELLEN,
        _l("Informatieplan vaststellen"),
        _l(
            "U stelt het plan vast namens de minister (B12). Een vastgesteld plan wijzigt niet meer; de CIO Rijk toetst het aan het kwaliteitskader."
        ),
        _l("Ja, vaststellen"),
        False,
    ),
    "terugsturen": (
        Recht.INFORMATIEPLAN_VASTSTELLEN,
        _l("Informatieplan terugsturen"),
        _l("Het plan gaat terug naar het CIO-office als concept, met uw reden."),
        _l("Ja, terugsturen"),
        True,
    ),
    "actualiseren": (
        Recht.INFORMATIEPLAN_OPSTELLEN,
        _l("Informatieplan actualiseren"),
        _l(
            "Er komt een nieuwe conceptversie die begint bij deze versie. Deze versie blijft zoals ze is vastgesteld; de CISO schrijft de paragraaf informatiebeveiliging opnieuw."
        ),
        _l("Ja, actualisatie beginnen"),
        False,
    ),
}


def _stap(request, pk, stap):
    p = _plan(request, pk)
    recht, titel, gevolgen, knop, met_reden = STAPPEN[stap]
    if not _mag(request.user, recht, p):
        raise PermissionDenied
    form = RedenForm(request.POST or None) if met_reden else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if stap == "aanbieden":
                uit = services.plan_aanbieden(actor=request.user, plan=p)
            elif stap == "vaststellen":
                uit = services.plan_vaststellen(actor=request.user, plan=p)
            elif stap == "terugsturen":
                uit = services.plan_terugsturen(actor=request.user, plan=p, reden=form.cleaned_data["reden"])
            else:
                uit = services.plan_actualiseren(actor=request.user, plan=p)
        except ValidationError as exc:
            if form is not None:
                form.fouten_van(exc)
            else:
                for tekst in exc.messages:
                    messages.error(request, tekst)
                return redirect("informatieplannen:plan", pk=p.pk)
        else:
            messages.success(
                request,
                {
                    "aanbieden": _("Het informatieplan is ter vaststelling aangeboden aan de minister."),
                    "vaststellen": _("Het informatieplan is vastgesteld."),
                    "terugsturen": _("Het informatieplan is teruggestuurd naar het CIO-office."),
                    "actualiseren": _("De actualisatie is begonnen als nieuw concept."),
                }[stap],
            )
            return redirect("informatieplannen:plan", pk=uit.pk)
    return render(
        request,
        "informatieplannen/bevestigen.html",
        {
            "plan": p,
            "titel": titel,
            "gevolgen": gevolgen,
            "knop_label": knop,
            "form": form,
            "onomkeerbaar": stap == "vaststellen",
            "annuleer_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def aanbieden(request, pk):
    return _stap(request, pk, "aanbieden")


@login_required
@require_http_methods(["GET", "POST"])
def vaststellen(request, pk):
    return _stap(request, pk, "vaststellen")


@login_required
@require_http_methods(["GET", "POST"])
def terugsturen(request, pk):
    return _stap(request, pk, "terugsturen")


@login_required
@require_http_methods(["GET", "POST"])
def actualiseren(request, pk):
    return _stap(request, pk, "actualiseren")


@login_required
@require_http_methods(["GET", "POST"])
def toetsen(request, pk):
    p = _plan(request, pk)
    if not heeft_rijksbreed_recht(request.user, RijksbreedRecht.INFORMATIEPLAN_TOETSEN):
        raise PermissionDenied(_("Alleen de CIO Rijk toetst informatieplannen aan het kwaliteitskader (B12, art 11 i)."))
    if p.status != Informatieplan.Status.VASTGESTELD:
        messages.error(request, _("Alleen een vastgesteld informatieplan dat nog niet is getoetst, kan worden getoetst."))
        return redirect("informatieplannen:plan", pk=p.pk)
    form = ToetsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if _service(
            form,
            services.plan_toetsen,
            actor=request.user,
            plan=p,
            bevindingen=form.bevindingen(),
            eindoordeel=d["eindoordeel"],
            samenvatting=d["samenvatting"],
        ):
            messages.success(request, _("De kwaliteitstoets is vastgelegd."))
            return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/formulier.html",
        {
            "form": form,
            "plan": p,
            "titel": _("Kwaliteitstoets informatieplan"),
            "toelichting": _(
                "Toets het plan aan elk criterium van het kwaliteitskader meerjarige departementale IV-plannen en geef een eindoordeel (art 11 i)."
            ),
            "terug_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
def toetsrapport(request, jaar):
    """The CIO Rijk's bundled report of a year's kwaliteitstoetsen to the Minister of BZK, as an accessible PDF (art 11 i)."""
    if not heeft_rijksbreed_recht(request.user, RijksbreedRecht.INFORMATIEPLAN_TOETSEN):
        raise PermissionDenied(_("Alleen de CIO Rijk stelt het toetsrapport over de informatieplannen op (B12, art 11 i)."))
    from django.http import HttpResponse
    from django.template.loader import render_to_string
    from django.utils import translation

    from cio_stelsel.pdf import html_naar_pdf

    with translation.override("nl"):
        html = render_to_string(
            "informatieplannen/toetsrapport_pdf.html",
            {
                "jaar": jaar,
                "toetsen": list(selectors.toetsen_in_jaar(jaar)),
                "gemaakt_op": timezone.now(),
            },
        )
    response = HttpResponse(html_naar_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="toetsrapport-informatieplannen-{jaar}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def openbaar_maken(request, pk):
    """The minister makes a vastgesteld plan public, with a summary; confirmed on its own page (section 4)."""
    p = _plan(request, pk)
    if not _mag(request.user, Recht.INFORMATIEPLAN_VASTSTELLEN, p):
        raise PermissionDenied(_("Alleen de minister van dit ministerie maakt het informatieplan openbaar (B12)."))
    if p.status not in Informatieplan.NA_VASTSTELLING or p.openbaar:
        messages.error(
            request,
            _("Dit informatieplan is al openbaar.")
            if p.openbaar
            else _("Alleen een vastgesteld informatieplan wordt openbaar; dit plan is %(s)s (B12).")
            % {"s": p.get_status_display().lower()},
        )
        return redirect("informatieplannen:plan", pk=p.pk)
    form = OpenbaarForm(request.POST or None, initial={"openbare_samenvatting": p.ambities})
    if request.method == "POST" and form.is_valid():
        if _service(
            form, services.plan_openbaar_maken, actor=request.user, plan=p, samenvatting=form.cleaned_data["openbare_samenvatting"]
        ):
            messages.success(request, _("Het informatieplan is openbaar: het staat op de openbare I-plan-pagina van het ministerie."))
            return redirect("informatieplannen:plan", pk=p.pk)
    return render(
        request,
        "informatieplannen/bevestigen.html",
        {
            "plan": p,
            "titel": _("Informatieplan openbaar maken"),
            "gevolgen": _(
                "Het plan komt op de openbare I-plan-pagina van het ministerie: de samenvatting, de periode, de ambities, "
                "het portfolio met de financiële paragraaf, en het plan als PDF. De paragraaf informatiebeveiliging en "
                "de kwaliteitstoets blijven intern. Openbaar maken kan niet worden teruggedraaid."
            ),
            "knop_label": _("Ja, openbaar maken"),
            "form": form,
            "onomkeerbaar": True,
            "annuleer_url": reverse("informatieplannen:plan", args=[p.pk]),
        },
    )


@login_required
def wijzigingen(request, pk):
    """What changed in this version against the version it actualises."""
    p = _plan(request, pk)
    return render(request, "informatieplannen/wijzigingen.html", {"plan": p, "w": vergelijking.wijzigingen(p)})
