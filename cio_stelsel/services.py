"""State changes of the organisation: role assignments, rights, overlegorganen, art 17.

Every function is keyword-only, runs in one transaction and writes exactly one
audit record for the change it makes. Refusals are ``ValidationError``s whose
Dutch message names the field, the rule id of domain/besluit.md and the article.
"""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .models import (
    ApiToken,
    Art17Afwijking,
    CioOffice,
    Dienstonderdeel,
    DienstonderdeelUserObjectPermission,
    HandvestVersie,
    Ministerie,
    MinisterieUserObjectPermission,
    Overleglidmaatschap,
    Overlegorgaan,
    Persoon,
    Roltoewijzing,
    Zbo,
    vandaag,
)
from .permissions import heeft_rijksbreed_recht, vergeet_scope
from .rechten import (
    CONTROLERENDE_ROLLEN,
    ENKELVOUDIGE_ROLLEN,
    GROEPSNAMEN,
    INVOERENDE_OF_BESLISSENDE_ROLLEN,
    ROL_OBJECTRECHTEN,
    ROLLEN_BENOEMD_DOOR_MINISTER,
    ROLLEN_PER_DIENSTONDERDEEL,
    ROLLEN_PER_MINISTERIE,
    ROLLEN_PER_MINISTERIE_OF_DIENSTONDERDEEL,
    ROLLEN_RIJKSBREED,
    Recht,
    RijksbreedRecht,
    Rol,
)

ARTIKEL_PER_REGEL = {
    "S1": "art 3.1",
    "S2": "art 3.4",
    "S3": "art 3.5",
    "S4": "art 6.1",
    "S5": "art 9.1 en 9.4",
    "S6": "art 10.1 en 10.3",
    "S7": "art 12.2",
    "S8": "art 2",
    "S9": "art 15",
}


# --------------------------------------------------------------------------
# Rights


def _vereist_beheer(actor) -> None:
    """Organisation and role data are kept by the functioneel beheerder and the CIO Rijk (stelsel_beheren).

    ``actor=None`` is the system itself: data migrations, the demo loader, the daily task.
    """
    if actor is not None and not heeft_rijksbreed_recht(actor, RijksbreedRecht.STELSEL_BEHEREN):
        raise PermissionDenied(_("Alleen functioneel beheer en de CIO Rijk leggen de organisatie en rollen vast."))


def _gewenste_rechten(user, op: datetime.date) -> tuple[set[str], set[tuple[str, int, str]]]:
    """The role Groups and the (model, object id, codename) object rights that follow from active roles."""
    groepen: set[str] = set()
    objectrechten: set[tuple[str, int, str]] = set()
    persoon = Persoon.objects.filter(user=user).first()
    if persoon is None or not user.is_active:
        return groepen, objectrechten
    # S10: where an approved art 17 afwijking from art 6.1 leaves a ministerie without
    # a departmental CISO, its CIO carries the CISO's contribution to oordelen (B5).
    zonder_ciso = {
        a.ministerie_id
        for a in Art17Afwijking.objects.actief(op).filter(status=Art17Afwijking.Status.GOEDGEKEURD)
        if Art17Afwijking.Bepaling.ART_6_1 in a.bepalingen
    }
    for toewijzing in Roltoewijzing.objects.actief(op).filter(persoon=persoon):
        groepen.add(GROEPSNAMEN[toewijzing.rol])
        rechten, _artikel = ROL_OBJECTRECHTEN.get(toewijzing.rol, (set(), ""))
        if toewijzing.rol == Rol.DEPARTEMENTALE_CIO and toewijzing.ministerie_id in zonder_ciso:
            rechten = rechten | {Recht.CISOBIJDRAGE_LEVEREN}
        for recht in rechten:
            if toewijzing.dienstonderdeel_id:
                objectrechten.add(("dienstonderdeel", toewijzing.dienstonderdeel_id, str(recht)))
            elif toewijzing.ministerie_id:
                objectrechten.add(("ministerie", toewijzing.ministerie_id, str(recht)))
    return groepen, objectrechten


