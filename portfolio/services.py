"""State changes of the portfolio: activities, their event history and lists, and publication.

Keyword-only, one transaction each, one audit record per changed object. The
actor's rights are checked here (not only in the views), so pages, imports and
the API share them: a user changes only the activities of their own
organisation (B14); the CIO Rijk reads all and changes none.
"""

import datetime
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel import audit
from cio_stelsel.fouten import Conflict as Conflict  # portfolio.services.Conflict, as before
from cio_stelsel.models import Ministerie
from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht

from . import invoerregels, peildatumstand, publicatiecache
from .models import (
    KOSTENCATEGORIEEN,
    ActiviteitVersie,
    Gebeurtenis,
    IctActiviteit,
    Kwaliteitstoets,
    RedenHerijking,
    Status,
)

ALGEMENE_VELDEN = [
    "naam",
    "ministerie",
    "dienstonderdeel",
    "zbo",
    "opdrachtgevende_organisatie",
    "onderwerp",
    "dienstverlening",
    "wij_verbeteren_op",
    "soort",
    "startdatum",
    "reden_van_starten",
    "doel",
    "samenvatting",
    "maatwerk",
    "ontwikkelwijze",
]
BEDRAGVELDEN = [f"geschat_{c}" for c in KOSTENCATEGORIEEN] + [f"gerealiseerd_{c}" for c in KOSTENCATEGORIEEN]

# Which status may follow which (the status definitions of rapportagemodel.md).
OVERGANGEN = {
    Status.NOG_NIET_GESTART: {Status.IN_UITVOERING, Status.GEANNULEERD},
    Status.IN_UITVOERING: {Status.IN_HERORIENTATIE, Status.AFGEROND, Status.GEANNULEERD},
    Status.IN_HERORIENTATIE: {Status.IN_UITVOERING, Status.AFGEROND, Status.GEANNULEERD},
    Status.AFGEROND: set(),
    Status.GEANNULEERD: set(),
}

# Checks that must pass before an activity may start (B1). The oordelen app adds
# the art 5.3 start gate; each takes the activity and raises ValidationError.
STARTVOORWAARDEN: list = []


def _mag_bewerken(actor, ministerie_id: int | None, dienstonderdeel_id: int | None) -> None:
    if not scope(actor, Recht.PORTFOLIO_BEWERKEN).omvat(ministerie_id, dienstonderdeel_id):
        raise PermissionDenied(_("U mag alleen ICT-activiteiten van uw eigen organisatie invoeren en wijzigen (B14, art 16.4)."))


def _vergrendel(activiteit: IctActiviteit, verwachte_versie: int | None) -> IctActiviteit:
    """Lock the row and check nobody saved in between; returns the fresh row."""
    actueel = IctActiviteit.objects.select_for_update().get(pk=activiteit.pk)
    if verwachte_versie is not None and actueel.versie != verwachte_versie:
        raise Conflict(
            _(
                "Iemand anders heeft deze ICT-activiteit opgeslagen nadat u het formulier opende "
                "(versie %(nu)s, u bewerkte versie %(oud)s). Uw wijzigingen zijn niet opgeslagen; "
                "bekijk de nieuwe versie en voer ze opnieuw in."
            )
            % {"nu": actueel.versie, "oud": verwachte_versie},
            code="conflict",
        )
    return actueel


def _verhoog_versie(activiteit: IctActiviteit) -> None:
    IctActiviteit.objects.filter(pk=activiteit.pk).update(versie=F("versie") + 1, gewijzigd_op=timezone.now())
    activiteit.refresh_from_db(fields=["versie", "gewijzigd_op"])


def _valideer_organisatie(activiteit: IctActiviteit) -> None:
    fouten = {}
    if activiteit.dienstonderdeel_id and activiteit.dienstonderdeel.ministerie_id != activiteit.ministerie_id:
        fouten["dienstonderdeel"] = _("Het dienstonderdeel hoort niet bij het gekozen ministerie.")
    if activiteit.zbo_id and activiteit.zbo.ministerie_id != activiteit.ministerie_id:
        fouten["zbo"] = _("De zbo hoort niet bij het gekozen ministerie.")
    if fouten:
        raise ValidationError(fouten)


