"""The read model of the published stand: what the public side reads, and the only place it reads it.

The published stand on peildatum P is, per activity, its newest published
version with a peildatum on or before P (a correction, a higher versienummer,
supersedes), for activities at or above the threshold in force on P (B15,
issue 12). A version is frozen when it is prepared (portfolio.peildatumstand):
its record ``ActiviteitVersie.gegevens`` and the columns copied from it for
filtering and sorting (``RIJ_VELDEN``).

The pages, open data, the public API and the Jaarrapportage read it here:

* which versions: ``stand(op)``, ``rijen(op)`` (the copied columns, for the figures in
  ``selectors``), ``gepubliceerde_versie(nummer, op)``, ``peildata()``, ``peildata_van(nummer)``;
* the frozen record: ``record(versie)`` and ``records(op)`` give it in the common record shape of
  the exchange format (``uitwisseling.kolommen.Exportbron``), from which open data builds its rows
  (``kolommen.exportrij``) and the activity page shows the history (``gebeurtenissen``,
  ``categorieen``); ``herijkingsgebeurtenissen(pks)`` gives the Jaarrapportage the events.

Of the exchange code (portfolio/uitwisseling/) only the column specification is
used: the record shape and the column names (tests/test_lagen.py).
"""

import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.db import connection
from django.db.models import Exists, OuterRef, Q

from portfolio.models import (
    KOSTENCATEGORIEEN,
    ActiviteitVersie,
    Gebeurtenis,
    Kerncijfers,
    Kostencategorie,
    Ontwikkelwijze,
    drempel,
    drempel_uit,
)
from portfolio.uitwisseling.kolommen import (
    _DATUMVELDEN,
    ALGEMENE_VELDEN,
    LIJSTEN,
    Exportbron,
    Redenen,
    _bedrag_uit,
    _Ev,
    historie_samenvatting,
    partij_tekst,
)

GEPUBLICEERD = ActiviteitVersie.Status.GEPUBLICEERD

# The columns of a version that the public figures use.
RIJ_VELDEN = [
    "pk",
    "activiteit_id",
    "activiteit__nummer",
    "peildatum",
    "versienummer",
    "naam",
    "ministerie_id",
    "ministerie__naam",
    "ministerie__afkorting",
    "ministerie__code",
    "organisatie",
    "onderwerp",
    "soort",
    "activiteit_status",
    "startdatum",
    "initiele_einddatum",
    "actuele_einddatum",
    "initieel_totaal",
    "actueel_totaal",
    "gerealiseerd",
    "aantal_herijkingen",
    "aantal_acict_adviezen",
    "aantal_baten",
    "herijkingen_per_reden",
    "gepubliceerd_op",
]


def peildata() -> list[datetime.date]:
    """The peildata with published data, newest first."""
    return list(ActiviteitVersie.objects.filter(status=GEPUBLICEERD).order_by("-peildatum").values_list("peildatum", flat=True).distinct())


def standaard_peildatum() -> datetime.date | None:
    """The newest peildatum with published data (None when nothing is published)."""
    return ActiviteitVersie.objects.nieuwste_peildatum()


def _nieuwste_per_activiteit(op: datetime.date):
    """The pks of, per activity, its newest published version on or before ``op`` (the highest versienummer wins)."""
    gepubliceerd = ActiviteitVersie.objects.filter(status=GEPUBLICEERD, peildatum__lte=op)
    if connection.features.can_distinct_on_fields:
        # PostgreSQL: DISTINCT ON over the partial index versie_gepubliceerd_stand, an index-only scan
        # (a few ms for 16,000 versions, where the anti-join below reads the table twice).
        return gepubliceerd.order_by("activiteit_id", "-peildatum", "-versienummer").distinct("activiteit_id").values("pk")
    nieuwer = ActiviteitVersie.objects.filter(activiteit=OuterRef("activiteit"), status=GEPUBLICEERD, peildatum__lte=op).filter(
        Q(peildatum__gt=OuterRef("peildatum")) | Q(peildatum=OuterRef("peildatum"), versienummer__gt=OuterRef("versienummer"))
    )
    return gepubliceerd.exclude(Exists(nieuwer)).values("pk")


def stand(op: datetime.date | None = None, **filters):
    """Published versions as they stand on ``op`` (default: the newest peildatum), at or above the threshold (B15).

    ``filters`` apply to the chosen versions (an activity that moved to another
    ministerie counts where its newest version puts it).
    """
    op = op or standaard_peildatum()
    if op is None:
        return ActiviteitVersie.objects.none()
    grens = drempel(op)
    return ActiviteitVersie.objects.filter(pk__in=_nieuwste_per_activiteit(op)).filter(
        Q(actueel_totaal__gte=grens) | Q(initieel_totaal__gte=grens), **filters
    )


