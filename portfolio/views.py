"""Pages of the portfolio: the list of ICT-activiteiten, one activity, and the forms that change them.

Reads go through ``IctActiviteit.objects.zichtbaar_voor(user)`` (a 404 for what
a user may not see), changes through ``portfolio.services`` (which check the
rights again and raise PermissionDenied, shown as 403). Every derived figure
comes from ``met_kerncijfers()``: nothing is computed in a template.
"""

import copy
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, Case, DecimalField, ExpressionWrapper, F, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cio_stelsel.models import Ministerie
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht
from cio_stelsel.selectors import audit_zichtbaar_voor
from cio_stelsel.views import pagineer, querystring_zonder_pagina

from . import services
from .forms import (
    ONDERDELEN,
    ActiviteitFilterForm,
    ActiviteitForm,
    BaselineCorrectieForm,
    GebeurtenisCorrectieForm,
    GebeurtenisForm,
    InitieelForm,
    StatusForm,
    VersieForm,
)
from .grafiek import historiegrafieken
from .models import (
    BEDRAG,
    KOSTENCATEGORIEEN,
    NUL,
    ActiviteitVersie,
    Gebeurtenis,
    IctActiviteit,
    Kostencategorie,
    Status,
    drempel,
)

# Columns of the list: (sort key, label, numeric, ORDER BY expression).
KOLOMMEN = [
    ("naam", gettext_lazy("ICT-activiteit"), False, "naam"),
    ("nummer", gettext_lazy("Nummer"), True, "nummer"),
    (None, gettext_lazy("Ministerie"), False, None),
    (None, gettext_lazy("Status"), False, None),
    ("initieel", gettext_lazy("Initiële schatting (mln)"), True, "k_initieel_totaal"),
    ("actueel", gettext_lazy("Actuele schatting (mln)"), True, "k_actueel_totaal"),
    ("verschil", gettext_lazy("Verschil"), True, "k_verschil_pct"),
    ("einddatum", gettext_lazy("Actuele einddatum"), True, "k_actuele_einddatum"),
    ("vertraging", gettext_lazy("Vertraging (jaren)"), True, "k_vertraging"),
]
SORTEERVELDEN = {sleutel: expressie for sleutel, _label, _num, expressie in KOLOMMEN if sleutel}

# Readable names of the audit actions on an activity and its children.
ACTIES = {
    "activiteit.aangemaakt": gettext_lazy("ICT-activiteit aangemaakt"),
    "activiteit.gewijzigd": gettext_lazy("Gegevens gewijzigd"),
    "activiteit.status": gettext_lazy("Status gewijzigd"),
    "gebeurtenis.rapportage": gettext_lazy("Rapportage vastgelegd"),
    "gebeurtenis.herijking": gettext_lazy("Herijking vastgelegd"),
    "gebeurtenis.initieel_gewijzigd": gettext_lazy("Initiële baseline gecorrigeerd"),
    "gebeurtenis.gecorrigeerd": gettext_lazy("Laatste gebeurtenis gecorrigeerd"),
    "versie.voorbereid": gettext_lazy("Versie voor publicatie voorbereid"),
    "versie.gecontroleerd": gettext_lazy("Versie afgetekend (gecontroleerd)"),
    "versie.gepubliceerd": gettext_lazy("Versie gepubliceerd"),
    "versie.vervallen": gettext_lazy("Versie vervallen"),
}
AUDIT_MAXIMUM = 100


# --------------------------------------------------------------------------
# Helpers


def _mag_bewerken(user, activiteit: IctActiviteit) -> bool:
    """The same question as ``IctActiviteit.objects.bewerkbaar_voor(user)``, without a query per activity."""
    return scope(user, Recht.PORTFOLIO_BEWERKEN).omvat(activiteit.ministerie_id, activiteit.dienstonderdeel_id)


def _activiteit(request, nummer: int, *, bewerken: bool = False, kerncijfers: bool = False) -> IctActiviteit:
    """The activity ``nummer`` if the user may see it (else 404); with ``bewerken`` also change it (else 403)."""
    qs = IctActiviteit.objects.zichtbaar_voor(request.user)
    if kerncijfers:
        qs = qs.met_kerncijfers()
    activiteit = get_object_or_404(qs.select_related("ministerie", "dienstonderdeel", "zbo"), nummer=nummer)
    if bewerken and not _mag_bewerken(request.user, activiteit):
        raise PermissionDenied(_("U mag alleen ICT-activiteiten van uw eigen organisatie invoeren en wijzigen (B14, art 16.4)."))
    return activiteit