def _rechten_bijwerken(user, op: datetime.date | None = None) -> dict:
    """Make the user's role Groups and object permissions match the active role assignments.

    Returns what changed ({"toegekend": [...], "ingetrokken": [...]}), for the caller's audit record.
    """
    op = op or vandaag()
    gewenste_groepen, gewenste_rechten = _gewenste_rechten(user, op)
    rolgroepen = set(GROEPSNAMEN.values())
    huidige_groepen = set(user.groups.filter(name__in=rolgroepen).values_list("name", flat=True))

    modellen = {"ministerie": MinisterieUserObjectPermission, "dienstonderdeel": DienstonderdeelUserObjectPermission}
    huidige_rechten: dict[tuple[str, int, str], int] = {}
    for soort, model in modellen.items():
        for pk, obj_id, codename in model.objects.filter(user=user).values_list("pk", "content_object_id", "permission__codename"):
            huidige_rechten[(soort, obj_id, codename)] = pk

    toegekend, ingetrokken = [], []
    for naam in sorted(gewenste_groepen - huidige_groepen):
        user.groups.add(Group.objects.get(name=naam))
        toegekend.append(f"groep:{naam}")
    for naam in sorted(huidige_groepen - gewenste_groepen):
        user.groups.remove(Group.objects.get(name=naam))
        ingetrokken.append(f"groep:{naam}")

    nieuw = gewenste_rechten - set(huidige_rechten)
    weg = set(huidige_rechten) - gewenste_rechten
    if nieuw:
        permissies = {
            (p.content_type.model, p.codename): p
            for p in Permission.objects.filter(content_type__app_label="cio_stelsel").select_related("content_type")
        }
        for soort, obj_id, codename in sorted(nieuw):
            modellen[soort].objects.create(user=user, permission=permissies[(soort, codename)], content_object_id=obj_id)
            toegekend.append(f"{soort}:{obj_id}:{codename}")
    for soort in modellen:
        pks = [huidige_rechten[k] for k in weg if k[0] == soort]
        if pks:
            modellen[soort].objects.filter(pk__in=pks).delete()
    ingetrokken.extend(f"{s}:{o}:{c}" for s, o, c in sorted(weg))
    vergeet_scope(user)
    return {"toegekend": toegekend, "ingetrokken": ingetrokken}


@transaction.atomic
def rechten_synchroniseren(*, op: datetime.date | None = None) -> int:
    """Apply start and end dates of all role assignments (the daily beat task). Returns the users changed.

    One audit record per user whose rights changed, with the system as actor.
    """
    from django.contrib.auth import get_user_model

    gewijzigd = 0
    for user in get_user_model().objects.filter(Q(persoon__isnull=False) | Q(groups__isnull=False)).distinct():
        wijzigingen = _rechten_bijwerken(user, op)
        if wijzigingen["toegekend"] or wijzigingen["ingetrokken"]:
            gewijzigd += 1
            persoon = getattr(user, "persoon", None)
            audit.vastleggen(
                actor=None,
                actie="rechten.bijgewerkt",
                obj=persoon or user,
                voor={"ingetrokken": wijzigingen["ingetrokken"]},
                na={"toegekend": wijzigingen["toegekend"]},
                reden=_("Begin- of einddatum van een roltoewijzing bereikt."),
                ministerie=None,
            )
    return gewijzigd


# --------------------------------------------------------------------------
# Role assignments


def _overlappend(qs, begin: datetime.date, eind: datetime.date | None):
    qs = qs.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
    if eind is not None:
        qs = qs.filter(begindatum__lte=eind)
    return qs


def _valideer_organisatie(rol: str, organisatie) -> tuple[Ministerie | None, Dienstonderdeel | None]:
    if isinstance(organisatie, Zbo):
        raise ValidationError(
            {
                "organisatie": _(
                    "Een zbo heeft geen verplichte rollen in het CIO-stelsel; de rol '%(rol)s' kan niet "
                    "aan %(zbo)s worden toegewezen (S8, art 2)."
                )
                % {"rol": Rol(rol).label, "zbo": organisatie}
            }
        )
    if rol in ROLLEN_RIJKSBREED:
        if organisatie is not None:
            raise ValidationError(
                {"organisatie": _("De rol '%(rol)s' is rijksbreed en hoort niet bij één organisatie.") % {"rol": Rol(rol).label}}
            )
        return None, None
    if rol in ROLLEN_PER_MINISTERIE and not isinstance(organisatie, Ministerie):
        raise ValidationError({"organisatie": _("De rol '%(rol)s' hoort bij een ministerie.") % {"rol": Rol(rol).label}})
    if rol in ROLLEN_PER_DIENSTONDERDEEL and not isinstance(organisatie, Dienstonderdeel):
        raise ValidationError({"organisatie": _("De rol '%(rol)s' hoort bij een dienstonderdeel (art 9).") % {"rol": Rol(rol).label}})
    if rol in ROLLEN_PER_MINISTERIE_OF_DIENSTONDERDEEL and not isinstance(organisatie, (Ministerie, Dienstonderdeel)):
        raise ValidationError({"organisatie": _("Kies het ministerie of dienstonderdeel van het CIO-office.")})
    if isinstance(organisatie, Dienstonderdeel):
        return organisatie.ministerie, organisatie
    return organisatie, None