def rijen(op: datetime.date | None = None, **filters) -> list[dict]:
    """The rows of ``stand(op)``, as dicts of RIJ_VELDEN, ordered by ministerie and name.

    Each row says the peildatum its figures are from (``cijfers_peildatum``) and
    whether that is an earlier one than ``op`` (``eerdere_peildatum``: no newer
    version published), the fall-back marker of issue 12.
    """
    op = op or standaard_peildatum()
    lijst = list(stand(op, **filters).order_by("ministerie__afkorting", "naam", "activiteit_id").values(*RIJ_VELDEN))
    for r in lijst:
        markeer_peildatum(r, op)
    return lijst


def markeer_peildatum(rij: dict, op: datetime.date | None) -> dict:
    """Add ``cijfers_peildatum`` and ``eerdere_peildatum`` to a row of the stand on ``op``."""
    rij["cijfers_peildatum"] = rij["peildatum"]
    rij["eerdere_peildatum"] = bool(op and rij["peildatum"] and rij["peildatum"] < op)
    return rij


# -- per-row derived figures (the same definitions as portfolio.models.Kerncijfers) ---


def gepubliceerde_versie(nummer: int, op: datetime.date | None = None, *, drempels=None) -> ActiviteitVersie | None:
    """The published version of activity ``nummer`` as it stands on ``op`` (None: not public on that date).

    The same as ``stand(op).filter(activiteit__nummer=nummer)``, read for this one
    activity only: its newest published version on or before ``op``, if at or above the threshold.
    ``drempels`` (every Rapportagemodel as (geldig_vanaf, drempel_eur), as the
    publication stamp holds them) spares the threshold's query.
    """
    op = op or standaard_peildatum()
    if op is None:
        return None
    versie = (
        ActiviteitVersie.objects.filter(status=GEPUBLICEERD, peildatum__lte=op, activiteit__nummer=nummer)
        .select_related("ministerie")
        .order_by("-peildatum", "-versienummer")
        .first()
    )
    if versie is None:
        return None
    grens = drempel(op) if drempels is None else drempel_uit(drempels, op)
    boven = any(w is not None and w >= grens for w in (versie.actueel_totaal, versie.initieel_totaal))
    return versie if boven else None


def peildata_van(nummer: int) -> list[datetime.date]:
    """The peildata with a published version of activity ``nummer``, newest first."""
    return list(
        ActiviteitVersie.objects.filter(status=GEPUBLICEERD, activiteit__nummer=nummer)
        .order_by("-peildatum")
        .values_list("peildatum", flat=True)
        .distinct()
    )


# -- the frozen record of a published version -------------------------------------


def redenen() -> Redenen:
    """The reasons for a herijking with their order (for ``record``): one query."""
    return Redenen.laden()


def record(versie: ActiviteitVersie, redenen: Redenen | None = None) -> Exportbron:
    """The frozen record of a published version, in the common record shape (``kolommen.Exportbron``)."""
    return bron_uit_gegevens(versie.gegevens, redenen or Redenen.laden())


def records(op: datetime.date) -> Iterator[tuple[datetime.date, Exportbron]]:
    """(peildatum of the version, its record) for every activity in the stand on ``op``, by nummer (two queries, streamed)."""
    redenen = Redenen.laden()
    gegevens = stand(op).order_by("activiteit__nummer").values_list("peildatum", "gegevens")
    for peildatum, g in gegevens.iterator(chunk_size=500):
        yield peildatum, bron_uit_gegevens(g, redenen)


def herijkingsgebeurtenissen(pks: Iterable[int]) -> Iterator[tuple[int, list[dict]]]:
    """(version pk, its frozen events as dicts) for the versions ``pks`` of the stand (one query): for the Jaarrapportage."""
    yield from ActiviteitVersie.objects.filter(pk__in=list(pks)).values_list("pk", "gegevens__gebeurtenissen")


# The key figures in a version's gegevens (peildatumstand.momentopname): JSON values by kind.
_KERNCIJFER_DUUR = {"doorlooptijd_initieel", "doorlooptijd_actueel", "vertraging"}
_KERNCIJFER_DATUM = {"initiele_einddatum", "actuele_einddatum", "peildatum"}
_KERNCIJFER_GETAL = {"aantal_herijkingen"}


def _uit_json_datum(w) -> datetime.date | None:
    return datetime.date.fromisoformat(w[:10]) if w else None


def _uit_json_bedrag(w) -> Decimal | None:
    return None if w in (None, "") else Decimal(str(w))


def kerncijfers_uit_gegevens(k: dict) -> Kerncijfers:
    waarden = {}
    for sleutel, w in k.items():
        if sleutel in _KERNCIJFER_DUUR:
            waarden[sleutel] = None if w is None else datetime.timedelta(days=int(w))
        elif sleutel in _KERNCIJFER_DATUM:
            waarden[sleutel] = _uit_json_datum(w)
        elif sleutel in _KERNCIJFER_GETAL:
            waarden[sleutel] = w
        else:
            waarden[sleutel] = _uit_json_bedrag(w)
    return Kerncijfers(**waarden)