def _fouten_verdelen(exc: ValidationError, *forms) -> None:
    """A service's ValidationError onto the forms that have the named fields; the rest onto the first form."""
    if not hasattr(exc, "error_dict"):
        forms[0].fouten_van(exc)
        return
    rest = {}
    for veld, fouten in exc.error_dict.items():
        doel = next((f for f in forms if veld in f.fields), None)
        if doel is None:
            rest[veld] = fouten
        else:
            doel.fouten_van(ValidationError({veld: fouten}))
    if rest:
        forms[0].fouten_van(ValidationError(rest))


def _foutoverzicht(form=None, formsets=(), extra_forms=()) -> list[dict]:
    """Every error of a page with several forms, each with the id of the field it is about (for the error summary)."""
    regels = []

    def van_form(f, voorvoegsel=""):
        for fout in f.non_field_errors():
            regels.append({"tekst": f"{voorvoegsel}{fout}", "anker": None})
        for veld in f:
            for fout in veld.errors:
                anker = f"{veld.auto_id}_0" if veld.use_fieldset else (veld.id_for_label or veld.auto_id)
                regels.append({"tekst": f"{voorvoegsel}{veld.label}: {fout}", "anker": None if veld.is_hidden else anker})

    if form is not None:
        van_form(form)
    for f in extra_forms:
        van_form(f)
    for titel, rijnaam, fs in formsets:
        for fout in fs.non_form_errors():
            regels.append({"tekst": f"{titel}: {fout}", "anker": f"{fs.prefix}-titel"})
        for i, f in enumerate(fs.forms, start=1):
            van_form(f, f"{titel}, {rijnaam} {i}: ")
    return regels


def _querystring(request, **wijzig) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    for sleutel, waarde in wijzig.items():
        if waarde in (None, ""):
            params.pop(sleutel, None)
        else:
            params[sleutel] = waarde
    return params.urlencode()


# --------------------------------------------------------------------------
# List


def _zoeken(qs, tekst: str):
    for woord in tekst.split():
        q = (
            Q(naam__icontains=woord)
            | Q(onderwerp__icontains=woord)
            | Q(dienstverlening__icontains=woord)
            | Q(opdrachtgevende_organisatie__icontains=woord)
            | Q(ministerie__naam__icontains=woord)
            | Q(ministerie__afkorting__iexact=woord)
            | Q(dienstonderdeel__naam__icontains=woord)
            | Q(dienstonderdeel__afkorting__iexact=woord)
            | Q(zbo__naam__icontains=woord)
            | Q(zbo__afkorting__iexact=woord)
        )
        if woord.isdigit():
            q |= Q(nummer=int(woord))
        qs = qs.filter(q)
    return qs


