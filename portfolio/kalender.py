"""The peildatum calendar of the reporting model (B13) and the reporting cycle it drives (issue 12).

The yearly peildatum is 31-12 (rapportagemodel.md: "at least yearly, peildatum
31-12, aligned with the Jaarrapportage Bedrijfsvoering Rijk, published on
Verantwoordingsdag, the third Wednesday of May"). Per peildatum three deadlines
follow, one per role:

* the CIO-office has prepared the versions (``VOORBEREIDEN``, default 15 February);
* the departmental CIO has signed them off (``AFTEKENEN``, default 15 March);
* the CIO Rijk has published them (``PUBLICEREN``, default 15 April), a month
  before Verantwoordingsdag, when the Jaarrapportage is published.

The deadlines are (month, day) in the year after the peildatum; a deployment
sets others with ``settings.PEILDATUM_TERMIJNEN`` (read here). A stored model,
edited by the CIO Rijk, is left for when the calendar has to change per year.

``cyclus`` counts per ministerie and peildatum the activities with no version,
concept, gecontroleerd and gepubliceerd (``publicatie_selectors.tellingen``,
what the user may see) and says per role what is next and whether it is overdue.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel.models import Ministerie
from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht

from .publicatie_selectors import lege_telling, tellingen

# (month, day) in the year after the peildatum.
STANDAARD_TERMIJNEN = {"voorbereiden": (2, 15), "aftekenen": (3, 15), "publiceren": (4, 15)}
# How many peildata before the due one the cycle view shows.
AANTAL_EERDERE = 2


def _termijn(stap: str, peildatum: datetime.date) -> datetime.date:
    maand, dag = {**STANDAARD_TERMIJNEN, **getattr(settings, "PEILDATUM_TERMIJNEN", {})}[stap]
    return datetime.date(peildatum.year + 1, maand, dag)


def verantwoordingsdag(jaar: int) -> datetime.date:
    """The third Wednesday of May of ``jaar``."""
    eerste = datetime.date(jaar, 5, 1)
    return eerste + datetime.timedelta(days=(2 - eerste.weekday()) % 7 + 14)


@dataclass(frozen=True)
class Termijnen:
    peildatum: datetime.date
    voorbereiden: datetime.date
    aftekenen: datetime.date
    publiceren: datetime.date
    verantwoordingsdag: datetime.date

    @classmethod
    def van(cls, peildatum: datetime.date) -> "Termijnen":
        return cls(
            peildatum=peildatum,
            voorbereiden=_termijn("voorbereiden", peildatum),
            aftekenen=_termijn("aftekenen", peildatum),
            publiceren=_termijn("publiceren", peildatum),
            verantwoordingsdag=verantwoordingsdag(peildatum.year + 1),
        )


def verschuldigde_peildatum(op: datetime.date | None = None) -> datetime.date:
    """The peildatum that is due next: 31-12 of this year (on 31-12 itself: that day)."""
    op = op or timezone.localdate()
    return datetime.date(op.year, 12, 31)


def peildata(op: datetime.date | None = None, aantal_eerdere: int = AANTAL_EERDERE) -> list[datetime.date]:
    """The due peildatum and the ``aantal_eerdere`` ones before it, newest first."""
    due = verschuldigde_peildatum(op)
    return [datetime.date(due.year - i, 12, 31) for i in range(aantal_eerdere + 1)]


@dataclass
class Stap:
    """What one role has to do next for a ministerie's peildatum."""

    rol: str  # "cio_office", "cio", "cio_rijk"
    tekst: str
    aantal: int
    termijn: datetime.date
    te_laat: bool
    url: str = ""
    eigen: bool = False  # the user has this role for this ministerie


@dataclass
class Cyclusrij:
    ministerie: Ministerie
    peildatum: datetime.date
    telling: dict
    stappen: list[Stap] = field(default_factory=list)

    @property
    def te_laat(self) -> bool:
        return any(s.te_laat for s in self.stappen)

    @property
    def eigen_stappen(self) -> list[Stap]:
        return [s for s in self.stappen if s.eigen]

    @property
    def compleet(self) -> bool:
        return not self.stappen


@dataclass
class Cyclustabel:
    termijnen: Termijnen
    rijen: list[Cyclusrij]
    totaal: dict
    verschuldigd: bool  # the due peildatum (not yet reached or just reached)
    bereikt: bool  # the peildatum lies on or before today: versions can be prepared

    @property
    def peildatum(self) -> datetime.date:
        return self.termijnen.peildatum