def _roltekst(rol: str) -> str:
    return str(Rol(rol).label).lower()


def _controleer_enkele_rolhouder(rol, organisatie, ministerie, dienstonderdeel, begindatum, einddatum, behalve=None):
    """S1, S4, S5, S6: at most one holder of the role for the organisation in any part of the period."""
    if rol not in ENKELVOUDIGE_ROLLEN:
        return
    regel = ENKELVOUDIGE_ROLLEN[rol]
    qs = Roltoewijzing.objects.filter(rol=rol, ministerie=ministerie, dienstonderdeel=dienstonderdeel)
    if behalve is not None:
        qs = qs.exclude(pk=behalve.pk)
    bestaand = _overlappend(qs, begindatum, einddatum).select_related("persoon").first()
    if bestaand:
        raise ValidationError(
            {
                "begindatum" if behalve is None else "einddatum": _(
                    "%(organisatie)s heeft in deze periode al een %(rol)s: %(persoon)s (vanaf %(begin)s). "
                    "Er is steeds precies één %(rol)s (%(regel)s, %(artikel)s). Beëindig eerst die toewijzing."
                )
                % {
                    "organisatie": organisatie or _("Het Rijk"),
                    "rol": _roltekst(rol),
                    "persoon": bestaand.persoon,
                    "begin": bestaand.begindatum.strftime("%d-%m-%Y"),
                    "regel": regel,
                    "artikel": ARTIKEL_PER_REGEL.get(regel, ""),
                }
            }
        )


def _controleer_scheiding_van_taken(persoon: Persoon, rol: str, begindatum, einddatum) -> None:
    """The CIO Rijk and the functioneel beheerder may not enter or decide a ministry's data (issue 13)."""
    if rol in CONTROLERENDE_ROLLEN:
        botsend = INVOERENDE_OF_BESLISSENDE_ROLLEN
    elif rol in INVOERENDE_OF_BESLISSENDE_ROLLEN:
        botsend = CONTROLERENDE_ROLLEN
    else:
        return
    bestaand = (
        _overlappend(Roltoewijzing.objects.filter(persoon=persoon, rol__in=botsend), begindatum, einddatum)
        .select_related("ministerie", "dienstonderdeel")
        .first()
    )
    if bestaand:
        raise ValidationError(
            {
                "rol": _(
                    "%(persoon)s is in deze periode %(bestaand)s. Wie het stelsel controleert (CIO Rijk, "
                    "functioneel beheerder) voert geen gegevens van een ministerie in en besluit er niet over "
                    "(scheiding van taken); de rol '%(rol)s' kan daarom niet worden toegewezen."
                )
                % {"persoon": persoon, "bestaand": bestaand, "rol": Rol(rol).label}
            }
        )


def _controleer_besluit_minister(actor, rol: str, ministerie, besloten_door: Persoon | None, begindatum) -> Persoon | None:
    """Art 3.1, 6.1: a departmental CIO or CISO is appointed by a minister of the ministerie; record who."""
    if rol not in ROLLEN_BENOEMD_DOOR_MINISTER:
        return None
    if besloten_door is None:
        if actor is None:
            # The system (data migrations, the demo loader) loads existing appointments.
            return None
        raise ValidationError(
            {
                "besloten_door": _("Leg vast welke minister van %(ministerie)s tot deze benoeming besloot (art 3.1, 6.1).")
                % {"ministerie": ministerie}
            }
        )
    is_minister = Roltoewijzing.objects.actief(begindatum).filter(persoon=besloten_door, rol=Rol.MINISTER, ministerie=ministerie).exists()
    if not is_minister:
        raise ValidationError(
            {
                "besloten_door": _(
                    "%(persoon)s is op %(datum)s geen minister van %(ministerie)s; alleen de minister "
                    "benoemt de departementale CIO en CISO (art 3.1, 6.1)."
                )
                % {"persoon": besloten_door, "datum": begindatum.strftime("%d-%m-%Y"), "ministerie": ministerie}
            }
        )
    return besloten_door


