"""State changes of the reporting model of the Rijks ICT-dashboard (B13, art 16.3).

Only the CIO Rijk changes the reporting model: the threshold for a large ICT
component (from a date on) and the reasons for a herijking. Keyword-only, one
transaction each, one audit record per changed object, like ``services.py``.

The public dashboard decides per peildatum which published versions are public
by the threshold in force on that peildatum (``dashboard.selectors.stand``,
B15), and the public cache renews itself on every save or delete of these
models (``publicatiecache``), so nothing else needs to happen here.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cio_stelsel import audit
from cio_stelsel.permissions import heeft_rijksbreed_recht
from cio_stelsel.rechten import RijksbreedRecht

from .models import ActiviteitVersie, Rapportagemodel, RedenHerijking


def _mag_beheren(actor) -> None:
    if not heeft_rijksbreed_recht(actor, RijksbreedRecht.RAPPORTAGEMODEL_BEHEREN):
        raise PermissionDenied(_("Alleen de CIO Rijk beheert het rapportagemodel (B13, art 16.3)."))


def _datum(d: datetime.date) -> str:
    return d.strftime("%d-%m-%Y")


def is_intrekbaar(model: Rapportagemodel, *, vandaag: datetime.date | None = None, gepubliceerd_tot: datetime.date | None = None) -> bool:
    """Whether a threshold is not yet in force and applies to no published peildatum (see ``drempel_intrekken``)."""
    vandaag = vandaag or timezone.localdate()
    return model.geldig_vanaf > vandaag and (gepubliceerd_tot is None or model.geldig_vanaf > gepubliceerd_tot)


# --------------------------------------------------------------------------
# The threshold


@transaction.atomic
def drempel_vaststellen(*, actor, geldig_vanaf: datetime.date, drempel_eur: Decimal, toelichting: str) -> Rapportagemodel:
    """Set a new threshold for a large ICT component from ``geldig_vanaf`` on (B13, art 16.3).

    The rule: a new threshold never changes figures already published. The
    public dashboard applies to each peildatum the threshold in force on it
    (B15), so a threshold from a date on or before a published peildatum would
    silently add activities to, or remove them from, what the public has
    already seen for that peildatum. ``geldig_vanaf`` must therefore lie after
    the newest published peildatum. It may lie in the past (after that
    peildatum): then it applies to the next peildatum to be published and to
    the portfolio pages from now on.

    ``drempel_eur`` is a positive amount in euros; ``toelichting`` is required:
    why the threshold changes (for example the Kader Portfoliomanagement Rijk
    of a year). Only one threshold per date.
    """
    _mag_beheren(actor)
    fouten = {}
    if geldig_vanaf is None:
        fouten["geldig_vanaf"] = _("Vul de datum in vanaf wanneer de drempel geldt.")
    else:
        # A publication that is under way (signed-off versions on or after that date) finishes first, or
        # waits for this one: the publication service locks the same rows, so the check below is not stale.
        list(
            ActiviteitVersie.objects.filter(status=ActiviteitVersie.Status.GECONTROLEERD, peildatum__gte=geldig_vanaf)
            .order_by("pk")
            .select_for_update()
            .values_list("pk", flat=True)
        )
        gepubliceerd_tot = ActiviteitVersie.objects.nieuwste_peildatum()
        if gepubliceerd_tot is not None and geldig_vanaf <= gepubliceerd_tot:
            fouten["geldig_vanaf"] = _(
                "Gepubliceerde cijfers veranderen niet: er zijn al gegevens gepubliceerd voor peildatum %(pd)s. "
                "Een nieuwe drempel geldt vanaf een datum na die peildatum (B13, art 16.3)."
            ) % {"pd": _datum(gepubliceerd_tot)}
        elif Rapportagemodel.objects.filter(geldig_vanaf=geldig_vanaf).exists():
            fouten["geldig_vanaf"] = _(
                "Er is al een drempel vanaf %(datum)s. Kies een andere datum, of trek die drempel eerst in (B13)."
            ) % {"datum": _datum(geldig_vanaf)}
    if drempel_eur is None or drempel_eur <= 0:
        fouten["drempel_eur"] = _("De drempel is een bedrag in euro's groter dan nul (B13).")
    if not (toelichting or "").strip():
        fouten["toelichting"] = _(
            "Licht de nieuwe drempel toe, bijvoorbeeld met het Kader Portfoliomanagement Rijk waarin hij is vastgesteld (B13)."
        )
    if fouten:
        raise ValidationError(fouten)
    model = Rapportagemodel(geldig_vanaf=geldig_vanaf, drempel_eur=drempel_eur, toelichting=toelichting.strip())
    model.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            model.save()
    except IntegrityError:
        # Someone set a threshold for the same date at the same moment.
        raise ValidationError(
            {
                "geldig_vanaf": _("Er is al een drempel vanaf %(datum)s. Kies een andere datum, of trek die drempel eerst in (B13).")
                % {"datum": _datum(geldig_vanaf)}
            }
        ) from None
    model.refresh_from_db()  # the amount as stored (two decimals)
    audit.vastleggen(actor=actor, actie="rapportagemodel.vastgesteld", obj=model, na=audit.momentopname(model))
    return model


@transaction.atomic
def drempel_intrekken(*, actor, model: Rapportagemodel) -> None:
    """Withdraw a threshold that is not yet in force (B13).

    Only while it changes nothing anyone has seen: its date lies after today
    and after the newest published peildatum. A threshold in force stays in
    the history; it is replaced by setting a new one from a later date.
    """
    _mag_beheren(actor)
    actueel = Rapportagemodel.objects.select_for_update().filter(pk=model.pk).first()
    if actueel is None:
        raise ValidationError(_("Deze drempel bestaat niet meer; misschien heeft iemand anders hem al ingetrokken."))
    vandaag = timezone.localdate()
    gepubliceerd_tot = ActiviteitVersie.objects.nieuwste_peildatum()
    if actueel.geldig_vanaf <= vandaag:
        raise ValidationError(
            _(
                "De drempel vanaf %(datum)s geldt al en kan niet meer worden ingetrokken. "
                "Stel een nieuwe drempel vast vanaf een latere datum (B13)."
            )
            % {"datum": _datum(actueel.geldig_vanaf)}
        )
    if gepubliceerd_tot is not None and actueel.geldig_vanaf <= gepubliceerd_tot:
        raise ValidationError(
            _(
                "De drempel vanaf %(datum)s geldt voor de al gepubliceerde peildatum %(pd)s en kan niet meer worden "
                "ingetrokken: gepubliceerde cijfers veranderen niet (B13)."
            )
            % {"datum": _datum(actueel.geldig_vanaf), "pd": _datum(gepubliceerd_tot)}
        )
    audit.vastleggen(actor=actor, actie="rapportagemodel.ingetrokken", obj=actueel, voor=audit.momentopname(actueel))
    actueel.delete()


# --------------------------------------------------------------------------
# The reasons for a herijking


def _valideer_redennaam(naam: str, *, behalve: RedenHerijking | None = None) -> str:
    naam = (naam or "").strip()
    if not naam:
        raise ValidationError({"naam": _("Vul de naam van de reden in.")})
    bestaand = RedenHerijking.objects.filter(naam__iexact=naam)
    if behalve is not None:
        bestaand = bestaand.exclude(pk=behalve.pk)
    if bestaand.exists():
        raise ValidationError({"naam": _("Er is al een reden ‘%(naam)s’ (B13).") % {"naam": naam}})
    return naam


@transaction.atomic
def reden_toevoegen(*, actor, naam: str, code: str | None = None) -> RedenHerijking:
    """Add a reason for a herijking (B13), at the end of the list. ``code`` defaults to a slug of the name."""
    _mag_beheren(actor)
    naam = _valideer_redennaam(naam)
    if code:
        code = code.strip()
        if RedenHerijking.objects.filter(code=code).exists():
            raise ValidationError({"code": _("Er is al een reden met de code ‘%(code)s’.") % {"code": code}})
    else:
        basis = slugify(naam)[:50] or "reden"
        code, n = basis, 1
        while RedenHerijking.objects.filter(code=code).exists():
            n += 1
            code = f"{basis}-{n}"
    volgorde = (RedenHerijking.objects.aggregate(m=Max("volgorde"))["m"] or 0) + 1
    reden = RedenHerijking(code=code, naam=naam, volgorde=volgorde)
    reden.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            reden.save()
    except IntegrityError:
        raise ValidationError({"naam": _("Er is al een reden ‘%(naam)s’ (B13).") % {"naam": naam}}) from None
    audit.vastleggen(actor=actor, actie="redenherijking.toegevoegd", obj=reden, na=audit.momentopname(reden))
    return reden


@transaction.atomic
def reden_wijzigen(*, actor, reden: RedenHerijking, naam: str, volgorde: int) -> RedenHerijking:
    """Rename or reorder a reason (B13).

    Published versions keep the names they were frozen with; the activities'
    current data and the next publication show the new name. The code stays.
    """
    _mag_beheren(actor)
    actueel = RedenHerijking.objects.select_for_update().filter(pk=reden.pk).first()
    if actueel is None:
        raise ValidationError(_("Deze reden bestaat niet meer."))
    naam = _valideer_redennaam(naam, behalve=actueel)
    if volgorde is None or volgorde < 0:
        raise ValidationError({"volgorde": _("De volgorde is een geheel getal van 0 of hoger.")})
    if (actueel.naam, actueel.volgorde) == (naam, volgorde):
        return actueel
    voor = audit.momentopname(actueel)
    actueel.naam, actueel.volgorde = naam, volgorde
    actueel.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            actueel.save(update_fields=["naam", "volgorde"])
    except IntegrityError:
        raise ValidationError({"naam": _("Er is al een reden ‘%(naam)s’ (B13).") % {"naam": naam}}) from None
    audit.vastleggen(actor=actor, actie="redenherijking.gewijzigd", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    return actueel


@transaction.atomic
def reden_verwijderen(*, actor, reden: RedenHerijking) -> None:
    """Remove a reason no herijking uses (B13). A reason in use stays: rename it instead."""
    _mag_beheren(actor)
    actueel = RedenHerijking.objects.select_for_update().filter(pk=reden.pk).first()
    if actueel is None:
        raise ValidationError(_("Deze reden bestaat niet meer."))
    aantal = actueel.gebeurtenissen.count()
    if aantal:
        raise ValidationError(
            ngettext(
                "De reden ‘%(naam)s’ is gebruikt bij %(n)s herijking en kan niet worden verwijderd; "
                "u kunt hem wel een andere naam geven (B13).",
                "De reden ‘%(naam)s’ is gebruikt bij %(n)s herijkingen en kan niet worden verwijderd; "
                "u kunt hem wel een andere naam geven (B13).",
                aantal,
            )
            % {"naam": actueel.naam, "n": aantal}
        )
    audit.vastleggen(actor=actor, actie="redenherijking.verwijderd", obj=actueel, voor=audit.momentopname(actueel))
    actueel.delete()