def _stappen(user, m: Ministerie, peildatum: datetime.date, t: dict, termijnen: Termijnen, op: datetime.date, rechten) -> list[Stap]:
    bewerken, aftekenen, publiceren = rechten
    ministerie_url = reverse("portfolio:publicatie_ministerie", args=[m.pk, peildatum])
    stappen = []
    bereikt = peildatum <= op
    if t["ontbrekend"]:
        stappen.append(
            Stap(
                "cio_office",
                _("CIO-office: %(n)s versie(s) voorbereiden") % {"n": t["ontbrekend"]}
                if bereikt
                else _("CIO-office: %(n)s versie(s) voorbereiden vanaf %(pd)s")
                % {"n": t["ontbrekend"], "pd": peildatum.strftime("%d-%m-%Y")},
                t["ontbrekend"],
                termijnen.voorbereiden,
                op > termijnen.voorbereiden,
                ministerie_url,
                bewerken.omvat(m.pk),
            )
        )
    if t["concept"]:
        stappen.append(
            Stap(
                "cio",
                _("Departementale CIO: %(n)s versie(s) aftekenen") % {"n": t["concept"]},
                t["concept"],
                termijnen.aftekenen,
                op > termijnen.aftekenen,
                reverse("portfolio:versies_aftekenen", args=[m.pk, peildatum]),
                aftekenen.omvat(m.pk),
            )
        )
    if t["gecontroleerd"]:
        stappen.append(
            Stap(
                "cio_rijk",
                _("CIO Rijk: %(n)s versie(s) publiceren") % {"n": t["gecontroleerd"]},
                t["gecontroleerd"],
                termijnen.publiceren,
                op > termijnen.publiceren,
                reverse("portfolio:peildatum_publiceren", args=[peildatum]),
                publiceren,
            )
        )
    return stappen


def cyclus(user, op: datetime.date | None = None, *, peildata_: list[datetime.date] | None = None) -> list[Cyclustabel]:
    """Per peildatum (the due one first) per ministerie the counts, deadlines and next steps, for what ``user`` may see.

    Queries: those of ``tellingen`` (one, plus one per peildatum) and one for the ministries.
    """
    from .publicatie_views import _ministeries_in_scope

    op = op or timezone.localdate()
    lijst = peildata_ or peildata(op)
    inzien = scope(user, Recht.PORTFOLIO_INZIEN)
    if inzien.leeg:
        return []
    telling = tellingen(user, lijst)
    met_gegevens = {m_id for (m_id, _pd) in telling}
    ministeries = [
        m for m in _ministeries_in_scope(inzien).order_by("naam") if m.pk in met_gegevens or m.is_actief or not inzien.rijksbreed
    ]
    rechten = (
        scope(user, Recht.PORTFOLIO_BEWERKEN),
        scope(user, Recht.PEILDATUM_AFTEKENEN),
        heeft_rijksbreed_recht(user, RijksbreedRecht.PEILDATUM_PUBLICEREN),
    )
    due = verschuldigde_peildatum(op)
    tabellen = []
    for peildatum in lijst:
        termijnen = Termijnen.van(peildatum)
        totaal = lege_telling()
        rijen = []
        for m in ministeries:
            t = telling.get((m.pk, peildatum), lege_telling())
            for k in totaal:
                totaal[k] += t[k]
            rijen.append(Cyclusrij(m, peildatum, t, _stappen(user, m, peildatum, t, termijnen, op, rechten)))
        tabellen.append(Cyclustabel(termijnen, rijen, totaal, verschuldigd=peildatum == due, bereikt=peildatum <= op))
    return tabellen


def taken_voor(user, op: datetime.date | None = None) -> list[Stap | Cyclusrij]:
    """The cycle rows with a step for ``user``'s own role (for the werkvoorraad), overdue first."""
    rijen = [r for tabel in cyclus(user, op) for r in tabel.rijen if r.eigen_stappen]
    return sorted(rijen, key=lambda r: (not r.te_laat, r.peildatum, r.ministerie.naam))


def werkvoorraad(user) -> dict:
    """The reporting cycle on the start page (hook "werkvoorraad", portfolio/apps.py): for the CIO-office, the CIO and the CIO Rijk."""
    toon = (
        not scope(user, Recht.PORTFOLIO_BEWERKEN).leeg
        or not scope(user, Recht.PEILDATUM_AFTEKENEN).leeg
        or heeft_rijksbreed_recht(user, RijksbreedRecht.PEILDATUM_PUBLICEREN)  # who may publish (B15, art 16.3)
    )
    return {"toon_cyclus": toon, "cyclustaken": taken_voor(user) if toon else []}
