"""Planning: every demo activity's history as dated actions, computed without the database.

Deterministic: one ``random.Random(ZAAD)`` stream over the activities in their order.
"""

import calendar
import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from ..models import KOSTENCATEGORIEEN, Kwaliteitstoets, Status
from .activiteiten import ACTIVITEITEN
from .gegevens import (
    BO,
    DIENSTVERLENERS,
    HORIZON,
    KAMERDOSSIERS,
    KOSTENPROFIELEN,
    LEVERANCIERS,
    PEILDATA,
    REDEN_TEKSTEN,
    ROLLEN,
    STAND_2025,
    STAND_2025_ACTIVITEIT,
    ZAAD,
    Spec,
    V,
    d,
)

# --------------------------------------------------------------------------
# Planning: every activity's history as dated actions, computed without the database.


def maandeinde(dag: datetime.date) -> datetime.date:
    return dag.replace(day=calendar.monthrange(dag.year, dag.month)[1])


def plus_maanden(dag: datetime.date, maanden: int) -> datetime.date:
    totaal = dag.year * 12 + dag.month - 1 + maanden
    return maandeinde(d(totaal // 12, totaal % 12 + 1, 1))


def tussen(rng: random.Random, van: datetime.date, tot: datetime.date) -> datetime.date:
    if tot <= van:
        return van
    return van + datetime.timedelta(days=rng.randint(0, (tot - van).days))


def euro(bedrag: float) -> Decimal:
    """Whole thousands of euros."""
    return Decimal(int(round(bedrag / 1000.0)) * 1000)


@dataclass
class Actie:
    datum: datetime.date
    volgorde: int  # among actions on the same day
    soort: str
    gegevens: dict = field(default_factory=dict)


@dataclass
class Plan:
    spec: Spec
    startdatum: datetime.date
    initieel: dict
    acties: list[Actie]
    versiestand: dict  # peildatum -> "ontbreekt" | "concept" | "gecontroleerd" | "gepubliceerd"
    nodig_oordeel: bool


VOLGORDE = {"aanmaken": 0, "onderdelen": 1, "start": 2, "toets": 3, "mijlpaal": 4, "herijking": 5, "rapportage": 6, "slot": 7}


class Planner:
    """Turns a Spec into a Plan: baseline, events, lists and status changes, each on its date."""

    def __init__(self, spec: Spec, rng: random.Random):
        self.s, self.rng = spec, rng
        self.acties: list[Actie] = []

    def actie(self, datum, wat, **gegevens):
        """Plan an action; nothing before the activity exists, nothing after the horizon."""
        datum = max(datum, self.baseline)
        if datum <= HORIZON:
            self.acties.append(Actie(datum, VOLGORDE[wat], wat, gegevens))

    def verdeling(self, basis, spreiding=0.2) -> list[float]:
        ruw = [max(0.0, f * self.rng.uniform(1 - spreiding, 1 + spreiding)) for f in basis]
        som = sum(ruw)
        return [r / som for r in ruw]

    def bedragen(self, geschat: float, gerealiseerd: float) -> dict:
        uit = {}
        for i, cat in enumerate(KOSTENCATEGORIEEN):
            uit[f"geschat_{cat}"] = euro(geschat * self.fr_geschat[i])
            uit[f"gerealiseerd_{cat}"] = euro(gerealiseerd * self.fr_real[i])
        return uit

    def maak(self) -> Plan:
        s, rng = self.s, self.rng
        profiel = s.profiel
        self.fr_geschat = self.verdeling(KOSTENPROFIELEN[s.kosten])
        self.fr_real = self.verdeling(self.fr_geschat, 0.03)
        start = s.start
        eind0 = plus_maanden(start, round(s.jaren * 12))
        budget0 = s.budget * 1_000_000
        baseline = s.baseline or tussen(rng, start - datetime.timedelta(days=75), start - datetime.timedelta(days=10))
        self.baseline = baseline
        initieel = {"datum": baseline, "einddatum": eind0, **self.bedragen(budget0, 0)}
        self.actie(baseline, "aanmaken")
        self.onderdelen_bij_start(baseline, start, eind0, budget0)

        # Herijkingen: (datum, nieuwe totaal, nieuwe einddatum, redenen)
        herijkingen = []
        totaal, eind = budget0, eind0
        duur = (eind0 - start).days

        def herijk(fractie, factor, maanden, redenen):
            nonlocal totaal, eind
            datum = start + datetime.timedelta(days=int(duur * fractie) + rng.randint(-30, 30))
            if datum.month == 12 and datum.day > 20:
                datum = datum.replace(day=10)
            totaal = totaal * factor
            eind = plus_maanden(eind, maanden)
            herijkingen.append((datum, totaal, eind, redenen))

        if profiel == "licht" or (profiel == "onder_drempel" and rng.random() < 0.5):
            herijk(
                rng.uniform(0.3, 0.5),
                rng.uniform(1.12, 1.35),
                rng.randint(4, 12),
                rng.sample(
                    ["tegenvallers", "implementatie-organisatie", "prijsontwikkeling", "wetswijziging", "scopewijziging"], rng.randint(1, 2)
                ),
            )
        elif profiel == "zwaar":
            herijk(
                rng.uniform(0.25, 0.35),
                rng.uniform(1.3, 1.55),
                rng.randint(8, 14),
                rng.sample(["tegenvallers", "scopewijziging", "wetswijziging", "wens-kamer"], 2),
            )
            herijk(rng.uniform(0.6, 0.75), rng.uniform(1.35, 1.6), rng.randint(10, 18), ["extern-advies", "tegenvallers"])
            if rng.random() < 0.6:
                herijk(
                    rng.uniform(1.0, 1.15),
                    rng.uniform(1.1, 1.3),
                    rng.randint(6, 12),
                    rng.sample(["prijsontwikkeling", "implementatie-organisatie", "tegenvallers"], 2),
                )
        elif profiel == "omlaag":
            herijk(rng.uniform(0.35, 0.5), rng.uniform(0.7, 0.82), rng.randint(0, 3), ["aanpassing-doelen", "scopewijziging"])
        elif profiel == "heroriëntatie":
            herijk(rng.uniform(0.35, 0.5), rng.uniform(1.3, 1.5), rng.randint(9, 15), ["tegenvallers", "scopewijziging"])
        elif profiel == "afgerond" and rng.random() < 0.6:
            herijk(rng.uniform(0.4, 0.6), rng.uniform(1.04, 1.15), rng.randint(0, 6), ["prijsontwikkeling"])
        elif profiel == "groeit":
            herijk(rng.uniform(0.3, 0.45), rng.uniform(1.6, 1.8), rng.randint(6, 10), ["scopewijziging", "wens-kamer"])
        elif profiel == "geannuleerd" and rng.random() < 0.7:
            herijk(rng.uniform(0.3, 0.45), rng.uniform(1.25, 1.5), rng.randint(6, 12), ["tegenvallers"])
        herijkingen = [h for h in herijkingen if h[0] > start]

        # How it ends.
        slot = None  # (datum, status, reden)
        if profiel == "nog_niet_gestart":
            slot = None
        elif profiel == "geannuleerd":
            datum = tussen(rng, max(start + datetime.timedelta(days=540), d(2023, 3, 1)), d(2025, 9, 30))
            slot = (datum, Status.GEANNULEERD, s.reden_annulering or "Besloten de activiteit te stoppen.")
        elif profiel == "heroriëntatie":
            slot = (tussen(rng, d(2025, 3, 1), d(2026, 6, 30)), Status.IN_HERORIENTATIE, "")
        elif profiel != "zwaar":
            # Completed: the "afgerond" ones, and any other that was done well before the last peildatum.
            decharge = eind + datetime.timedelta(days=rng.randint(45, 120))
            if decharge <= (HORIZON if profiel == "afgerond" else d(2025, 6, 30)):
                slot = (decharge, Status.AFGEROND, "")
        herijkingen = [h for h in herijkingen if slot is None or h[0] < slot[0]]

        def stand(op):
            """The estimate and end date in force on a date."""
            t, e = budget0, eind0
            for datum, nieuw_totaal, nieuw_eind, _r in herijkingen:
                if datum <= op:
                    t, e = nieuw_totaal, nieuw_eind
            return t, e

        lineair = s.soort == BO

        def besteed(op, t, e):
            p = min(max((op - start).days / max((e - start).days, 1), 0.0), 1.0)
            return t * min(p if lineair else 3 * p * p - 2 * p**3, 0.97)

        # Events: herijkingen and the yearly reports, spend never decreasing.
        gebeurtenissen = [(h[0], "herijking", h) for h in herijkingen]
        if profiel != "nog_niet_gestart":
            eerste_jaar = start.year if start.month <= 10 else start.year + 1
            for jaar in range(eerste_jaar, 2026):
                peil = d(jaar, 12, 31)
                if slot and slot[0] <= peil:
                    break
                gebeurtenissen.append((peil, "rapportage", None))
        elif baseline <= d(2025, 12, 31):
            gebeurtenissen.append((d(2025, 12, 31), "rapportage", None))
        gebeurtenissen.sort(key=lambda g: (g[0], g[1] == "rapportage"))
        vorig_besteed, drift = 0.0, 1.0
        for datum, soort, h in gebeurtenissen:
            t, e = stand(datum)
            if soort == "rapportage" and profiel in ("op_koers", "licht", "afgerond", "onder_drempel", "omlaag"):
                drift *= 1 + rng.uniform(-0.012, 0.025)
            t *= drift
            uitgegeven = 0.02 * t if profiel == "nog_niet_gestart" else max(vorig_besteed, besteed(datum, t, e))
            vorig_besteed = uitgegeven
            if soort == "herijking":
                redenen = h[3]
                kosten = " ".join(REDEN_TEKSTEN[r][0] for r in redenen)
                einddatum = " ".join(REDEN_TEKSTEN[r][1] for r in redenen if REDEN_TEKSTEN[r][1])
                self.actie(
                    datum,
                    "herijking",
                    einddatum=e,
                    bedragen=self.bedragen(t, uitgegeven),
                    redenen=redenen,
                    toelichting_kosten=kosten,
                    toelichting_einddatum=einddatum if e != eind0 else "",
                )
            else:
                toelichting = ""
                if abs(drift - 1) > 0.01 and rng.random() < 0.7:
                    toelichting = (
                        "Indexatie van loon- en prijsniveau en enkele kleine wijzigingsverzoeken."
                        if drift > 1
                        else "Gunstiger aanbesteding en lagere licentiekosten dan geraamd."
                    )
                self.actie(datum, "rapportage", einddatum=e, bedragen=self.bedragen(t, uitgegeven), toelichting_kosten=toelichting)
        self.eind_actueel = stand(HORIZON)[1]

        if slot:
            datum, status, reden = slot
            t, e = stand(datum)
            t *= drift
            if status == Status.AFGEROND:
                definitief = t * rng.uniform(0.96, 1.0)
                self.actie(
                    datum,
                    "rapportage",
                    einddatum=e,
                    bedragen=self.bedragen(definitief, definitief),
                    toelichting_kosten="Eindrapportage: de actuele schatting is gelijk aan de gerealiseerde uitgaven.",
                )
            elif status == Status.GEANNULEERD:
                gestopt = max(vorig_besteed, besteed(datum, t, e))
                self.actie(
                    datum,
                    "rapportage",
                    einddatum=e,
                    bedragen=self.bedragen(gestopt, gestopt),
                    toelichting_kosten="Activiteit gestopt: de actuele schatting is gelijk aan de gerealiseerde uitgaven.",
                )
            self.actie(datum, "slot", status=status, reden=reden)
        if profiel != "nog_niet_gestart":
            self.actie(start, "start")
        self.mijlpalen(start, eind0, herijkingen, slot)
        self.toetsen_en_kamerstukken(start, eind0, budget0, herijkingen, slot)

        # Publication: all published for 2023 and 2024; per ministerie for 2025, with some missing.
        versiestand = {PEILDATA[0]: "gepubliceerd", PEILDATA[1]: "gepubliceerd"}
        versiestand[PEILDATA[2]] = "ontbreekt" if rng.random() < 0.1 else STAND_2025.get(s.ministerie, "concept")
        versiestand[PEILDATA[2]] = STAND_2025_ACTIVITEIT.get(s.nummer, versiestand[PEILDATA[2]])
        self.acties.sort(key=lambda a: (a.datum, a.volgorde))
        return Plan(
            s, start, initieel, self.acties, versiestand, nodig_oordeel=profiel not in ("nog_niet_gestart", "onder_drempel", "groeit")
        )

    # -- lists --------------------------------------------------------------

    def onderdelen_bij_start(self, baseline, start, eind, budget):
        s, rng = self.s, self.rng
        partijen = []
        eigen = DIENSTVERLENERS.get(s.ministerie)
        if eigen and rng.random() < 0.6:
            partijen.append((eigen, "Hosting en technisch beheer"))
        else:
            partijen.append(("Eigen ICT-organisatie", "Regie en functioneel beheer"))
        for leverancier, rol in zip(rng.sample(LEVERANCIERS, rng.randint(1, 2)), rng.sample(ROLLEN[s.kosten], 2)):
            partijen.append((leverancier, rol))
        baten = []
        if s.soort == V:
            besparing = budget * rng.uniform(0.04, 0.09)
            baten.append(
                (
                    f"Lagere beheer- en licentiekosten na uitfasering van het oude systeem ({s.dienstverlening.lower()}).",
                    euro(besparing) if rng.random() < 0.7 else None,
                    None,
                )
            )
            if rng.random() < 0.6:
                baten.append(
                    (
                        "Snellere en foutlozere afhandeling voor burgers en bedrijven; minder bezwaarschriften en telefonische vragen.",
                        None,
                        euro(budget * rng.uniform(0.01, 0.03)) if rng.random() < 0.4 else None,
                    )
                )
        else:
            baten.append(
                ("Continuïteit van de dienstverlening en minder beveiligingsrisico's door tijdige lifecycle-vervanging.", None, None)
            )
        self.actie(baseline, "onderdelen", partijen=partijen, baten=baten)

    def mijlpalen(self, start, eind0, herijkingen, slot):
        s, rng = self.s, self.rng
        if s.soort == V:
            lijst = [
                ("Projectplan vastgesteld", 0.03),
                ("Aanbesteding gegund", 0.15),
                ("Eerste release in productie", 0.45),
                ("Gegevensmigratie afgerond", 0.75),
                ("Oude systeem uitgefaseerd", 0.97),
            ]
        else:
            lijst = [
                ("Beheercontract afgesloten", 0.04),
                ("Vervanging hardwareplatform afgerond", 0.4),
                ("Overgang naar nieuwe hostingomgeving", 0.7),
                ("Evaluatie beheerorganisatie", 0.95),
            ]
        duur0 = (eind0 - start).days
        eind = self.eind_actueel
        duur = (eind - start).days
        mijlpalen = []
        for omschrijving, f in lijst:
            verwacht = start + datetime.timedelta(days=int(duur0 * f))
            gehaald = start + datetime.timedelta(days=max(int(duur * f) + rng.randint(-20, 40), 7))
            if slot and slot[1] != Status.AFGEROND and gehaald >= slot[0]:
                gehaald = None
            if slot and slot[1] == Status.AFGEROND and gehaald and gehaald >= slot[0]:
                gehaald = slot[0] - datetime.timedelta(days=rng.randint(10, 40))
            mijlpalen.append(
                {
                    "omschrijving": omschrijving,
                    "verwachte_datum": verwacht,
                    "projectplanversie": "1.0",
                    "gehaald": gehaald,
                    "conform": not mijlpalen or rng.random() > (0.3 if s.profiel == "zwaar" else 0.08),
                }
            )
        self.actie(start, "onderdelen", mijlpalen=mijlpalen)
        for i, m in enumerate(mijlpalen):
            if m["gehaald"]:
                self.actie(m["gehaald"], "mijlpaal", index=i, conform=m["conform"])

    def toetsen_en_kamerstukken(self, start, eind0, budget, herijkingen, slot):
        s, rng = self.s, self.rng
        einde = slot[0] if slot else HORIZON
        dossier = KAMERDOSSIERS.get(s.ministerie, "26 643")

        def nr(datum, dossier="26 643"):
            """Letters in dossier 26 643 (ICT) ran from about nr. 600 in 2019; other dossiers from about nr. 300."""
            basis = 600 if dossier == "26 643" else 300
            return f"{basis + (datum.year - 2019) * 90 + rng.randint(0, 85)}"

        def toets(datum, soort, partij, omschrijving):
            if start - datetime.timedelta(days=120) < datum < einde:
                self.actie(datum, "toets", soort=soort, partij=partij, omschrijving=omschrijving)

        def kamerstuk(datum, nummer, titel, acict=False):
            if datum < einde:
                self.actie(datum, "toets", kamerstuk=True, nummer=nummer, titel=titel, briefdatum=datum, acict=acict)

        groot = budget >= 40_000_000
        if s.profiel == "nog_niet_gestart":
            return
        if groot and (s.profiel in ("zwaar", "heroriëntatie", "geannuleerd") or rng.random() < 0.5):
            datum = start + datetime.timedelta(days=rng.randint(150, 270))
            toets(
                datum,
                Kwaliteitstoets.Soort.ACICT_ADVIES,
                "Adviescollege ICT-toetsing",
                "Advies over de kans van slagen: aanbevelingen over scope, planning en de beheersbaarheid van de migratie.",
            )
            kamerstuk(
                datum + datetime.timedelta(days=rng.randint(35, 70)),
                f"26 643, nr. {nr(datum)}",
                f"Advies Adviescollege ICT-toetsing over {s.naam} en bestuurlijke reactie",
                acict=True,
            )
        if s.profiel == "zwaar" and len(herijkingen) >= 2:
            datum = herijkingen[1][0] - datetime.timedelta(days=rng.randint(60, 110))
            toets(
                datum,
                Kwaliteitstoets.Soort.ACICT_ADVIES,
                "Adviescollege ICT-toetsing",
                "Hertoets na de eerste herijking: het college adviseert kleiner te knippen en de planning te herijken.",
            )
            kamerstuk(
                datum + datetime.timedelta(days=45),
                f"26 643, nr. {nr(datum)}",
                f"Tweede advies Adviescollege ICT-toetsing over {s.naam}",
                acict=True,
            )
        if budget >= 15_000_000 and rng.random() < 0.65:
            toets(
                start - datetime.timedelta(days=rng.randint(20, 60)),
                Kwaliteitstoets.Soort.GATEWAY_REVIEW,
                "Gateway Review-team (Rijk)",
                "Gateway 2: aanpak en business case.",
            )
            toets(
                start + datetime.timedelta(days=int((eind0 - start).days * 0.6)),
                Kwaliteitstoets.Soort.GATEWAY_REVIEW,
                "Gateway Review-team (Rijk)",
                "Gateway 4: gereed voor ingebruikname van de eerste release.",
            )
        if rng.random() < 0.3:
            toets(
                start + datetime.timedelta(days=rng.randint(300, 700)),
                Kwaliteitstoets.Soort.ADR_AUDIT,
                "Auditdienst Rijk",
                "Audit op de projectbeheersing en de verantwoording van de uitgaven.",
            )
        for datum, _t, _e, _r in herijkingen:
            kamerstuk(datum + datetime.timedelta(days=rng.randint(20, 50)), f"{dossier}, nr. {nr(datum, dossier)}", f"Herijking {s.naam}")
        if s.profiel == "zwaar":
            for jaar in range(start.year + 1, 2026):
                datum = d(jaar, rng.randint(5, 6), rng.randint(1, 28))
                kamerstuk(datum, f"{dossier}, nr. {nr(datum, dossier)}", f"Voortgangsrapportage {s.naam} {jaar - 1}")
        if slot and slot[1] == Status.GEANNULEERD:
            self.acties.append(
                Actie(
                    slot[0],
                    VOLGORDE["toets"],
                    "toets",
                    {
                        "kamerstuk": True,
                        "nummer": f"{dossier}, nr. {nr(slot[0], dossier)}",
                        "titel": f"Besluit tot beëindiging van {s.naam}",
                        "briefdatum": slot[0],
                        "acict": False,
                    },
                )
            )


def plannen() -> list[Plan]:
    """The plans of all demo activities: one random stream, so each run gives the same data."""
    rng = random.Random(ZAAD)
    return [Planner(spec, rng).maak() for spec in ACTIVITEITEN]