def _volgend_nummer() -> int:
    return (IctActiviteit.objects.aggregate(m=Max("nummer"))["m"] or 0) + 1


def _valideer_startdatum(activiteit: IctActiviteit) -> None:
    if fouten := invoerregels.toekomstdatum_fouten(activiteit.startdatum):
        raise ValidationError({"startdatum": fouten})
    if not activiteit.startdatum and activiteit.status in (Status.IN_UITVOERING, Status.IN_HERORIENTATIE, Status.AFGEROND):
        # Required by the state: an activity in uitvoering has a startdatum (status_wijzigen checks it on the way in).
        raise ValidationError(
            {
                "startdatum": _("Een activiteit die gestart is (status '%(s)s') heeft een startdatum.")
                % {"s": Status(activiteit.status).label}
            }
        )


def _valideer_gebeurtenis(g: Gebeurtenis, activiteit: IctActiviteit, eerdere: dict | None = None) -> None:
    """The input rules of an event (invoerregels) and the end date after the start; ``eerdere``: errors found before."""
    for veld in BEDRAGVELDEN:
        waarde = getattr(g, veld)
        if waarde is not None:
            setattr(g, veld, invoerregels.normaliseer_nul(waarde))
    fouten = invoerregels.gebeurtenis_fouten(
        soort=g.soort, datum=g.datum, einddatum=g.einddatum, bedragen={veld: getattr(g, veld) for veld in BEDRAGVELDEN}
    )
    for veld, f in (eerdere or {}).items():
        fouten.setdefault(veld, [f] if isinstance(f, str) else f)
    if g.einddatum and "einddatum" not in fouten and activiteit.startdatum and g.einddatum <= activiteit.startdatum:
        fouten["einddatum"] = [
            _("De geschatte einddatum moet na de startdatum (%(d)s) liggen.") % {"d": activiteit.startdatum.strftime("%d-%m-%Y")}
        ]
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def activiteit_aanmaken(*, actor, gegevens: dict, initieel: dict, nummer: int | None = None) -> IctActiviteit:
    """Create an activity with its initial baseline (the first event: Initieel)."""
    activiteit = IctActiviteit(**{k: v for k, v in gegevens.items() if k in ALGEMENE_VELDEN})
    _mag_bewerken(actor, activiteit.ministerie_id, activiteit.dienstonderdeel_id)
    # Serialise number assignment (numbers are unique across all ministries): lock the highest.
    IctActiviteit.objects.select_for_update().order_by("-nummer").values_list("pk", flat=True).first()
    activiteit.nummer = nummer or _volgend_nummer()
    activiteit.status = Status.NOG_NIET_GESTART
    activiteit.full_clean()
    _valideer_organisatie(activiteit)
    _valideer_startdatum(activiteit)
    activiteit.save()
    baseline = Gebeurtenis(activiteit=activiteit, soort=Gebeurtenis.Soort.INITIEEL, **initieel)
    baseline.datum = baseline.datum or activiteit.startdatum or timezone.localdate()
    _valideer_gebeurtenis(baseline, activiteit)
    baseline.full_clean(exclude=["activiteit"])
    baseline.save()
    na = audit.momentopname(activiteit)
    na["initieel"] = audit.momentopname(baseline)
    audit.vastleggen(actor=actor, actie="activiteit.aangemaakt", obj=activiteit, na=na)
    return activiteit


def startdatum_voor_einde(activiteit: IctActiviteit, initiele_einddatum: datetime.date | None) -> None:
    """A changed startdatum lies before the end date of the initial baseline (``activiteit_wijzigen``, the bulk import)."""
    if initiele_einddatum and activiteit.startdatum and initiele_einddatum <= activiteit.startdatum:
        raise ValidationError(
            {
                "startdatum": _("De startdatum moet vóór de geschatte einddatum (%(d)s) liggen.")
                % {"d": initiele_einddatum.strftime("%d-%m-%Y")}
            }
        )


