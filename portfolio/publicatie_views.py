"""Pages for publishing the dashboard data per peildatum (B14, B15, art 16.3-16.4).

Each version of an activity's data moves concept → gecontroleerd → gepubliceerd:

* the CIO-office (or the CIO) freezes the current data of an activity as a
  concept version (``versie_voorbereiden``);
* the departmental CIO signs off the data quality of the ministry's concept
  versions for the peildatum (``versies_aftekenen``, art 16.4);
* the CIO Rijk publishes the signed-off versions (``versies_publiceren``, art 16.3).

A published version is never changed: a correction is a new version, prepared
again. The services decide and check the rights; these views only show the
buttons to those who may use them, ask for confirmation, and turn a refusal
into a 403 page (``PermissionDenied``) or a message (``ValidationError``).
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from cio_stelsel.models import AuditRecord, Dienstonderdeel, Ministerie
from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht

from . import services
from .models import (
    KOSTENCATEGORIEEN,
    ActiviteitVersie,
    Gebeurtenis,
    IctActiviteit,
    Kostencategorie,
    Kwaliteitstoets,
    Ontwikkelwijze,
    Soort,
    Status,
)
from .publicatie_selectors import (
    VersieStatus,
    jaarpeildata,
    lege_telling,
    tellingen,
    verwacht,
    zonder_versie,
)


def _ministeries_in_scope(s):
    """The ministries whose rows a scope reaches (a dienstonderdeel's scope reaches its ministerie's row)."""
    if s.rijksbreed:
        return Ministerie.objects.all()
    return Ministerie.objects.filter(Q(pk__in=s.ministerie_ids) | Q(dienstonderdelen__pk__in=s.dienstonderdeel_ids)).distinct()


def _mag_inzien(user, ministerie: Ministerie) -> bool:
    s = scope(user, Recht.PORTFOLIO_INZIEN)
    if s.omvat(ministerie.pk):
        return True
    return bool(s.dienstonderdeel_ids) and Dienstonderdeel.objects.filter(ministerie=ministerie, pk__in=s.dienstonderdeel_ids).exists()


def _mag_aftekenen(user, ministerie: Ministerie) -> bool:
    """Mirrors services.versies_aftekenen (B14, art 16.4): the departmental CIO of the ministerie."""
    return scope(user, Recht.PEILDATUM_AFTEKENEN).omvat(ministerie.pk)


def _mag_publiceren(user) -> bool:
    """Mirrors services.versies_publiceren (B15, art 16.3): the CIO Rijk."""
    return heeft_rijksbreed_recht(user, RijksbreedRecht.PEILDATUM_PUBLICEREN)


def _ministerie_url(ministerie_id: int, peildatum: datetime.date, anker: str = "") -> str:
    url = reverse("portfolio:publicatie_ministerie", args=[ministerie_id, peildatum])
    return f"{url}#{anker}" if anker else url


# --------------------------------------------------------------------------
# Overview


@login_required
def overzicht(request):
    """Per peildatum a table of ministries with the number of activities missing, in concept, checked, published."""
    user = request.user
    inzien = scope(user, Recht.PORTFOLIO_INZIEN)
    peildata = set(jaarpeildata())
    peildata |= set(ActiviteitVersie.objects.telbaar_voor(user).order_by().values_list("peildatum", flat=True).distinct())
    peildata = sorted(peildata, reverse=True)
    telling = tellingen(user, peildata) if not inzien.leeg else {}
    met_gegevens = {m_id for (m_id, _pd) in telling}
    ministeries = []
    if not inzien.leeg:
        # The CIO Rijk: every current ministry, and former ones that still have data.
        ministeries = [
            m for m in _ministeries_in_scope(inzien).order_by("naam") if m.pk in met_gegevens or m.is_actief or not inzien.rijksbreed
        ]
    leeg = lege_telling()
    tabellen = []
    for peildatum in peildata:
        rijen = []
        totaal = dict(leeg)
        for m in ministeries:
            t = telling.get((m.pk, peildatum), leeg)
            rijen.append({"ministerie": m, "telling": t, "url": _ministerie_url(m.pk, peildatum)})
            for sleutel in totaal:
                totaal[sleutel] += t[sleutel]
        tabellen.append({"peildatum": peildatum, "rijen": rijen, "totaal": totaal})
    return render(
        request,
        "portfolio/publicatie_overzicht.html",
        {
            "tabellen": tabellen,
            "rijksbreed": inzien.rijksbreed,
            "geen_inzage": inzien.leeg,
        },
    )


# --------------------------------------------------------------------------
# One ministerie, one peildatum


@login_required
def ministerie(request, pk: int, peildatum: datetime.date):
    """The ministry's activities for a peildatum with each one's latest version, and the buttons the user may use."""
    user = request.user
    m = get_object_or_404(Ministerie, pk=pk)
    if not _mag_inzien(user, m):
        raise PermissionDenied(_("U mag de gegevens van dit ministerie niet inzien (B14)."))
    zichtbaar = IctActiviteit.objects.zichtbaar_voor(user).filter(ministerie=m)
    verwacht_ids = set(verwacht(zichtbaar, peildatum).values_list("pk", flat=True))
    met_versie = ActiviteitVersie.objects.filter(activiteit=OuterRef("pk"), peildatum=peildatum)
    # The figures as they stand on the peildatum (issue 12): what a version prepared now would hold.
    activiteiten = list(
        zichtbaar.met_kerncijfers(op=peildatum)
        .filter(Q(pk__in=verwacht_ids) | Q(Exists(met_versie)))
        .select_related("ministerie", "dienstonderdeel", "zbo")
        .order_by("naam", "nummer")
    )
    versies_per_activiteit: dict[int, list[ActiviteitVersie]] = {}
    for v in (
        ActiviteitVersie.objects.filter(activiteit__in=[a.pk for a in activiteiten], peildatum=peildatum)
        .select_related("voorbereid_door__persoon", "gecontroleerd_door__persoon", "gepubliceerd_door__persoon")
        .order_by("activiteit", "versienummer")
    ):
        versies_per_activiteit.setdefault(v.activiteit_id, []).append(v)

    bewerken = scope(user, Recht.PORTFOLIO_BEWERKEN)
    in_verleden = peildatum <= timezone.localdate()
    samenvatting = lege_telling()
    rijen = []
    for a in activiteiten:
        versies = versies_per_activiteit.get(a.pk, [])
        laatste = versies[-1] if versies else None
        geldend = next((v for v in reversed(versies) if v.status == VersieStatus.GEPUBLICEERD), None)
        lopend = [v for v in versies if v.status in (VersieStatus.CONCEPT, VersieStatus.GECONTROLEERD)]
        if not geldend and not lopend and a.pk in verwacht_ids:
            samenvatting["ontbrekend"] += 1
        for status in {v.status for v in versies if v.status != VersieStatus.VERVALLEN}:
            samenvatting[status] += 1
        rijen.append(
            {
                "activiteit": a,
                "laatste": laatste,
                "geldend": geldend if geldend and geldend != laatste else None,
                "verwacht": a.pk in verwacht_ids,
                "actueel_mln": _mln(a.k_actueel_totaal),
                "gewijzigd_na_versie": bool(laatste and a.gewijzigd_op > laatste.voorbereid_op),
                "kan_voorbereiden": in_verleden and bewerken.omvat(a.ministerie_id, a.dienstonderdeel_id),
            }
        )
    aantal_concept = ActiviteitVersie.objects.filter(ministerie=m, peildatum=peildatum, status=VersieStatus.CONCEPT).count()
    aantal_gecontroleerd = ActiviteitVersie.objects.filter(ministerie=m, peildatum=peildatum, status=VersieStatus.GECONTROLEERD).count()
    return render(
        request,
        "portfolio/publicatie_ministerie.html",
        {
            "ministerie": m,
            "peildatum": peildatum,
            "rijen": rijen,
            "samenvatting": samenvatting,
            "kan_aftekenen": _mag_aftekenen(user, m) and aantal_concept > 0,
            "kan_publiceren": _mag_publiceren(user) and aantal_gecontroleerd > 0,
            "aantal_concept": aantal_concept,
            "aantal_gecontroleerd": aantal_gecontroleerd,
            "in_verleden": in_verleden,
        },
    )


@login_required
@require_POST
def voorbereiden(request, pk: int, peildatum: datetime.date):
    """Freeze the activity's current data as a concept version (the office or the CIO; also a correction)."""
    a = get_object_or_404(IctActiviteit.objects.zichtbaar_voor(request.user), pk=pk)
    try:
        v = services.versie_voorbereiden(actor=request.user, activiteit=a, peildatum=peildatum)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _(
                "Versie %(v)s van ‘%(naam)s’ voor peildatum %(pd)s is voorbereid (concept). De departementale CIO kan de datakwaliteit nu aftekenen."
            )
            % {"v": v.versienummer, "naam": v.naam, "pd": peildatum.strftime("%d-%m-%Y")},
        )
        weggelaten = v.gegevens.get("weggelaten") or []
        if weggelaten:
            messages.warning(
                request,
                _("Niet in deze versie, want gedateerd na de peildatum %(pd)s: %(lijst)s.")
                % {"pd": peildatum.strftime("%d-%m-%Y"), "lijst": "; ".join(w["omschrijving"] for w in weggelaten)},
            )
    return redirect(_ministerie_url(a.ministerie_id, peildatum, f"activiteit-{a.pk}"))