@login_required
def lijst(request):
    user = request.user
    zichtbaar = IctActiviteit.objects.zichtbaar_voor(user)
    inzien = scope(user, Recht.PORTFOLIO_INZIEN)
    if inzien.rijksbreed:
        ministeries = Ministerie.objects.all()
    else:
        ministeries = Ministerie.objects.filter(
            Q(pk__in=inzien.ministerie_ids) | Q(dienstonderdelen__in=inzien.dienstonderdeel_ids)
        ).distinct()
    ministeries = ministeries.order_by("afkorting")
    onderwerpen = [o for o in zichtbaar.order_by("onderwerp").values_list("onderwerp", flat=True).distinct() if o]
    filterform = ActiviteitFilterForm(request.GET, ministeries=ministeries, onderwerpen=onderwerpen)
    filterform.is_valid()  # invalid values are ignored; valid ones apply
    f = getattr(filterform, "cleaned_data", {})

    grens = drempel(timezone.localdate())
    qs = (
        zichtbaar.met_kerncijfers()
        .select_related("ministerie", "dienstonderdeel", "zbo")
        .annotate(
            rapporteerbaar=Case(
                When(Q(k_actueel_totaal__gte=grens) | Q(k_initieel_totaal__gte=grens), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            k_verschil_pct=Case(
                When(
                    k_initieel_totaal__gt=0,
                    then=ExpressionWrapper(F("k_verschil") * Value(100) / F("k_initieel_totaal"), output_field=DecimalField(**BEDRAG)),
                ),
                default=None,
                output_field=DecimalField(**BEDRAG),
            ),
        )
    )
    if f.get("q"):
        qs = _zoeken(qs, f["q"])
    if f.get("ministerie"):
        qs = qs.filter(ministerie__in=f["ministerie"])
    if f.get("soort"):
        qs = qs.filter(soort__in=f["soort"])
    if f.get("status"):
        qs = qs.filter(status__in=f["status"])
    if f.get("onderwerp"):
        qs = qs.filter(onderwerp=f["onderwerp"])
    if f.get("rapporteerbaar") == "ja":
        qs = qs.filter(rapporteerbaar=True)
    elif f.get("rapporteerbaar") == "nee":
        qs = qs.filter(rapporteerbaar=False)

    sorteer = request.GET.get("sorteer", "")
    sleutel = sorteer.lstrip("-")
    aflopend = sorteer.startswith("-")
    if sleutel in SORTEERVELDEN:
        expressie = F(SORTEERVELDEN[sleutel])
        qs = qs.order_by(expressie.desc(nulls_last=True) if aflopend else expressie.asc(nulls_last=True), "nummer")
    else:
        sorteer, sleutel = "", ""
        qs = qs.order_by("ministerie__afkorting", "naam", "nummer")

    kolommen = []
    for kol_sleutel, label, numeriek, _expressie in KOLOMMEN:
        kolom = {"label": label, "num": numeriek, "url": None, "aria_sort": None}
        if kol_sleutel:
            if kol_sleutel == sleutel:
                kolom["aria_sort"] = "descending" if aflopend else "ascending"
                nieuw = kol_sleutel if aflopend else f"-{kol_sleutel}"
            else:
                nieuw = kol_sleutel
            kolom["url"] = "?" + _querystring(request, sorteer=nieuw)
        kolommen.append(kolom)

    page_obj = pagineer(request, qs)
    context = {
        "page_obj": page_obj,
        "filterform": filterform,
        "kolommen": kolommen,
        "sorteer": sorteer,
        "querystring_zonder_pagina": querystring_zonder_pagina(request),
        "drempel": grens,
        "kan_aanmaken": not scope(user, Recht.PORTFOLIO_BEWERKEN).leeg,
        "gefilterd": any(f.get(v) for v in ("q", "ministerie", "soort", "status", "onderwerp", "rapporteerbaar")),
        "meer_filters_actief": any(f.get(v) for v in ("ministerie", "soort", "status")),
        "toon_ministeriefilter": inzien.rijksbreed or len(inzien.ministerie_ids) + len(inzien.dienstonderdeel_ids) > 1,
    }
    return render(request, "portfolio/activiteit_lijst.html", context)


# --------------------------------------------------------------------------
# Detail


def _grafieken(activiteit: IctActiviteit, gebeurtenissen: list[Gebeurtenis], k) -> list[dict]:
    """The two line charts of the event history (shared with the public activity page)."""
    return historiegrafieken(nummer=activiteit.nummer, gebeurtenissen=gebeurtenissen, k=k)


def _audittrail(user, activiteit, gebeurtenissen, lijsten: dict, versies):
    """The audit records of the activity and its children, in one query: by (object_type, object_id) pairs."""
    paren = {"portfolio.ictactiviteit": [activiteit.pk], "portfolio.gebeurtenis": [g.pk for g in gebeurtenissen]}
    for rijen in lijsten.values():
        for obj in rijen:
            paren.setdefault(obj._meta.label_lower, []).append(obj.pk)
    paren["portfolio.activiteitversie"] = [v.pk for v in versies]
    q = Q()
    for object_type, ids in paren.items():
        if ids:
            q |= Q(object_type=object_type, object_id__in=[str(i) for i in ids])
    records = list(audit_zichtbaar_voor(user).filter(q).order_by("-tijdstip", "-id")[: AUDIT_MAXIMUM + 1])
    for r in records:
        r.actie_weergave = ACTIES.get(r.actie, r.actie)
    return records[:AUDIT_MAXIMUM], len(records) > AUDIT_MAXIMUM


@login_required
def detail(request, nummer):
    a = _activiteit(request, nummer, kerncijfers=True)
    k = a.kerncijfers
    gebeurtenissen = list(a.gebeurtenissen.prefetch_related("redenen").order_by("datum", "pk"))
    vervangen = {g.vervangt_id for g in gebeurtenissen if g.vervangt_id}
    for g in gebeurtenissen:
        g.is_vervangen = g.pk in vervangen
    # Key figures, charts and reasons count the events in force; the table shows all, corrected ones marked.
    geldend = [g for g in gebeurtenissen if not g.is_vervangen]
    lijsten = {
        "mijlpalen": list(a.mijlpalen.all()),
        "kwaliteitstoetsen": list(a.kwaliteitstoetsen.all()),
        "kamerstukken": list(a.kamerstukken.all()),
        "baten": list(a.baten.all()),
        "ontwikkelpartijen": list(a.ontwikkelpartijen.all()),
    }
    versies = list(ActiviteitVersie.objects.zichtbaar_voor(request.user).filter(activiteit=a).order_by("-peildatum", "-versienummer"))
    audit, audit_ingekort = _audittrail(request.user, a, gebeurtenissen, lijsten, versies)

    redenen = Counter(r.naam for g in geldend if g.soort == Gebeurtenis.Soort.HERIJKING for r in g.redenen.all())
    categorieen = [
        {
            "label": Kostencategorie(cat).label,
            "initieel": getattr(k, f"initieel_{cat}", None),
            "actueel": getattr(k, f"actueel_{cat}", None),
            "verschil": (getattr(k, f"actueel_{cat}") - getattr(k, f"initieel_{cat}"))
            if getattr(k, f"actueel_{cat}", None) is not None and getattr(k, f"initieel_{cat}", None) is not None
            else None,
            "gerealiseerd": getattr(k, f"gerealiseerd_{cat}", None),
        }
        for cat in KOSTENCATEGORIEEN
    ]
    for g in gebeurtenissen:
        g.per_categorie = [(g.geschat(cat), g.gerealiseerd(cat)) for cat in KOSTENCATEGORIEEN]
    grens = drempel(timezone.localdate())
    kan_bewerken = _mag_bewerken(request.user, a)
    context = {
        "activiteit": a,
        "k": k,
        "gebeurtenissen": gebeurtenissen,
        "categorieen": categorieen,
        "categorie_labels": [Kostencategorie(cat).label for cat in KOSTENCATEGORIEEN],
        "redenen": sorted(redenen.items(), key=lambda r: (-r[1], r[0])),
        "grafieken": _grafieken(a, geldend, k),
        "versies": versies,
        "audit": audit,
        "audit_ingekort": audit_ingekort,
        "drempel": grens,
        "rapporteerbaar": any(w is not None and w >= grens for w in (k.initieel_totaal, k.actueel_totaal)),
        "kan_bewerken": kan_bewerken,
        "baseline_corrigeerbaar": kan_bewerken and len(gebeurtenissen) == 1 and gebeurtenissen[0].soort == Gebeurtenis.Soort.INITIEEL,
        "correctie_mogelijk": kan_bewerken and bool(geldend) and geldend[-1].soort != Gebeurtenis.Soort.INITIEEL,
        "status_wijzigbaar": kan_bewerken and bool(services.OVERGANGEN[Status(a.status)]),
        **lijsten,
    }
    return render(request, "portfolio/activiteit_detail.html", context)


# --------------------------------------------------------------------------
# Create and edit


def _einddatum_na_startdatum(form, initieel) -> None:
    """The service's cross-field rule (end date after start date, services._valideer_gebeurtenis), also when another
    field failed, so that every error is reported in one round instead of this one only after the others are fixed."""
    start = form.cleaned_data.get("startdatum") if hasattr(form, "cleaned_data") else None
    eind = initieel.cleaned_data.get("einddatum") if hasattr(initieel, "cleaned_data") else None
    if start and eind and eind <= start and "einddatum" not in initieel.errors:
        initieel.add_error(
            "einddatum", _("De geschatte einddatum moet na de startdatum (%(d)s) liggen.") % {"d": start.strftime("%d-%m-%Y")}
        )


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request):
    if scope(request.user, Recht.PORTFOLIO_BEWERKEN).leeg:
        raise PermissionDenied(_("Alleen een CIO-office of CIO van een organisatie voert ICT-activiteiten in (B14, art 16.4)."))
    data = request.POST if request.method == "POST" else None
    form = ActiviteitForm(data, user=request.user)
    initieel = InitieelForm(data, prefix="initieel")
    if request.method == "POST":
        geldig = [form.is_valid(), initieel.is_valid()]
        if not all(geldig):
            _einddatum_na_startdatum(form, initieel)
        if all(geldig):
            try:
                a = services.activiteit_aanmaken(actor=request.user, gegevens=form.gegevens(), initieel=initieel.gegevens())
            except ValidationError as exc:
                _fouten_verdelen(exc, form, initieel)
            else:
                messages.success(
                    request,
                    _("ICT-activiteit %(nummer)s '%(naam)s' is aangemaakt met de initiële baseline.")
                    % {"nummer": a.nummer, "naam": a.naam},
                )
                return redirect("portfolio:detail", nummer=a.nummer)
    context = {
        "form": form,
        "initieel": initieel,
        "fouten": _foutoverzicht(form, extra_forms=[initieel]),
        "titel": _("Nieuwe ICT-activiteit"),
    }
    return render(request, "portfolio/activiteit_nieuw.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request, nummer):
    a = _activiteit(request, nummer, bewerken=True)
    data = request.POST if request.method == "POST" else None
    form = ActiviteitForm(data, instance=copy.copy(a), user=request.user)
    versieform = VersieForm(data, initial={"versie": a.versie})
    formsets = [(titel, rijnaam, fs_class(data, instance=a, prefix=prefix)) for prefix, fs_class, titel, rijnaam in ONDERDELEN]
    conflict = None
    if request.method == "POST":
        geldig = [form.is_valid(), versieform.is_valid()] + [fs.is_valid() for _t, _r, fs in formsets]
        if all(geldig):
            onderdelen, verwijderen = [], []
            for _t, _r, fs in formsets:
                onderdelen += fs.save(commit=False)
                verwijderen += fs.deleted_objects
            try:
                services.activiteit_wijzigen(
                    actor=request.user,
                    activiteit=a,
                    gegevens=form.gegevens(),
                    versie=versieform.cleaned_data["versie"],
                    onderdelen=onderdelen,
                    verwijderen=verwijderen,
                )
            except services.Conflict as exc:
                conflict = exc
            except ValidationError as exc:
                form.fouten_van(exc)
            else:
                messages.success(request, _("De wijzigingen in '%(naam)s' zijn opgeslagen.") % {"naam": form.cleaned_data["naam"]})
                if "verder" in request.POST:
                    return redirect("portfolio:bewerken", nummer=a.nummer)
                return redirect("portfolio:detail", nummer=a.nummer)
    context = {
        "activiteit": a,
        "form": form,
        "versieform": versieform,
        "formsets": formsets,
        "conflict": conflict,
        "fouten": _foutoverzicht(form, formsets, extra_forms=[versieform]),
        "titel": _("%(naam)s bewerken") % {"naam": a.naam},
    }
    return render(request, "portfolio/activiteit_bewerken.html", context, status=409 if conflict else 200)


# --------------------------------------------------------------------------
# Events: rapportage, herijking, correcting the initial baseline


def _kerncijfertabel(k) -> list[dict]:
    """Initial baseline and current figures per cost category, for reference on the event forms."""
    return [
        {
            "label": Kostencategorie(cat).label,
            "initieel": getattr(k, f"initieel_{cat}", None),
            "actueel": getattr(k, f"actueel_{cat}", None),
            "gerealiseerd": getattr(k, f"gerealiseerd_{cat}", None),
        }
        for cat in KOSTENCATEGORIEEN
    ]


@login_required
@require_http_methods(["GET", "POST"])
def gebeurtenis(request, nummer):
    soort = request.GET.get("soort", Gebeurtenis.Soort.RAPPORTAGE)
    if soort not in (Gebeurtenis.Soort.RAPPORTAGE, Gebeurtenis.Soort.HERIJKING):
        raise Http404(_("Onbekende soort gebeurtenis."))
    a = _activiteit(request, nummer, bewerken=True, kerncijfers=True)
    k = a.kerncijfers
    initial = {"versie": a.versie, "datum": timezone.localdate(), "einddatum": k.actuele_einddatum}
    for cat in KOSTENCATEGORIEEN:
        initial[f"geschat_{cat}"] = getattr(k, f"actueel_{cat}", None) or NUL
        initial[f"gerealiseerd_{cat}"] = getattr(k, f"gerealiseerd_{cat}", None) or NUL
    form = GebeurtenisForm(request.POST if request.method == "POST" else None, initial=initial, soort=soort)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.gebeurtenis_toevoegen(
                actor=request.user, activiteit=a, versie=form.cleaned_data["versie"], soort=soort, **form.gegevens()
            )
        except services.Conflict as exc:
            conflict = exc
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            if soort == Gebeurtenis.Soort.HERIJKING:
                messages.success(request, _("De herijking is vastgelegd. De initiële baseline blijft zichtbaar naast de nieuwe schatting."))
            else:
                messages.success(request, _("De rapportage is vastgelegd."))
            return redirect("portfolio:detail", nummer=a.nummer)
    herijking = soort == Gebeurtenis.Soort.HERIJKING
    context = {
        "activiteit": a,
        "k": k,
        "form": form,
        "soort": soort,
        "herijking": herijking,
        "conflict": conflict,
        "referentie": _kerncijfertabel(k),
        "fouten": _foutoverzicht(form),
        "titel": (_("Herijking vastleggen: %(naam)s") if herijking else _("Rapportage toevoegen: %(naam)s")) % {"naam": a.naam},
    }
    return render(request, "portfolio/activiteit_gebeurtenis.html", context, status=409 if conflict else 200)


@login_required
@require_http_methods(["GET", "POST"])
def gebeurtenis_correctie(request, nummer):
    """Correct the last rapportage or herijking: a new event that supersedes it, after a confirmation (never a deletion)."""
    a = _activiteit(request, nummer, bewerken=True, kerncijfers=True)
    k = a.kerncijfers
    oud = services.te_corrigeren_gebeurtenis(a)
    context = {"activiteit": a, "k": k, "oud": oud, "titel": _("Laatste gebeurtenis corrigeren: %(naam)s") % {"naam": a.naam}}
    if oud is None:
        return render(request, "portfolio/activiteit_correctie.html", context)
    initial = {
        "versie": a.versie,
        "soort": oud.soort,
        "datum": oud.datum,
        "einddatum": oud.einddatum,
        "toelichting_kosten": oud.toelichting_kosten,
        "toelichting_einddatum": oud.toelichting_einddatum,
        "redenen": list(oud.redenen.all()),
        **{veld: getattr(oud, veld) for veld in services.BEDRAGVELDEN},
    }
    form = GebeurtenisCorrectieForm(request.POST if request.method == "POST" else None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid() and "terug" not in request.POST:
        gegevens = form.gegevens()
        if request.POST.get("bevestigd") != "ja":
            totaal = sum((gegevens["bedragen"][f"geschat_{cat}"] for cat in KOSTENCATEGORIEEN), NUL)
            return render(
                request,
                "portfolio/activiteit_correctie_bevestigen.html",
                {**context, "form": form, "d": gegevens, "totaal_geschat": totaal},
            )
        try:
            services.gebeurtenis_corrigeren(actor=request.user, activiteit=a, versie=form.cleaned_data["versie"], **gegevens)
        except services.Conflict as exc:
            conflict = exc
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(
                request, _("De correctie is vastgelegd. De onjuiste gebeurtenis blijft in de historie zichtbaar als gecorrigeerd.")
            )
            return redirect("portfolio:detail", nummer=a.nummer)
    context.update({"form": form, "conflict": conflict, "referentie": _kerncijfertabel(k), "fouten": _foutoverzicht(form)})
    return render(request, "portfolio/activiteit_correctie.html", context, status=409 if conflict else 200)


@login_required
@require_http_methods(["GET", "POST"])
def baseline(request, nummer):
    a = _activiteit(request, nummer, bewerken=True, kerncijfers=True)
    gebeurtenissen = list(a.gebeurtenissen.all())
    initieel = next((g for g in gebeurtenissen if g.soort == Gebeurtenis.Soort.INITIEEL), None)
    corrigeerbaar = initieel is not None and len(gebeurtenissen) == 1
    context = {
        "activiteit": a,
        "k": a.kerncijfers,
        "corrigeerbaar": corrigeerbaar,
        "titel": _("Initiële baseline corrigeren: %(naam)s") % {"naam": a.naam},
    }
    if not corrigeerbaar:
        return render(request, "portfolio/activiteit_baseline.html", context)
    initial = {
        "versie": a.versie,
        "datum": initieel.datum,
        "einddatum": initieel.einddatum,
        "toelichting_kosten": initieel.toelichting_kosten,
        "toelichting_einddatum": initieel.toelichting_einddatum,
        **{veld: getattr(initieel, veld) for veld in services.BEDRAGVELDEN},
    }
    form = BaselineCorrectieForm(request.POST if request.method == "POST" else None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.initiele_baseline_wijzigen(
                actor=request.user, activiteit=a, versie=form.cleaned_data["versie"], gegevens=form.gegevens()
            )
        except services.Conflict as exc:
            conflict = exc
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("De initiële baseline is gecorrigeerd."))
            return redirect("portfolio:detail", nummer=a.nummer)
    context.update({"form": form, "conflict": conflict, "fouten": _foutoverzicht(form)})
    return render(request, "portfolio/activiteit_baseline.html", context, status=409 if conflict else 200)


# --------------------------------------------------------------------------
# Status


STATUSDEFINITIES = {
    Status.NOG_NIET_GESTART: gettext_lazy("Er is nog geen goedgekeurd projectplan."),
    Status.IN_UITVOERING: gettext_lazy("Gestart, niet gepauzeerd, niet afgerond of geannuleerd."),
    Status.IN_HERORIENTATIE: gettext_lazy("Tijdelijk gepauzeerd; de gepubliceerde gegevens kunnen nog niet worden bijgewerkt."),
    Status.AFGEROND: gettext_lazy("Decharge is verleend."),
    Status.GEANNULEERD: gettext_lazy("Gestopt vóór de voltooiing."),
}
BEVESTIGEN = {Status.AFGEROND, Status.GEANNULEERD}


@login_required
@require_http_methods(["GET", "POST"])
def status(request, nummer):
    a = _activiteit(request, nummer, bewerken=True)
    huidig = Status(a.status)
    context = {
        "activiteit": a,
        "huidig": huidig,
        "definities": [(s.label, STATUSDEFINITIES[s]) for s in Status],
        "titel": _("Status wijzigen: %(naam)s") % {"naam": a.naam},
    }
    if not services.OVERGANGEN[huidig]:
        return render(request, "portfolio/activiteit_status.html", {**context, "eindstatus": True})
    form = StatusForm(request.POST if request.method == "POST" else None, initial={"versie": a.versie}, huidige_status=a.status)
    conflict = None
    if request.method == "POST" and form.is_valid() and "terug" not in request.POST:
        d = form.cleaned_data
        nieuw = Status(d["status"])
        if nieuw in BEVESTIGEN and request.POST.get("bevestigd") != "ja":
            return render(
                request,
                "portfolio/activiteit_status_bevestigen.html",
                {**context, "form": form, "nieuw": nieuw, "d": d},
            )
        try:
            services.status_wijzigen(
                actor=request.user,
                activiteit=a,
                versie=d["versie"],
                status=nieuw,
                dechargedatum=d.get("dechargedatum"),
                annuleringsdatum=d.get("annuleringsdatum"),
                reden=d.get("reden", ""),
                ingangsdatum=d.get("ingangsdatum"),
            )
        except services.Conflict as exc:
            conflict = exc
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(
                request, _("De status is gewijzigd van '%(van)s' naar '%(naar)s'.") % {"van": huidig.label, "naar": nieuw.label}
            )
            return redirect("portfolio:detail", nummer=a.nummer)
    context.update({"form": form, "conflict": conflict})
    return render(request, "portfolio/activiteit_status.html", context, status=409 if conflict else 200)
