"""The structural rules S1-S10 as a report of current gaps, for the stelsel-overzicht of the CIO Rijk.

Rules that a single change would break are refused by the services; this
module finds the gaps that exist by absence (a ministerie without CISO, a
substantial dienstonderdeel without CIO). An approved art 17 afwijking
switches off exactly the rules it names, for its ministerie and period (S10).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import (
    Art17Afwijking,
    CioOffice,
    Dienstonderdeel,
    HandvestVersie,
    Ministerie,
    Overleglidmaatschap,
    Overlegorgaan,
    Roltoewijzing,
    vandaag,
)
from .rechten import Rol

BESLUIT_INWERKINGTREDING = datetime.date(2021, 1, 1)  # art 19


@dataclass(frozen=True)
class Overtreding:
    regel: str
    artikel: str
    omschrijving: str
    organisatie: str
    herstel_url: str
    herstel_label: str
    ministerie_id: int | None = None


def _ministerie_url(ministerie: Ministerie) -> str:
    return reverse("cio_stelsel:ministerie", args=[ministerie.pk])


def _rol_url(organisatie=None, rol: str = "") -> str:
    url = reverse("cio_stelsel:roltoewijzing_starten")
    params = [f"rol={rol}"] if rol else []
    if isinstance(organisatie, Dienstonderdeel):
        params.append(f"dienstonderdeel={organisatie.pk}")
    elif isinstance(organisatie, Ministerie):
        params.append(f"ministerie={organisatie.pk}")
    return url + ("?" + "&".join(params) if params else "")


def uitgezette_regels(op: datetime.date) -> dict[int, set[str]]:
    """Per ministerie id, the rules switched off by approved, current art 17 afwijkingen (S10)."""
    uit: dict[int, set[str]] = defaultdict(set)
    for afwijking in Art17Afwijking.objects.actief(op).filter(status=Art17Afwijking.Status.GOEDGEKEURD):
        uit[afwijking.ministerie_id] |= afwijking.regels
    return uit


def volgende_evaluatie(op: datetime.date | None = None) -> datetime.date:
    """B25: evaluated three years after 2021-01-01 and every three years after (art 18)."""
    op = op or vandaag()
    jaar = BESLUIT_INWERKINGTREDING.year + 3
    while datetime.date(jaar, 1, 1) < op:
        jaar += 3
    return datetime.date(jaar, 1, 1)


def handvest_verlopen(op: datetime.date | None = None) -> tuple[bool, HandvestVersie | None]:
    """B24: the handvest of the CIO-beraad is overdue when its latest version is more than two years old."""
    op = op or vandaag()
    laatste = HandvestVersie.objects.filter(overlegorgaan__soort=Overlegorgaan.Soort.CIO_BERAAD).order_by("-vastgesteld_op").first()
    if laatste is None:
        return True, None
    grens = (
        laatste.vastgesteld_op.replace(year=laatste.vastgesteld_op.year + 2)
        if not (laatste.vastgesteld_op.month == 2 and laatste.vastgesteld_op.day == 29)
        else datetime.date(laatste.vastgesteld_op.year + 2, 3, 1)
    )
    return op > grens, laatste


def overtredingen(op: datetime.date | None = None) -> list[Overtreding]:
    """Every current violation of S1-S9, less what art 17 afwijkingen switch off (S10), plus B24."""
    op = op or vandaag()
    gevonden: list[Overtreding] = []
    uit = uitgezette_regels(op)

    toewijzingen = list(Roltoewijzing.objects.actief(op).select_related("persoon", "ministerie", "dienstonderdeel"))
    per_min: dict[tuple[int | None, str], list[Roltoewijzing]] = defaultdict(list)
    per_do: dict[tuple[int, str], list[Roltoewijzing]] = defaultdict(list)
    rijksbreed: dict[str, list[Roltoewijzing]] = defaultdict(list)
    for t in toewijzingen:
        if t.dienstonderdeel_id:
            per_do[(t.dienstonderdeel_id, t.rol)].append(t)
        elif t.ministerie_id:
            per_min[(t.ministerie_id, t.rol)].append(t)
        else:
            rijksbreed[t.rol].append(t)
    offices_min = set(CioOffice.objects.filter(dienstonderdeel__isnull=True).values_list("ministerie_id", flat=True))
    offices_do = set(CioOffice.objects.filter(dienstonderdeel__isnull=False).values_list("dienstonderdeel_id", flat=True))

    def melden(regel, artikel, omschrijving, organisatie, url, label, ministerie_id=None):
        if ministerie_id is not None and regel in uit.get(ministerie_id, set()):
            return
        gevonden.append(Overtreding(regel, artikel, omschrijving, str(organisatie), url, label, ministerie_id))

    ministeries = list(Ministerie.objects.actief(op))
    for m in ministeries:
        cios = per_min[(m.pk, Rol.DEPARTEMENTALE_CIO)]
        if len(cios) != 1:
            melden(
                "S1",
                "art 3.1",
                _("Geen actieve departementale CIO.") if not cios else _("Meer dan één actieve departementale CIO."),
                m,
                _rol_url(m, Rol.DEPARTEMENTALE_CIO),
                _("CIO benoemen"),
                m.pk,
            )
        if not per_min[(m.pk, Rol.SECRETARIS_GENERAAL)]:
            melden(
                "S1",
                "art 3.1",
                _("Geen secretaris-generaal vastgelegd: de CIO ressorteert onder de SG."),
                m,
                _rol_url(m, Rol.SECRETARIS_GENERAAL),
                _("SG vastleggen"),
                m.pk,
            )
        for cio in cios:
            leden = {t.persoon_id for t in per_min[(m.pk, Rol.BESTUURSRAADLID)]}
            if cio.persoon_id not in leden:
                melden(
                    "S2",
                    "art 3.4",
                    _("De departementale CIO %(p)s is geen lid van de bestuursraad.") % {"p": cio.persoon},
                    m,
                    _rol_url(m, Rol.BESTUURSRAADLID),
                    _("Lidmaatschap bestuursraad vastleggen"),
                    m.pk,
                )
            if not cio.consultatie_benoeming_datum:
                melden(
                    "S7",
                    "art 12.2",
                    _("Van de benoeming van %(p)s is geen consultatie door de CIO Rijk vastgelegd.") % {"p": cio.persoon},
                    m,
                    _ministerie_url(m),
                    _("Organisatie bekijken"),
                    m.pk,
                )
        if cios and m.pk not in offices_min:
            melden(
                "S3", "art 3.5", _("De departementale CIO heeft geen CIO-office."), m, _ministerie_url(m), _("Organisatie bekijken"), m.pk
            )
        cisos = per_min[(m.pk, Rol.DEPARTEMENTALE_CISO)]
        if len(cisos) != 1:
            melden(
                "S4",
                "art 6.1",
                _("Geen actieve departementale CISO.") if not cisos else _("Meer dan één actieve departementale CISO."),
                m,
                _rol_url(m, Rol.DEPARTEMENTALE_CISO),
                _("CISO benoemen"),
                m.pk,
            )

    for do in Dienstonderdeel.objects.filter(ministerie__in=ministeries).select_related("ministerie"):
        heeft_cio = bool(per_do[(do.pk, Rol.CIO_DIENSTONDERDEEL)])
        if do.substantieel_portfolio:
            if not heeft_cio:
                melden(
                    "S5",
                    "art 9.1",
                    _("Substantieel ICT-portfolio, maar geen CIO."),
                    do,
                    _rol_url(do, Rol.CIO_DIENSTONDERDEEL),
                    _("CIO benoemen"),
                    do.ministerie_id,
                )
            if not per_do[(do.pk, Rol.CISO_DIENSTONDERDEEL)]:
                melden(
                    "S5",
                    "art 9.4",
                    _("Substantieel ICT-portfolio, maar geen CISO die onder de CIO ressorteert."),
                    do,
                    _rol_url(do, Rol.CISO_DIENSTONDERDEEL),
                    _("CISO benoemen"),
                    do.ministerie_id,
                )
        if heeft_cio and do.pk not in offices_do:
            melden(
                "S3",
                "art 3.5",
                _("De CIO van dit dienstonderdeel heeft geen CIO-office."),
                do,
                _ministerie_url(do.ministerie),
                _("Organisatie bekijken"),
                do.ministerie_id,
            )

    for rol in (Rol.CIO_RIJK, Rol.CISO_RIJK):
        aantal = len(rijksbreed[rol])
        if aantal != 1:
            melden(
                "S6",
                "art 10.1, 10.3",
                _("Er is geen %(rol)s.") % {"rol": Rol(rol).label}
                if not aantal
                else _("Er is meer dan één %(rol)s.") % {"rol": Rol(rol).label},
                _("Rijksbreed"),
                _rol_url(None, rol),
                _("Benoemen"),
            )

    gevonden.extend(_overleg_overtredingen(op, ministeries, per_min, rijksbreed))

    verlopen, laatste = handvest_verlopen(op)
    if verlopen:
        gevonden.append(
            Overtreding(
                "B24",
                "art 15.4",
                _("Het handvest van het CIO-beraad is ouder dan twee jaar (laatste versie: %(v)s).")
                % {"v": laatste.vastgesteld_op.strftime("%d-%m-%Y")}
                if laatste
                else _("Er is geen handvest van het CIO-beraad vastgelegd."),
                str(Overlegorgaan.Soort.CIO_BERAAD.label),
                reverse("cio_stelsel:overlegorganen"),
                _("Overlegorganen bekijken"),
            )
        )
    return gevonden


def _overleg_overtredingen(op, ministeries, per_min, rijksbreed) -> list[Overtreding]:
    """S9: the chairs and minimum members of art 15."""
    resultaat = []
    url = reverse("cio_stelsel:overlegorganen")
    organen = {o.soort: o for o in Overlegorgaan.objects.all()}
    leden: dict[str, list[Overleglidmaatschap]] = defaultdict(list)
    for lid in Overleglidmaatschap.objects.actief(op).select_related("overlegorgaan", "persoon"):
        leden[lid.overlegorgaan.soort].append(lid)

    def voorzitter(soort):
        return next((lid for lid in leden[soort] if lid.functie == Overleglidmaatschap.Functie.VOORZITTER), None)

    def rolhouder(rol):
        houders = rijksbreed.get(rol) or []
        return houders[0].persoon_id if len(houders) == 1 else None

    eisen = [
        (Overlegorgaan.Soort.CIO_BERAAD, Rol.CIO_RIJK, Rol.DEPARTEMENTALE_CIO, "15.2", "15.3"),
        (Overlegorgaan.Soort.CISO_RAAD, Rol.CISO_RIJK, Rol.DEPARTEMENTALE_CISO, "15.6", "15.6"),
    ]
    for soort, voorzitter_rol, leden_rol, art_vz, art_leden in eisen:
        naam = str(Overlegorgaan.Soort(soort).label)
        if soort not in organen:
            resultaat.append(Overtreding("S9", "art 15", _("%(o)s bestaat niet.") % {"o": naam}, naam, url, _("Overlegorganen bekijken")))
            continue
        vz = voorzitter(soort)
        if vz is None or vz.persoon_id != rolhouder(voorzitter_rol):
            resultaat.append(
                Overtreding(
                    "S9",
                    f"art {art_vz}",
                    _("De voorzitter is niet de %(rol)s.") % {"rol": Rol(voorzitter_rol).label},
                    naam,
                    url,
                    _("Voorzitter vastleggen"),
                )
            )
        aanwezig = {lid.persoon_id for lid in leden[soort]}
        for m in ministeries:
            for t in per_min[(m.pk, leden_rol)]:
                if t.persoon_id not in aanwezig:
                    resultaat.append(
                        Overtreding(
                            "S9",
                            f"art {art_leden}",
                            _("%(p)s (%(rol)s %(m)s) is geen lid.") % {"p": t.persoon, "rol": Rol(leden_rol).label, "m": m.afkorting},
                            naam,
                            url,
                            _("Lid toevoegen"),
                            m.pk,
                        )
                    )
    cto = Overlegorgaan.Soort.CTO_RAAD
    if cto in organen:
        vz = voorzitter(cto)
        if vz is None or vz.persoon_id != rolhouder(Rol.CIO_RIJK):
            resultaat.append(
                Overtreding("S9", "art 15.7", _("De voorzitter is niet de CIO Rijk."), str(cto.label), url, _("Voorzitter vastleggen"))
            )
        vertegenwoordigd = {lid.namens_dienstonderdeel_id for lid in leden[cto] if lid.namens_dienstonderdeel_id}
        for dv in Dienstonderdeel.objects.filter(is_ict_dienstverlener=True, ministerie__in=ministeries):
            if dv.pk not in vertegenwoordigd:
                resultaat.append(
                    Overtreding(
                        "S9",
                        "art 15.7",
                        _("ICT-dienstverlener %(dv)s is niet vertegenwoordigd.") % {"dv": dv},
                        str(cto.label),
                        url,
                        _("Lid toevoegen"),
                    )
                )
    dienstverleners = list(Dienstonderdeel.objects.filter(is_ict_dienstverlener=True, ministerie__in=ministeries))
    for soort, artikel, met_dienstverleners in (
        (Overlegorgaan.Soort.TORN, "15.8", True),
        (Overlegorgaan.Soort.TORV, "15.9", False),
    ):
        if soort not in organen:
            continue
        naam = str(Overlegorgaan.Soort(soort).label)
        vz = voorzitter(soort)
        if vz is None or not vz.gedelegeerd_door_cio_rijk:
            resultaat.append(
                Overtreding(
                    "S9",
                    f"art {artikel}",
                    _("Geen voorzitter die afgevaardigd is door de CIO Rijk."),
                    naam,
                    url,
                    _("Voorzitter vastleggen"),
                )
            )
        ministeries_vertegenwoordigd = {lid.namens_ministerie_id for lid in leden[soort] if lid.namens_ministerie_id}
        for m in ministeries:
            if m.pk not in ministeries_vertegenwoordigd:
                resultaat.append(
                    Overtreding(
                        "S9",
                        f"art {artikel}",
                        _("Geen afgevaardigde van het CIO-office van %(m)s.") % {"m": m.afkorting},
                        naam,
                        url,
                        _("Lid toevoegen"),
                        m.pk,
                    )
                )
        if met_dienstverleners:
            dv_vertegenwoordigd = {lid.namens_dienstonderdeel_id for lid in leden[soort] if lid.namens_dienstonderdeel_id}
            for dv in dienstverleners:
                if dv.pk not in dv_vertegenwoordigd:
                    resultaat.append(
                        Overtreding(
                            "S9",
                            f"art {artikel}",
                            _("ICT-dienstverlener %(dv)s is niet vertegenwoordigd.") % {"dv": dv},
                            naam,
                            url,
                            _("Lid toevoegen"),
                        )
                    )
    return resultaat
