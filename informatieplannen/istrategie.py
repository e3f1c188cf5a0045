"""The I-strategie Rijk (B26) and the register of commitments to the Tweede Kamer: services and reads.

The CIO Rijk maintains both (RijksbreedRecht.ISTRATEGIE_BEHEREN); the holder of an action (the CIO-office or
CIO of its ministerie; the CIO Rijk for an overlegorgaan such as the CIO-beraad, which the CIO Rijk chairs)
reports its progress. Both are public (besluit.md section 4). Every change is audited.
"""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel import audit
from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht

from .models import Actie, IStrategie, Maatregel, Speerpunt, StrategieActualisatie, Thema, Toezegging, Voortgang

# B26: the I-strategie is updated yearly; overdue when the last update was sent more than twelve months ago.
ACTUALISATIE_TERMIJN_MAANDEN = 12


def _beheerder(actor) -> None:
    if not heeft_rijksbreed_recht(actor, RijksbreedRecht.ISTRATEGIE_BEHEREN):
        raise PermissionDenied(_("Alleen de CIO Rijk houdt de I-strategie Rijk en de toezeggingen bij (B26)."))


def mag_beheren(user) -> bool:
    """The CIO Rijk maintains the I-strategie and registers the commitments (B26)."""
    return heeft_rijksbreed_recht(user, RijksbreedRecht.ISTRATEGIE_BEHEREN)


def mag_toezegging_bijwerken(user, toezegging: Toezegging) -> bool:
    """The CIO Rijk, or the responsible ministerie's CIO-office or CIO (as the holder of an action reports on it)."""
    return mag_beheren(user) or scope(user, Recht.PORTFOLIO_BEWERKEN).omvat(toezegging.ministerie_id)


def mag_voortgang_melden(user, actie: Actie) -> bool:
    """The holder reports: its ministry's CIO-office or CIO; for an overlegorgaan, the CIO Rijk (its chair, art 15)."""
    if actie.houder_ministerie_id:
        return scope(user, Recht.PORTFOLIO_BEWERKEN).omvat(actie.houder_ministerie_id)
    return heeft_rijksbreed_recht(user, RijksbreedRecht.ISTRATEGIE_BEHEREN)


@transaction.atomic
def actualisatie_vastleggen(
    *,
    actor,
    strategie: IStrategie,
    jaar: int,
    besproken_in_cio_beraad_op: datetime.date,
    cio_beraad_verslag: str,
    kamerstuk: str,
    verzonden_op: datetime.date,
) -> StrategieActualisatie:
    """B26: the yearly update records the CIO-beraad meeting that discussed it and the Kamerstuk that sent it."""
    _beheerder(actor)
    fouten = {}
    if not cio_beraad_verslag.strip():
        fouten["cio_beraad_verslag"] = _("Noem de vergadering van het CIO-beraad waarin de actualisatie is besproken (B26).")
    if not kamerstuk.strip():
        fouten["kamerstuk"] = _("Noem het Kamerstuk waarmee de actualisatie aan de Tweede Kamer is gezonden (B26).")
    if besproken_in_cio_beraad_op and verzonden_op and verzonden_op < besproken_in_cio_beraad_op:
        fouten["verzonden_op"] = _("De actualisatie wordt eerst in het CIO-beraad besproken en daarna aan de Kamer gezonden (B26).")
    if StrategieActualisatie.objects.filter(strategie=strategie, jaar=jaar).exists():
        fouten["jaar"] = _("Voor %(jaar)s is al een actualisatie vastgelegd.") % {"jaar": jaar}
    if fouten:
        raise ValidationError(fouten)
    a = StrategieActualisatie.objects.create(
        strategie=strategie,
        jaar=jaar,
        besproken_in_cio_beraad_op=besproken_in_cio_beraad_op,
        cio_beraad_verslag=cio_beraad_verslag.strip(),
        kamerstuk=kamerstuk.strip(),
        verzonden_op=verzonden_op,
        vastgelegd_door=actor,
    )
    audit.vastleggen(actor=actor, actie="istrategie.actualisatie", obj=a, na=audit.momentopname(a))
    return a


