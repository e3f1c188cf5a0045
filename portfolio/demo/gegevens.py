"""The demo data's tables: the shape of an activity (Spec), the dates, and the tables the planner draws from.

The activities themselves are in ``activiteiten/`` (one module per group of ministries).
"""

import datetime
from dataclasses import dataclass

from ..models import Soort

d = datetime.date

PEILDATA = [d(2023, 12, 31), d(2024, 12, 31), d(2025, 12, 31)]
# Nothing is planned after this date, so the demo looks the same whenever it is loaded later.
HORIZON = d(2026, 9, 30)
ZAAD = 2026

V, BO = Soort.VERNIEUWING, Soort.BEHEER_EN_ONDERHOUD

# --------------------------------------------------------------------------
# The activities. Amounts in EUR mln (initial estimate), duration in years.
#
# profiel: how it goes
#   op_koers          on time, within a few percent
#   licht             one herijking: 10-35% more, 4-12 months later
#   zwaar             two or three herijkingen: 2-3x the cost, 2-4 years late
#   omlaag            scope reduced: cheaper
#   heroriëntatie     overrun, then paused (in heroriëntatie)
#   geannuleerd       started, then stopped
#   nog_niet_gestart  baseline set, start planned
#   afgerond          completed, decharge granted
#   onder_drempel     below the EUR 5 mln threshold (not reportable, B15)
#   groeit            starts below the threshold, grows past it
# kosten: the cost split (KOSTENPROFIELEN); wijze: ontwikkelwijze.


@dataclass(frozen=True)
class Spec:
    nummer: int
    ministerie: str
    organisatie: str | None  # dienstonderdeel (naam or afkorting) or zbo (afkorting); None: the ministerie
    naam: str
    onderwerp: str
    dienstverlening: str
    soort: str
    start: datetime.date
    jaren: float
    budget: float
    profiel: str
    kosten: str
    wijze: str
    opdrachtgever: str
    samenvatting: str
    doel: str
    reden: str
    verbeteren: str = "Dienstverlening"
    baseline: datetime.date | None = None  # for nog_niet_gestart: when the baseline was set
    reden_annulering: str = ""


def A(
    nummer,
    ministerie,
    organisatie,
    naam,
    onderwerp,
    dienstverlening,
    soort,
    start,
    jaren,
    budget,
    profiel,
    kosten,
    wijze,
    opdrachtgever,
    samenvatting,
    doel,
    reden,
    **extra,
) -> Spec:
    jaar, maand = (int(x) for x in start.split("-"))
    return Spec(
        nummer,
        ministerie,
        organisatie,
        naam,
        onderwerp,
        dienstverlening,
        soort,
        d(jaar, maand, 1),
        jaren,
        budget,
        profiel,
        kosten,
        wijze,
        opdrachtgever,
        samenvatting,
        doel,
        reden,
        **extra,
    )


# Cost split per profile: intern personeel, extern personeel, overig materieel, uitbesteed werk, overige kosten.
KOSTENPROFIELEN = {
    "maatwerk": (0.20, 0.34, 0.08, 0.33, 0.05),
    "pakket": (0.14, 0.18, 0.38, 0.25, 0.05),
    "bo": (0.36, 0.20, 0.24, 0.16, 0.04),
    "infra": (0.10, 0.12, 0.46, 0.28, 0.04),
}

