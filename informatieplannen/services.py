"""State changes of the informatieplannen (art 4 c, 7 d, 11 i; B10, B11, B12).

Each function checks the right of the actor on the plan's ministerie, locks the plan row, validates
(naming the field and the rule), writes, and records one audit record in the same transaction.
Only a concept changes; a vastgesteld plan is immutable and is actualised by a new version.
"""

import decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel import audit, wachtrij
from cio_stelsel.models import Ministerie
from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht
from portfolio import publicatiecache
from portfolio.models import IctActiviteit

from . import meldingen
from .models import Beoordeling, Bevinding, Criterium, FinancieleConsequentie, Informatieplan, PlanActiviteit, PlanToets

PLAN_VELDEN = ["titel", "periode_van", "periode_tot", "ambities", "strategische_doelen"]
OPENBAAR_VELDEN = ["openbaar", "openbare_samenvatting", "openbaar_door", "openbaar_op"]


def _mag(actor, recht: str, ministerie_id: int) -> bool:
    """A right on the ministerie itself: a plan is departmental, a dienstonderdeel's role does not reach it."""
    return scope(actor, recht).omvat(ministerie_id)


def _vereist(actor, recht: str, ministerie_id: int, melding: str) -> None:
    if not _mag(actor, recht, ministerie_id):
        raise PermissionDenied(melding)


def _actor_of_none(actor):
    return actor if getattr(actor, "pk", None) else None


def _vergrendelen(plan: Informatieplan, *, verwacht: str, versie: int | None = None) -> Informatieplan:
    actueel = Informatieplan.objects.select_for_update().select_related("ministerie").get(pk=plan.pk)
    if actueel.status != verwacht:
        if actueel.status in Informatieplan.NA_VASTSTELLING and verwacht == Informatieplan.Status.CONCEPT:
            raise ValidationError(_("Dit informatieplan is vastgesteld en wijzigt niet meer; begin een actualisatie (B12)."))
        raise ValidationError(
            _("Dit informatieplan is %(nu)s; deze stap hoort bij een plan dat %(verwacht)s is.")
            % {"nu": actueel.get_status_display().lower(), "verwacht": Informatieplan.Status(verwacht).label.lower()}
        )
    if versie is not None and actueel.versie != versie:
        raise ValidationError(
            _("Iemand anders heeft dit informatieplan intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen; open het plan opnieuw."),
            code="conflict",
        )
    return actueel


def _periode_controleren(van, tot) -> None:
    if van is not None and tot is not None and tot <= van:
        raise ValidationError({"periode_tot": _("Een informatieplan is meerjarig: het laatste jaar ligt na het eerste (B10, art 4 c).")})


# --------------------------------------------------------------------------
# The concept


@transaction.atomic
def plan_opstellen(*, actor, ministerie: Ministerie, gegevens: dict) -> Informatieplan:
    """The CIO-office (or the CIO) of the ministerie drafts a new informatieplan (art 3.5-3.6, 4 c)."""
    _vereist(
        actor,
        Recht.INFORMATIEPLAN_OPSTELLEN,
        ministerie.pk,
        _("Alleen het CIO-office of de CIO van het eigen ministerie stelt een informatieplan op (art 3.5-3.6, 4 c)."),
    )
    _periode_controleren(gegevens.get("periode_van"), gegevens.get("periode_tot"))
    plan = Informatieplan(
        ministerie=ministerie, opgesteld_door=_actor_of_none(actor), **{k: v for k, v in gegevens.items() if k in PLAN_VELDEN}
    )
    plan.full_clean()
    plan.save()
    audit.vastleggen(actor=actor, actie="informatieplan.opgesteld", obj=plan, na=audit.momentopname(plan))
    transaction.on_commit(lambda: meldingen.versturen("ciso_paragraaf_gevraagd", plan.pk))
    return plan