@transaction.atomic
def roltoewijzing_starten(
    *,
    actor,
    persoon: Persoon,
    rol: str,
    organisatie: Ministerie | Dienstonderdeel | Zbo | None = None,
    begindatum: datetime.date,
    einddatum: datetime.date | None = None,
    consultatie_datum: datetime.date | None = None,
    consultatie: str = "",
    reden: str = "",
    besloten_door: Persoon | None = None,
) -> Roltoewijzing:
    """Appoint a person to a role for a period; grants the rights if the period has started.

    Enforces S1, S4, S5, S6 (at most one holder at a time), S7 (consultation
    before appointing a departmental CIO) and S8 (no roles for a ZBO); keeps S2
    (the CIO joins the bestuursraad) and S3 (the CIO has an office).
    """
    _vereist_beheer(actor)
    if rol not in Rol.values:
        raise ValidationError({"rol": _("Onbekende rol.")})
    ministerie, dienstonderdeel = _valideer_organisatie(rol, organisatie)
    if einddatum is not None and einddatum < begindatum:
        raise ValidationError({"einddatum": _("De einddatum ligt vóór de begindatum.")})
    if ministerie is not None:
        # Serialise appointments per ministerie so two at the same moment cannot both pass the check.
        ministerie = Ministerie.objects.select_for_update().get(pk=ministerie.pk)
        if begindatum < ministerie.geldig_van:
            raise ValidationError(
                {
                    "begindatum": _("%(ministerie)s bestaat pas vanaf %(datum)s.")
                    % {"ministerie": ministerie, "datum": ministerie.geldig_van.strftime("%d-%m-%Y")}
                }
            )
        if ministerie.geldig_tot and ministerie.geldig_tot < begindatum:
            raise ValidationError(
                {
                    "begindatum": _("%(ministerie)s bestaat niet meer op de begindatum (geldig tot en met %(datum)s).")
                    % {"ministerie": ministerie, "datum": ministerie.geldig_tot}
                }
            )
    else:
        Group.objects.select_for_update().filter(name=GROEPSNAMEN[rol]).first()

    if actor is not None and persoon.user_id is not None and persoon.user_id == actor.pk:
        raise ValidationError({"persoon": _("U kunt uzelf geen rol toewijzen: een rol wordt door een ander toegekend.")})
    _controleer_scheiding_van_taken(persoon, rol, begindatum, einddatum)
    _controleer_enkele_rolhouder(rol, organisatie, ministerie, dienstonderdeel, begindatum, einddatum)
    besloten_door = _controleer_besluit_minister(actor, rol, ministerie, besloten_door, begindatum)
    if rol == Rol.DEPARTEMENTALE_CIO and not (consultatie_datum and consultatie.strip()):
        raise ValidationError(
            {
                "consultatie": _(
                    "Leg de consultatie door de CIO Rijk namens de Minister van BZK vast (datum en verslag) "
                    "voordat een departementale CIO wordt benoemd (S7, art 12.2)."
                )
            }
        )

    toewijzing = Roltoewijzing(
        persoon=persoon,
        rol=rol,
        ministerie=ministerie,
        dienstonderdeel=dienstonderdeel,
        begindatum=begindatum,
        einddatum=einddatum,
        consultatie_benoeming_datum=consultatie_datum if rol == Rol.DEPARTEMENTALE_CIO else None,
        consultatie_benoeming=consultatie if rol == Rol.DEPARTEMENTALE_CIO else "",
        besloten_door=besloten_door,
    )
    toewijzing.full_clean()
    toewijzing.save()

    gevolgen = []
    if rol in (Rol.DEPARTEMENTALE_CIO, Rol.CIO_DIENSTONDERDEEL):
        # S3: every CIO has a CIO-office.
        office, gemaakt = CioOffice.objects.get_or_create(
            ministerie=ministerie,
            dienstonderdeel=dienstonderdeel,
            defaults={"naam": _("CIO-office %(organisatie)s") % {"organisatie": dienstonderdeel or ministerie.afkorting}},
        )
        if gemaakt:
            gevolgen.append(f"cio_office:{office.pk}")
    if rol == Rol.DEPARTEMENTALE_CIO:
        # S2: the departmental CIO is a member of the bestuursraad.
        lid = _overlappend(
            Roltoewijzing.objects.filter(rol=Rol.BESTUURSRAADLID, ministerie=ministerie, persoon=persoon),
            begindatum,
            einddatum,
        ).exists()
        if not lid:
            br = Roltoewijzing.objects.create(
                persoon=persoon, rol=Rol.BESTUURSRAADLID, ministerie=ministerie, begindatum=begindatum, einddatum=einddatum
            )
            gevolgen.append(f"bestuursraadlid:{br.pk}")

    wijzigingen = _rechten_bijwerken(persoon.user) if persoon.user_id else {"toegekend": [], "ingetrokken": []}
    na = audit.momentopname(toewijzing)
    na["gevolgen"] = gevolgen
    na["rechten"] = wijzigingen
    if besloten_door is not None:
        na["besloten_door_naam"] = str(besloten_door)
    audit.vastleggen(actor=actor, actie="roltoewijzing.gestart", obj=toewijzing, voor=None, na=na, reden=reden)
    return toewijzing


