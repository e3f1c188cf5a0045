"""The export of the own portfolio from the live tables, with a constant number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Iterable

from ..models import (
    KOSTENCATEGORIEEN,
    Gebeurtenis,
    IctActiviteit,
    Kerncijfers,
    Ontwikkelpartij,
    RedenHerijking,
)
from .kolommen import (
    _DATUMVELDEN,
    _EV_VELDEN,
    ALGEMENE_VELDEN,
    LIJSTEN,
    Exportbron,
    Redenen,
    _bedrag_uit,
    _Ev,
    exportrij,
    historie_samenvatting,
    partij_tekst,
)


def gebeurtenissen_per_activiteit(activiteiten, redenen: dict | None = None) -> Iterable[tuple[int, list["_Ev"]]]:
    """(activiteit id, its events by datum and pk) for ``activiteiten`` (a queryset or a list of ids).

    Two queries (the reasons, then the events streamed in chunks), whatever the
    number of activities: model instances and their related managers cost too
    much for tens of thousands of events.
    """
    filter_ = {"activiteit__in": activiteiten.values("pk")} if hasattr(activiteiten, "values") else {"activiteit_id__in": list(activiteiten)}
    redenen = redenen if redenen is not None else {r.pk: r for r in RedenHerijking.objects.all()}
    per_gebeurtenis: dict[int, list] = {}
    koppeling = Gebeurtenis.redenen.through.objects.filter(**{f"gebeurtenis__{k}": v for k, v in filter_.items()})
    for g_id, r_id in koppeling.order_by("gebeurtenis_id", "redenherijking_id").values_list("gebeurtenis_id", "redenherijking_id"):
        per_gebeurtenis.setdefault(g_id, []).append(redenen[r_id])
    huidige, groep = None, []
    # The events in force: a corrected (superseded) event is not exported (Gebeurtenis.objects.geldend()).
    rijen = Gebeurtenis.objects.geldend().filter(**filter_).order_by("activiteit_id", "datum", "pk").values_list(*_EV_VELDEN)
    for t in rijen.iterator(chunk_size=2000):
        if t[1] != huidige:
            if groep:
                yield huidige, groep
            huidige, groep = t[1], []
        groep.append(_Ev.uit_rij(t, per_gebeurtenis.get(t[0], [])))
    if groep:
        yield huidige, groep


def _lijsten_per_activiteit(activiteiten, kolommen: Iterable[str]) -> dict[str, dict[int, list[dict]]]:
    """Per JSON list column: {activiteit id: [items as dicts]} in the model's ordering; one query per list."""
    filter_ = {"activiteit__in": activiteiten.values("pk")} if hasattr(activiteiten, "values") else {"activiteit_id__in": list(activiteiten)}
    uit = {}
    for kolom in kolommen:
        model, _related, velden = LIJSTEN[kolom]
        per: dict[int, list[dict]] = {}
        for item in model.objects.filter(**filter_).order_by("activiteit_id", *model._meta.ordering).values("activiteit_id", *velden):
            per.setdefault(item["activiteit_id"], []).append(item)
        uit[kolom] = per
    return uit


def _bron_uit_model(a: IctActiviteit, historie: dict | None, lijsten: dict[str, list[dict]], partijen: list[str]) -> Exportbron:
    algemeen = {v: getattr(a, v) for v in ALGEMENE_VELDEN}
    algemeen.update(
        ministerie_afkorting=a.ministerie.afkorting,
        ministerie_naam=a.ministerie.naam,
        dienstonderdeel_naam=a.dienstonderdeel.naam if a.dienstonderdeel else "",
        zbo_naam=a.zbo.naam if a.zbo else "",
    )
    return Exportbron(algemeen, a.kerncijfers, historie, lijsten, partijen)


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


def gebeurtenissen_uit_gegevens(items: list[dict], redenen: Redenen) -> list["_Ev"]:
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
    for v in ("onderwerp", "dienstverlening", "wij_verbeteren_op", "ontwikkelwijze", "opdrachtgevende_organisatie",
              "reden_van_starten", "doel", "samenvatting", "reden_annulering"):
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
    lijsten = {kolom: [{v: item.get(v) for v in velden} for item in gegevens.get(related, [])] for kolom, (_m, related, velden) in LIJSTEN.items()}
    partijen = [partij_tekst(p.get("partij", ""), p.get("rol", "")) for p in gegevens.get("ontwikkelpartijen", [])]
    return Exportbron(algemeen, kerncijfers_uit_gegevens(gegevens.get("kerncijfers", {})), historie_samenvatting(evs, redenen), lijsten, partijen, evs)


def exporteren(queryset) -> list[list]:
    """The rows (without header) of ``queryset`` of IctActiviteit, in KOLOMMEN order, by Nummer.

    A constant number of queries: one for the activities with their key figures
    (``met_kerncijfers()``, the derived figures), one for the events (streamed),
    one for the herijking reasons, one per list. Values are Python values (str,
    int, Decimal, date, None); naar_csv / naar_xlsx format them.
    """
    basis = queryset.order_by()
    redenen = Redenen.laden()
    historie = {aid: historie_samenvatting(evs, redenen) for aid, evs in gebeurtenissen_per_activiteit(basis, redenen.op_pk)}
    lijsten = _lijsten_per_activiteit(basis, LIJSTEN)
    partijen: dict[int, list[str]] = {}
    for aid, partij, rol in Ontwikkelpartij.objects.filter(activiteit__in=basis.values("pk")).order_by("activiteit_id", "pk").values_list("activiteit_id", "partij", "rol"):
        partijen.setdefault(aid, []).append(partij_tekst(partij, rol))
    qs = queryset.met_kerncijfers().select_related("ministerie", "dienstonderdeel", "zbo").order_by("nummer")
    return [
        exportrij(_bron_uit_model(a, historie.get(a.pk), {k: v.get(a.pk, []) for k, v in lijsten.items()}, partijen.get(a.pk, [])))
        for a in qs.iterator(chunk_size=1000)
    ]