@transaction.atomic
def plan_wijzigen(*, actor, plan: Informatieplan, versie: int | None, gegevens: dict) -> Informatieplan:
    _vereist(actor, Recht.INFORMATIEPLAN_OPSTELLEN, plan.ministerie_id, _("U mag dit informatieplan niet wijzigen."))
    actueel = _vergrendelen(plan, verwacht=Informatieplan.Status.CONCEPT, versie=versie)
    voor = audit.momentopname(actueel)
    for veld in PLAN_VELDEN:
        if veld in gegevens:
            setattr(actueel, veld, gegevens[veld])
    _periode_controleren(actueel.periode_van, actueel.periode_tot)
    buiten = FinancieleConsequentie.objects.filter(regel__plan=actueel).exclude(jaar__range=(actueel.periode_van, actueel.periode_tot))
    if buiten.exists():
        raise ValidationError(
            {
                "periode_van": _("Er staan financiële consequenties buiten deze periode (%(jaren)s); pas die eerst aan.")
                % {"jaren": ", ".join(str(j) for j in sorted(set(buiten.values_list("jaar", flat=True))))}
            }
        )
    actueel.versie += 1
    actueel.full_clean()
    actueel.save()
    audit.vastleggen(actor=actor, actie="informatieplan.gewijzigd", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    return actueel


def _financien_controleren(plan: Informatieplan, financien: list[dict]) -> list[dict]:
    """B10: a financial consequence per year of the plan, each with a reasoning."""
    fouten = []
    schoon = []
    jaren = set()
    for i, f in enumerate(financien, start=1):
        jaar, bedrag, redenering = f.get("jaar"), f.get("bedrag"), (f.get("redenering") or "").strip()
        if jaar is None and bedrag in (None, "") and not redenering:
            continue
        try:
            jaar = int(jaar)
        except (TypeError, ValueError):
            fouten.append(_("Regel %(i)s: geef het jaar.") % {"i": i})
            continue
        if not plan.periode_van <= jaar <= plan.periode_tot:
            fouten.append(
                _("%(jaar)s valt buiten de periode van het plan (%(van)s-%(tot)s).")
                % {"jaar": jaar, "van": plan.periode_van, "tot": plan.periode_tot}
            )
        if jaar in jaren:
            fouten.append(_("%(jaar)s staat twee keer in de financiële paragraaf.") % {"jaar": jaar})
        jaren.add(jaar)
        try:
            bedrag = decimal.Decimal(str(bedrag))
        except (decimal.InvalidOperation, TypeError, ValueError):
            fouten.append(_("%(jaar)s: geef het bedrag in euro's.") % {"jaar": jaar})
            continue
        if not redenering:
            fouten.append(_("%(jaar)s: onderbouw de financiële consequentie (B10, art 4 c).") % {"jaar": jaar})
        schoon.append({"jaar": jaar, "bedrag": bedrag, "redenering": redenering})
    if fouten:
        raise ValidationError({"financien": fouten})
    return schoon


@transaction.atomic
def regel_toevoegen(
    *,
    actor,
    plan: Informatieplan,
    activiteit: IctActiviteit | None = None,
    voorgenomen_naam: str = "",
    toelichting: str = "",
    financien: list[dict] | None = None,
) -> PlanActiviteit:
    """Add an activity to the plan's portfolio: an ICT-activiteit of the ministerie, or a voorgenomen one."""
    _vereist(actor, Recht.INFORMATIEPLAN_OPSTELLEN, plan.ministerie_id, _("U mag dit informatieplan niet wijzigen."))
    actueel = _vergrendelen(plan, verwacht=Informatieplan.Status.CONCEPT)
    voorgenomen_naam = voorgenomen_naam.strip()
    if activiteit is not None and voorgenomen_naam:
        raise ValidationError(
            {"voorgenomen_naam": _("Kies een bestaande ICT-activiteit of geef de naam van een voorgenomen activiteit, niet beide.")}
        )
    if activiteit is None and not voorgenomen_naam:
        raise ValidationError(
            {"activiteit": _("Kies een ICT-activiteit van het ministerie of geef de naam van een voorgenomen activiteit.")}
        )
    if activiteit is not None:
        if activiteit.ministerie_id != actueel.ministerie_id:
            raise ValidationError({"activiteit": _("Een informatieplan bevat alleen ICT-activiteiten van het eigen ministerie.")})
        if actueel.activiteiten.filter(activiteit=activiteit).exists():
            raise ValidationError({"activiteit": _("Deze ICT-activiteit staat al in het plan.")})
    schoon = _financien_controleren(actueel, financien or [])
    regel = PlanActiviteit.objects.create(plan=actueel, activiteit=activiteit, voorgenomen_naam=voorgenomen_naam, toelichting=toelichting)
    for f in schoon:
        FinancieleConsequentie.objects.create(regel=regel, **f)
    actueel.versie += 1
    actueel.save(update_fields=["versie"])
    audit.vastleggen(
        actor=actor, actie="informatieplan.activiteit_toegevoegd", obj=regel, na={**audit.momentopname(regel), "financien": schoon}
    )
    return regel


@transaction.atomic
def financien_vastleggen(*, actor, regel: PlanActiviteit, financien: list[dict]) -> PlanActiviteit:
    """Replace the financial consequences of one planned activity (B10)."""
    _vereist(actor, Recht.INFORMATIEPLAN_OPSTELLEN, regel.plan.ministerie_id, _("U mag dit informatieplan niet wijzigen."))
    actueel = _vergrendelen(regel.plan, verwacht=Informatieplan.Status.CONCEPT)
    schoon = _financien_controleren(actueel, financien)
    voor = list(regel.financien.values("jaar", "bedrag", "redenering"))
    regel.financien.all().delete()
    for f in schoon:
        FinancieleConsequentie.objects.create(regel=regel, **f)
    actueel.versie += 1
    actueel.save(update_fields=["versie"])
    audit.vastleggen(actor=actor, actie="informatieplan.financien", obj=regel, voor={"financien": voor}, na={"financien": schoon})
    return regel


@transaction.atomic
def voorgenomen_koppelen(*, actor, regel: PlanActiviteit, activiteit: IctActiviteit) -> PlanActiviteit:
    """A voorgenomen activity that has become a real ICT-activiteit of the ministerie is linked to it."""
    _vereist(actor, Recht.INFORMATIEPLAN_OPSTELLEN, regel.plan.ministerie_id, _("U mag dit informatieplan niet wijzigen."))
    actueel = _vergrendelen(regel.plan, verwacht=Informatieplan.Status.CONCEPT)
    if not regel.voorgenomen:
        raise ValidationError({"activiteit": _("Deze regel is al gekoppeld aan een ICT-activiteit.")})
    if activiteit.ministerie_id != actueel.ministerie_id:
        raise ValidationError({"activiteit": _("Een informatieplan bevat alleen ICT-activiteiten van het eigen ministerie.")})
    if actueel.activiteiten.filter(activiteit=activiteit).exists():
        raise ValidationError({"activiteit": _("Deze ICT-activiteit staat al in het plan.")})
    voor = audit.momentopname(regel)
    regel.activiteit, regel.voorgenomen_naam = activiteit, ""
    regel.toelichting = (regel.toelichting + "\n" if regel.toelichting else "") + _("Voorheen voorgenomen: %(n)s") % {
        "n": voor["voorgenomen_naam"]
    }
    regel.save()
    actueel.versie += 1
    actueel.save(update_fields=["versie"])
    audit.vastleggen(actor=actor, actie="informatieplan.activiteit_gekoppeld", obj=regel, voor=voor, na=audit.momentopname(regel))
    return regel


@transaction.atomic
def regel_verwijderen(*, actor, regel: PlanActiviteit) -> None:
    _vereist(actor, Recht.INFORMATIEPLAN_OPSTELLEN, regel.plan.ministerie_id, _("U mag dit informatieplan niet wijzigen."))
    actueel = _vergrendelen(regel.plan, verwacht=Informatieplan.Status.CONCEPT)
    voor = {**audit.momentopname(regel), "financien": list(regel.financien.values("jaar", "bedrag", "redenering"))}
    audit.vastleggen(actor=actor, actie="informatieplan.activiteit_verwijderd", obj=regel, voor=voor)
    regel.delete()
    actueel.versie += 1
    actueel.save(update_fields=["versie"])


@transaction.atomic
def informatiebeveiliging_schrijven(*, actor, plan: Informatieplan, tekst: str, versie: int | None = None) -> Informatieplan:
    """B11 (art 7 d): the information-security section, written by the ministry's CISO and by nobody else."""
    _vereist(
        actor,
        Recht.CISOBIJDRAGE_LEVEREN,
        plan.ministerie_id,
        _("Alleen de departementale CISO schrijft de paragraaf informatiebeveiliging van het informatieplan (B11, art 7 d)."),
    )
    if not tekst.strip():
        raise ValidationError({"informatiebeveiliging": _("De paragraaf informatiebeveiliging is leeg (B11).")})
    actueel = _vergrendelen(plan, verwacht=Informatieplan.Status.CONCEPT, versie=versie)
    voor = audit.momentopname(actueel, ["informatiebeveiliging", "informatiebeveiliging_door", "informatiebeveiliging_op"])
    actueel.informatiebeveiliging = tekst.strip()
    actueel.informatiebeveiliging_door = actor
    actueel.informatiebeveiliging_op = timezone.now()
    actueel.versie += 1
    actueel.save()
    audit.vastleggen(
        actor=actor,
        actie="informatieplan.informatiebeveiliging",
        obj=actueel,
        voor=voor,
        na=audit.momentopname(actueel, ["informatiebeveiliging", "informatiebeveiliging_door", "informatiebeveiliging_op"]),
    )
    return actueel


# --------------------------------------------------------------------------
# Completeness (B10, B11) and the life cycle (B12)


def ontbrekend(plan: Informatieplan) -> dict[str, list[str]]:
    """What keeps the plan from being submitted or decided: {field: [messages]} (empty when complete)."""
    fouten: dict[str, list[str]] = {}
    if plan.periode_tot <= plan.periode_van:
        fouten.setdefault("periode_tot", []).append(_("Een informatieplan is meerjarig (B10)."))
    if not plan.ambities.strip() and not plan.strategische_doelen.strip():
        fouten.setdefault("ambities", []).append(_("Beschrijf de ambities en strategische doelen (kwaliteitskader)."))
    regels = list(plan.activiteiten.select_related("activiteit").prefetch_related("financien"))
    if not regels:
        fouten.setdefault("financien", []).append(
            _(
                "De financiële paragraaf is leeg: neem de geplande ICT-activiteiten op, elk met de financiële consequenties per jaar (B10, art 4 c)."
            )
        )
    for r in regels:
        jaren = {f.jaar for f in r.financien.all() if f.redenering.strip()}
        missend = [j for j in plan.jaren if j not in jaren]
        if missend:
            fouten.setdefault("financien", []).append(
                _("%(act)s heeft geen onderbouwde financiële consequentie voor %(jaren)s (B10).")
                % {"act": r, "jaren": ", ".join(str(j) for j in missend)}
            )
    if not plan.informatiebeveiliging.strip() or plan.informatiebeveiliging_door_id is None:
        fouten.setdefault("informatiebeveiliging", []).append(_("De paragraaf informatiebeveiliging van de CISO ontbreekt (B11, art 7 d)."))
    return fouten


@transaction.atomic
def plan_aanbieden(*, actor, plan: Informatieplan) -> Informatieplan:
    """The CIO-office or CIO offers the complete concept to the minister: concept → ter vaststelling (B10, B11)."""
    _vereist(
        actor,
        Recht.INFORMATIEPLAN_OPSTELLEN,
        plan.ministerie_id,
        _("Alleen het CIO-office of de CIO van het eigen ministerie biedt het plan aan."),
    )
    actueel = _vergrendelen(plan, verwacht=Informatieplan.Status.CONCEPT)
    fouten = ontbrekend(actueel)
    if fouten:
        raise ValidationError(fouten)
    voor = audit.momentopname(actueel)
    actueel.status = Informatieplan.Status.TER_VASTSTELLING
    actueel.aangeboden_door, actueel.aangeboden_op = actor, timezone.now()
    actueel.versie += 1
    actueel.save()
    audit.vastleggen(actor=actor, actie="informatieplan.aangeboden", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    transaction.on_commit(lambda: meldingen.versturen("plan_vast_te_stellen", actueel.pk))
    return actueel


@transaction.atomic
def plan_terugsturen(*, actor, plan: Informatieplan, reden: str) -> Informatieplan:
    """The minister sends a plan back to concept, with a reason."""
    _vereist(
        actor,
        Recht.INFORMATIEPLAN_VASTSTELLEN,
        plan.ministerie_id,
        _("Alleen de minister van dit ministerie besluit over het informatieplan (B12)."),
    )
    if not reden.strip():
        raise ValidationError({"reden": _("Geef aan waarom het plan wordt teruggestuurd.")})
    actueel = _vergrendelen(plan, verwacht=Informatieplan.Status.TER_VASTSTELLING)
    voor = audit.momentopname(actueel)
    actueel.status = Informatieplan.Status.CONCEPT
    actueel.aangeboden_door, actueel.aangeboden_op = None, None
    actueel.versie += 1
    actueel.save()
    audit.vastleggen(
        actor=actor, actie="informatieplan.teruggestuurd", obj=actueel, voor=voor, na=audit.momentopname(actueel), reden=reden.strip()
    )
    transaction.on_commit(lambda: meldingen.versturen("plan_teruggestuurd", actueel.pk))
    return actueel


@transaction.atomic
def plan_vaststellen(*, actor, plan: Informatieplan) -> Informatieplan:
    """B12: the minister of the ministerie decides the plan; from then on it is immutable."""
    _vereist(
        actor,
        Recht.INFORMATIEPLAN_VASTSTELLEN,
        plan.ministerie_id,
        _("Alleen de minister van dit ministerie stelt het informatieplan vast (B12)."),
    )
    actueel = _vergrendelen(plan, verwacht=Informatieplan.Status.TER_VASTSTELLING)
    fouten = ontbrekend(actueel)
    if fouten:
        raise ValidationError(fouten)
    voor = audit.momentopname(actueel)
    actueel.status = Informatieplan.Status.VASTGESTELD
    actueel.vastgesteld_door, actueel.vastgesteld_op = actor, timezone.now()
    actueel.versie += 1
    actueel.save()
    audit.vastleggen(actor=actor, actie="informatieplan.vastgesteld", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    transaction.on_commit(lambda: meldingen.versturen("plan_te_toetsen", actueel.pk))
    return actueel


@transaction.atomic
def plan_toetsen(*, actor, plan: Informatieplan, bevindingen: dict[str, tuple[str, str]], eindoordeel: str, samenvatting: str) -> PlanToets:
    """B12, art 11 i: the CIO Rijk reviews a vastgesteld plan: a finding per criterion and an overall verdict."""
    if not heeft_rijksbreed_recht(actor, RijksbreedRecht.INFORMATIEPLAN_TOETSEN):
        raise PermissionDenied(_("Alleen de CIO Rijk toetst informatieplannen aan het kwaliteitskader (B12, art 11 i)."))
    actueel = _vergrendelen(plan, verwacht=Informatieplan.Status.VASTGESTELD)
    fouten: dict[str, list[str]] = {}
    for c in Criterium:
        beoordeling, tekst = bevindingen.get(c.value, ("", ""))
        if beoordeling not in Beoordeling.values or not (tekst or "").strip():
            fouten.setdefault(f"bevinding_{c.value}", []).append(_("Geef een beoordeling en een bevinding voor '%(c)s'.") % {"c": c.label})
    if eindoordeel not in Beoordeling.values:
        fouten.setdefault("eindoordeel", []).append(_("Kies het eindoordeel."))
    if not samenvatting.strip():
        fouten.setdefault("samenvatting", []).append(_("Vat de toets samen."))
    if fouten:
        raise ValidationError(fouten)
    toets = PlanToets.objects.create(plan=actueel, eindoordeel=eindoordeel, samenvatting=samenvatting.strip(), getoetst_door=actor)
    for c in Criterium:
        beoordeling, tekst = bevindingen[c.value]
        Bevinding.objects.create(toets=toets, criterium=c.value, beoordeling=beoordeling, bevinding=tekst.strip())
    voor = audit.momentopname(actueel)
    actueel.status = Informatieplan.Status.GETOETST
    actueel.versie += 1
    actueel.save()
    audit.vastleggen(
        actor=actor,
        actie="informatieplan.getoetst",
        obj=actueel,
        voor=voor,
        na={**audit.momentopname(actueel), "eindoordeel": eindoordeel, "bevindingen": bevindingen},
    )
    transaction.on_commit(lambda: meldingen.versturen("plan_getoetst", actueel.pk))
    return toets


@transaction.atomic
def plan_actualiseren(*, actor, plan: Informatieplan) -> Informatieplan:
    """A new concept version that starts from the last vastgesteld version (which stays as it was).

    The CISO's section is not copied: the CISO writes it again for the new version (B11); the page
    shows the previous text.
    """
    _vereist(
        actor,
        Recht.INFORMATIEPLAN_OPSTELLEN,
        plan.ministerie_id,
        _("Alleen het CIO-office of de CIO van het eigen ministerie actualiseert het plan."),
    )
    bron = Informatieplan.objects.select_for_update().get(pk=plan.pk)
    if bron.status not in Informatieplan.NA_VASTSTELLING:
        raise ValidationError(
            _("Alleen een vastgesteld informatieplan wordt geactualiseerd; dit plan is nog %(s)s.")
            % {"s": bron.get_status_display().lower()}
        )
    if Informatieplan.objects.filter(vorige=bron).exists():
        raise ValidationError(_("Van deze versie bestaat al een actualisatie; ga verder met de nieuwste versie."))
    nieuw = Informatieplan.objects.create(
        ministerie=bron.ministerie,
        titel=bron.titel,
        periode_van=bron.periode_van,
        periode_tot=bron.periode_tot,
        ambities=bron.ambities,
        strategische_doelen=bron.strategische_doelen,
        vorige=bron,
        volgnummer=bron.volgnummer + 1,
        opgesteld_door=_actor_of_none(actor),
    )
    for r in bron.activiteiten.prefetch_related("financien"):
        kopie = PlanActiviteit.objects.create(
            plan=nieuw, activiteit=r.activiteit, voorgenomen_naam=r.voorgenomen_naam, toelichting=r.toelichting
        )
        FinancieleConsequentie.objects.bulk_create(
            FinancieleConsequentie(regel=kopie, jaar=f.jaar, bedrag=f.bedrag, redenering=f.redenering) for f in r.financien.all()
        )
    audit.vastleggen(actor=actor, actie="informatieplan.actualisatie", obj=nieuw, voor={"vorige": bron.pk}, na=audit.momentopname(nieuw))
    transaction.on_commit(lambda: meldingen.versturen("ciso_paragraaf_gevraagd", nieuw.pk))
    return nieuw


# --------------------------------------------------------------------------
# Public (besluit.md section 4): plans are internal until the minister makes a vastgesteld one openbaar.


@transaction.atomic
def plan_openbaar_maken(*, actor, plan: Informatieplan, samenvatting: str) -> Informatieplan:
    """The minister of the ministerie makes a vastgesteld plan public, with a summary for the public I-plan page.

    Only a vastgesteld (or getoetst) plan, never a concept or one ter vaststelling (B12, section 4). The
    accessible PDF of the plan is made by a task after the commit (informatieplannen/pdf.py) and kept.
    """
    _vereist(
        actor,
        Recht.INFORMATIEPLAN_VASTSTELLEN,
        plan.ministerie_id,
        _("Alleen de minister van dit ministerie maakt het informatieplan openbaar (B12)."),
    )
    actueel = Informatieplan.objects.select_for_update().select_related("ministerie").get(pk=plan.pk)
    if actueel.status not in Informatieplan.NA_VASTSTELLING:
        raise ValidationError(
            _("Alleen een vastgesteld informatieplan wordt openbaar; dit plan is %(s)s (B12).")
            % {"s": actueel.get_status_display().lower()}
        )
    if actueel.openbaar:
        raise ValidationError(_("Dit informatieplan is al openbaar."))
    samenvatting = (samenvatting or "").strip()
    if not samenvatting:
        raise ValidationError({"openbare_samenvatting": _("Geef een samenvatting voor de openbare I-plan-pagina.")})
    voor = audit.momentopname(actueel, OPENBAAR_VELDEN)
    # update(), not save(): the vastgesteld plan itself does not change (its versie stays).
    nu = timezone.now()
    Informatieplan.objects.filter(pk=actueel.pk).update(
        openbaar=True, openbare_samenvatting=samenvatting, openbaar_door=_actor_of_none(actor), openbaar_op=nu
    )
    actueel.openbaar, actueel.openbare_samenvatting, actueel.openbaar_door, actueel.openbaar_op = True, samenvatting, actor, nu
    audit.vastleggen(
        actor=actor, actie="informatieplan.openbaar_gemaakt", obj=actueel, voor=voor, na=audit.momentopname(actueel, OPENBAAR_VELDEN)
    )
    transaction.on_commit(lambda: wachtrij.versturen("informatieplannen.tasks.plan_pdf_maken", actueel.pk))
    # The public pages (the list, the search) are cached per publication generation: render them anew.
    transaction.on_commit(publicatiecache.nieuwe_generatie)
    return actueel