@transaction.atomic
def roltoewijzing_beeindigen(
    *,
    actor,
    toewijzing: Roltoewijzing,
    einddatum: datetime.date,
    reden: str,
    consultatie_datum: datetime.date | None = None,
    consultatie: str = "",
) -> Roltoewijzing:
    """End a role assignment (einddatum is the last day in the role); revokes rights once it has passed."""
    _vereist_beheer(actor)
    toewijzing = Roltoewijzing.objects.select_for_update().select_related("persoon").get(pk=toewijzing.pk)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van de beëindiging.")})
    if einddatum < toewijzing.begindatum:
        raise ValidationError(
            {"einddatum": _("De einddatum ligt vóór de begindatum (%(datum)s).") % {"datum": toewijzing.begindatum.strftime("%d-%m-%Y")}}
        )
    if toewijzing.einddatum is not None and toewijzing.einddatum < vandaag():
        raise ValidationError({"einddatum": _("Deze roltoewijzing is al beëindigd.")})
    if toewijzing.rol == Rol.DEPARTEMENTALE_CIO and not (consultatie_datum and consultatie.strip()):
        raise ValidationError(
            {
                "consultatie": _(
                    "Leg de consultatie door de CIO Rijk namens de Minister van BZK vast (datum en verslag) "
                    "voordat een departementale CIO wordt ontslagen (S7, art 12.2)."
                )
            }
        )
    _controleer_enkele_rolhouder(
        toewijzing.rol,
        toewijzing.organisatie,
        toewijzing.ministerie,
        toewijzing.dienstonderdeel,
        toewijzing.begindatum,
        einddatum,
        behalve=toewijzing,
    )
    voor = audit.momentopname(toewijzing)
    toewijzing.einddatum = einddatum
    toewijzing.reden_beeindiging = reden
    if toewijzing.rol == Rol.DEPARTEMENTALE_CIO:
        toewijzing.consultatie_ontslag_datum = consultatie_datum
        toewijzing.consultatie_ontslag = consultatie
    toewijzing.full_clean()
    toewijzing.save()
    gevolgen = []
    if toewijzing.rol == Rol.DEPARTEMENTALE_CIO:
        # The bestuursraad seat that came with the role (S2) ends with it.
        for br in Roltoewijzing.objects.filter(
            rol=Rol.BESTUURSRAADLID, ministerie=toewijzing.ministerie, persoon=toewijzing.persoon
        ).filter(Q(einddatum__isnull=True) | Q(einddatum__gt=einddatum)):
            br.einddatum = max(einddatum, br.begindatum)
            br.reden_beeindiging = reden
            br.save(update_fields=["einddatum", "reden_beeindiging"])
            gevolgen.append(f"bestuursraadlid:{br.pk}")
    persoon = toewijzing.persoon
    wijzigingen = _rechten_bijwerken(persoon.user) if persoon.user_id else {"toegekend": [], "ingetrokken": []}
    na = audit.momentopname(toewijzing)
    na["gevolgen"] = gevolgen
    na["rechten"] = wijzigingen
    audit.vastleggen(actor=actor, actie="roltoewijzing.beeindigd", obj=toewijzing, voor=voor, na=na, reden=reden)
    return toewijzing


# --------------------------------------------------------------------------
# Organisation data


@transaction.atomic
def organisatie_opslaan(*, actor, obj, reden: str = ""):
    """Create or change a ministerie, dienstonderdeel, zbo, persoon or CIO-office (plain data)."""
    _vereist_beheer(actor)
    voor = None
    if obj.pk:
        voor = audit.momentopname(type(obj).objects.select_for_update().get(pk=obj.pk))
    obj.full_clean()
    nieuw = obj.pk is None
    obj.save()
    audit.vastleggen(
        actor=actor,
        actie=f"{obj._meta.model_name}.{'aangemaakt' if nieuw else 'gewijzigd'}",
        obj=obj,
        voor=voor,
        na=audit.momentopname(obj),
        reden=reden,
    )
    return obj