@transaction.atomic
def activiteit_wijzigen(
    *,
    actor,
    activiteit: IctActiviteit,
    gegevens: dict,
    versie: int,
    onderdelen: Iterable = (),
    verwijderen: Iterable = (),
) -> IctActiviteit:
    """Change the general fields and the repeating lists (mijlpalen, toetsen, Kamerstukken, baten, partijen).

    ``versie`` is the version the user loaded: a later save by someone else is refused (Conflict).
    """
    _mag_bewerken(actor, activiteit.ministerie_id, activiteit.dienstonderdeel_id)
    actueel = _vergrendel(activiteit, versie)
    _mag_bewerken(actor, actueel.ministerie_id, actueel.dienstonderdeel_id)
    voor = audit.momentopname(actueel)
    oude_naam, oude_organisatie = actueel.naam, peildatumstand.organisatie_waarde(actueel)
    for veld, waarde in gegevens.items():
        if veld in ALGEMENE_VELDEN:
            setattr(actueel, veld, waarde)
    # Moving an activity to another organisation needs the right there too.
    _mag_bewerken(actor, actueel.ministerie_id, actueel.dienstonderdeel_id)
    actueel.full_clean()
    _valideer_organisatie(actueel)
    _valideer_startdatum(actueel)
    initieel = actueel.gebeurtenissen.filter(soort=Gebeurtenis.Soort.INITIEEL).first()
    startdatum_voor_einde(actueel, initieel.einddatum if initieel else None)
    actueel.save()
    # Since when the new name and organisation are in force, for versions of earlier peildata (issue 12).
    vandaag = timezone.localdate()
    peildatumstand.historie_vastleggen(
        actor=actor, activiteit=actueel, veld="naam", oud=oude_naam, nieuw=actueel.naam, geldig_vanaf=vandaag
    )
    peildatumstand.historie_vastleggen(
        actor=actor,
        activiteit=actueel,
        veld="organisatie",
        oud=oude_organisatie,
        nieuw=peildatumstand.organisatie_waarde(actueel),
        geldig_vanaf=vandaag,
    )
    lijsten = []
    for obj in onderdelen:
        if obj.activiteit_id not in (None, actueel.pk):
            raise PermissionDenied(_("Dit onderdeel hoort bij een andere ICT-activiteit."))
        obj.activiteit = actueel
        obj.full_clean()
        obj.save()
        lijsten.append(f"{obj._meta.model_name}:{obj.pk}")
    for obj in verwijderen:
        if obj.activiteit_id != actueel.pk:
            raise PermissionDenied(_("Dit onderdeel hoort bij een andere ICT-activiteit."))
        lijsten.append(f"-{obj._meta.model_name}:{obj.pk}")
        obj.delete()
    _verhoog_versie(actueel)
    na = audit.momentopname(actueel)
    na["onderdelen"] = lijsten
    audit.vastleggen(actor=actor, actie="activiteit.gewijzigd", obj=actueel, voor=voor, na=na)
    return actueel


def _nieuwe_gebeurtenis(
    *,
    actueel: IctActiviteit,
    soort: str,
    datum: datetime.date,
    einddatum: datetime.date | None,
    bedragen: dict[str, Decimal],
    toelichting_kosten: str,
    toelichting_einddatum: str,
    redenen: list[RedenHerijking],
    vervangt: Gebeurtenis | None = None,
    reden_correctie: str = "",
    fouten: dict | None = None,
) -> Gebeurtenis:
    """Validate and save a Rapportage or Herijking after the events in force (``vervangt``: the one it corrects)."""
    eerdere = actueel.gebeurtenissen.geldend()
    if vervangt is not None:
        eerdere = eerdere.exclude(pk=vervangt.pk)
    laatste = eerdere.order_by("-datum", "-pk").first()
    g = gebeurtenis_opbouwen(
        actueel=actueel,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen,
        toelichting_kosten=toelichting_kosten,
        toelichting_einddatum=toelichting_einddatum,
        redenen=redenen,
        laatste_datum=laatste.datum if laatste else None,
        vervangt=vervangt,
        reden_correctie=reden_correctie,
        fouten=fouten,
    )
    g.save()
    g.redenen.set(redenen)
    _verhoog_versie(actueel)
    return g


