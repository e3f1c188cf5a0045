"""The plan of a file: per row the service calls (``Stap``) the check found, and the check's result (``Controle``).

``validatie.controleren`` makes it without writing; ``uitvoering.importeren`` runs its steps.
The column maps say which column a service's field error belongs to.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from cio_stelsel.models import Ministerie

from .. import services
from ..models import (
    KOSTENCATEGORIEEN,
    IctActiviteit,
    Status,
)
from .kolommen import (
    ACTUELE_EINDDATUM,
    ANNULERINGSDATUM,
    DECHARGEDATUM,
    DIENSTONDERDEEL,
    DIENSTVERLENING,
    DOEL,
    INITIELE_DATUM,
    INITIELE_EINDDATUM,
    MAATWERK,
    MINISTERIE,
    NAAM,
    NUMMER,
    ONDERWERP,
    ONTWIKKELWIJZE,
    OPDRACHTGEVER,
    PEILDATUM,
    REDEN_ANNULERING,
    REDEN_HERIJKING,
    REDEN_VAN_STARTEN,
    SAMENVATTING,
    SOORT,
    STARTDATUM,
    STATUS,
    TOELICHTING_EINDDATUM,
    TOELICHTING_KOSTEN,
    WIJ_VERBETEREN_OP,
    ZBO,
    kolom_actueel,
    kolom_gerealiseerd,
    kolom_initieel,
)
from .lezen import Fout

NIEUW, BIJGEWERKT, ONGEWIJZIGD = "nieuw", "bijgewerkt", "ongewijzigd"


@dataclass
class Stap:
    """One service call for a row, with the columns its errors belong to."""

    soort: str  # aanmaken, wijzigen, baseline, gebeurtenis, status
    kwargs: dict
    kolommen: dict = field(default_factory=dict)
    standaardkolom: str = NUMMER


@dataclass
class Rijplan:
    rij: int
    nummer: int | None
    naam: str
    actie: str = ONGEWIJZIGD
    wijzigingen: list[str] = field(default_factory=list)
    ministerie: Ministerie | None = None
    activiteit: IctActiviteit | None = None
    stappen: list[Stap] = field(default_factory=list)
    fout: bool = False
    huidige_stap: Stap | None = None


@dataclass
class Controle:
    """The result of the dry run."""

    fouten: list[Fout] = field(default_factory=list)
    waarschuwingen: list[Fout] = field(default_factory=list)
    rijen: list[Rijplan] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten

    def aantal(self, actie: str) -> int:
        return sum(1 for r in self.rijen if r.actie == actie and not r.fout)

    @property
    def aantal_nieuw(self) -> int:
        return self.aantal(NIEUW)

    @property
    def aantal_bijgewerkt(self) -> int:
        return self.aantal(BIJGEWERKT)

    @property
    def aantal_ongewijzigd(self) -> int:
        return self.aantal(ONGEWIJZIGD)

    @property
    def te_doen(self) -> bool:
        return self.geldig and any(r.stappen for r in self.rijen)


# Which column a service's field error belongs to.
ACTIVITEIT_KOLOMMEN = {
    "naam": NAAM,
    "ministerie": MINISTERIE,
    "dienstonderdeel": DIENSTONDERDEEL,
    "zbo": ZBO,
    "opdrachtgevende_organisatie": OPDRACHTGEVER,
    "onderwerp": ONDERWERP,
    "dienstverlening": DIENSTVERLENING,
    "wij_verbeteren_op": WIJ_VERBETEREN_OP,
    "soort": SOORT,
    "startdatum": STARTDATUM,
    "reden_van_starten": REDEN_VAN_STARTEN,
    "doel": DOEL,
    "samenvatting": SAMENVATTING,
    "maatwerk": MAATWERK,
    "ontwikkelwijze": ONTWIKKELWIJZE,
    "nummer": NUMMER,
    "status": STATUS,
}
BASELINE_KOLOMMEN = {
    "datum": INITIELE_DATUM,
    "einddatum": INITIELE_EINDDATUM,
    **{f"geschat_{c}": kolom_initieel(c) for c in KOSTENCATEGORIEEN},
    **{f"gerealiseerd_{c}": kolom_gerealiseerd(c) for c in KOSTENCATEGORIEEN},
    "toelichting_kosten": TOELICHTING_KOSTEN,
    "toelichting_einddatum": TOELICHTING_EINDDATUM,
}
GEBEURTENIS_KOLOMMEN = {
    "datum": PEILDATUM,
    "einddatum": ACTUELE_EINDDATUM,
    "redenen": REDEN_HERIJKING,
    "soort": REDEN_HERIJKING,
    **{f"geschat_{c}": kolom_actueel(c) for c in KOSTENCATEGORIEEN},
    **{f"gerealiseerd_{c}": kolom_gerealiseerd(c) for c in KOSTENCATEGORIEEN},
    "toelichting_kosten": TOELICHTING_KOSTEN,
    "toelichting_einddatum": TOELICHTING_EINDDATUM,
}
STATUS_KOLOMMEN = {"status": STATUS, "dechargedatum": DECHARGEDATUM, "annuleringsdatum": ANNULERINGSDATUM, "reden": REDEN_ANNULERING}


def statuspad(van: str, naar: str) -> list[str] | None:
    """The shortest series of allowed transitions (services.OVERGANGEN) from ``van`` to ``naar``; [] if equal."""
    if van == naar:
        return []
    vorige = {van: None}
    rij = deque([van])
    while rij:
        s = rij.popleft()
        for volgende in sorted(services.OVERGANGEN[Status(s)]):
            if volgende not in vorige:
                vorige[volgende] = s
                if volgende == naar:
                    pad = [naar]
                    while vorige[pad[-1]] != van:
                        pad.append(vorige[pad[-1]])
                    return list(reversed(pad))
                rij.append(volgende)
    return None