class VersieKeuzeForm(forms.Form):
    """The versions shown on the confirmation page, posted back so exactly those (and no later ones) move."""

    versie = forms.TypedMultipleChoiceField(coerce=int, widget=forms.MultipleHiddenInput, label=gettext_lazy("Versies"))

    def __init__(self, *args, versies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versie"].choices = [(v.pk, v.pk) for v in versies]
        if not self.is_bound:
            self.initial["versie"] = [v.pk for v in versies]


def _overgang(request, *, m: Ministerie, peildatum: datetime.date, van: str, mag: bool, uitvoeren, teksten: dict):
    """GET: a confirmation page listing the versions; POST: move exactly the confirmed versions."""
    if not mag:
        raise PermissionDenied(teksten["geweigerd"])
    terug = _ministerie_url(m.pk, peildatum)
    if request.method == "POST":
        gekozen = set(request.POST.getlist("versie"))
        try:
            gekozen_pks = {int(pk) for pk in gekozen}
        except ValueError:
            gekozen_pks = set()
        versies = list(ActiviteitVersie.objects.filter(ministerie=m, peildatum=peildatum, pk__in=gekozen_pks))
        if not gekozen_pks:
            messages.error(request, teksten["niets"])
            return redirect(terug)
        if len(versies) != len(gekozen_pks):
            messages.error(request, _("De lijst met versies is gewijzigd sinds u de bevestiging opende. Bekijk hem opnieuw."))
            return redirect(request.path)
        try:
            gedaan = uitvoeren(actor=request.user, ministerie=m, peildatum=peildatum, versies=versies)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(terug)
        messages.success(request, teksten["gelukt"](len(gedaan)))
        return redirect(terug)
    kandidaten = list(
        ActiviteitVersie.objects.filter(ministerie=m, peildatum=peildatum, status=van)
        .select_related("activiteit", "dienstonderdeel", "voorbereid_door__persoon", "gecontroleerd_door__persoon")
        .order_by("naam", "versienummer")
    )
    if not kandidaten:
        messages.info(request, teksten["niets"])
        return redirect(terug)
    for v in kandidaten:
        v.actueel_mln = _mln(v.actueel_totaal)
    zichtbaar = IctActiviteit.objects.zichtbaar_voor(request.user).filter(ministerie=m)
    ontbrekend = list(verwacht(zichtbaar, peildatum).filter(zonder_versie(peildatum)).order_by("naam"))
    # The CIO signs off the frozen versions; say so when the activity changed after one was prepared.
    gewijzigd_na = {v.pk for v in kandidaten if v.activiteit.gewijzigd_op > v.voorbereid_op}
    return render(
        request,
        "portfolio/publicatie_bevestigen.html",
        {
            "ministerie": m,
            "peildatum": peildatum,
            "versies": kandidaten,
            "gewijzigd_na": gewijzigd_na,
            "weggelaten": [v for v in kandidaten if v.gegevens.get("weggelaten")],
            "ontbrekend": ontbrekend,
            "form": VersieKeuzeForm(versies=kandidaten),
            "annuleer_url": terug,
            "actie_url": request.path,
            **{k: v for k, v in teksten.items() if k in ("titel", "gevolgen", "knop_label", "uitleg", "onomkeerbaar")},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def aftekenen(request, pk: int, peildatum: datetime.date):
    """The departmental CIO signs off the data quality of all concept versions: → gecontroleerd (B14, art 16.4)."""
    m = get_object_or_404(Ministerie, pk=pk)
    pd = peildatum.strftime("%d-%m-%Y")
    return _overgang(
        request,
        m=m,
        peildatum=peildatum,
        van=VersieStatus.CONCEPT,
        mag=_mag_aftekenen(request.user, m),
        uitvoeren=services.versies_aftekenen,
        teksten={
            "geweigerd": _("Alleen de departementale CIO van %(m)s tekent de datakwaliteit af (B14, art 16.4).") % {"m": m},
            "titel": _("Datakwaliteit aftekenen voor peildatum %(pd)s") % {"pd": pd},
            "gevolgen": _(
                "Als departementale CIO van %(m)s verklaart u dat de gegevens in de bovenstaande versies per peildatum "
                "%(pd)s volledig en juist zijn: de algemene gegevens, de kosten en doorlooptijd met hun historie, de "
                "mijlpalen, de kwaliteitstoetsen, de Kamerstukken en de baten, zoals ze bij het voorbereiden zijn "
                "vastgelegd (art 16.4 Besluit CIO-stelsel). De versies worden ‘gecontroleerd’; daarna kan de CIO Rijk "
                "ze publiceren."
            )
            % {"m": m.naam, "pd": pd},
            "uitleg": _("Een correctie na het aftekenen is een nieuwe versie: die moet opnieuw worden afgetekend."),
            "knop_label": _("Ja, datakwaliteit aftekenen"),
            "onomkeerbaar": False,
            "niets": _("Er zijn geen conceptversies om af te tekenen."),
            "gelukt": lambda n: (
                ngettext(
                    "De datakwaliteit van %(n)s versie is afgetekend; die is nu gecontroleerd.",
                    "De datakwaliteit van %(n)s versies is afgetekend; ze zijn nu gecontroleerd.",
                    n,
                )
                % {"n": n}
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def publiceren(request, pk: int, peildatum: datetime.date):
    """The CIO Rijk publishes all signed-off versions of the ministerie (B15, art 16.3)."""
    m = get_object_or_404(Ministerie, pk=pk)
    pd = peildatum.strftime("%d-%m-%Y")
    return _overgang(
        request,
        m=m,
        peildatum=peildatum,
        van=VersieStatus.GECONTROLEERD,
        mag=_mag_publiceren(request.user),
        uitvoeren=services.versies_publiceren,
        teksten={
            "geweigerd": _("Alleen de CIO Rijk publiceert dashboardgegevens (B15, art 16.3)."),
            "titel": _("Publiceren op het Rijks ICT-dashboard: %(m)s, peildatum %(pd)s") % {"m": m.afkorting, "pd": pd},
            "gevolgen": _(
                "U publiceert de bovenstaande versies, afgetekend door de departementale CIO van %(m)s, op het openbare "
                "Rijks ICT-dashboard en in de open data. Iedereen kan ze daarna zien."
            )
            % {"m": m.naam},
            "uitleg": _("Een gepubliceerde versie wordt nooit meer gewijzigd: een correctie is een nieuwe versie."),
            "knop_label": _("Ja, publiceren"),
            "onomkeerbaar": True,
            "niets": _("Er zijn geen gecontroleerde versies om te publiceren."),
            "gelukt": lambda n: (
                ngettext(
                    "%(n)s versie is gepubliceerd op het Rijks ICT-dashboard.",
                    "%(n)s versies zijn gepubliceerd op het Rijks ICT-dashboard.",
                    n,
                )
                % {"n": n}
            ),
        },
    )


# --------------------------------------------------------------------------
# One frozen version


def _naam(user) -> str:
    if user is None:
        return _("systeem")
    persoon = getattr(user, "persoon", None)
    return str(persoon) if persoon else (user.get_full_name() or user.get_username())


def _datum(waarde) -> datetime.date | None:
    if not waarde:
        return None
    if isinstance(waarde, datetime.date):
        return waarde
    try:
        return datetime.date.fromisoformat(str(waarde)[:10])
    except ValueError:
        return None


def _bedrag(waarde) -> Decimal | None:
    if waarde in (None, ""):
        return None
    try:
        return Decimal(str(waarde))
    except InvalidOperation:
        return None


def _mln(waarde) -> str:
    """An amount in euros as mln euro with one decimal, in the active language's notation (as every page)."""
    bedrag = _bedrag(waarde)
    if bedrag is None:
        return "—"
    return formats.number_format(bedrag / Decimal(1_000_000), decimal_pos=1, use_l10n=True, force_grouping=True)


def _euro(waarde) -> str:
    bedrag = _bedrag(waarde)
    if bedrag is None:
        return "—"
    return "€ " + formats.number_format(bedrag, decimal_pos=0, use_l10n=True, force_grouping=True)


def _jaren(dagen: int | None) -> str:
    if dagen is None:
        return "—"
    return formats.number_format(Decimal(dagen) / Decimal("365.25"), decimal_pos=1, use_l10n=True)


def _janee(waarde) -> str:
    if waarde is None or waarde == "":
        return "—"
    return _("ja") if waarde else _("nee")


def _keuze(choices, waarde) -> str:
    if not waarde:
        return "—"
    return str(dict(choices).get(waarde, waarde))


def _datumtekst(waarde) -> str:
    d = _datum(waarde)
    return d.strftime("%d-%m-%Y") if d else "—"


def versie_weergave(g: dict) -> dict:
    """The frozen record of a version (``ActiviteitVersie.gegevens``) as rows for the page.

    Reads the JSON defensively: a version keeps whatever shape it was frozen in.
    """
    veld = IctActiviteit._meta.get_field
    algemeen = [
        (_("Nummer"), g.get("nummer") or "—"),
        (veld("naam").verbose_name, g.get("naam") or "—"),
        (_("Ministerie"), g.get("ministerie_naam") or "—"),
        (_("Uitvoerende organisatie"), g.get("organisatie") or "—"),
        (veld("opdrachtgevende_organisatie").verbose_name, g.get("opdrachtgevende_organisatie") or "—"),
        (veld("onderwerp").verbose_name, g.get("onderwerp") or "—"),
        (veld("dienstverlening").verbose_name, g.get("dienstverlening") or "—"),
        (veld("wij_verbeteren_op").verbose_name, g.get("wij_verbeteren_op") or "—"),
        (veld("soort").verbose_name, _keuze(Soort.choices, g.get("soort"))),
        (veld("status").verbose_name, _keuze(Status.choices, g.get("status"))),
        (veld("startdatum").verbose_name, _datumtekst(g.get("startdatum"))),
        (veld("maatwerk").verbose_name, _janee(g.get("maatwerk"))),
        (veld("ontwikkelwijze").verbose_name, _keuze(Ontwikkelwijze.choices, g.get("ontwikkelwijze"))),
    ]
    if g.get("dechargedatum"):
        algemeen.append((veld("dechargedatum").verbose_name, _datumtekst(g.get("dechargedatum"))))
    if g.get("annuleringsdatum"):
        algemeen.append((veld("annuleringsdatum").verbose_name, _datumtekst(g.get("annuleringsdatum"))))
        algemeen.append((veld("reden_annulering").verbose_name, g.get("reden_annulering") or "—"))
    teksten = [(veld(naam).verbose_name, g.get(naam)) for naam in ("reden_van_starten", "doel", "samenvatting") if g.get(naam)]

    k = g.get("kerncijfers") or {}
    start = _datum(g.get("startdatum"))
    ini_eind, act_eind = _datum(k.get("initiele_einddatum")), _datum(k.get("actuele_einddatum"))
    duur_ini = (ini_eind - start).days if start and ini_eind else None
    duur_act = (act_eind - start).days if start and act_eind else None
    vertraging = (act_eind - ini_eind).days if ini_eind and act_eind else None
    ini_tot, act_tot = _bedrag(k.get("initieel_totaal")), _bedrag(k.get("actueel_totaal"))
    verschil_pct = None
    if ini_tot and act_tot is not None:
        verschil_pct = formats.number_format((act_tot - ini_tot) / ini_tot * 100, decimal_pos=1, use_l10n=True)
    vertraging_pct = None
    if duur_ini and vertraging is not None:
        vertraging_pct = formats.number_format(Decimal(vertraging) / Decimal(duur_ini) * 100, decimal_pos=1, use_l10n=True)
    kerncijfers = [
        (_("Initiële schatting meerjarige kosten (mln euro)"), _mln(k.get("initieel_totaal"))),
        (_("Actuele schatting meerjarige kosten (mln euro)"), _mln(k.get("actueel_totaal"))),
        (
            _("Verschil initieel en actueel (mln euro)"),
            _mln(k.get("verschil")) + (f" ({verschil_pct}%)" if verschil_pct is not None else ""),
        ),
        (_("Cumulatieve meerjarige uitgaven (mln euro)"), _mln(k.get("gerealiseerd"))),
        (_("Prognose toekomstige kosten (mln euro)"), _mln(k.get("prognose"))),
        (_("Initiële schatting einddatum"), _datumtekst(ini_eind)),
        (_("Actuele schatting einddatum"), _datumtekst(act_eind)),
        (_("Doorlooptijd initieel (jaren)"), _jaren(duur_ini)),
        (_("Actuele doorlooptijd (jaren)"), _jaren(duur_act)),
        (
            _("Verschil doorlooptijd (jaren)"),
            _jaren(vertraging) + (f" ({vertraging_pct}%)" if vertraging_pct is not None else ""),
        ),
        (_("Aantal herijkingen"), k.get("aantal_herijkingen", 0)),
        (_("Datum laatste gebeurtenis"), _datumtekst(k.get("peildatum"))),
    ]
    kosten = [
        {
            "categorie": label,
            "initieel": _mln(k.get(f"initieel_{cat}")),
            "actueel": _mln(k.get(f"actueel_{cat}")),
            "gerealiseerd": _mln(k.get(f"gerealiseerd_{cat}")),
        }
        for cat, label in Kostencategorie.choices
    ]
    gebeurtenissen = []
    for e in g.get("gebeurtenissen") or []:
        geschat = e.get("totaal_geschat")
        if geschat is None:
            geschat = sum((_bedrag(e.get(f"geschat_{c}")) or 0 for c in KOSTENCATEGORIEEN), Decimal(0))
        gerealiseerd = e.get("totaal_gerealiseerd")
        if gerealiseerd is None:
            gerealiseerd = sum((_bedrag(e.get(f"gerealiseerd_{c}")) or 0 for c in KOSTENCATEGORIEEN), Decimal(0))
        gebeurtenissen.append(
            {
                "soort": _keuze(Gebeurtenis.Soort.choices, e.get("soort")),
                "datum": _datum(e.get("datum")),
                "einddatum": _datum(e.get("einddatum")),
                "geschat": _mln(geschat),
                "gerealiseerd": _mln(gerealiseerd),
                "redenen": e.get("redenen") or [],
                "toelichting_kosten": e.get("toelichting_kosten") or "",
                "toelichting_einddatum": e.get("toelichting_einddatum") or "",
            }
        )
    mijlpalen = [
        {
            "omschrijving": r.get("omschrijving", ""),
            "verwacht": _datum(r.get("verwachte_datum")),
            "gerealiseerd": _datum(r.get("gerealiseerde_datum")),
            "behaald": _janee(r.get("behaald")),
            "conform_eisen": _janee(r.get("conform_eisen")),
            "projectplanversie": r.get("projectplanversie") or "",
        }
        for r in g.get("mijlpalen") or []
    ]
    toetsen = [
        {
            "datum": _datum(r.get("toetsdatum")),
            "partij": r.get("uitvoerende_partij", ""),
            "soort": _keuze(Kwaliteitstoets.Soort.choices, r.get("soort")),
            "omschrijving": r.get("omschrijving") or "",
        }
        for r in g.get("kwaliteitstoetsen") or []
    ]
    kamerstukken = [
        {
            "nummer": r.get("nummer", ""),
            "titel": r.get("titel", ""),
            "link": r.get("link") or "",
            "briefdatum": _datum(r.get("briefdatum")),
            "acict_advies": _janee(r.get("acict_advies")),
        }
        for r in g.get("kamerstukken") or []
    ]
    baten = [
        {
            "toelichting": r.get("toelichting", ""),
            "per_jaar": _euro(r.get("kwantitatief_per_jaar")),
            "incidenteel": _euro(r.get("kwantitatief_incidenteel")),
        }
        for r in g.get("baten") or []
    ]
    partijen = [{"partij": r.get("partij", ""), "rol": r.get("rol") or ""} for r in g.get("ontwikkelpartijen") or []]
    return {
        "algemeen": algemeen,
        "teksten": teksten,
        "kerncijfers": kerncijfers,
        "kosten": kosten,
        "gebeurtenissen": gebeurtenissen,
        "mijlpalen": mijlpalen,
        "toetsen": toetsen,
        "kamerstukken": kamerstukken,
        "baten": baten,
        "partijen": partijen,
    }


AUDITACTIES = {
    "versie.voorbereid": gettext_lazy("Voorbereid (concept)"),
    "versie.gecontroleerd": gettext_lazy("Datakwaliteit afgetekend (gecontroleerd)"),
    "versie.gepubliceerd": gettext_lazy("Gepubliceerd"),
    "versie.vervallen": gettext_lazy("Vervallen door een nieuwere versie"),
}


@login_required
def versie(request, pk: int):
    """One frozen version: its data in readable form and its status history."""
    v = get_object_or_404(
        ActiviteitVersie.objects.select_related(
            "activiteit", "ministerie", "voorbereid_door__persoon", "gecontroleerd_door__persoon", "gepubliceerd_door__persoon"
        ),
        pk=pk,
    )
    if not ActiviteitVersie.objects.zichtbaar_voor(request.user).filter(pk=v.pk).exists():
        raise PermissionDenied(_("U mag de gegevens van dit ministerie niet inzien (B14)."))
    stappen = [(_("Voorbereid"), v.voorbereid_door, v.voorbereid_op)]
    if v.gecontroleerd_op:
        stappen.append((_("Datakwaliteit afgetekend"), v.gecontroleerd_door, v.gecontroleerd_op))
    if v.gepubliceerd_op:
        stappen.append((_("Gepubliceerd"), v.gepubliceerd_door, v.gepubliceerd_op))
    stappen = [{"stap": stap, "door": _naam(door), "op": op} for stap, door, op in stappen]
    historie = [
        {"actie": AUDITACTIES.get(r.actie, r.actie), "door": r.actor_naam or _("systeem"), "op": r.tijdstip, "record": r}
        for r in AuditRecord.objects.filter(object_type=ActiviteitVersie._meta.label_lower, object_id=str(v.pk)).order_by("tijdstip", "id")
    ]
    andere = list(
        ActiviteitVersie.objects.filter(activiteit_id=v.activiteit_id, peildatum=v.peildatum).exclude(pk=v.pk).order_by("-versienummer")
    )
    geldend = ActiviteitVersie.objects.filter(pk=v.pk).geldend(v.peildatum).exists()
    return render(
        request,
        "portfolio/publicatie_versie.html",
        {
            "versie": v,
            "weergave": versie_weergave(v.gegevens or {}),
            "stappen": stappen,
            "historie": historie,
            "andere": andere,
            "geldend": geldend,
            "terug_url": _ministerie_url(v.ministerie_id, v.peildatum, f"activiteit-{v.activiteit_id}"),
        },
    )