@transaction.atomic
def ministerie_opvolgen(*, actor, voorganger: Ministerie, opvolgers: list[dict], datum: datetime.date, reden: str) -> list[Ministerie]:
    """Split, merge or rename: the old ministerie ends the day before ``datum``; the new ones start on it.

    ``opvolgers``: dicts with naam, afkorting and code, or {"bestaand": Ministerie} to merge into.
    """
    _vereist_beheer(actor)
    voorganger = Ministerie.objects.select_for_update().get(pk=voorganger.pk)
    if not opvolgers:
        raise ValidationError({"opvolgers": _("Noem ten minste één opvolger.")})
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden (bijvoorbeeld het Koninklijk Besluit).")})
    if datum <= voorganger.geldig_van:
        raise ValidationError({"datum": _("De datum ligt vóór het ontstaan van %(ministerie)s.") % {"ministerie": voorganger}})
    voor = audit.momentopname(voorganger)
    voorganger.geldig_tot = datum - datetime.timedelta(days=1)
    voorganger.full_clean()
    voorganger.save()
    nieuwe = []
    for gegevens in opvolgers:
        if "bestaand" in gegevens:
            opvolger = gegevens["bestaand"]
        else:
            opvolger = Ministerie(geldig_van=datum, **gegevens)
            opvolger.full_clean()
            opvolger.save()
            audit.vastleggen(actor=actor, actie="ministerie.aangemaakt", obj=opvolger, na=audit.momentopname(opvolger), reden=reden)
        opvolger.voorgangers.add(voorganger)
        nieuwe.append(opvolger)
    na = audit.momentopname(voorganger)
    na["opvolgers"] = [m.pk for m in nieuwe]
    audit.vastleggen(actor=actor, actie="ministerie.opgevolgd", obj=voorganger, voor=voor, na=na, reden=reden)
    return nieuwe


# --------------------------------------------------------------------------
# Overlegorganen (S9, B24)


def _actieve_rolhouder(rol: str, op: datetime.date, **filters) -> Persoon | None:
    t = Roltoewijzing.objects.actief(op).filter(rol=rol, **filters).select_related("persoon").first()
    return t.persoon if t else None


VOORZITTER_ARTIKEL = {
    Overlegorgaan.Soort.CIO_BERAAD: "15.2",
    Overlegorgaan.Soort.CISO_RAAD: "15.6",
    Overlegorgaan.Soort.CTO_RAAD: "15.7",
    Overlegorgaan.Soort.TORN: "15.8",
    Overlegorgaan.Soort.TORV: "15.9",
}

VOORZITTER_ROL = {
    Overlegorgaan.Soort.CIO_BERAAD: Rol.CIO_RIJK,
    Overlegorgaan.Soort.CISO_RAAD: Rol.CISO_RIJK,
    Overlegorgaan.Soort.CTO_RAAD: Rol.CIO_RIJK,
}


@transaction.atomic
def overleglid_toevoegen(
    *,
    actor,
    overlegorgaan: Overlegorgaan,
    persoon: Persoon,
    functie: str,
    begindatum: datetime.date,
    namens_ministerie: Ministerie | None = None,
    namens_dienstonderdeel: Dienstonderdeel | None = None,
    gedelegeerd_door_cio_rijk: bool = False,
) -> Overleglidmaatschap:
    """Add a chair or member to an overlegorgaan (art 15, S9)."""
    _vereist_beheer(actor)
    overlegorgaan = Overlegorgaan.objects.select_for_update().get(pk=overlegorgaan.pk)
    if functie == Overleglidmaatschap.Functie.VOORZITTER:
        if _overlappend(overlegorgaan.lidmaatschappen.filter(functie=functie), begindatum, None).exists():
            raise ValidationError(
                {
                    "functie": _("%(orgaan)s heeft al een voorzitter; beëindig eerst dat voorzitterschap (S9, art 15).")
                    % {"orgaan": overlegorgaan}
                }
            )
        vereiste_rol = VOORZITTER_ROL.get(overlegorgaan.soort)
        if vereiste_rol and _actieve_rolhouder(vereiste_rol, begindatum) != persoon:
            raise ValidationError(
                {
                    "persoon": _("De voorzitter van %(orgaan)s is de %(rol)s (S9, art %(lid)s).")
                    % {"orgaan": overlegorgaan, "rol": Rol(vereiste_rol).label, "lid": VOORZITTER_ARTIKEL[overlegorgaan.soort]}
                }
            )
        if overlegorgaan.soort in (Overlegorgaan.Soort.TORN, Overlegorgaan.Soort.TORV) and not gedelegeerd_door_cio_rijk:
            raise ValidationError(
                {
                    "gedelegeerd_door_cio_rijk": _("De voorzitter van %(orgaan)s is een afgevaardigde van de CIO Rijk (S9, art %(lid)s).")
                    % {"orgaan": overlegorgaan, "lid": VOORZITTER_ARTIKEL[overlegorgaan.soort]}
                }
            )
    lid = Overleglidmaatschap(
        overlegorgaan=overlegorgaan,
        persoon=persoon,
        functie=functie,
        begindatum=begindatum,
        namens_ministerie=namens_ministerie,
        namens_dienstonderdeel=namens_dienstonderdeel,
        gedelegeerd_door_cio_rijk=gedelegeerd_door_cio_rijk,
    )
    lid.full_clean()
    lid.save()
    audit.vastleggen(actor=actor, actie="overleglid.toegevoegd", obj=lid, na=audit.momentopname(lid), ministerie=namens_ministerie)
    return lid