def gebeurtenis_opbouwen(
    *,
    actueel: IctActiviteit,
    soort: str,
    datum: datetime.date,
    einddatum: datetime.date | None,
    bedragen: dict[str, Decimal],
    toelichting_kosten: str,
    toelichting_einddatum: str,
    redenen: list[RedenHerijking],
    laatste_datum: datetime.date | None,
    vervangt: Gebeurtenis | None = None,
    reden_correctie: str = "",
    fouten: dict | None = None,
) -> Gebeurtenis:
    """A new Rapportage or Herijking, validated and not saved: every rule of ``_nieuwe_gebeurtenis``, without a query.

    ``laatste_datum``: the date of the last event in force (before ``vervangt``); the bulk
    import (``uitwisseling.bulk``) passes what it read for the whole batch.
    """
    if soort not in (Gebeurtenis.Soort.RAPPORTAGE, Gebeurtenis.Soort.HERIJKING):
        raise ValidationError({"soort": _("Een nieuwe gebeurtenis is een rapportage of een herijking; de initiële baseline bestaat al.")})
    fouten = dict(fouten or {})
    if soort == Gebeurtenis.Soort.HERIJKING:
        if not redenen:
            fouten["redenen"] = _("Een herijking heeft ten minste één reden (rapportagemodel: Redenen herijking).")
        if not (toelichting_kosten.strip() or toelichting_einddatum.strip()):
            fouten["toelichting_kosten"] = _("Een herijking heeft een toelichting: licht de wijziging van kosten of einddatum toe.")
    elif redenen:
        fouten["redenen"] = _("Redenen horen alleen bij een herijking.")
    if laatste_datum and not invoerregels.gebeurtenisdatum_fouten(datum) and datum < laatste_datum:
        fouten["datum"] = _("De datum ligt vóór de laatste gebeurtenis (%(d)s): de historie wordt alleen aangevuld.") % {
            "d": laatste_datum.strftime("%d-%m-%Y")
        }
    g = Gebeurtenis(
        activiteit=actueel,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        toelichting_kosten=toelichting_kosten,
        toelichting_einddatum=toelichting_einddatum,
        vervangt=vervangt,
        reden_correctie=reden_correctie,
        **{k: v for k, v in bedragen.items() if k in BEDRAGVELDEN},
    )
    _valideer_gebeurtenis(g, actueel, fouten)
    g.full_clean(exclude=["activiteit"])
    return g


@transaction.atomic
def gebeurtenis_toevoegen(
    *,
    actor,
    activiteit: IctActiviteit,
    versie: int | None,
    soort: str,
    datum: datetime.date,
    einddatum: datetime.date | None,
    bedragen: dict[str, Decimal],
    toelichting_kosten: str = "",
    toelichting_einddatum: str = "",
    redenen: Iterable[RedenHerijking] = (),
) -> Gebeurtenis:
    """Record a Rapportage or a Herijking: a new event, never a change of an old one."""
    _mag_bewerken(actor, activiteit.ministerie_id, activiteit.dienstonderdeel_id)
    actueel = _vergrendel(activiteit, versie)
    _mag_bewerken(actor, actueel.ministerie_id, actueel.dienstonderdeel_id)
    redenen = list(redenen)
    g = _nieuwe_gebeurtenis(
        actueel=actueel,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen,
        toelichting_kosten=toelichting_kosten,
        toelichting_einddatum=toelichting_einddatum,
        redenen=redenen,
    )
    na = audit.momentopname(g)
    na["redenen"] = [r.code for r in redenen]
    audit.vastleggen(actor=actor, actie=f"gebeurtenis.{soort}", obj=g, na=na)
    return g


def te_corrigeren_gebeurtenis(activiteit: IctActiviteit) -> Gebeurtenis | None:
    """The event a correction would supersede: the last event in force, if it is a rapportage or herijking."""
    laatste = activiteit.gebeurtenissen.geldend().order_by("-datum", "-pk").first()
    return laatste if laatste and laatste.soort != Gebeurtenis.Soort.INITIEEL else None