# Publication state of 31-12-2025 per ministerie (31-12-2023 and 2024 are all published). Capped by who has an
# account: no CIO account leaves concept, no CIO Rijk account leaves gecontroleerd.
STAND_2025 = {
    "bzk": "gepubliceerd",
    "fin": "gecontroleerd",
    "ocw": "gepubliceerd",
    "jenv": "concept",
    "ienw": "gepubliceerd",
    "def": "concept",
    "szw": "gecontroleerd",
    "vws": "gepubliceerd",
    "ez": "gepubliceerd",
    "kgg": "concept",
    "lvvn": "gecontroleerd",
    "vro": "gepubliceerd",
    "az": "gepubliceerd",
    "bz": "concept",
}
# Exceptions per activity for 31-12-2025, so even a ministry with all roles filled shows every state.
STAND_2025_ACTIVITEIT = {2003: "ontbreekt", 2006: "gecontroleerd", 2014: "ontbreekt", 2111: "concept"}
# Corrections after publication: {peildatum: [nummer, ...]}. 2024: a published correction (versie 2);
# 2025: a correction still in concept (a published or checked version 1 stays, or is superseded).
CORRECTIES = {d(2024, 12, 31): [2002, 2011], d(2025, 12, 31): [2004, 2016]}

LEVERANCIERS = [
    "Noordzee Software B.V.",
    "Polderlogic",
    "Kernpunt IT Services",
    "Deltaware Consultancy",
    "Hanze Digitaal B.V.",
    "Rijnstad Systems",
    "Oranjewoud Data",
    "Vierkant ICT-Partners",
    "Maasland Cloud Solutions",
    "Duinwater Integratie",
]
ROLLEN = {
    "maatwerk": ["Ontwikkeling", "Testen en kwaliteitsborging", "Architectuur"],
    "pakket": ["Leverancier standaardsoftware", "Implementatie", "Configuratie en migratie"],
    "bo": ["Applicatiebeheer", "Technisch beheer", "Doorontwikkeling"],
    "infra": ["Levering hardware", "Netwerkbeheer", "Migratie"],
}
DIENSTVERLENERS = {"bzk": "SSC-ICT", "ez": "DICTU", "kgg": "DICTU", "lvvn": "DICTU", "jenv": "JIO", "def": "JIVC"}
KAMERDOSSIERS = {"fin": "31 066", "ocw": "24 724", "jenv": "29 279", "def": "27 830", "szw": "26 448", "ienw": "29 398"}

# Herijking: reason -> (toelichting kosten, toelichting einddatum)
REDEN_TEKSTEN = {
    "tegenvallers": (
        "De complexiteit van de gegevensmigratie en van de koppelingen met ketenpartners is onderschat; "
        "er zijn extra test- en migratierondes nodig.",
        "Extra migratie- en testrondes vragen meer doorlooptijd.",
    ),
    "wetswijziging": (
        "Nieuwe wetgeving vraagt functionaliteit die niet in de oorspronkelijke scope zat.",
        "De invoeringsdatum van de wetswijziging bepaalt de nieuwe planning.",
    ),
    "wens-kamer": (
        "Op verzoek van de Tweede Kamer is de scope uitgebreid met extra voorzieningen voor toegankelijkheid "
        "en ondersteuning van minder digitaal vaardigen.",
        "De uitbreiding vraagt een extra release.",
    ),
    "aanpassing-doelen": (
        "De doelen zijn aangescherpt na herziening van de business case; een deel van de functionaliteit "
        "vervalt of schuift naar een later moment.",
        "De planning is aangepast aan de gewijzigde doelen.",
    ),
    "implementatie-organisatie": (
        "De invoering in de uitvoeringsorganisatie vraagt meer opleiding en begeleiding dan voorzien.",
        "De invoering gebeurt gefaseerd per afdeling.",
    ),
    "scopewijziging": (
        "Bij de uitwerking bleken aanvullende koppelingen en rapportages nodig.",
        "De aanvullende functionaliteit wordt in een extra increment gebouwd.",
    ),
    "extern-advies": (
        "De aanbevelingen van het Adviescollege ICT-toetsing zijn overgenomen: kleinere stappen, meer "
        "beheercapaciteit en een realistischere planning.",
        "De planning volgt het advies om in kleinere stappen op te leveren.",
    ),
    "prijsontwikkeling": ("De loon- en prijsontwikkeling en de krappe markt voor ICT-personeel leiden tot hogere tarieven.", ""),
}
