"""What the rows of a file are checked against (``_Context``): the organisations, the reasons, the
existing activities with their history and lists, loaded once with a constant number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from cio_stelsel.models import Dienstonderdeel, Ministerie, Zbo
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht

from ..models import (
    KOSTENCATEGORIEEN,
    Gebeurtenis,
    IctActiviteit,
    Ontwikkelwijze,
    RedenHerijking,
    Soort,
    Status,
)
from .cellen import (
    _keuze,
    _Ongeldig,
)
from .export import _lijsten_per_activiteit, gebeurtenissen_per_activiteit
from .kolommen import (
    _Ev,
    _sleutel,
)


@dataclass
class _Historie:
    """What the check needs of an activity's event history: the initial baseline, the latest event, how many, all herijking reasons."""

    eerste: _Ev
    laatste: _Ev
    aantal: int
    bekend: set  # RedenHerijking pks of all herijkingen

    @classmethod
    def van(cls, evs: list) -> _Historie:
        eerste = next((ev for ev in evs if ev.soort == Gebeurtenis.Soort.INITIEEL), evs[0])
        return cls(eerste, evs[-1], len(evs), {r.pk for ev in evs if ev.soort == Gebeurtenis.Soort.HERIJKING for r in ev.redenen})


def _nul() -> dict:
    return {c: Decimal("0.00") for c in KOSTENCATEGORIEEN}


class _Context:
    """Everything the rows are checked against, loaded with a constant number of queries."""

    def __init__(self, actor, nummers: set[int], vergrendelen: bool, lijstkolommen: Iterable[str] = ()):
        self.actor = actor
        self.scope = scope(actor, Recht.PORTFOLIO_BEWERKEN)
        self.ministeries = list(Ministerie.objects.all())
        self.dienstonderdelen: dict[int, list[Dienstonderdeel]] = {}
        for do in Dienstonderdeel.objects.all():
            self.dienstonderdelen.setdefault(do.ministerie_id, []).append(do)
        self.zbos: dict[int, list[Zbo]] = {}
        for z in Zbo.objects.all():
            self.zbos.setdefault(z.ministerie_id, []).append(z)
        self.redenen = list(RedenHerijking.objects.all())
        self.reden_op_sleutel = {}
        for r in self.redenen:
            self.reden_op_sleutel[_sleutel(r.naam)] = r
            self.reden_op_sleutel[_sleutel(r.code)] = r
        self.bestaand: dict[int, IctActiviteit] = {}
        lijst = sorted(nummers)
        for i in range(0, len(lijst), 1000):
            qs = IctActiviteit.objects.filter(nummer__in=lijst[i : i + 1000])
            if vergrendelen:
                qs = qs.select_for_update(of=("self",))
            qs = qs.select_related("ministerie", "dienstonderdeel", "zbo").prefetch_related("ontwikkelpartijen")
            self.bestaand.update({a.nummer: a for a in qs})
        ids = [a.pk for a in self.bestaand.values()]
        self.historie: dict[int, _Historie] = {}
        self.lijsten: dict[str, dict[int, list[dict]]] = {}
        for i in range(0, len(ids), 1000):
            for aid, evs in gebeurtenissen_per_activiteit(ids[i : i + 1000], {r.pk: r for r in self.redenen}):
                self.historie[aid] = _Historie.van(evs)
            for kolom, per in _lijsten_per_activiteit(ids[i : i + 1000], lijstkolommen).items():
                self.lijsten.setdefault(kolom, {}).update(per)
        self.status = _keuze(Status)
        self.soort = _keuze(Soort)
        self.ontwikkelwijze = _keuze(Ontwikkelwijze)
        with translation.override("nl"):
            self.redennamen = ", ".join(r.naam for r in self.redenen)

    def ministerie(self, waarde: str) -> Ministerie:
        s = _sleutel(waarde)
        op_code = [m for m in self.ministeries if _sleutel(m.code) == s]
        if op_code:
            return op_code[0]
        kandidaten = [m for m in self.ministeries if _sleutel(m.afkorting) == s]
        if len(kandidaten) > 1:
            actief = [m for m in kandidaten if m.is_actief]
            if len(actief) == 1:
                return actief[0]
            raise _Ongeldig(
                _("Meer dan één ministerie heeft de afkorting '%(w)s': gebruik de code (%(codes)s).")
                % {"w": waarde, "codes": ", ".join(m.code for m in kandidaten)}
            )
        if not kandidaten:
            raise _Ongeldig(_("Onbekend ministerie '%(w)s': gebruik de afkorting of code, bijvoorbeeld BZK.") % {"w": waarde})
        return kandidaten[0]

    @staticmethod
    def _binnen(objecten: list, waarde: str, wat: str, ministerie: Ministerie):
        s = _sleutel(waarde)
        kandidaten = [o for o in objecten if _sleutel(o.naam) == s] or [o for o in objecten if o.afkorting and _sleutel(o.afkorting) == s]
        if len(kandidaten) == 1:
            return kandidaten[0]
        if not kandidaten:
            raise _Ongeldig(_("'%(w)s' is geen %(wat)s van %(m)s.") % {"w": waarde, "wat": wat, "m": ministerie.afkorting})
        raise _Ongeldig(
            _("'%(w)s' is niet eenduidig: meer dan één %(wat)s van %(m)s heet zo.") % {"w": waarde, "wat": wat, "m": ministerie.afkorting}
        )

    def dienstonderdeel(self, ministerie, waarde):
        return self._binnen(self.dienstonderdelen.get(ministerie.pk, []), waarde, _("dienstonderdeel"), ministerie)

    def zbo(self, ministerie, waarde):
        return self._binnen(self.zbos.get(ministerie.pk, []), waarde, _("zbo"), ministerie)

    def reden(self, waarde: str) -> RedenHerijking:
        try:
            return self.reden_op_sleutel[_sleutel(waarde)]
        except KeyError:
            raise _Ongeldig(
                _("Onbekende reden herijking '%(w)s'; kies uit: %(opties)s.") % {"w": waarde, "opties": self.redennamen}
            ) from None