@transaction.atomic
def gebeurtenis_corrigeren(
    *,
    actor,
    activiteit: IctActiviteit,
    versie: int | None,
    reden: str,
    soort: str,
    datum: datetime.date,
    einddatum: datetime.date | None,
    bedragen: dict[str, Decimal],
    toelichting_kosten: str = "",
    toelichting_einddatum: str = "",
    redenen: Iterable[RedenHerijking] = (),
) -> Gebeurtenis:
    """Correct a mistaken last event: a new event that supersedes it (``vervangt``), with a reason, audited.

    History is never deleted: the superseded event stays (shown as corrected) but no
    longer counts in the key figures, charts, versions and export (``geldend()``).
    Only the last event in force can be corrected, and not the initial baseline
    (that has ``initiele_baseline_wijzigen``); ``versie`` guards against a change in between.
    """
    _mag_bewerken(actor, activiteit.ministerie_id, activiteit.dienstonderdeel_id)
    actueel = _vergrendel(activiteit, versie)
    _mag_bewerken(actor, actueel.ministerie_id, actueel.dienstonderdeel_id)
    oud = te_corrigeren_gebeurtenis(actueel)
    if oud is None:
        raise ValidationError(
            _("Er is geen rapportage of herijking om te corrigeren: de initiële baseline corrigeert u met 'Baseline corrigeren'.")
        )
    fouten = {}
    if not reden.strip():
        fouten["reden"] = _("Geef de reden van de correctie; die komt in de audittrail.")
    redenen = list(redenen)
    g = _nieuwe_gebeurtenis(
        actueel=actueel,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen,
        toelichting_kosten=toelichting_kosten,
        toelichting_einddatum=toelichting_einddatum,
        redenen=redenen,
        vervangt=oud,
        reden_correctie=reden.strip(),
        fouten=fouten,
    )
    voor = audit.momentopname(oud)
    voor["redenen"] = [r.code for r in oud.redenen.all()]
    na = audit.momentopname(g)
    na["redenen"] = [r.code for r in redenen]
    audit.vastleggen(actor=actor, actie="gebeurtenis.gecorrigeerd", obj=g, voor=voor, na=na, reden=reden.strip())
    return g


@transaction.atomic
def initiele_baseline_wijzigen(*, actor, activiteit: IctActiviteit, versie: int, gegevens: dict) -> Gebeurtenis:
    """Correct the initial baseline: only while no later event exists."""
    _mag_bewerken(actor, activiteit.ministerie_id, activiteit.dienstonderdeel_id)
    actueel = _vergrendel(activiteit, versie)
    _mag_bewerken(actor, actueel.ministerie_id, actueel.dienstonderdeel_id)
    if actueel.gebeurtenissen.exclude(soort=Gebeurtenis.Soort.INITIEEL).exists():
        raise ValidationError(
            _("De initiële baseline kan niet meer worden gewijzigd: er is al een latere rapportage of herijking. Leg een herijking vast.")
        )
    g = actueel.gebeurtenissen.select_for_update().get(soort=Gebeurtenis.Soort.INITIEEL)
    voor = audit.momentopname(g)
    for veld, waarde in gegevens.items():
        if veld in BEDRAGVELDEN or veld in ("datum", "einddatum", "toelichting_kosten", "toelichting_einddatum"):
            setattr(g, veld, waarde)
    _valideer_gebeurtenis(g, actueel)
    g.full_clean(exclude=["activiteit"])
    g.save()
    g.refresh_from_db()
    _verhoog_versie(actueel)
    audit.vastleggen(actor=actor, actie="gebeurtenis.initieel_gewijzigd", obj=g, voor=voor, na=audit.momentopname(g))
    return g


