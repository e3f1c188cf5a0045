"""Pages for the people in the stelsel: organisation, role assignments, stelsel-overzicht, audit log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import haken, services, stelselcontrole
from .forms import (
    Art17Form,
    AuditFilterForm,
    HandvestForm,
    OverleglidForm,
    PersoonForm,
    RoltoewijzingBeeindigenForm,
    RoltoewijzingStartenForm,
)
from .models import (
    Art17Afwijking,
    CioOffice,
    Ministerie,
    Overleglidmaatschap,
    Overlegorgaan,
    Roltoewijzing,
    vandaag,
)
from .permissions import heeft_rijksbreed_recht, scope
from .rechten import Recht, RijksbreedRecht, Rol
from .selectors import audit_zichtbaar_voor

PAGINA_GROOTTE = 25


def vereist_rijksbreed(user, recht: str) -> None:
    if not heeft_rijksbreed_recht(user, recht):
        raise PermissionDenied(_("U heeft hiervoor niet de juiste rol."))


def querystring_zonder_pagina(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"&{encoded}" if encoded else ""


def pagineer(request, qs, grootte=PAGINA_GROOTTE):
    return Paginator(qs, grootte).get_page(request.GET.get("page"))


@login_required
def werkvoorraad(request):
    persoon = getattr(request.user, "persoon", None)
    rollen = (
        Roltoewijzing.objects.actief().filter(persoon=persoon).select_related("ministerie", "dienstonderdeel")
        if persoon
        else Roltoewijzing.objects.none()
    )
    context = {
        "rollen": rollen,
        "persoon": persoon,
        "kan_stelsel_inzien": heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_INZIEN),
    }
    if context["kan_stelsel_inzien"]:
        context["aantal_overtredingen"] = len(stelselcontrole.overtredingen())
    # The tasks of the apps above this one (oordelen, informatieplannen, the reporting cycle of portfolio), registered in their ready().
    for bijdrage in haken.functies("werkvoorraad"):
        context.update(bijdrage(request.user))
    return render(request, "cio_stelsel/werkvoorraad.html", context)


def _rolhouders(op):
    """{(ministerie_id | dienstonderdeel_id, rol): [Roltoewijzing]} of the active assignments."""
    per_org = {}
    for t in Roltoewijzing.objects.actief(op).select_related("persoon"):
        sleutel = ("do", t.dienstonderdeel_id) if t.dienstonderdeel_id else ("min", t.ministerie_id)
        per_org.setdefault((sleutel, t.rol), []).append(t)
    return per_org


@login_required
def ministeries(request):
    toon_historisch = request.GET.get("historisch") == "1"
    qs = Ministerie.objects.all() if toon_historisch else Ministerie.objects.actief()
    qs = qs.prefetch_related("dienstonderdelen")
    houders = _rolhouders(vandaag())
    rijen = []
    for m in qs:
        cio = houders.get((("min", m.pk), Rol.DEPARTEMENTALE_CIO), [])
        ciso = houders.get((("min", m.pk), Rol.DEPARTEMENTALE_CISO), [])
        vacatures = (int(not cio) + int(not ciso)) if m.is_actief else 0
        for do in m.dienstonderdelen.all() if m.is_actief else ():
            if do.substantieel_portfolio:
                vacatures += int(not houders.get((("do", do.pk), Rol.CIO_DIENSTONDERDEEL)))
                vacatures += int(not houders.get((("do", do.pk), Rol.CISO_DIENSTONDERDEEL)))
        rijen.append({"ministerie": m, "cio": cio[0] if cio else None, "ciso": ciso[0] if ciso else None, "vacatures": vacatures})
    return render(request, "cio_stelsel/ministeries.html", {"rijen": rijen, "toon_historisch": toon_historisch})


@login_required
def ministerie(request, pk):
    m = get_object_or_404(Ministerie.objects.prefetch_related("voorgangers", "opvolgers"), pk=pk)
    op = vandaag()
    houders = _rolhouders(op)

    def houder(sleutel, rol):
        lijst = houders.get((sleutel, rol), [])
        return lijst[0] if lijst else None

    sleutel = ("min", m.pk)
    ministers = houders.get((sleutel, Rol.MINISTER)) or [None]
    kernrollen = [
        *((Rol.MINISTER, minister, _("art 5.3")) for minister in ministers),
        (Rol.SECRETARIS_GENERAAL, houder(sleutel, Rol.SECRETARIS_GENERAAL), _("art 3.1")),
        (Rol.DEPARTEMENTALE_CIO, houder(sleutel, Rol.DEPARTEMENTALE_CIO), _("art 3")),
        (Rol.DEPARTEMENTALE_CISO, houder(sleutel, Rol.DEPARTEMENTALE_CISO), _("art 6")),
        (Rol.BEVEILIGINGSAUTORITEIT, houder(sleutel, Rol.BEVEILIGINGSAUTORITEIT), _("art 8.4")),
    ]
    dienstonderdelen = []
    offices = {o.dienstonderdeel_id: o for o in CioOffice.objects.filter(ministerie=m)}
    for do in m.dienstonderdelen.all():
        cio = houder(("do", do.pk), Rol.CIO_DIENSTONDERDEEL)
        ciso = houder(("do", do.pk), Rol.CISO_DIENSTONDERDEEL)
        dienstonderdelen.append(
            {
                "do": do,
                "cio": cio,
                "ciso": ciso,
                "office": offices.get(do.pk),
                "vacature": do.substantieel_portfolio and not (cio and ciso),
            }
        )
    kan_beheren = heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    overtredingen = []
    if heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_INZIEN):
        overtredingen = [o for o in stelselcontrole.overtredingen(op) if o.ministerie_id == m.pk]
    context = {
        "ministerie": m,
        "kernrollen": kernrollen,
        "bestuursraad": houders.get((sleutel, Rol.BESTUURSRAADLID), []),
        "office_medewerkers": houders.get((sleutel, Rol.CIO_OFFICE), []),
        "office": offices.get(None),
        "dienstonderdelen": dienstonderdelen,
        "zbos": m.zbos.all(),
        "kan_beheren": kan_beheren,
        "overtredingen": overtredingen,
        "afwijkingen": Art17Afwijking.objects.filter(ministerie=m),
    }
    return render(request, "cio_stelsel/ministerie.html", context)


@login_required
def rolgeschiedenis(request, pk):
    m = get_object_or_404(Ministerie, pk=pk)
    qs = (
        Roltoewijzing.objects.filter(Q(ministerie=m) | Q(dienstonderdeel__ministerie=m))
        .select_related("persoon", "dienstonderdeel", "ministerie")
        .order_by("-begindatum", "rol")
    )
    rol = request.GET.get("rol", "")
    if rol in Rol.values:
        qs = qs.filter(rol=rol)
    return render(
        request,
        "cio_stelsel/rolgeschiedenis.html",
        {
            "ministerie": m,
            "page_obj": pagineer(request, qs),
            "rollen": Rol.choices,
            "gekozen_rol": rol,
            "querystring_zonder_pagina": querystring_zonder_pagina(request),
            "vandaag": vandaag(),
            "kan_beheren": heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_BEHEREN),
            # Consultation reports (S7) are internal: for the ministerie itself and the stelsel's administrators.
            "toon_consultatie": heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_INZIEN)
            or scope(request.user, Recht.PORTFOLIO_INZIEN).omvat(m.pk),
        },
    )


@login_required
def stelsel_overzicht(request):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_INZIEN)
    op = vandaag()
    lijst = stelselcontrole.overtredingen(op)
    verlopen, handvest = stelselcontrole.handvest_verlopen(op)
    return render(
        request,
        "cio_stelsel/stelsel_overzicht.html",
        {
            "overtredingen": lijst,
            "volgende_evaluatie": stelselcontrole.volgende_evaluatie(op),
            "handvest": handvest,
            "handvest_verlopen": verlopen,
            "afwijkingen": Art17Afwijking.objects.actief(op).filter(status=Art17Afwijking.Status.GOEDGEKEURD).select_related("ministerie"),
            "kan_beheren": heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_BEHEREN),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def roltoewijzing_starten(request):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    if request.method == "POST":
        form = RoltoewijzingStartenForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                toewijzing = services.roltoewijzing_starten(
                    actor=request.user,
                    persoon=d["persoon"],
                    rol=d["rol"],
                    organisatie=form.organisatie(),
                    begindatum=d["begindatum"],
                    einddatum=d["einddatum"],
                    consultatie_datum=d["consultatie_datum"],
                    consultatie=d["consultatie"],
                    reden=d["reden"],
                    besloten_door=d["besloten_door"],
                )
            except ValidationError as exc:
                form.fouten_van(exc)
            else:
                messages.success(request, _("%(t)s is vastgelegd.") % {"t": toewijzing})
                m = toewijzing.ministerie
                return redirect(reverse("cio_stelsel:ministerie", args=[m.pk]) if m else reverse("cio_stelsel:stelsel_overzicht"))
    else:
        initial = {"begindatum": vandaag()}
        for veld in ("rol", "ministerie", "dienstonderdeel", "persoon"):
            if request.GET.get(veld):
                initial[veld] = request.GET[veld]
        form = RoltoewijzingStartenForm(initial=initial)
    return render(request, "cio_stelsel/roltoewijzing_starten.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def roltoewijzing_beeindigen(request, pk):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    toewijzing = get_object_or_404(Roltoewijzing.objects.select_related("persoon", "ministerie", "dienstonderdeel"), pk=pk)
    if request.method == "POST":
        form = RoltoewijzingBeeindigenForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.roltoewijzing_beeindigen(
                    actor=request.user,
                    toewijzing=toewijzing,
                    einddatum=d["einddatum"],
                    reden=d["reden"],
                    consultatie_datum=d["consultatie_datum"],
                    consultatie=d["consultatie"],
                )
            except ValidationError as exc:
                form.fouten_van(exc)
            else:
                messages.success(request, _("De roltoewijzing is beëindigd."))
                m = toewijzing.ministerie
                return redirect(reverse("cio_stelsel:ministerie", args=[m.pk]) if m else reverse("cio_stelsel:stelsel_overzicht"))
    else:
        form = RoltoewijzingBeeindigenForm(initial={"einddatum": vandaag()})
    annuleer = (
        reverse("cio_stelsel:ministerie", args=[toewijzing.ministerie_id])
        if toewijzing.ministerie_id
        else reverse("cio_stelsel:stelsel_overzicht")
    )
    return render(request, "cio_stelsel/roltoewijzing_beeindigen.html", {"form": form, "toewijzing": toewijzing, "annuleer_url": annuleer})


@login_required
@require_http_methods(["GET", "POST"])
def persoon_nieuw(request):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    form = PersoonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            persoon = services.organisatie_opslaan(actor=request.user, obj=form.save(commit=False))
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("%(p)s is toegevoegd.") % {"p": persoon})
            return redirect(f"{reverse('cio_stelsel:roltoewijzing_starten')}?persoon={persoon.pk}")
    return render(request, "cio_stelsel/formulier.html", {"form": form, "titel": _("Persoon toevoegen")})


@login_required
def overlegorganen(request):
    op = vandaag()
    organen = Overlegorgaan.objects.prefetch_related(
        Prefetch(
            "lidmaatschappen",
            queryset=Overleglidmaatschap.objects.actief(op).select_related("persoon", "namens_ministerie", "namens_dienstonderdeel"),
            to_attr="actieve_leden",
        ),
        "handvestversies",
    )
    verlopen, handvest = stelselcontrole.handvest_verlopen(op)
    return render(
        request,
        "cio_stelsel/overlegorganen.html",
        {
            "organen": organen,
            "handvest_verlopen": verlopen,
            "kan_beheren": heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_BEHEREN),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def overleglid_toevoegen(request, pk):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    orgaan = get_object_or_404(Overlegorgaan, pk=pk)
    form = OverleglidForm(request.POST or None, initial={"begindatum": vandaag()})
    if request.method == "POST" and form.is_valid():
        try:
            services.overleglid_toevoegen(actor=request.user, overlegorgaan=orgaan, **form.cleaned_data)
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("Het lidmaatschap is vastgelegd."))
            return redirect("cio_stelsel:overlegorganen")
    return render(request, "cio_stelsel/formulier.html", {"form": form, "titel": _("Lid toevoegen aan %(o)s") % {"o": orgaan}})


@login_required
@require_http_methods(["GET", "POST"])
def handvest_vaststellen(request, pk):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    orgaan = get_object_or_404(Overlegorgaan, pk=pk)
    form = HandvestForm(request.POST or None, initial={"vastgesteld_op": vandaag()})
    if request.method == "POST" and form.is_valid():
        try:
            services.handvest_vaststellen(actor=request.user, overlegorgaan=orgaan, **form.cleaned_data)
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("De nieuwe versie van het handvest is vastgelegd."))
            return redirect("cio_stelsel:overlegorganen")
    return render(request, "cio_stelsel/formulier.html", {"form": form, "titel": _("Handvest vaststellen: %(o)s") % {"o": orgaan}})


@login_required
def art17_lijst(request):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_INZIEN)
    qs = Art17Afwijking.objects.select_related("ministerie", "aangevraagd_door")
    return render(
        request,
        "cio_stelsel/art17_lijst.html",
        {"afwijkingen": qs, "kan_beheren": heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_BEHEREN)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def art17_aanvragen(request):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    form = Art17Form(request.POST or None, initial={"begindatum": vandaag()})
    if request.method == "POST" and form.is_valid():
        try:
            services.art17_afwijking_aanvragen(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(request, _("De aanvraag is vastgelegd."))
            return redirect("cio_stelsel:art17")
    return render(request, "cio_stelsel/formulier.html", {"form": form, "titel": _("Afwijking (art 17) vastleggen")})


@login_required
@require_http_methods(["POST"])
def art17_besluiten(request, pk):
    vereist_rijksbreed(request.user, RijksbreedRecht.STELSEL_BEHEREN)
    afwijking = get_object_or_404(Art17Afwijking, pk=pk)
    besluit = request.POST.get("besluit")
    if besluit not in ("goedkeuren", "afwijzen"):
        messages.error(request, _("Kies goedkeuren of afwijzen."))
        return redirect("cio_stelsel:art17")
    try:
        services.art17_afwijking_besluiten(
            actor=request.user, afwijking=afwijking, goedgekeurd=besluit == "goedkeuren", reden=request.POST.get("reden", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Het besluit is vastgelegd."))
    return redirect("cio_stelsel:art17")


@login_required
def audit(request):
    form = AuditFilterForm(request.GET or None)
    qs = audit_zichtbaar_voor(request.user)
    if form.is_valid():
        d = form.cleaned_data
        if d["q"]:
            qs = qs.filter(Q(object_weergave__icontains=d["q"]) | Q(actor_naam__icontains=d["q"]) | Q(reden__icontains=d["q"]))
        if d["actie"]:
            qs = qs.filter(actie=d["actie"])
        if d["object_type"]:
            qs = qs.filter(object_type=d["object_type"])
    return render(
        request,
        "cio_stelsel/audit.html",
        {"form": form, "page_obj": pagineer(request, qs), "querystring_zonder_pagina": querystring_zonder_pagina(request)},
    )


@login_required
def auditrecord(request, pk):
    record = get_object_or_404(audit_zichtbaar_voor(request.user), pk=pk)
    return render(request, "cio_stelsel/auditrecord.html", {"record": record})