def gebeurtenissen_uit_gegevens(items: list[dict], redenen: Redenen) -> list[_Ev]:
    """The events of a version's gegevens as ``_Ev`` (by datum and pk, as frozen)."""
    return [
        _Ev(
            soort=g["soort"],
            datum=_uit_json_datum(g["datum"]),
            einddatum=_uit_json_datum(g.get("einddatum")),
            geschat={c: _bedrag_uit(_uit_json_bedrag(g.get(f"geschat_{c}"))) for c in KOSTENCATEGORIEEN},
            gerealiseerd={c: _bedrag_uit(_uit_json_bedrag(g.get(f"gerealiseerd_{c}"))) for c in KOSTENCATEGORIEEN},
            toelichting_kosten=g.get("toelichting_kosten") or "",
            toelichting_einddatum=g.get("toelichting_einddatum") or "",
            redenen=[redenen.op_naam_of_los(naam) for naam in g.get("redenen", [])],
            totaal_geschat=_uit_json_bedrag(g.get("totaal_geschat")),
            totaal_gerealiseerd=_uit_json_bedrag(g.get("totaal_gerealiseerd")),
        )
        for g in items
    ]


def bron_uit_gegevens(gegevens: dict, redenen: Redenen) -> Exportbron:
    """The export record of a published version's frozen ``gegevens`` (ActiviteitVersie.gegevens)."""
    algemeen = {v: gegevens.get(v) for v in ALGEMENE_VELDEN}
    for v in _DATUMVELDEN:
        algemeen[v] = _uit_json_datum(algemeen[v])
    for v in (
        "onderwerp",
        "dienstverlening",
        "wij_verbeteren_op",
        "ontwikkelwijze",
        "opdrachtgevende_organisatie",
        "reden_van_starten",
        "doel",
        "samenvatting",
        "reden_annulering",
    ):
        algemeen[v] = algemeen[v] or ""
    organisatie = gegevens.get("organisatie") or ""
    algemeen.update(
        ministerie_afkorting=gegevens.get("ministerie_afkorting", ""),
        ministerie_naam=gegevens.get("ministerie_naam", ""),
        # The version holds the organisation's name (str of the dienstonderdeel or zbo) and which of the two it is.
        dienstonderdeel_naam=organisatie if gegevens.get("dienstonderdeel") else "",
        zbo_naam=organisatie if gegevens.get("zbo") else "",
    )
    evs = gebeurtenissen_uit_gegevens(gegevens.get("gebeurtenissen", []), redenen)
    lijsten = {
        kolom: [{v: item.get(v) for v in velden} for item in gegevens.get(related, [])] for kolom, (_m, related, velden) in LIJSTEN.items()
    }
    partijen = [partij_tekst(p.get("partij", ""), p.get("rol", "")) for p in gegevens.get("ontwikkelpartijen", [])]
    return Exportbron(
        algemeen, kerncijfers_uit_gegevens(gegevens.get("kerncijfers", {})), historie_samenvatting(evs, redenen), lijsten, partijen, evs
    )


# -- for the activity page ---------------------------------------------------------


def ontwikkelwijze_label(code: str | None) -> str:
    return str(Ontwikkelwijze(code).label) if code in Ontwikkelwijze.values else (code or "")


class Gebeurtenisregel:
    """An event of a published version, for the page: its values and the change against the previous event."""

    def __init__(self, ev, vorige):
        self.soort = ev.soort
        self.soort_label = Gebeurtenis.Soort(ev.soort).label if ev.soort in Gebeurtenis.Soort.values else ev.soort
        self.datum = ev.datum
        self.einddatum = ev.einddatum
        self.totaal_geschat = ev.totaal_geschat
        self.totaal_gerealiseerd = ev.totaal_gerealiseerd
        self.toelichting_kosten = ev.toelichting_kosten
        self.toelichting_einddatum = ev.toelichting_einddatum
        self.redenen = [r.naam for r in ev.redenen]
        self.per_categorie = [(ev.geschat.get(c), ev.gerealiseerd.get(c)) for c in KOSTENCATEGORIEEN]
        self.kosten_verschil = (
            ev.totaal_geschat - vorige.totaal_geschat
            if vorige is not None and ev.totaal_geschat is not None and vorige.totaal_geschat is not None
            else None
        )
        self.einddatum_verschil = (
            (ev.einddatum - vorige.einddatum).days if vorige is not None and ev.einddatum and vorige.einddatum else None
        )


def gebeurtenissen(b: Exportbron) -> list[Gebeurtenisregel]:
    uit, vorige = [], None
    for ev in b.gebeurtenissen:
        uit.append(Gebeurtenisregel(ev, vorige))
        vorige = ev
    return uit


def categorieen(k) -> list[dict]:
    """Per cost category: initial, current, difference and realised (euros)."""
    regels = []
    for cat in KOSTENCATEGORIEEN:
        initieel, actueel = getattr(k, f"initieel_{cat}", None), getattr(k, f"actueel_{cat}", None)
        regels.append(
            {
                "label": Kostencategorie(cat).label,
                "initieel": initieel,
                "actueel": actueel,
                "verschil": actueel - initieel if actueel is not None and initieel is not None else None,
                "gerealiseerd": getattr(k, f"gerealiseerd_{cat}", None),
            }
        )
    return regels