@transaction.atomic
def status_wijzigen(
    *,
    actor,
    activiteit: IctActiviteit,
    versie: int | None,
    status: str,
    dechargedatum: datetime.date | None = None,
    annuleringsdatum: datetime.date | None = None,
    reden: str = "",
    ingangsdatum: datetime.date | None = None,
) -> IctActiviteit:
    """Move an activity through its statuses, as the status definitions allow.

    ``ingangsdatum``: the date the new status takes effect, for versions of earlier
    peildata (issue 12). Default: the dechargedatum (afgerond), the annuleringsdatum
    (geannuleerd), the startdatum when it starts (if not in the future), else today.
    """
    _mag_bewerken(actor, activiteit.ministerie_id, activiteit.dienstonderdeel_id)
    actueel = _vergrendel(activiteit, versie)
    _mag_bewerken(actor, actueel.ministerie_id, actueel.dienstonderdeel_id)
    huidig, nieuw, ingangsdatum = status_controleren(
        actueel=actueel,
        status=status,
        dechargedatum=dechargedatum,
        annuleringsdatum=annuleringsdatum,
        reden=reden,
        ingangsdatum=ingangsdatum,
    )
    voor = audit.momentopname(actueel)
    actueel.status = nieuw
    if nieuw == Status.AFGEROND:
        actueel.dechargedatum = dechargedatum
    if nieuw == Status.GEANNULEERD:
        actueel.annuleringsdatum = annuleringsdatum
        actueel.reden_annulering = reden
    actueel.save(update_fields=["status", "dechargedatum", "annuleringsdatum", "reden_annulering"])
    peildatumstand.historie_vastleggen(
        actor=actor, activiteit=actueel, veld="status", oud=huidig.value, nieuw=nieuw.value, geldig_vanaf=ingangsdatum
    )
    _verhoog_versie(actueel)
    audit.vastleggen(actor=actor, actie="activiteit.status", obj=actueel, voor=voor, na=audit.momentopname(actueel), reden=reden)
    return actueel


def status_controleren(
    *,
    actueel: IctActiviteit,
    status: str,
    dechargedatum: datetime.date | None = None,
    annuleringsdatum: datetime.date | None = None,
    reden: str = "",
    ingangsdatum: datetime.date | None = None,
) -> tuple[Status, Status, datetime.date]:
    """The rules of a status transition (``status_wijzigen``; the bulk import calls it too): (old, new, ingangsdatum).

    Raises ValidationError; runs the ``STARTVOORWAARDEN`` when the activity starts.
    """
    huidig = Status(actueel.status)
    if status not in Status.values:
        raise ValidationError({"status": _("Onbekende status.")})
    nieuw = Status(status)
    if nieuw == huidig:
        raise ValidationError({"status": _("De activiteit heeft deze status al.")})
    if nieuw not in OVERGANGEN[huidig]:
        raise ValidationError(
            {
                "status": _("Van '%(van)s' naar '%(naar)s' kan niet volgens de statusdefinities.")
                % {"van": huidig.label, "naar": nieuw.label}
            }
        )
    fouten = {}
    if nieuw == Status.IN_UITVOERING and not actueel.startdatum:
        fouten["status"] = _("Een activiteit in uitvoering heeft een startdatum.")
    if nieuw == Status.AFGEROND:
        if not dechargedatum:
            fouten["dechargedatum"] = _("'Afgerond' betekent dat decharge is verleend: vul de dechargedatum in.")
        elif actueel.startdatum and dechargedatum < actueel.startdatum:
            fouten["dechargedatum"] = _("De dechargedatum ligt vóór de startdatum.")
    if nieuw == Status.GEANNULEERD:
        if not annuleringsdatum:
            fouten["annuleringsdatum"] = _("Vul de datum in waarop de activiteit is gestopt.")
        if not reden.strip():
            fouten["reden"] = _("Geef de reden van de annulering.")
    vandaag = timezone.localdate()
    if ingangsdatum is None:
        if nieuw == Status.AFGEROND:
            ingangsdatum = dechargedatum
        elif nieuw == Status.GEANNULEERD:
            ingangsdatum = annuleringsdatum
        elif nieuw == Status.IN_UITVOERING and huidig == Status.NOG_NIET_GESTART and actueel.startdatum:
            ingangsdatum = min(actueel.startdatum, vandaag)
    ingangsdatum = ingangsdatum or vandaag
    if ingangsdatum > vandaag:
        fouten["ingangsdatum"] = _("De ingangsdatum van de status ligt in de toekomst.")
    if fouten:
        raise ValidationError(fouten)
    if nieuw == Status.IN_UITVOERING and huidig == Status.NOG_NIET_GESTART:
        for voorwaarde in STARTVOORWAARDEN:
            voorwaarde(actueel)
    return huidig, nieuw, ingangsdatum


# --------------------------------------------------------------------------
# Publication per peildatum (B14, B15)