def actualisatie_te_laat(strategie: IStrategie, op: datetime.date | None = None) -> bool:
    """B26: overdue when the last update was sent more than twelve months before ``op`` (or none was ever sent)."""
    op = op or timezone.localdate()
    laatste = strategie.actualisaties.order_by("-verzonden_op").values_list("verzonden_op", flat=True).first()
    if laatste is None:
        return True
    jaar, maand = (
        laatste.year + (laatste.month - 1 + ACTUALISATIE_TERMIJN_MAANDEN) // 12,
        (laatste.month - 1 + ACTUALISATIE_TERMIJN_MAANDEN) % 12 + 1,
    )
    try:
        grens = laatste.replace(year=jaar, month=maand)
    except ValueError:  # 29 February
        grens = laatste.replace(year=jaar, month=maand, day=28)
    return op > grens


@transaction.atomic
def voortgang_melden(*, actor, actie: Actie, tekst: str, status: str, datum: datetime.date | None = None) -> Voortgang:
    """The holder of an action reports dated progress and its status."""
    if not mag_voortgang_melden(actor, actie):
        raise PermissionDenied(_("Alleen de houder van deze actie meldt de voortgang."))
    fouten = {}
    if not tekst.strip():
        fouten["tekst"] = _("Beschrijf de voortgang.")
    if status not in Actie.Status.values:
        fouten["status"] = _("Kies een status: niet gestart, lopend, vertraagd of afgerond.")
    if fouten:
        raise ValidationError(fouten)
    actueel = Actie.objects.select_for_update().get(pk=actie.pk)
    voor = audit.momentopname(actueel, ["status"])
    v = Voortgang.objects.create(actie=actueel, datum=datum or timezone.localdate(), tekst=tekst.strip(), status=status, door=actor)
    actueel.status = status
    actueel.save(update_fields=["status"])
    audit.vastleggen(actor=actor, actie="istrategie.voortgang", obj=actueel, voor=voor, na={"status": status, "voortgang": v.tekst})
    return v


TOEZEGGINGNUMMER = re.compile(r"^TZ\d{6}-\d{3}$")


@transaction.atomic
def toezegging_registreren(*, actor, gegevens: dict) -> Toezegging:
    """Register a toezegging (number TZyyyymm-nnn) or a motie (its Kamerstuk number)."""
    _beheerder(actor)
    t = Toezegging(**{k: v for k, v in gegevens.items() if k in {"soort", "nummer", "tekst", "datum", "ministerie", "termijn"}})
    t.nummer = (t.nummer or "").strip()
    if t.soort == Toezegging.Soort.TOEZEGGING and not TOEZEGGINGNUMMER.match(t.nummer):
        raise ValidationError({"nummer": _("Een toezegging heeft een nummer als TZ202106-123 (TZjjjjmm-nnn).")})
    t.full_clean()
    t.save()
    audit.vastleggen(actor=actor, actie="toezegging.geregistreerd", obj=t, na=audit.momentopname(t))
    return t


@transaction.atomic
def toezegging_bijwerken(
    *, actor, toezegging: Toezegging, status: str, toelichting: str = "", nieuwe_termijn: datetime.date | None = None
) -> Toezegging:
    """A commitment becomes afgedaan, or uitgesteld with a new date and an explanation.

    The CIO Rijk, or the responsible ministerie (its CIO-office or CIO) for its own commitments.
    """
    if not mag_toezegging_bijwerken(actor, toezegging):
        raise PermissionDenied(_("Alleen de CIO Rijk of het verantwoordelijke ministerie werkt de stand van deze toezegging bij."))
    fouten = {}
    if status not in Toezegging.Status.values:
        fouten["status"] = _("Kies open, afgedaan of uitgesteld.")
    if status == Toezegging.Status.UITGESTELD:
        if nieuwe_termijn is None:
            fouten["termijn"] = _("Een uitgestelde toezegging krijgt een nieuwe termijn.")
        if not toelichting.strip():
            fouten["toelichting"] = _("Licht het uitstel toe.")
    if fouten:
        raise ValidationError(fouten)
    actueel = Toezegging.objects.select_for_update().get(pk=toezegging.pk)
    voor = audit.momentopname(actueel)
    actueel.status = status
    if toelichting.strip():
        actueel.toelichting = toelichting.strip()
    if nieuwe_termijn is not None:
        actueel.termijn = nieuwe_termijn
    actueel.save()
    audit.vastleggen(actor=actor, actie="toezegging.bijgewerkt", obj=actueel, voor=voor, na=audit.momentopname(actueel))
    return actueel


def toezeggingen_te_laat(op: datetime.date | None = None):
    """Open or postponed commitments whose date has passed: they stand out on the list."""
    op = op or timezone.localdate()
    return Toezegging.objects.exclude(status=Toezegging.Status.AFGEDAAN).filter(termijn__lt=op)


