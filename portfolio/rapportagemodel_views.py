"""Pages where the CIO Rijk manages the reporting model (B13, art 16.3).

The threshold for a large ICT component from a date on, and the reasons for a
herijking. Only the CIO Rijk (``RijksbreedRecht.RAPPORTAGEMODEL_BEHEREN``)
reaches these pages, also for reading: anyone else gets a 403. The services
(``rapportagemodel_services``) decide and check the rights again; these views
show their refusals on the form fields, keeping what was typed.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cio_stelsel.forms import DatumInput, ToegankelijkFormMixin
from cio_stelsel.models import AuditRecord
from cio_stelsel.permissions import heeft_rijksbreed_recht
from cio_stelsel.rechten import RijksbreedRecht

from . import rapportagemodel_services as services
from .forms import BedragField
from .models import ActiviteitVersie, Rapportagemodel, RedenHerijking
from .templatetags.portfolio import getal_opmaak

RECENT = 10


class DrempelForm(ToegankelijkFormMixin, forms.Form):
    geldig_vanaf = forms.DateField(
        label=gettext_lazy("Geldig vanaf"),
        widget=DatumInput(),
        help_text=gettext_lazy(
            "De eerste peildatum waarop de drempel geldt. Die ligt na de nieuwste gepubliceerde peildatum, "
            "zodat gepubliceerde cijfers niet veranderen."
        ),
    )
    drempel_eur = BedragField(
        label=gettext_lazy("Drempel (EUR)"),
        help_text=gettext_lazy("In hele euro's, bijvoorbeeld 5.000.000. Een ICT-activiteit vanaf dit bedrag is rapporteerbaar (B15)."),
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Waarom de drempel verandert, bijvoorbeeld: Kader Portfoliomanagement Rijk 2027."),
    )


class RedenForm(ToegankelijkFormMixin, forms.Form):
    naam = forms.CharField(label=gettext_lazy("Naam van de reden"), max_length=200)


class RedenWijzigenForm(ToegankelijkFormMixin, forms.Form):
    naam = forms.CharField(
        label=gettext_lazy("Naam van de reden"),
        max_length=200,
        help_text=gettext_lazy("Gepubliceerde versies houden de naam waarmee ze zijn gepubliceerd."),
    )
    volgorde = forms.IntegerField(
        label=gettext_lazy("Volgorde"),
        min_value=0,
        max_value=32767,
        help_text=gettext_lazy("De plaats in keuzelijsten en in de kolom ‘Reden herijking’ van de open data: laag eerst."),
    )


def _vereist_recht(user) -> None:
    """Mirrors rapportagemodel_services (B13, art 16.3): the CIO Rijk, also for reading these pages."""
    if not heeft_rijksbreed_recht(user, RijksbreedRecht.RAPPORTAGEMODEL_BEHEREN):
        raise PermissionDenied(_("Alleen de CIO Rijk beheert het rapportagemodel (B13, art 16.3)."))


def _overzicht_url(anker: str = "") -> str:
    url = reverse("portfolio:rapportagemodel")
    return f"{url}#{anker}" if anker else url


def _overzicht(request, *, drempel_form=None, reden_form=None):
    vandaag = timezone.localdate()
    gepubliceerd_tot = ActiviteitVersie.objects.nieuwste_peildatum()
    drempels = list(Rapportagemodel.objects.order_by("-geldig_vanaf"))
    geldend = next((d for d in drempels if d.geldig_vanaf <= vandaag), None)
    for d in drempels:
        d.toestand = "toekomstig" if d.geldig_vanaf > vandaag else ("geldend" if d is geldend else "eerder")
        d.intrekbaar = services.is_intrekbaar(d, vandaag=vandaag, gepubliceerd_tot=gepubliceerd_tot)
        d.bedrag = _euro(d.drempel_eur)
    redenen = RedenHerijking.objects.annotate(aantal=Count("gebeurtenissen")).order_by("volgorde", "naam")
    wijzigingen = AuditRecord.objects.filter(
        object_type__in=[Rapportagemodel._meta.label_lower, RedenHerijking._meta.label_lower]
    ).order_by("-tijdstip", "-id")[:RECENT]
    return render(
        request,
        "portfolio/rapportagemodel.html",
        {
            "drempels": drempels,
            "geldend": geldend,
            "standaard": _euro(Decimal(settings.GROTE_ICT_DREMPEL_EUR)),
            "gepubliceerd_tot": gepubliceerd_tot,
            "drempel_form": drempel_form or DrempelForm(prefix="drempel"),
            "redenen": redenen,
            "reden_form": reden_form or RedenForm(prefix="reden"),
            "wijzigingen": wijzigingen,
        },
    )


@login_required
def overzicht(request):
    """The thresholds (in force now, earlier, future), the default, and the reasons for a herijking."""
    _vereist_recht(request.user)
    return _overzicht(request)


@login_required
@require_POST
def drempel_nieuw(request):
    """Set a new threshold from a date (B13). Errors are shown on the overview's form, with the input kept."""
    _vereist_recht(request.user)
    form = DrempelForm(request.POST, prefix="drempel")
    if form.is_valid():
        try:
            model = services.drempel_vaststellen(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(
                request,
                _("De drempel van € %(bedrag)s geldt vanaf %(datum)s.")
                % {"bedrag": _euro(model.drempel_eur), "datum": model.geldig_vanaf.strftime("%d-%m-%Y")},
            )
            return redirect(_overzicht_url("drempels"))
    return _overzicht(request, drempel_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def drempel_intrekken(request, pk: int):
    """GET: a confirmation page; POST: withdraw a threshold that is not yet in force (B13)."""
    _vereist_recht(request.user)
    model = get_object_or_404(Rapportagemodel, pk=pk)
    if request.method == "POST":
        try:
            services.drempel_intrekken(actor=request.user, model=model)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("De drempel vanaf %(datum)s is ingetrokken.") % {"datum": model.geldig_vanaf.strftime("%d-%m-%Y")})
        return redirect(_overzicht_url("drempels"))
    if not services.is_intrekbaar(model, gepubliceerd_tot=ActiviteitVersie.objects.nieuwste_peildatum()):
        messages.error(
            request,
            _("De drempel vanaf %(datum)s geldt al, of geldt voor een gepubliceerde peildatum, en kan niet meer worden ingetrokken (B13).")
            % {"datum": model.geldig_vanaf.strftime("%d-%m-%Y")},
        )
        return redirect(_overzicht_url("drempels"))
    return render(
        request,
        "portfolio/rapportagemodel_bevestigen.html",
        {
            "titel": _("Drempel intrekken"),
            "gegevens": [
                (_("Geldig vanaf"), model.geldig_vanaf.strftime("%d-%m-%Y")),
                (_("Drempel (EUR)"), "€ " + _euro(model.drempel_eur)),
                (_("Toelichting"), model.toelichting or "—"),
            ],
            "gevolgen": _(
                "De drempel vanaf %(datum)s vervalt; vanaf die datum blijft de drempel gelden die daarvoor gold. "
                "Het intrekken wordt vastgelegd in het auditlog."
            )
            % {"datum": model.geldig_vanaf.strftime("%d-%m-%Y")},
            "knop_label": _("Ja, drempel intrekken"),
            "annuleer_url": _overzicht_url("drempels"),
        },
    )


@login_required
@require_POST
def reden_nieuw(request):
    """Add a reason for a herijking (B13)."""
    _vereist_recht(request.user)
    form = RedenForm(request.POST, prefix="reden")
    if form.is_valid():
        try:
            reden = services.reden_toevoegen(actor=request.user, naam=form.cleaned_data["naam"])
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("De reden ‘%(naam)s’ is toegevoegd.") % {"naam": reden.naam})
            return redirect(_overzicht_url("redenen"))
    return _overzicht(request, reden_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def reden_wijzigen(request, pk: int):
    """Rename or reorder a reason; remove it from here when no herijking uses it (B13)."""
    _vereist_recht(request.user)
    reden = get_object_or_404(RedenHerijking.objects.annotate(aantal=Count("gebeurtenissen")), pk=pk)
    form = RedenWijzigenForm(request.POST if request.method == "POST" else None, initial={"naam": reden.naam, "volgorde": reden.volgorde})
    if request.method == "POST" and form.is_valid():
        try:
            services.reden_wijzigen(actor=request.user, reden=reden, **form.cleaned_data)
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("De reden ‘%(naam)s’ is opgeslagen.") % {"naam": form.cleaned_data["naam"]})
            return redirect(_overzicht_url("redenen"))
    return render(request, "portfolio/rapportagemodel_reden.html", {"reden": reden, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def reden_verwijderen(request, pk: int):
    """GET: a confirmation page; POST: remove a reason no herijking uses (B13)."""
    _vereist_recht(request.user)
    reden = get_object_or_404(RedenHerijking.objects.annotate(aantal=Count("gebeurtenissen")), pk=pk)
    if request.method == "POST":
        try:
            services.reden_verwijderen(actor=request.user, reden=reden)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("De reden ‘%(naam)s’ is verwijderd.") % {"naam": reden.naam})
        return redirect(_overzicht_url("redenen"))
    if reden.aantal:
        messages.error(
            request,
            _(
                "De reden ‘%(naam)s’ is gebruikt bij een herijking en kan niet worden verwijderd; u kunt hem wel een andere naam geven (B13)."
            )
            % {"naam": reden.naam},
        )
        return redirect("portfolio:rapportagemodel_reden", pk=reden.pk)
    return render(
        request,
        "portfolio/rapportagemodel_bevestigen.html",
        {
            "titel": _("Reden herijking verwijderen"),
            "gegevens": [(_("Naam"), reden.naam), (_("Code"), reden.code)],
            "gevolgen": _(
                "De reden ‘%(naam)s’ verdwijnt uit de keuzelijst voor herijkingen. Het verwijderen wordt vastgelegd in het auditlog."
            )
            % {"naam": reden.naam},
            "knop_label": _("Ja, reden verwijderen"),
            "annuleer_url": reverse("portfolio:rapportagemodel_reden", args=[reden.pk]),
        },
    )


def _euro(bedrag) -> str:
    """An amount in euros in the active language's notation: whole euros, cents only when there are any."""
    return getal_opmaak(bedrag, 0 if bedrag == int(bedrag) else 2)
