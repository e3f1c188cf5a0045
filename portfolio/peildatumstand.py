"""The stand of an activity on a peildatum (issue 12): what a version for that date holds.

A version for peildatum P holds the activity as it stood on P:

* the events dated on or before P (``models.gebeurtenissen_op``, the one event
  filter), whenever they were entered: data entered late about something before
  P belongs in, an event dated after P is left out;
* the status, name and organisation in force on P (``ActiviteitHistorie``);
* the quality reviews and Kamerstukken dated on or before P, and milestones
  realised after P as not yet realised.

``weggelaten`` lists what is left out because it is dated later: the pages for
preparing, signing off and publishing show it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cio_stelsel import audit

from .models import ActiviteitHistorie, Gebeurtenis, IctActiviteit, Status, gebeurtenissen_op

__all__ = ["Stand", "gebeurtenissen_op", "historie_vastleggen", "momentopname", "stand_op", "weggelaten"]

Veld = ActiviteitHistorie.Veld
MILJOEN = Decimal(1_000_000)


@dataclass(frozen=True)
class Stand:
    """The status, name and organisation of an activity in force on a date."""

    status: str
    naam: str
    ministerie_id: int
    dienstonderdeel_id: int | None
    zbo_id: int | None


def organisatie_waarde(activiteit: IctActiviteit) -> dict:
    return {"ministerie": activiteit.ministerie_id, "dienstonderdeel": activiteit.dienstonderdeel_id, "zbo": activiteit.zbo_id}


def historie_vastleggen(
    *, actor, activiteit: IctActiviteit, veld: str, oud, nieuw, geldig_vanaf: datetime.date
) -> ActiviteitHistorie | None:
    """Record a change of status, naam or organisatie taking effect on ``geldig_vanaf`` (inside the service's transaction)."""
    if oud == nieuw:
        return None
    return ActiviteitHistorie.objects.create(
        activiteit=activiteit,
        veld=veld,
        oud=oud,
        nieuw=nieuw,
        geldig_vanaf=geldig_vanaf,
        vastgelegd_door=actor if getattr(actor, "pk", None) else None,
    )


def _waarden_op(activiteit: IctActiviteit, op: datetime.date, historie: list[ActiviteitHistorie]) -> dict:
    """Per field the value in force on ``op``: the newest change on or before it, else the old value of the first change after it."""
    huidig = {Veld.STATUS: activiteit.status, Veld.NAAM: activiteit.naam, Veld.ORGANISATIE: organisatie_waarde(activiteit)}
    waarden = {}
    for veld, nu in huidig.items():
        rijen = sorted((h for h in historie if h.veld == veld), key=lambda h: (h.geldig_vanaf, h.pk))
        voor = [h for h in rijen if h.geldig_vanaf <= op]
        if voor:
            waarden[veld] = voor[-1].nieuw
        elif rijen:
            waarden[veld] = rijen[0].oud
        else:
            waarden[veld] = nu
    return waarden


def stand_op(activiteit: IctActiviteit, op: datetime.date) -> Stand:
    """The status, name and organisation of ``activiteit`` in force on ``op`` (one query)."""
    w = _waarden_op(activiteit, op, list(activiteit.historie.all()))
    org = w[Veld.ORGANISATIE] or organisatie_waarde(activiteit)
    return Stand(
        status=w[Veld.STATUS],
        naam=w[Veld.NAAM],
        ministerie_id=org["ministerie"],
        dienstonderdeel_id=org.get("dienstonderdeel"),
        zbo_id=org.get("zbo"),
    )


def _datum(d: datetime.date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else ""


def weggelaten(activiteit: IctActiviteit, op: datetime.date) -> list[dict]:
    """What a version for ``op`` leaves out because it is dated later: [{"soort", "datum", "omschrijving"}], by date."""
    lijst = []
    later = gebeurtenissen_op(activiteit).filter(datum__gt=op).order_by("datum", "pk")
    for g in later:
        lijst.append(
            {
                "soort": "gebeurtenis",
                "datum": g.datum.isoformat(),
                "omschrijving": _("%(soort)s %(datum)s (geschat %(bedrag)s mln euro)")
                % {
                    "soort": g.get_soort_display(),
                    "datum": _datum(g.datum),
                    "bedrag": formats.number_format(g.totaal_geschat / MILJOEN, decimal_pos=2, use_l10n=True),
                },
            }
        )
    for h in activiteit.historie.filter(geldig_vanaf__gt=op).order_by("geldig_vanaf", "pk"):
        if h.veld == Veld.STATUS:
            tekst = _("Status %(status)s vanaf %(datum)s") % {
                "status": Status(h.nieuw).label if h.nieuw in Status.values else h.nieuw,
                "datum": _datum(h.geldig_vanaf),
            }
        elif h.veld == Veld.NAAM:
            tekst = _("Naam ‘%(naam)s’ vanaf %(datum)s") % {"naam": h.nieuw, "datum": _datum(h.geldig_vanaf)}
        else:
            tekst = _("Andere uitvoerende organisatie vanaf %(datum)s") % {"datum": _datum(h.geldig_vanaf)}
        lijst.append({"soort": h.veld, "datum": h.geldig_vanaf.isoformat(), "omschrijving": tekst})
    for t in activiteit.kwaliteitstoetsen.filter(toetsdatum__gt=op):
        lijst.append(
            {
                "soort": "kwaliteitstoets",
                "datum": t.toetsdatum.isoformat(),
                "omschrijving": _("%(soort)s %(datum)s") % {"soort": t.get_soort_display(), "datum": _datum(t.toetsdatum)},
            }
        )
    for s in activiteit.kamerstukken.filter(briefdatum__gt=op):
        lijst.append(
            {
                "soort": "kamerstuk",
                "datum": s.briefdatum.isoformat(),
                "omschrijving": _("Kamerstuk %(nummer)s van %(datum)s") % {"nummer": s.nummer, "datum": _datum(s.briefdatum)},
            }
        )
    for m in activiteit.mijlpalen.filter(gerealiseerde_datum__gt=op):
        lijst.append(
            {
                "soort": "mijlpaal",
                "datum": m.gerealiseerde_datum.isoformat(),
                "omschrijving": _("Mijlpaal ‘%(m)s’ gerealiseerd op %(datum)s")
                % {"m": m.omschrijving, "datum": _datum(m.gerealiseerde_datum)},
            }
        )
    return sorted(lijst, key=lambda w: w["datum"])


def _mijlpaal_op(m, op: datetime.date) -> dict:
    d = audit.momentopname(m)
    if m.gerealiseerde_datum and m.gerealiseerde_datum > op:
        d.update(gerealiseerde_datum=None, behaald=False, conform_eisen=None)
    return d


def momentopname(activiteit: IctActiviteit, op: datetime.date | None = None) -> tuple[dict, IctActiviteit, Stand]:
    """The full record of ``activiteit`` as it stood on ``op`` (default today), the row annotated with its key
    figures on ``op``, and its Stand. The frozen ``gegevens`` of a version."""
    from cio_stelsel.models import Dienstonderdeel, Ministerie, Zbo

    op = op or timezone.localdate()
    a = IctActiviteit.objects.met_kerncijfers(op=op).select_related("ministerie", "dienstonderdeel", "zbo").get(pk=activiteit.pk)
    stand = stand_op(a, op)
    gegevens = audit.momentopname(a)
    ministerie = a.ministerie if stand.ministerie_id == a.ministerie_id else Ministerie.objects.get(pk=stand.ministerie_id)
    dienstonderdeel = Dienstonderdeel.objects.filter(pk=stand.dienstonderdeel_id).first() if stand.dienstonderdeel_id else None
    zbo = Zbo.objects.filter(pk=stand.zbo_id).first() if stand.zbo_id else None
    gegevens.update(
        naam=stand.naam,
        status=stand.status,
        ministerie=stand.ministerie_id,
        dienstonderdeel=stand.dienstonderdeel_id,
        zbo=stand.zbo_id,
    )
    if stand.status != Status.AFGEROND:
        gegevens["dechargedatum"] = None
    if stand.status != Status.GEANNULEERD:
        gegevens.update(annuleringsdatum=None, reden_annulering="")
    gegevens.update(
        {
            "ministerie_naam": ministerie.naam,
            "ministerie_afkorting": ministerie.afkorting,
            "organisatie": str(dienstonderdeel or zbo or ministerie),
            "kerncijfers": {key: audit._json_waarde(value) for key, value in a.kerncijfers.__dict__.items()},
            "gebeurtenissen": [],
            "mijlpalen": [_mijlpaal_op(m, op) for m in a.mijlpalen.all()],
            "kwaliteitstoetsen": [audit.momentopname(t) for t in a.kwaliteitstoetsen.filter(toetsdatum__lte=op)],
            "kamerstukken": [audit.momentopname(s) for s in a.kamerstukken.all() if s.briefdatum is None or s.briefdatum <= op],
            "baten": [audit.momentopname(b) for b in a.baten.all()],
            "ontwikkelpartijen": [audit.momentopname(p) for p in a.ontwikkelpartijen.all()],
            "weggelaten": weggelaten(a, op),
        }
    )
    for g in gebeurtenissen_op(a, op).prefetch_related("redenen").order_by("datum", "pk"):
        d = audit.momentopname(g)
        d["redenen"] = [r.naam for r in g.redenen.all()]
        gegevens["gebeurtenissen"].append(d)
    return gegevens, a, stand


def gebeurtenissen_herijking(gegevens: dict) -> list[dict]:
    return [g for g in gegevens["gebeurtenissen"] if g["soort"] == Gebeurtenis.Soort.HERIJKING]