@transaction.atomic
def overleglid_beeindigen(*, actor, lidmaatschap: Overleglidmaatschap, einddatum: datetime.date, reden: str = "") -> Overleglidmaatschap:
    _vereist_beheer(actor)
    lidmaatschap = Overleglidmaatschap.objects.select_for_update().get(pk=lidmaatschap.pk)
    if einddatum < lidmaatschap.begindatum:
        raise ValidationError({"einddatum": _("De einddatum ligt vóór de begindatum.")})
    voor = audit.momentopname(lidmaatschap)
    lidmaatschap.einddatum = einddatum
    lidmaatschap.save(update_fields=["einddatum"])
    audit.vastleggen(
        actor=actor, actie="overleglid.beeindigd", obj=lidmaatschap, voor=voor, na=audit.momentopname(lidmaatschap), reden=reden
    )
    return lidmaatschap


@transaction.atomic
def handvest_vaststellen(
    *, actor, overlegorgaan: Overlegorgaan, versie: str, vastgesteld_op: datetime.date, samenvatting: str = ""
) -> HandvestVersie:
    """Record a new version of the handvest of the CIO-beraad (B24, art 15.4)."""
    _vereist_beheer(actor)
    if overlegorgaan.soort != Overlegorgaan.Soort.CIO_BERAAD:
        raise ValidationError({"overlegorgaan": _("Alleen het CIO-beraad stelt een handvest vast (art 15.4).")})
    if vastgesteld_op > vandaag():
        raise ValidationError({"vastgesteld_op": _("De datum van vaststelling ligt in de toekomst.")})
    handvest = HandvestVersie(overlegorgaan=overlegorgaan, versie=versie, vastgesteld_op=vastgesteld_op, samenvatting=samenvatting)
    handvest.full_clean()
    handvest.save()
    audit.vastleggen(actor=actor, actie="handvest.vastgesteld", obj=handvest, na=audit.momentopname(handvest))
    return handvest


# --------------------------------------------------------------------------
# Art 17 afwijkingen (B27, S10)


@transaction.atomic
def art17_afwijking_aanvragen(
    *,
    actor,
    ministerie: Ministerie,
    bepalingen: list[str],
    reden: str,
    aangevraagd_door: Persoon,
    consultatie_bzk_datum: datetime.date | None,
    consultatie_bzk: str,
    begindatum: datetime.date,
    einddatum: datetime.date | None = None,
) -> Art17Afwijking:
    """Record a minister's request to deviate from named provisions (B27)."""
    _vereist_beheer(actor)
    fouten = {}
    geldig = set(Art17Afwijking.Bepaling.values)
    if not bepalingen:
        fouten["bepalingen"] = _("Noem de artikelleden waarvan wordt afgeweken; afwijken van het hele Besluit kan niet (B27, art 17).")
    elif not set(bepalingen) <= geldig:
        fouten["bepalingen"] = _("Onbekende bepaling(en): %(b)s (B27).") % {"b": ", ".join(sorted(set(bepalingen) - geldig))}
    if not reden.strip():
        fouten["reden"] = _("Motiveer waarom de afwijking doeltreffender is (B27, art 17).")
    if not (consultatie_bzk_datum and consultatie_bzk.strip()):
        fouten["consultatie_bzk"] = _("Leg het overleg met de Minister van BZK vast (datum en verslag) (B27, art 17).")
    ministers = Roltoewijzing.objects.actief(begindatum).filter(rol=Rol.MINISTER, ministerie=ministerie)
    if not ministers.filter(persoon=aangevraagd_door).exists():
        fouten["aangevraagd_door"] = _("Een afwijking wordt aangevraagd door de minister van %(ministerie)s (B27, art 17).") % {
            "ministerie": ministerie
        }
    if einddatum and einddatum < begindatum:
        fouten["einddatum"] = _("De einddatum ligt vóór de begindatum.")
    if fouten:
        raise ValidationError(fouten)
    afwijking = Art17Afwijking.objects.create(
        ministerie=ministerie,
        bepalingen=sorted(set(bepalingen)),
        reden=reden,
        aangevraagd_door=aangevraagd_door,
        consultatie_bzk_datum=consultatie_bzk_datum,
        consultatie_bzk=consultatie_bzk,
        begindatum=begindatum,
        einddatum=einddatum,
    )
    audit.vastleggen(actor=actor, actie="art17.aangevraagd", obj=afwijking, na=audit.momentopname(afwijking))
    return afwijking