def acties_te_laat(op: datetime.date | None = None):
    op = op or timezone.localdate()
    return Actie.objects.exclude(status=Actie.Status.AFGEROND).filter(termijn__lt=op)


# --------------------------------------------------------------------------
# The structure: the CIO Rijk maintains themes → I-speerpunten → maatregelen → acties (B26).

# The fields a form may set, per part; the parent is set by the caller, never by the form.
VELDEN = {
    IStrategie: ("titel", "periode_van", "periode_tot"),
    Thema: ("naam", "volgorde"),
    Speerpunt: ("naam",),
    Maatregel: ("omschrijving",),
    Actie: ("omschrijving", "houder_ministerie", "houder_overlegorgaan", "termijn", "status"),
}
AUDITNAAM = {IStrategie: "strategie", Thema: "thema", Speerpunt: "speerpunt", Maatregel: "maatregel", Actie: "actie"}


@transaction.atomic
def onderdeel_opslaan(*, actor, obj, gegevens: dict):
    """Create or change a part of the I-strategie (``obj`` unsaved: new, with its parent set). Audited."""
    _beheerder(actor)
    soort = type(obj)
    nieuw = obj.pk is None
    if not nieuw:
        obj = soort.objects.select_for_update().get(pk=obj.pk)
    voor = None if nieuw else audit.momentopname(obj)
    for veld in VELDEN[soort]:
        if veld in gegevens:
            setattr(obj, veld, gegevens[veld])
    fouten = {}
    if soort is IStrategie and obj.periode_van and obj.periode_tot and obj.periode_tot < obj.periode_van:
        fouten["periode_tot"] = _("Het laatste jaar ligt niet vóór het eerste jaar.")
    if soort is Actie and bool(obj.houder_ministerie_id) == bool(obj.houder_overlegorgaan_id):
        fouten["houder_ministerie"] = _("Kies één houder: een ministerie of een overlegorgaan, niet beide en niet geen.")
    if fouten:
        raise ValidationError(fouten)
    obj.full_clean()
    obj.save()
    naam = AUDITNAAM[soort]
    audit.vastleggen(
        actor=actor, actie=f"istrategie.{naam}.{'aangemaakt' if nieuw else 'gewijzigd'}", obj=obj, voor=voor, na=audit.momentopname(obj)
    )
    return obj


def _onderdelen(obj) -> int:
    """How many parts (or progress notes) hang under ``obj``: a part with content is not deleted."""
    if isinstance(obj, IStrategie):
        return obj.themas.count() + obj.actualisaties.count()
    if isinstance(obj, Thema):
        return obj.speerpunten.count()
    if isinstance(obj, Speerpunt):
        return obj.maatregelen.count()
    if isinstance(obj, Maatregel):
        return obj.acties.count()
    return obj.voortgang.count() + obj.toezeggingen.count()


@transaction.atomic
def onderdeel_verwijderen(*, actor, obj) -> None:
    """Delete an empty part; a part with parts under it, or an action with progress or a linked commitment, stays (history)."""
    _beheerder(actor)
    if _onderdelen(obj):
        raise ValidationError(
            _(
                "%(obj)s heeft nog onderdelen, voortgangsnotities of gekoppelde toezeggingen; "
                "verwijder die eerst (de voortgang blijft bewaard, zet een actie daarom liever op afgerond)."
            )
            % {"obj": obj}
        )
    voor = audit.momentopname(obj)
    audit.vastleggen(actor=actor, actie=f"istrategie.{AUDITNAAM[type(obj)]}.verwijderd", obj=obj, voor=voor)
    obj.delete()


@transaction.atomic
def toezegging_koppelen(*, actor, toezegging: Toezegging, acties, activiteiten) -> Toezegging:
    """Link a commitment to I-strategie actions and ICT-activiteiten (the CIO Rijk registers the links)."""
    _beheerder(actor)
    actueel = Toezegging.objects.select_for_update().get(pk=toezegging.pk)
    voor = {
        "acties": sorted(actueel.acties.values_list("pk", flat=True)),
        "activiteiten": sorted(actueel.activiteiten.values_list("pk", flat=True)),
    }
    actueel.acties.set(acties)
    actueel.activiteiten.set(activiteiten)
    na = {"acties": sorted(a.pk for a in acties), "activiteiten": sorted(a.pk for a in activiteiten)}
    audit.vastleggen(actor=actor, actie="toezegging.gekoppeld", obj=actueel, voor=voor, na=na)
    return actueel
