"""State changes of CIO-oordelen, afwijkingen (art 5.3) and AcICT aanmeldingen. Rules B1-B9.

Every transition locks its row (or is a conditional UPDATE), so two people
deciding at the same moment produce one decision; every transition writes one
audit record in the same transaction and queues its e-mail with on_commit.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel import audit, wachtrij
from cio_stelsel.models import Roltoewijzing
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht
from portfolio.models import IctActiviteit, Kwaliteitstoets

from . import meldingen, pdf
from .models import Aanbeveling, Aanmelding, Afwijking, BestuursraadAgendapunt, CioOordeel, Voorwaarde
from .selectors import onder_art_5_3

ASPECT_VELDEN = [veld for aspect in CioOordeel.ASPECTEN for veld in (aspect, f"{aspect}_toelichting")]
CONCEPT_VELDEN = ["aanleiding", "kwaliteitskader_versie", *ASPECT_VELDEN]


def _vereist(actor, recht: str, activiteit: IctActiviteit, melding: str) -> None:
    if not scope(actor, recht).omvat(activiteit.ministerie_id, activiteit.dienstonderdeel_id):
        raise PermissionDenied(melding)


def _actor_of_none(actor):
    return actor if getattr(actor, "pk", None) else None


# --------------------------------------------------------------------------
# The CIO-oordeel


@transaction.atomic
def oordeel_opstellen(*, actor, activiteit: IctActiviteit, gegevens: dict) -> CioOordeel:
    """A CIO-office drafts an oordeel (any phase, several over an activity's life: B4)."""
    _vereist(
        actor,
        Recht.OORDEEL_OPSTELLEN,
        activiteit,
        _("Alleen het CIO-office of de CIO van de eigen organisatie stelt een oordeel op (art 3.5-3.6)."),
    )
    oordeel = CioOordeel(
        activiteit=activiteit, opgesteld_door=_actor_of_none(actor), **{k: v for k, v in gegevens.items() if k in CONCEPT_VELDEN}
    )
    oordeel.full_clean()
    oordeel.save()
    audit.vastleggen(actor=actor, actie="oordeel.opgesteld", obj=oordeel, na=audit.momentopname(oordeel))
    transaction.on_commit(lambda: meldingen.versturen("ciso_bijdrage_gevraagd", oordeel.pk))
    return oordeel


def _concept_vergrendelen(oordeel: CioOordeel, versie: int | None) -> CioOordeel:
    actueel = CioOordeel.objects.select_for_update().select_related("activiteit").get(pk=oordeel.pk)
    if actueel.status != CioOordeel.Status.CONCEPT:
        raise ValidationError(_("Dit oordeel is al vastgesteld en kan niet meer worden gewijzigd (B7)."))
    if versie is not None and actueel.versie != versie:
        raise ValidationError(
            _("Iemand anders heeft dit oordeel intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; open het oordeel opnieuw."),
            code="conflict",
        )
    return actueel


@transaction.atomic
def oordeel_wijzigen(*, actor, oordeel: CioOordeel, versie: int | None, gegevens: dict) -> CioOordeel:
    """Change a draft; a decided oordeel is immutable."""
    _vereist(actor, Recht.OORDEEL_OPSTELLEN, oordeel.activiteit, _("U mag dit oordeel niet wijzigen."))
    actueel = _concept_vergrendelen(oordeel, versie)
    voor = audit.momentopname(actueel)
    for veld, waarde in gegevens.items():
        if veld in CONCEPT_VELDEN:
            setattr(actueel, veld, waarde)
    actueel.versie += 1
    actueel.full_clean()
    actueel.save()
    audit.vastleggen(actor=actor, actie="oordeel.gewijzigd", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    return actueel


@transaction.atomic
def ciso_bijdrage_leveren(*, actor, oordeel: CioOordeel, bijdrage: str, versie: int | None = None) -> CioOordeel:
    """The CISO of the same organisation adds the information-security contribution (B5, art 7 k)."""
    _vereist(
        actor,
        Recht.CISOBIJDRAGE_LEVEREN,
        oordeel.activiteit,
        _("Alleen de CISO van de eigen organisatie levert de bijdrage over informatiebeveiliging (art 7 k)."),
    )
    actueel = _concept_vergrendelen(oordeel, versie)
    if not bijdrage.strip():
        raise ValidationError({"ciso_bijdrage": _("De bijdrage over informatiebeveiliging is leeg.")})
    voor = audit.momentopname(actueel, ["ciso_bijdrage", "ciso_bijdrage_door", "ciso_bijdrage_op"])
    actueel.ciso_bijdrage = bijdrage
    actueel.ciso_bijdrage_door = actor
    actueel.ciso_bijdrage_op = timezone.now()
    actueel.versie += 1
    actueel.save()
    audit.vastleggen(
        actor=actor,
        actie="oordeel.ciso_bijdrage",
        obj=actueel,
        voor=voor,
        na=audit.momentopname(actueel, ["ciso_bijdrage", "ciso_bijdrage_door", "ciso_bijdrage_op"]),
    )
    transaction.on_commit(lambda: meldingen.versturen("oordeel_vast_te_stellen", actueel.pk))
    return actueel


@transaction.atomic
def oordeel_vaststellen(
    *,
    actor,
    oordeel: CioOordeel,
    uitkomst: str,
    motivering: str,
    voorwaarden: list[str] | None = None,
    versie: int | None = None,
    pdf_direct: bool = True,
) -> CioOordeel:
    """The CIO decides: positief, positief onder voorwaarden or negatief. Immutable afterwards (B5-B7).

    ``pdf_direct``: queue the PDF of the decision after the commit (always, for a real decision). The demo data
    passes False: its document is then rendered and stored on its first download (oordelen/pdf.py).

    A conditional UPDATE on status=concept makes two simultaneous decisions produce exactly one.
    """
    _vereist(actor, Recht.OORDEEL_VASTSTELLEN, oordeel.activiteit, _("Alleen de CIO stelt een CIO-oordeel vast (art 4 j, 5)."))
    actueel = CioOordeel.objects.select_related("activiteit").get(pk=oordeel.pk)
    voorwaarden = [v.strip() for v in (voorwaarden or []) if v.strip()]
    fouten = {}
    if actueel.status != CioOordeel.Status.CONCEPT:
        raise ValidationError(
            _("Dit oordeel is al vastgesteld (%(datum)s); een vastgesteld oordeel wijzigt niet.")
            % {"datum": timezone.localtime(actueel.vastgesteld_op).strftime("%d-%m-%Y %H:%M")}
        )
    if uitkomst not in CioOordeel.Uitkomst.values:
        fouten["uitkomst"] = _("Kies positief, positief onder voorwaarden of negatief.")
    if not motivering.strip():
        fouten["motivering"] = _("Motiveer het oordeel.")
    if not actueel.ciso_bijdrage.strip():
        fouten["ciso_bijdrage"] = _(
            "Het oordeel kan niet worden vastgesteld zonder de bijdrage over informatiebeveiliging van de CISO (B5, art 7 k)."
        )
    if not actueel.kwaliteitskader_versie.strip():
        fouten["kwaliteitskader_versie"] = _("Vermeld de toegepaste versie van het kwaliteitskader (B6).")
    ontbrekend = [str(CioOordeel._meta.get_field(a).verbose_name) for a in CioOordeel.ASPECTEN if not getattr(actueel, a)]
    if ontbrekend:
        fouten["beheersing"] = _("Beoordeel alle aspecten (B6, art 4 j); ontbreekt: %(a)s.") % {"a": ", ".join(ontbrekend)}
    if uitkomst == CioOordeel.Uitkomst.POSITIEF_ONDER_VOORWAARDEN and not voorwaarden:
        fouten["voorwaarden"] = _("Noem ten minste één voorwaarde bij 'positief onder voorwaarden'.")
    if uitkomst != CioOordeel.Uitkomst.POSITIEF_ONDER_VOORWAARDEN and voorwaarden:
        fouten["voorwaarden"] = _("Voorwaarden horen alleen bij 'positief onder voorwaarden'.")
    if versie is not None and versie != actueel.versie:
        raise ValidationError(
            _("Het oordeel is gewijzigd nadat u het opende. Lees de nieuwe versie voordat u het vaststelt."), code="conflict"
        )
    if fouten:
        raise ValidationError(fouten)
    nu = timezone.now()
    bijgewerkt = CioOordeel.objects.filter(pk=actueel.pk, status=CioOordeel.Status.CONCEPT, versie=actueel.versie).update(
        status=CioOordeel.Status.VASTGESTELD,
        uitkomst=uitkomst,
        motivering=motivering,
        vastgesteld_door=actor,
        vastgesteld_op=nu,
        versie=actueel.versie + 1,
    )
    if bijgewerkt != 1:
        raise ValidationError(_("Dit oordeel is zojuist door iemand anders vastgesteld; uw besluit is niet opgeslagen."))
    voor = audit.momentopname(actueel)
    actueel.refresh_from_db()
    for tekst in voorwaarden:
        Voorwaarde.objects.create(oordeel=actueel, omschrijving=tekst)
    gevolgen = {"voorwaarden": voorwaarden}
    activiteit = actueel.activiteit
    # No kwaliteitstoets is made of it: oordelen are not public (B7). A ministry that
    # publishes an oordeel records that toets itself on the activity.
    if uitkomst == CioOordeel.Uitkomst.NEGATIEF:
        # B3: on the agenda of the bestuursraad of the ministerie.
        punt = BestuursraadAgendapunt.objects.create(oordeel=actueel, ministerie=activiteit.ministerie)
        gevolgen["agendapunt"] = punt.pk
    na = audit.momentopname(actueel)
    na["gevolgen"] = gevolgen
    audit.vastleggen(actor=actor, actie="oordeel.vastgesteld", obj=actueel, voor=voor, na=na)
    transaction.on_commit(lambda: meldingen.versturen("oordeel_vastgesteld", actueel.pk))
    if pdf_direct:  # the document of the decision (oordelen/pdf.py)
        transaction.on_commit(lambda: wachtrij.versturen("oordelen.tasks.oordeel_pdf_maken", actueel.pk))
    return actueel


@transaction.atomic
def voorwaarde_afhandelen(*, actor, voorwaarde: Voorwaarde, status: str, toelichting: str) -> Voorwaarde:
    """Mark a condition met, or lapsed because the activity changed."""
    activiteit = voorwaarde.oordeel.activiteit
    _vereist(actor, Recht.OORDEEL_VASTSTELLEN, activiteit, _("Alleen de CIO handelt voorwaarden af."))
    actueel = Voorwaarde.objects.select_for_update().get(pk=voorwaarde.pk)
    if actueel.status != Voorwaarde.Status.OPEN:
        raise ValidationError(_("Deze voorwaarde is al afgehandeld."))
    if status not in (Voorwaarde.Status.VERVULD, Voorwaarde.Status.VERVALLEN):
        raise ValidationError({"status": _("Kies vervuld of vervallen.")})
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Licht de afhandeling toe.")})
    voor = audit.momentopname(actueel)
    actueel.status, actueel.toelichting, actueel.afgehandeld_op = status, toelichting, timezone.localdate()
    actueel.save()
    audit.vastleggen(actor=actor, actie="voorwaarde.afgehandeld", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    return actueel


@transaction.atomic
def afwijking_vastleggen(*, actor, oordeel: CioOordeel, door_rol: str, motivering: str, datum: datetime.date) -> Afwijking:
    """The SG (or the minister) records a reasoned deviation from a negative oordeel (art 5.3, B1)."""
    activiteit = oordeel.activiteit
    _vereist(
        actor,
        Recht.AFWIJKING_VASTLEGGEN,
        activiteit,
        _("Alleen de secretaris-generaal of de minister van het ministerie kan afwijken van een negatief CIO-oordeel (art 5.3)."),
    )
    actueel = CioOordeel.objects.select_for_update().get(pk=oordeel.pk)
    fouten = {}
    if actueel.status != CioOordeel.Status.VASTGESTELD or actueel.uitkomst != CioOordeel.Uitkomst.NEGATIEF:
        raise ValidationError(_("Afwijken kan alleen van een vastgesteld negatief CIO-oordeel (art 5.3)."))
    if hasattr(actueel, "afwijking"):
        raise ValidationError(_("Van dit oordeel is al afgeweken."))
    if door_rol not in Afwijking.Door.values:
        fouten["door_rol"] = _("Kies secretaris-generaal of minister.")
    elif not Roltoewijzing.objects.actief().filter(persoon__user=actor, rol=door_rol, ministerie=activiteit.ministerie).exists():
        fouten["door_rol"] = _("U vervult niet de rol %(rol)s van %(m)s.") % {
            "rol": Afwijking.Door(door_rol).label.lower(),
            "m": activiteit.ministerie.afkorting,
        }
    if len(motivering.strip()) < 20:
        fouten["motivering"] = _("Een afwijking is met redenen omkleed (art 5.3): geef een motivering van ten minste 20 tekens.")
    if datum > timezone.localdate():
        fouten["datum"] = _("De datum van het besluit ligt in de toekomst.")
    if fouten:
        raise ValidationError(fouten)
    afwijking = Afwijking.objects.create(oordeel=actueel, door_rol=door_rol, motivering=motivering, datum=datum, vastgelegd_door=actor)
    audit.vastleggen(actor=actor, actie="oordeel.afwijking", obj=afwijking, na=audit.momentopname(afwijking), reden=motivering)
    pdf.pdf_vervallen(actueel)  # the document now includes the afwijking
    transaction.on_commit(lambda: meldingen.versturen("afwijking_vastgelegd", afwijking.pk))
    return afwijking


@transaction.atomic
def agendapunt_behandelen(*, actor, agendapunt: BestuursraadAgendapunt, datum: datetime.date, verslag: str) -> BestuursraadAgendapunt:
    activiteit = agendapunt.oordeel.activiteit
    if not (
        scope(actor, Recht.AFWIJKING_VASTLEGGEN).omvat(activiteit.ministerie_id)
        or scope(actor, Recht.OORDEEL_VASTSTELLEN).omvat(activiteit.ministerie_id)
    ):
        raise PermissionDenied(_("Alleen de SG, de minister of de CIO legt de behandeling in de bestuursraad vast."))
    actueel = BestuursraadAgendapunt.objects.select_for_update().get(pk=agendapunt.pk)
    if actueel.status != BestuursraadAgendapunt.Status.OPEN:
        raise ValidationError(_("Dit agendapunt is al behandeld."))
    if not verslag.strip():
        raise ValidationError({"verslag": _("Leg vast wat de bestuursraad heeft besproken of besloten.")})
    voor = audit.momentopname(actueel)
    actueel.status, actueel.behandeld_op, actueel.verslag = BestuursraadAgendapunt.Status.BEHANDELD, datum, verslag
    actueel.save()
    audit.vastleggen(actor=actor, actie="agendapunt.behandeld", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    return actueel


# --------------------------------------------------------------------------
# The start gate (B1, B2)


def geldend_oordeel(activiteit: IctActiviteit) -> CioOordeel | None:
    """The latest decided oordeel: the one that counts for B1 (B4)."""
    return (
        CioOordeel.objects.vastgesteld()
        .filter(activiteit=activiteit)
        .select_related("afwijking")
        .order_by("-vastgesteld_op", "-pk")
        .first()
    )


def startpoort(activiteit: IctActiviteit) -> None:
    """B1/B2: an activity with a large ICT component starts only with a positive latest oordeel,
    or a reasoned afwijking from a negative one. Maintenance activities are not exempt.

    Not for an activity that started before the Besluit took effect (art 19: 01-01-2021): art 5.3
    did not apply to it, so recording its status (registering today's portfolio, an import of its
    history) needs no oordeel. The CIO Rijk's overview and the Jaarrapportage count the same way.
    """
    if not onder_art_5_3(activiteit.startdatum):
        return
    if not IctActiviteit.objects.rapporteerbaar().filter(pk=activiteit.pk).exists():
        return
    oordeel = geldend_oordeel(activiteit)
    if oordeel is None:
        raise ValidationError(
            {
                "status": _(
                    "Deze activiteit heeft een grote ICT-component en kan pas starten na een positief CIO-oordeel "
                    "(art 5.3 Besluit CIO-stelsel; B1). Er is nog geen vastgesteld oordeel."
                )
            }
        )
    if oordeel.is_positief:
        return
    if getattr(oordeel, "afwijking", None) is None:
        raise ValidationError(
            {
                "status": _(
                    "Het geldende CIO-oordeel (%(datum)s) is negatief. Starten kan alleen na een met redenen omklede "
                    "afwijking door de secretaris-generaal of de minister (art 5.3 Besluit CIO-stelsel; B1)."
                )
                % {"datum": timezone.localtime(oordeel.vastgesteld_op).strftime("%d-%m-%Y")}
            }
        )


# --------------------------------------------------------------------------
# Aanmelding bij het Adviescollege ICT-toetsing (B8, B9)


def _aanmelding_vergrendelen(aanmelding: Aanmelding, verwacht: str) -> Aanmelding:
    actueel = Aanmelding.objects.select_for_update().select_related("activiteit").get(pk=aanmelding.pk)
    if actueel.status != verwacht:
        raise ValidationError(
            _("Deze aanmelding is %(nu)s; deze stap hoort bij %(verwacht)s.")
            % {"nu": actueel.get_status_display().lower(), "verwacht": Aanmelding.Status(verwacht).label.lower()}
        )
    return actueel


def _aanmelding_stap(actor, aanmelding, actie, velden: dict, naar: str, van: str):
    actueel = _aanmelding_vergrendelen(aanmelding, van)
    voor = audit.momentopname(actueel)
    for veld, waarde in velden.items():
        setattr(actueel, veld, waarde)
    actueel.status = naar
    actueel.full_clean()
    actueel.save()
    audit.vastleggen(actor=actor, actie=actie, obj=actueel, voor=voor, na=audit.momentopname(actueel))
    return actueel


@transaction.atomic
def aanmelding_opstellen(*, actor, activiteit: IctActiviteit, toelichting: str = "") -> Aanmelding:
    """A draft aanmelding; requires a decided oordeel (B8)."""
    _vereist(
        actor, Recht.OORDEEL_OPSTELLEN, activiteit, _("Alleen het CIO-office of de CIO van de eigen organisatie stelt een aanmelding op.")
    )
    oordeel = geldend_oordeel(activiteit)
    if oordeel is None:
        raise ValidationError(_("Een aanmelding bij het Adviescollege ICT-toetsing vereist een vastgesteld CIO-oordeel (B8)."))
    aanmelding = Aanmelding.objects.create(
        activiteit=activiteit, oordeel=oordeel, toelichting=toelichting, opgesteld_door=_actor_of_none(actor)
    )
    audit.vastleggen(actor=actor, actie="aanmelding.opgesteld", obj=aanmelding, na=audit.momentopname(aanmelding))
    return aanmelding


@transaction.atomic
def aanmelding_indienen(*, actor, aanmelding: Aanmelding, datum: datetime.date | None = None) -> Aanmelding:
    """Only the departmental CIO submits, on behalf of the minister (B9, art 4 k)."""
    _vereist(
        actor,
        Recht.ACICT_AANMELDEN,
        aanmelding.activiteit,
        _("Alleen de departementale CIO meldt namens de minister aan bij het Adviescollege ICT-toetsing (B9, art 4 k)."),
    )
    return _aanmelding_stap(
        actor,
        aanmelding,
        "aanmelding.ingediend",
        {"aangemeld_door": actor, "aangemeld_op": datum or timezone.localdate()},
        Aanmelding.Status.AANGEMELD,
        Aanmelding.Status.CONCEPT,
    )


@transaction.atomic
def collegebesluit_vastleggen(*, actor, aanmelding: Aanmelding, toetsen: bool, datum: datetime.date) -> Aanmelding:
    """Record whether the college decided to test."""
    _vereist(actor, Recht.OORDEEL_OPSTELLEN, aanmelding.activiteit, _("U mag deze aanmelding niet bijwerken."))
    naar = Aanmelding.Status.TOETSING_BESLOTEN if toetsen else Aanmelding.Status.NIET_GETOETST
    return _aanmelding_stap(actor, aanmelding, "aanmelding.collegebesluit", {"collegebesluit_op": datum}, naar, Aanmelding.Status.AANGEMELD)


@transaction.atomic
def advies_vastleggen(
    *,
    actor,
    aanmelding: Aanmelding,
    datum: datetime.date,
    samenvatting: str,
    aanbevelingen: list[str],
    link: str = "",
    kamerstuk: str = "",
) -> Aanmelding:
    """Record the advice; it is also a kwaliteitstoets of the activity (and flags 'AcICT-advies: ja')."""
    _vereist(actor, Recht.OORDEEL_OPSTELLEN, aanmelding.activiteit, _("U mag deze aanmelding niet bijwerken."))
    fouten = {}
    if not samenvatting.strip():
        fouten["advies_samenvatting"] = _("Vat het advies samen.")
    aanbevelingen = [a.strip() for a in aanbevelingen if a.strip()]
    if fouten:
        raise ValidationError(fouten)
    actueel = _aanmelding_stap(
        actor,
        aanmelding,
        "aanmelding.advies",
        {"advies_datum": datum, "advies_samenvatting": samenvatting, "advies_link": link, "advies_kamerstuk": kamerstuk},
        Aanmelding.Status.ADVIES_ONTVANGEN,
        Aanmelding.Status.TOETSING_BESLOTEN,
    )
    for nummer, tekst in enumerate(aanbevelingen, start=1):
        Aanbeveling.objects.create(aanmelding=actueel, nummer=nummer, tekst=tekst)
    Kwaliteitstoets.objects.create(
        activiteit=actueel.activiteit,
        toetsdatum=datum,
        uitvoerende_partij=_("Adviescollege ICT-toetsing"),
        soort=Kwaliteitstoets.Soort.ACICT_ADVIES,
        omschrijving=samenvatting[:1000],
    )
    transaction.on_commit(lambda: meldingen.versturen("advies_ontvangen", actueel.pk))
    return actueel


@transaction.atomic
def reactie_vaststellen(
    *, actor, aanmelding: Aanmelding, datum: datetime.date, toelichting: str, reacties: dict[int, tuple[str, str]]
) -> Aanmelding:
    """The bestuurlijke reactie per recommendation; then shared with the CIO Rijk.

    ``reacties``: {aanbeveling pk: (reactie, toelichting)}; 'deels' and 'niet overgenomen' need reasons.
    """
    _vereist(
        actor,
        Recht.ACICT_AANMELDEN,
        aanmelding.activiteit,
        _("De bestuurlijke reactie wordt vastgesteld door de departementale CIO namens de minister."),
    )
    actueel = _aanmelding_vergrendelen(aanmelding, Aanmelding.Status.ADVIES_ONTVANGEN)
    fouten = []
    aanbevelingen = list(actueel.aanbevelingen.all())
    for a in aanbevelingen:
        reactie, reden = reacties.get(a.pk, ("", ""))
        if reactie not in Aanbeveling.Reactie.values:
            fouten.append(_("Aanbeveling %(n)s: kies overgenomen, deels overgenomen of niet overgenomen.") % {"n": a.nummer})
        elif reactie != Aanbeveling.Reactie.OVERGENOMEN and not reden.strip():
            fouten.append(_("Aanbeveling %(n)s: geef de redenen waarom deze niet (volledig) wordt overgenomen.") % {"n": a.nummer})
    if not toelichting.strip():
        fouten.append(_("De bestuurlijke reactie is leeg."))
    if fouten:
        raise ValidationError(fouten)
    for a in aanbevelingen:
        a.reactie, a.reactie_toelichting = reacties[a.pk]
        a.save(update_fields=["reactie", "reactie_toelichting"])
    return _aanmelding_stap(
        actor,
        actueel,
        "aanmelding.reactie",
        {"reactie_datum": datum, "reactie_toelichting": toelichting, "gedeeld_met_cio_rijk_op": timezone.localdate()},
        Aanmelding.Status.REACTIE_VASTGESTELD,
        Aanmelding.Status.ADVIES_ONTVANGEN,
    )