@transaction.atomic
def art17_afwijking_besluiten(*, actor, afwijking: Art17Afwijking, goedgekeurd: bool, reden: str = "") -> Art17Afwijking:
    """Record the decision on an art 17 request. Only an approved one switches rules off (S10)."""
    _vereist_beheer(actor)
    afwijking = Art17Afwijking.objects.select_for_update().get(pk=afwijking.pk)
    if afwijking.status != Art17Afwijking.Status.AANGEVRAAGD:
        raise ValidationError(
            {"status": _("Over deze afwijking is al besloten (%(status)s).") % {"status": afwijking.get_status_display()}}
        )
    voor = audit.momentopname(afwijking)
    afwijking.status = Art17Afwijking.Status.GOEDGEKEURD if goedgekeurd else Art17Afwijking.Status.AFGEWEZEN
    afwijking.save(update_fields=["status"])
    na = audit.momentopname(afwijking)
    # An approved afwijking can move a right (see _gewenste_rechten): re-apply for the ministerie's CIO.
    na["rechten"] = {
        t.persoon.user.get_username(): _rechten_bijwerken(t.persoon.user)
        for t in Roltoewijzing.objects.actief()
        .filter(rol=Rol.DEPARTEMENTALE_CIO, ministerie=afwijking.ministerie, persoon__user__isnull=False)
        .select_related("persoon__user")
    }
    audit.vastleggen(actor=actor, actie="art17.besloten", obj=afwijking, voor=voor, na=na, reden=reden)
    return afwijking


# --------------------------------------------------------------------------
# Personal API tokens


def _api_token_momentopname(token: ApiToken) -> dict:
    """The audit view of a token: never the secret, nor its hash."""
    return audit.momentopname(token, ["naam", "prefix", "alleen_lezen", "verloopt_op", "ingetrokken_op"])


@transaction.atomic
def api_token_aanmaken(*, actor, naam: str, alleen_lezen: bool, verloopt_op: datetime.date) -> tuple[ApiToken, str]:
    """A personal API token for ``actor`` itself. Returns the token and its secret: the only time the secret exists.

    Only the SHA-256 hash is stored. The token authenticates as ``actor``, so it
    never grants more than the actor's own roles (``permissions.scope``).
    """
    import secrets

    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied(_("Alleen een ingelogde gebruiker maakt een API-token voor zichzelf."))
    fouten = {}
    naam = (naam or "").strip()
    if not naam:
        fouten["naam"] = _("Geef het token een naam, zodat u het later herkent.")
    op = vandaag()
    if verloopt_op <= op:
        fouten["verloopt_op"] = _("De vervaldatum ligt na vandaag.")
    elif verloopt_op > op + datetime.timedelta(days=ApiToken.MAXIMALE_LOOPTIJD_DAGEN):
        fouten["verloopt_op"] = _("Een token is hoogstens %(n)s dagen geldig.") % {"n": ApiToken.MAXIMALE_LOOPTIJD_DAGEN}
    if fouten:
        raise ValidationError(fouten)
    geheim = ApiToken.VOORVOEGSEL + secrets.token_urlsafe(32)
    token = ApiToken(
        user=actor,
        naam=naam,
        prefix=geheim[: len(ApiToken.VOORVOEGSEL) + 8],
        sleutel_hash=ApiToken.hash_van(geheim),
        alleen_lezen=alleen_lezen,
        verloopt_op=verloopt_op,
    )
    token.full_clean()
    token.save()
    audit.vastleggen(actor=actor, actie="apitoken.aangemaakt", obj=token, na=_api_token_momentopname(token))
    return token, geheim


@transaction.atomic
def api_token_intrekken(*, actor, token: ApiToken) -> ApiToken:
    """Revoke one of the actor's own tokens; it stops working at once."""
    actueel = ApiToken.objects.select_for_update().get(pk=token.pk)
    if actueel.user_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("U kunt alleen uw eigen API-tokens intrekken."))
    if actueel.is_ingetrokken:
        raise ValidationError(_("Dit token is al ingetrokken."))
    voor = _api_token_momentopname(actueel)
    actueel.ingetrokken_op = timezone.now()
    actueel.save(update_fields=["ingetrokken_op"])
    audit.vastleggen(actor=actor, actie="apitoken.ingetrokken", obj=actueel, voor=voor, na=_api_token_momentopname(actueel))
    return actueel