@transaction.atomic
def versie_voorbereiden(*, actor, activiteit: IctActiviteit, peildatum: datetime.date) -> ActiviteitVersie:
    """Freeze the activity as it stood on the peildatum as a concept version (CIO-office).

    Events, status, name and organisation dated after the peildatum are left out
    (``portfolio.peildatumstand``, issue 12); the version's ``gegevens["weggelaten"]`` lists them.
    """
    _mag_bewerken(actor, activiteit.ministerie_id, activiteit.dienstonderdeel_id)
    actueel = IctActiviteit.objects.select_for_update().get(pk=activiteit.pk)
    _mag_bewerken(actor, actueel.ministerie_id, actueel.dienstonderdeel_id)
    if fouten := invoerregels.peildatum_fouten(peildatum):
        raise ValidationError({"peildatum": fouten})
    gegevens, a, stand = peildatumstand.momentopname(actueel, peildatum)
    k = a.kerncijfers
    bestaand = ActiviteitVersie.objects.filter(activiteit=actueel, peildatum=peildatum)
    # An unpublished earlier version for the same peildatum is superseded.
    for oud in bestaand.filter(status__in=[ActiviteitVersie.Status.CONCEPT, ActiviteitVersie.Status.GECONTROLEERD]):
        voor = audit.momentopname(oud)
        oud.status = ActiviteitVersie.Status.VERVALLEN
        oud.save(update_fields=["status"])
        audit.vastleggen(actor=actor, actie="versie.vervallen", obj=oud, voor=voor, na=audit.momentopname(oud))
    versie = ActiviteitVersie.objects.create(
        activiteit=actueel,
        peildatum=peildatum,
        versienummer=(bestaand.aggregate(m=Max("versienummer"))["m"] or 0) + 1,
        ministerie_id=stand.ministerie_id,
        dienstonderdeel_id=stand.dienstonderdeel_id,
        naam=stand.naam,
        activiteit_status=stand.status,
        soort=actueel.soort,
        onderwerp=actueel.onderwerp,
        startdatum=actueel.startdatum,
        initiele_einddatum=k.initiele_einddatum,
        actuele_einddatum=k.actuele_einddatum,
        initieel_totaal=k.initieel_totaal,
        actueel_totaal=k.actueel_totaal,
        gerealiseerd=k.gerealiseerd,
        aantal_herijkingen=k.aantal_herijkingen,
        aantal_acict_adviezen=sum(1 for t in gegevens["kwaliteitstoetsen"] if t["soort"] == Kwaliteitstoets.Soort.ACICT_ADVIES),
        organisatie=gegevens["organisatie"],
        aantal_baten=len(gegevens["baten"]),
        herijkingen_per_reden=dict(
            Counter(r for g in gegevens["gebeurtenissen"] if g["soort"] == Gebeurtenis.Soort.HERIJKING for r in g["redenen"])
        ),
        gegevens=gegevens,
        voorbereid_door=actor if getattr(actor, "pk", None) else None,
    )
    audit.vastleggen(
        actor=actor,
        actie="versie.voorbereid",
        obj=versie,
        na={"versie": versie.versienummer, "peildatum": peildatum, "weggelaten": gegevens["weggelaten"]},
    )
    return versie


def _versies_verplaatsen(*, actor, versies, van: str, naar: str, actie: str, velden: dict) -> list[ActiviteitVersie]:
    gedaan = []
    # Ordered by pk only: ordering by activiteit would join (and lock) the activity and ministerie rows too.
    for versie in versies.order_by("pk").select_for_update():
        if versie.status != van:
            raise ValidationError(
                _("Versie %(v)s van '%(naam)s' is %(status)s, niet %(van)s.")
                % {
                    "v": versie.versienummer,
                    "naam": versie.naam,
                    "status": versie.get_status_display(),
                    "van": ActiviteitVersie.Status(van).label,
                }
            )
        voor = audit.momentopname(versie, ["status"])
        versie.status = naar
        for veld, waarde in velden.items():
            setattr(versie, veld, waarde)
        versie.save(update_fields=["status", *velden])
        audit.vastleggen(actor=actor, actie=actie, obj=versie, voor=voor, na=audit.momentopname(versie, ["status", *velden]))
        gedaan.append(versie)
    return gedaan


