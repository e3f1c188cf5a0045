"""The export of the own portfolio from the live tables, with a constant number of queries."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import (
    Gebeurtenis,
    IctActiviteit,
    Ontwikkelpartij,
    RedenHerijking,
)
from .kolommen import (
    _EV_VELDEN,
    ALGEMENE_VELDEN,
    LIJSTEN,
    Exportbron,
    Redenen,
    _Ev,
    exportrij,
    historie_samenvatting,
    partij_tekst,
)


def gebeurtenissen_per_activiteit(activiteiten, redenen: dict | None = None) -> Iterable[tuple[int, list[_Ev]]]:
    """(activiteit id, its events by datum and pk) for ``activiteiten`` (a queryset or a list of ids).

    Two queries (the reasons, then the events streamed in chunks), whatever the
    number of activities: model instances and their related managers cost too
    much for tens of thousands of events.
    """
    filter_ = (
        {"activiteit__in": activiteiten.values("pk")} if hasattr(activiteiten, "values") else {"activiteit_id__in": list(activiteiten)}
    )
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
    filter_ = (
        {"activiteit__in": activiteiten.values("pk")} if hasattr(activiteiten, "values") else {"activiteit_id__in": list(activiteiten)}
    )
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
    for aid, partij, rol in (
        Ontwikkelpartij.objects.filter(activiteit__in=basis.values("pk"))
        .order_by("activiteit_id", "pk")
        .values_list("activiteit_id", "partij", "rol")
    ):
        partijen.setdefault(aid, []).append(partij_tekst(partij, rol))
    qs = queryset.met_kerncijfers().select_related("ministerie", "dienstonderdeel", "zbo").order_by("nummer")
    return [
        exportrij(_bron_uit_model(a, historie.get(a.pk), {k: v.get(a.pk, []) for k, v in lijsten.items()}, partijen.get(a.pk, [])))
        for a in qs.iterator(chunk_size=1000)
    ]