@transaction.atomic
def versies_aftekenen(*, actor, ministerie: Ministerie, peildatum: datetime.date, versies=None) -> list[ActiviteitVersie]:
    """The departmental CIO signs off the data quality of concept versions: → gecontroleerd (B14, art 16.4)."""
    if not scope(actor, Recht.PEILDATUM_AFTEKENEN).omvat(ministerie.pk):
        raise PermissionDenied(_("Alleen de departementale CIO van %(m)s tekent de datakwaliteit af (B14, art 16.4).") % {"m": ministerie})
    qs = ActiviteitVersie.objects.filter(ministerie=ministerie, peildatum=peildatum)
    qs = qs.filter(pk__in=[v.pk for v in versies]) if versies is not None else qs.filter(status=ActiviteitVersie.Status.CONCEPT)
    return _versies_verplaatsen(
        actor=actor,
        versies=qs,
        van=ActiviteitVersie.Status.CONCEPT,
        naar=ActiviteitVersie.Status.GECONTROLEERD,
        actie="versie.gecontroleerd",
        velden={"gecontroleerd_door": actor, "gecontroleerd_op": timezone.now()},
    )


@transaction.atomic
def versies_publiceren(*, actor, ministerie: Ministerie, peildatum: datetime.date, versies=None) -> list[ActiviteitVersie]:
    """The CIO Rijk publishes signed-off versions (B15, art 16.3). A published version is immutable."""
    if not heeft_rijksbreed_recht(actor, RijksbreedRecht.PEILDATUM_PUBLICEREN):
        raise PermissionDenied(_("Alleen de CIO Rijk publiceert dashboardgegevens (B15, art 16.3)."))
    qs = ActiviteitVersie.objects.filter(ministerie=ministerie, peildatum=peildatum)
    qs = qs.filter(pk__in=[v.pk for v in versies]) if versies is not None else qs.filter(status=ActiviteitVersie.Status.GECONTROLEERD)
    gepubliceerd = _versies_verplaatsen(
        actor=actor,
        versies=qs,
        van=ActiviteitVersie.Status.GECONTROLEERD,
        naar=ActiviteitVersie.Status.GEPUBLICEERD,
        actie="versie.gepubliceerd",
        velden={"gepubliceerd_door": actor, "gepubliceerd_op": timezone.now()},
    )
    if gepubliceerd:
        transaction.on_commit(publicatiecache.nieuwe_generatie)
    return gepubliceerd


@transaction.atomic
def peildatum_publiceren(*, actor, peildatum: datetime.date, versies) -> dict[Ministerie, list[ActiviteitVersie]]:
    """The CIO Rijk publishes the signed-off versions of several ministries for a peildatum at once (B15, art 16.3, issue 12).

    ``versies``: exactly the versions the confirmation listed; all must be
    gecontroleerd for ``peildatum`` (a concept, or one of another peildatum, is
    refused and nothing is published). One transaction: all or nothing.
    """
    if not heeft_rijksbreed_recht(actor, RijksbreedRecht.PEILDATUM_PUBLICEREN):
        raise PermissionDenied(_("Alleen de CIO Rijk publiceert dashboardgegevens (B15, art 16.3)."))
    pks = {v.pk for v in versies}
    gekozen = list(ActiviteitVersie.objects.filter(pk__in=pks).select_related("ministerie"))
    if len(gekozen) != len(pks) or not gekozen:
        raise ValidationError({"versie": _("Kies ten minste één bestaande versie om te publiceren.")})
    anders = [v for v in gekozen if v.peildatum != peildatum]
    if anders:
        raise ValidationError(
            {
                "versie": _("Versie %(v)s van ‘%(naam)s’ hoort bij een andere peildatum.")
                % {"v": anders[0].versienummer, "naam": anders[0].naam}
            }
        )
    per_ministerie: dict[Ministerie, list[ActiviteitVersie]] = {}
    for v in gekozen:
        per_ministerie.setdefault(v.ministerie, []).append(v)
    gedaan = {}
    for ministerie in sorted(per_ministerie, key=lambda m: m.naam):
        gedaan[ministerie] = versies_publiceren(actor=actor, ministerie=ministerie, peildatum=peildatum, versies=per_ministerie[ministerie])
    return gedaan
