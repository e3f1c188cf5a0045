"""Demo data for a local installation: ICT-activiteiten with a multi-year history, and their publication.

Every activity below is **fictitious**, though modelled on the kind of
activities the Rijks ICT-dashboard carries (names, sizes, slips and overruns
are plausible, not real). Suppliers are fictitious firms or the Rijk's own
ICT-dienstverleners. Kamerstukken use real dossier numbers (26 643 is the ICT
dossier) with an invented "nr.": a real letter with that number is about
something else, so no links are stored.

:func:`portfolio_laden` builds everything **through the services**, with the
people of the organisation demo data (``cio_stelsel.demo``) as actors: the
CIO-office of the ministerie (or of the dienstonderdeel) enters the data, the
CISO and CIO decide the CIO-oordeel an activity needs before it starts (B1),
the departmental CIO signs off each peildatum, the CIO Rijk publishes. A role
without a user account is simply not acted for: an activity whose office has no
account is skipped, one that cannot get its start oordeel is skipped, and
versions wait in concept where the ministry's CIO has no account. The loader
reports each of these.

A version holds the stand on its peildatum (portfolio.peildatumstand); the
history is still built year by year, as it happened: all events up to
31-12-2023, then the versions for that peildatum; then 2024; then 2025; then
the events of this year (not in any version yet). Status changes carry the
date they took effect (``ingangsdatum``).

Deterministic (``random.Random(2026)``, plans computed before anything is
loaded) and idempotent: an activity whose ``nummer`` exists is left alone.
"""

import calendar
import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone

from cio_stelsel import haken
from cio_stelsel.models import Dienstonderdeel, Ministerie, Roltoewijzing, Zbo
from cio_stelsel.rechten import Rol

from . import services
from .models import (
    KOSTENCATEGORIEEN,
    ActiviteitVersie,
    Gebeurtenis,
    IctActiviteit,
    Kamerstuk,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelpartij,
    RedenHerijking,
    Soort,
    Status,
)
from .publicatie_selectors import verwacht

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


ACTIVITEITEN = [
    # -- BZK ------------------------------------------------------------------
    A(
        2001,
        "bzk",
        "RvIG",
        "Modernisering BRP-verstrekkingen",
        "Basisregistraties",
        "Verstrekking van persoonsgegevens aan overheidsorganisaties",
        V,
        "2019-04",
        5,
        68,
        "zwaar",
        "maatwerk",
        "safe",
        "DG Overheidsorganisatie",
        "Vervanging van de verouderde verstrekkingsvoorziening van de Basisregistratie Personen door een modulaire "
        "voorziening met moderne koppelvlakken voor de ruim 1.500 afnemers.",
        "Afnemers krijgen actuele persoonsgegevens via gestandaardiseerde koppelvlakken; de oude voorziening wordt uitgezet.",
        "De huidige voorziening is technisch verouderd, moeilijk aanpasbaar en de leverancierondersteuning eindigt.",
    ),
    A(
        2002,
        "bzk",
        "Logius",
        "Doorontwikkeling DigiD Machtigen",
        "Digitale overheid",
        "Inloggen en machtigen bij de overheid",
        V,
        "2021-09",
        3.5,
        34,
        "licht",
        "maatwerk",
        "agile_scrum",
        "DG Digitalisering en Overheidsorganisatie",
        "Uitbreiding van DigiD Machtigen zodat burgers ook familieleden en hulpverleners kunnen machtigen, met "
        "vertegenwoordiging op grond van wettelijke titels.",
        "Iedereen die hulp nodig heeft bij overheidszaken kan iemand veilig en aantoonbaar machtigen.",
        "Wet digitale overheid en signalen van ombudsmannen dat machtigen te beperkt is.",
    ),
    A(
        2003,
        "bzk",
        "Logius",
        "Beheer en onderhoud MijnOverheid Berichtenbox",
        "Digitale overheid",
        "Berichtenbox voor burgers",
        BO,
        "2021-01",
        7,
        42,
        "op_koers",
        "bo",
        "hybride",
        "DG Digitalisering en Overheidsorganisatie",
        "Beheer, onderhoud en doorontwikkeling van de Berichtenbox van MijnOverheid, inclusief lifecycle-vervanging van het platform.",
        "Een continu beschikbare en veilige Berichtenbox voor ruim 10 miljoen gebruikers.",
        "Structurele beheeropgave van een generieke digitale voorziening.",
        verbeteren="Continuïteit",
    ),
    A(
        2004,
        "bzk",
        "SSC-ICT",
        "Migratie naar de rijksbrede cloudwerkplek",
        "Bedrijfsvoering Rijk",
        "Digitale werkplek voor rijksambtenaren",
        V,
        "2022-03",
        3,
        57,
        "licht",
        "pakket",
        "standaardproduct",
        "DG Overheidsorganisatie",
        "Overgang van ruim 60.000 werkplekken van de klassieke Rijkswerkplek naar een cloudwerkplek met "
        "standaardsoftware, met behoud van de rijksbrede beveiligingseisen.",
        "Een moderne, plaats- en tijdonafhankelijke werkplek tegen lagere beheerkosten.",
        "Het huidige werkplekconcept bereikt het einde van de levensduur.",
        verbeteren="Bedrijfsvoering",
    ),
    A(
        2005,
        "bzk",
        "SSC-ICT",
        "Overgang datacenters naar het Overheidsdatacenter",
        "Bedrijfsvoering Rijk",
        "Hosting van rijksapplicaties",
        V,
        "2020-06",
        3.5,
        26,
        "afgerond",
        "infra",
        "waterval",
        "DG Overheidsorganisatie",
        "Verhuizing van de applicaties uit drie verouderde datacenters naar het Overheidsdatacenter, inclusief "
        "herinrichting van netwerk en back-up.",
        "Minder datacenters, lagere energie- en beheerkosten en een betere uitwijkvoorziening.",
        "Consolidatie van datacenters uit de I-strategie Rijk.",
        verbeteren="Bedrijfsvoering",
    ),
    A(
        2006,
        "bzk",
        "RvIG",
        "Vervanging aanvraagstations reisdocumenten",
        "Reisdocumenten",
        "Aanvragen van paspoort en identiteitskaart",
        V,
        "2023-02",
        3,
        31,
        "omlaag",
        "infra",
        "hybride",
        "DG Overheidsorganisatie",
        "Vervanging van de aanvraagstations voor reisdocumenten bij gemeenten en grensgemeenten door een nieuwe "
        "generatie met biometrie-opname volgens de nieuwe Europese eisen.",
        "Betrouwbare aanvraag van reisdocumenten bij alle gemeenten, conform de Europese verordening.",
        "Einde levensduur van de huidige stations en nieuwe Europese eisen aan biometrie.",
    ),
    A(
        2007,
        "bzk",
        None,
        "Beheer en onderhoud Rijksportaal en intranetvoorzieningen",
        "Bedrijfsvoering Rijk",
        "Intranet voor rijksambtenaren",
        BO,
        "2022-01",
        6,
        4.1,
        "onder_drempel",
        "bo",
        "standaardproduct",
        "Directie Informatiesamenleving en Overheid",
        "Beheer en onderhoud van het Rijksportaal, de rijksbrede intranetomgeving.",
        "Een beschikbare en actuele intranetomgeving.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    # -- FIN ------------------------------------------------------------------
    A(
        2010,
        "fin",
        "Belastingdienst",
        "Modernisering inningssysteem (programma Inning Vernieuwd)",
        "Belastingen",
        "Inning van belastingschulden",
        V,
        "2018-09",
        6,
        310,
        "zwaar",
        "maatwerk",
        "safe",
        "Directeur-generaal Belastingdienst",
        "Vervanging van het inningssysteem uit de jaren negentig door een nieuw systeem voor het innen van "
        "belastingschulden en het treffen van betalingsregelingen, met gefaseerde migratie per middel.",
        "Eén wendbaar inningssysteem voor alle middelen, met betere betalingsregelingen voor burgers en bedrijven.",
        "Het huidige systeem draait op verouderde technologie waarvoor kennis en leveranciers verdwijnen.",
    ),
    A(
        2011,
        "fin",
        "Belastingdienst",
        "Vernieuwing aangifteketen inkomstenbelasting particulieren",
        "Belastingen",
        "Aangifte inkomstenbelasting",
        V,
        "2021-05",
        4,
        96,
        "licht",
        "maatwerk",
        "safe",
        "Directeur-generaal Belastingdienst",
        "Vernieuwing van de verwerking van de aangifte inkomstenbelasting, met een vooringevulde aangifte die "
        "meer gegevens van derden gebruikt.",
        "Een eenvoudiger aangifte voor burgers en minder handmatige correcties.",
        "Verouderde verwerkingsketen en een groeiend aantal gegevensleveringen van derden.",
    ),
    A(
        2012,
        "fin",
        "Douane",
        "Douane Aangiftesysteem Import, fase 3",
        "Douane",
        "Afhandeling van invoeraangiften",
        V,
        "2020-01",
        4.5,
        74,
        "afgerond",
        "maatwerk",
        "safe",
        "Algemeen directeur Douane",
        "Derde fase van de vernieuwing van het aangiftesysteem voor invoer, conform het Douanewetboek van de Unie.",
        "Volledig elektronische afhandeling van invoeraangiften volgens de Europese eisen.",
        "Verplichting uit het Douanewetboek van de Unie.",
        verbeteren="Wet- en regelgeving",
    ),
    A(
        2013,
        "fin",
        "Toeslagen",
        "Uitvoeringssysteem herstel kinderopvangtoeslag",
        "Toeslagen",
        "Herstel voor gedupeerde ouders",
        V,
        "2021-03",
        3,
        118,
        "zwaar",
        "maatwerk",
        "agile_scrum",
        "Directeur-generaal Toeslagen",
        "Systemen voor de behandeling van aanvragen, de integrale beoordeling en de uitbetaling van "
        "compensatie in de hersteloperatie kinderopvangtoeslag.",
        "Gedupeerde ouders snel en zorgvuldig herstellen en compenseren.",
        "Kabinetsbesluit over de hersteloperatie en de Wet hersteloperatie toeslagen.",
    ),
    A(
        2014,
        "fin",
        "Belastingdienst",
        "Beheer en onderhoud omzetbelastingketen",
        "Belastingen",
        "Aangifte en heffing omzetbelasting",
        BO,
        "2021-01",
        7,
        64,
        "op_koers",
        "bo",
        "hybride",
        "Directeur-generaal Belastingdienst",
        "Beheer en onderhoud van de applicaties voor aangifte, heffing en controle van de omzetbelasting.",
        "Continuïteit van de heffing van omzetbelasting.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    A(
        2015,
        "fin",
        "Belastingdienst",
        "Uitfasering mainframe-applicaties (Exit Legacy)",
        "Belastingen",
        "Verwerking van belastingaangiften",
        V,
        "2020-10",
        5,
        145,
        "heroriëntatie",
        "maatwerk",
        "hybride",
        "Directeur-generaal Belastingdienst",
        "Herbouw of vervanging van COBOL-applicaties op het mainframe door moderne applicaties, gefaseerd per keten.",
        "Afhankelijkheid van schaarse mainframekennis wegnemen en de wendbaarheid vergroten.",
        "Uitstroom van mainframespecialisten en stijgende licentiekosten.",
    ),
    A(
        2016,
        "fin",
        "Belastingdienst",
        "Data- en analyseplatform Belastingdienst",
        "Belastingen",
        "Toezicht en risicoselectie",
        V,
        "2022-06",
        3.5,
        39,
        "op_koers",
        "pakket",
        "agile_scrum",
        "Directeur-generaal Belastingdienst",
        "Een centraal platform voor data-analyse met waarborgen voor privacy en uitlegbaarheid van modellen.",
        "Verantwoord datagebruik met toetsbare en uitlegbare analyses.",
        "Lessen uit de toeslagenaffaire en eisen van de AP aan risicoselectie.",
        verbeteren="Wet- en regelgeving",
    ),
    A(
        2017,
        "fin",
        "Douane",
        "Beheer en onderhoud Douane-systemen voor export en doorvoer",
        "Douane",
        "Afhandeling van export en doorvoer",
        BO,
        "2022-01",
        6,
        47,
        "licht",
        "bo",
        "hybride",
        "Algemeen directeur Douane",
        "Beheer en onderhoud van de systemen voor export en doorvoer, inclusief de koppelingen met de EU-systemen.",
        "Ongestoorde afhandeling van export en doorvoer.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    # -- OCW ------------------------------------------------------------------
    A(
        2020,
        "ocw",
        "DUO",
        "Vernieuwing studiefinancieringssysteem",
        "Onderwijs",
        "Studiefinanciering en studievoorschot",
        V,
        "2019-01",
        5.5,
        142,
        "zwaar",
        "maatwerk",
        "safe",
        "DG Hoger Onderwijs en Studiefinanciering",
        "Vervanging van het studiefinancieringssysteem door een modulair systeem dat beleidswijzigingen, zoals "
        "de herinvoering van de basisbeurs, sneller kan verwerken.",
        "Beleidswijzigingen in de studiefinanciering tijdig en foutloos uitvoeren.",
        "Het huidige systeem is complex, verouderd en moeilijk aan te passen aan nieuw beleid.",
    ),
    A(
        2021,
        "ocw",
        "DUO",
        "Uitbreiding Register Onderwijsdeelnemers met mbo-certificaten",
        "Onderwijs",
        "Registratie van diploma's en certificaten",
        V,
        "2022-09",
        2.5,
        18,
        "afgerond",
        "maatwerk",
        "agile_scrum",
        "DG Funderend en Beroepsonderwijs",
        "Uitbreiding van het Register Onderwijsdeelnemers met mbo-certificaten en mbo-verklaringen.",
        "Certificaten zijn net als diploma's digitaal op te vragen en te controleren.",
        "Wetswijziging over de registratie van mbo-certificaten.",
        verbeteren="Wet- en regelgeving",
    ),
    A(
        2022,
        "ocw",
        "DUO",
        "Beheer en onderhoud Basisregister Onderwijs (BRON)",
        "Onderwijs",
        "Registratie van onderwijsdeelnemers",
        BO,
        "2021-01",
        7,
        36,
        "op_koers",
        "bo",
        "hybride",
        "DG Funderend en Beroepsonderwijs",
        "Beheer en onderhoud van BRON, de registratie van inschrijvingen en resultaten van onderwijsdeelnemers.",
        "Een betrouwbare en beschikbare registratie voor bekostiging en studiefinanciering.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    A(
        2023,
        "ocw",
        "DUO",
        "Digitaal afnameplatform centrale examens",
        "Onderwijs",
        "Afname van centrale examens",
        V,
        "2023-01",
        3.5,
        27,
        "licht",
        "pakket",
        "hybride",
        "DG Funderend en Beroepsonderwijs",
        "Een nieuw platform voor het digitaal afnemen van centrale examens in het voortgezet onderwijs.",
        "Betrouwbare digitale examens op alle scholen, ook bij piekbelasting.",
        "Einde contract van het huidige platform en storingen bij piekbelasting.",
    ),
    A(
        2024,
        "ocw",
        None,
        "Vervanging subsidiesysteem cultuurfondsen",
        "Cultuur",
        "Subsidieverlening cultuur",
        V,
        "2023-04",
        2,
        3.2,
        "onder_drempel",
        "pakket",
        "standaardproduct",
        "DG Cultuur en Media",
        "Vervanging van het subsidiesysteem voor de cultuurfondsen door een standaardpakket.",
        "Eenvoudiger aanvragen en verantwoorden van cultuursubsidies.",
        "Einde ondersteuning van het huidige pakket.",
    ),
    A(
        2025,
        "ocw",
        "DUO",
        "Digitaal lerarenportfolio",
        "Onderwijs",
        "Registratie van bekwaamheid van leraren",
        V,
        "2021-05",
        3,
        22,
        "geannuleerd",
        "maatwerk",
        "agile_scrum",
        "DG Funderend en Beroepsonderwijs",
        "Een digitaal portfolio waarin leraren hun bevoegdheden en professionalisering bijhouden.",
        "Inzicht in de bekwaamheid van leraren voor scholen en de leraren zelf.",
        "Afspraken in het Lerarenakkoord.",
        reden_annulering="Na de evaluatie van het Lerarenakkoord is besloten de verplichte registratie niet in te voeren; "
        "de ontwikkelde onderdelen worden niet in gebruik genomen.",
    ),
    # -- JenV -----------------------------------------------------------------
    A(
        2030,
        "jenv",
        "IND",
        "IND Digitaal Dossier en zaakgericht werken",
        "Migratie",
        "Behandeling van verblijfsaanvragen",
        V,
        "2019-06",
        5,
        96,
        "zwaar",
        "maatwerk",
        "safe",
        "DG Migratie",
        "Vervanging van het zaaksysteem van de IND door een digitaal dossier en zaakgericht werken voor alle verblijfsprocedures.",
        "Snellere en transparantere behandeling van aanvragen, met minder papieren dossiers.",
        "Verouderd zaaksysteem en groeiende aantallen aanvragen.",
    ),
    A(
        2031,
        "jenv",
        "DJI",
        "Vervanging detentieadministratie",
        "Justitiële inrichtingen",
        "Registratie van justitiabelen",
        V,
        "2021-02",
        4,
        44,
        "heroriëntatie",
        "maatwerk",
        "waterval",
        "DG Straffen en Beschermen",
        "Vervanging van de administratie van justitiabelen in alle inrichtingen door een nieuw systeem.",
        "Een actuele en betrouwbare registratie van justitiabelen in de hele keten.",
        "Einde levensduur van het huidige systeem en nieuwe eisen uit de ketensamenwerking.",
    ),
    A(
        2032,
        "jenv",
        "CJIB",
        "Modernisering inning verkeersboetes",
        "Strafrechtketen",
        "Inning van boetes en sancties",
        V,
        "2021-10",
        3.5,
        38,
        "licht",
        "maatwerk",
        "agile_scrum",
        "DG Straffen en Beschermen",
        "Modernisering van de systemen voor de inning van verkeersboetes onder de Wet Mulder.",
        "Een flexibeler inningsproces met meer maatwerk voor mensen met betalingsproblemen.",
        "Maatschappelijke wens om schulden door stapeling van boetes te voorkomen.",
    ),
    A(
        2033,
        "jenv",
        None,
        "Landelijk ketenregistratiesysteem strafrecht",
        "Strafrechtketen",
        "Gegevensuitwisseling in de strafrechtketen",
        V,
        "2020-04",
        5,
        58,
        "geannuleerd",
        "maatwerk",
        "waterval",
        "DG Rechtspleging en Rechtshandhaving",
        "Eén ketenregistratie voor politie, OM, rechtspraak en uitvoeringsorganisaties in de strafrechtketen.",
        "Eén bron van gegevens over strafzaken in de hele keten.",
        "Fouten door dubbele registratie in de strafrechtketen.",
        reden_annulering="Na een negatief AcICT-advies en een heroriëntatie is besloten de centrale registratie niet te bouwen; "
        "de ketenpartners verbeteren de onderlinge gegevensuitwisseling met berichtstandaarden.",
    ),
    A(
        2034,
        "jenv",
        "JIO",
        "Beheer en onderhoud JenV-werkplek en netwerk",
        "Bedrijfsvoering",
        "Werkplek en netwerk voor JenV-medewerkers",
        BO,
        "2022-01",
        6,
        71,
        "op_koers",
        "infra",
        "hybride",
        "Secretaris-generaal JenV",
        "Beheer en onderhoud van de werkplekken, het netwerk en de hostingomgeving van het ministerie en de diensten.",
        "Een veilige en beschikbare werkomgeving.",
        "Structurele beheeropgave.",
        verbeteren="Informatiebeveiliging",
    ),
    A(
        2035,
        "jenv",
        "IND",
        "Ketenbrede vreemdelingenregistratie 2.0",
        "Migratie",
        "Registratie van vreemdelingen in de migratieketen",
        V,
        "2027-01",
        4,
        85,
        "nog_niet_gestart",
        "maatwerk",
        "safe",
        "DG Migratie",
        "Een nieuwe gezamenlijke registratie voor de organisaties in de migratieketen, ter vervanging van de huidige basisvoorziening.",
        "Eén actueel beeld van een vreemdeling voor alle ketenpartners.",
        "Einde levensduur van de basisvoorziening vreemdelingen.",
        baseline=d(2025, 5, 20),
    ),
    # -- IenW -----------------------------------------------------------------
    A(
        2040,
        "ienw",
        "Rijkswaterstaat",
        "Vernieuwing verkeersmanagementsystemen (VMS-Nieuw)",
        "Mobiliteit",
        "Verkeersmanagement op rijkswegen",
        V,
        "2018-03",
        6,
        195,
        "zwaar",
        "maatwerk",
        "waterval",
        "DG Rijkswaterstaat",
        "Vervanging van de systemen waarmee de verkeerscentrales het verkeer op het hoofdwegennet regelen.",
        "Veilig en betrouwbaar verkeersmanagement met ruimte voor slimme mobiliteit.",
        "De huidige systemen zijn verouderd en steeds moeilijker te onderhouden.",
    ),
    A(
        2041,
        "ienw",
        "Rijkswaterstaat",
        "Beheer en onderhoud vaarwegmanagementsysteem",
        "Scheepvaart",
        "Verkeersbegeleiding op vaarwegen",
        BO,
        "2021-01",
        7,
        29,
        "op_koers",
        "bo",
        "hybride",
        "DG Rijkswaterstaat",
        "Beheer en onderhoud van het systeem voor verkeersbegeleiding en bediening van sluizen en bruggen.",
        "Veilige en vlotte scheepvaart.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    A(
        2042,
        "ienw",
        "RDW",
        "Vernieuwing kentekenregistratie",
        "Voertuigen",
        "Kentekenregistratie",
        V,
        "2020-09",
        5,
        88,
        "licht",
        "maatwerk",
        "safe",
        "Directie RDW",
        "Gefaseerde vernieuwing van de kentekenregistratie en de daarop aangesloten diensten.",
        "Een toekomstvaste registratie die nieuwe voertuigsoorten en Europese eisen aankan.",
        "Verouderde technologie en nieuwe Europese regelgeving.",
    ),
    A(
        2043,
        "ienw",
        "Rijkswaterstaat",
        "Standaardisatie tunnelbesturingssoftware",
        "Mobiliteit",
        "Veilige doorstroming in tunnels",
        V,
        "2019-09",
        4,
        52,
        "afgerond",
        "maatwerk",
        "waterval",
        "DG Rijkswaterstaat",
        "Eén gestandaardiseerde besturingssoftware voor alle rijkstunnels.",
        "Lagere beheerkosten en snellere openstelling van nieuwe tunnels.",
        "Elke tunnel had eigen besturingssoftware, met hoge kosten en vertraging bij openstelling.",
    ),
    A(
        2044,
        "ienw",
        "Rijkswaterstaat",
        "Sensornetwerk waterkeringen",
        "Waterveiligheid",
        "Monitoring van dijken en waterkeringen",
        V,
        "2022-04",
        3,
        4.2,
        "groeit",
        "infra",
        "agile_scrum",
        "DG Water en Bodem",
        "Een netwerk van sensoren dat de stabiliteit van primaire waterkeringen continu meet.",
        "Eerder zicht op zwakke plekken in dijken.",
        "Programma waterveiligheid.",
    ),
    A(
        2045,
        "ienw",
        None,
        "Beheer en onderhoud ILT-inspectievoorzieningen",
        "Toezicht",
        "Inspecties op transport en leefomgeving",
        BO,
        "2022-01",
        6,
        13,
        "licht",
        "bo",
        "hybride",
        "Inspecteur-generaal ILT",
        "Beheer en onderhoud van de applicaties waarmee de inspectie toezicht houdt.",
        "Ondersteuning van risicogericht toezicht.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    # -- DEF ------------------------------------------------------------------
    A(
        2050,
        "def",
        "JIVC",
        "Vervanging defensiebrede ICT-infrastructuur",
        "Defensie",
        "Informatievoorziening van de krijgsmacht",
        V,
        "2019-01",
        6,
        420,
        "zwaar",
        "infra",
        "safe",
        "Hoofddirecteur Informatievoorziening",
        "Vervanging van de ICT-infrastructuur van Defensie (datacenters, netwerken en werkplekken) door een "
        "nieuwe, beter beveiligde infrastructuur, ook inzetbaar op missie.",
        "Een veilige, wendbare infrastructuur voor de krijgsmacht, thuis en in het inzetgebied.",
        "Einde levensduur van de huidige infrastructuur en toenemende digitale dreiging.",
    ),
    A(
        2051,
        "def",
        None,
        "ERP-uitrol logistiek en materieelbeheer, fase 2",
        "Defensie",
        "Logistiek en materieelbeheer",
        V,
        "2021-06",
        4,
        112,
        "licht",
        "pakket",
        "standaardproduct",
        "Commando Materieel en IT",
        "Tweede fase van de uitrol van het ERP-pakket voor logistiek en materieelbeheer naar de operationele eenheden.",
        "Eén beeld van materieel en voorraden over alle krijgsmachtdelen.",
        "Vervanging van tientallen verouderde logistieke systemen.",
    ),
    A(
        2052,
        "def",
        "JIVC",
        "Beheer en onderhoud operationele communicatienetwerken",
        "Defensie",
        "Communicatie voor operationele eenheden",
        BO,
        "2022-01",
        6,
        88,
        "op_koers",
        "bo",
        "hybride",
        "Hoofddirecteur Informatievoorziening",
        "Beheer en onderhoud van de netwerken voor operationele communicatie.",
        "Gegarandeerde beschikbaarheid van operationele communicatie.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    A(
        2053,
        "def",
        None,
        "Personeelsportaal defensiemedewerkers",
        "Defensie",
        "Personeelszaken voor defensiemedewerkers",
        V,
        "2027-03",
        3,
        24,
        "nog_niet_gestart",
        "pakket",
        "standaardproduct",
        "Hoofddirecteur Personeel",
        "Een portaal waarin defensiemedewerkers hun personeelszaken regelen, ook op missie.",
        "Minder administratieve lasten voor medewerkers en commandanten.",
        "Versnippering van personeelsapplicaties.",
        baseline=d(2025, 9, 15),
        verbeteren="Bedrijfsvoering",
    ),
    # -- SZW ------------------------------------------------------------------
    A(
        2060,
        "szw",
        "UWV",
        "Vernieuwing WW-uitkeringssysteem",
        "Sociale zekerheid",
        "WW-uitkeringen",
        V,
        "2020-02",
        5,
        124,
        "licht",
        "maatwerk",
        "safe",
        "Raad van bestuur UWV",
        "Vervanging van het systeem voor de aanvraag en betaling van WW-uitkeringen.",
        "Een wendbaar systeem dat wetswijzigingen tijdig kan doorvoeren.",
        "Verouderd systeem met een groeiende stapel uitgestelde wetswijzigingen.",
    ),
    A(
        2061,
        "szw",
        "SVB",
        "Modernisering AOW-uitkeringsadministratie",
        "Sociale zekerheid",
        "AOW-pensioen",
        V,
        "2019-10",
        4,
        67,
        "afgerond",
        "maatwerk",
        "agile_scrum",
        "Raad van bestuur SVB",
        "Modernisering van de administratie waarmee de SVB de AOW uitkeert aan ruim 3,5 miljoen mensen.",
        "Een toekomstvaste AOW-uitvoering.",
        "Verouderde technologie en uitstroom van kennis.",
    ),
    A(
        2062,
        "szw",
        "UWV",
        "Beheer en onderhoud werk.nl en werkportalen",
        "Arbeidsmarkt",
        "Online dienstverlening aan werkzoekenden",
        BO,
        "2021-01",
        7,
        58,
        "op_koers",
        "bo",
        "hybride",
        "Raad van bestuur UWV",
        "Beheer en onderhoud van werk.nl en de portalen voor werkzoekenden en werkgevers.",
        "Beschikbare online dienstverlening.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    A(
        2063,
        "szw",
        "UWV",
        "Vervanging gegevensdiensten Suwinet",
        "Sociale zekerheid",
        "Gegevensuitwisseling werk en inkomen",
        V,
        "2021-04",
        4,
        41,
        "heroriëntatie",
        "maatwerk",
        "hybride",
        "DG Sociale Zekerheid en Integratie",
        "Vervanging van de Suwinet-gegevensdiensten door doelgebonden diensten met privacy by design.",
        "Alleen de gegevens die nodig zijn, met aantoonbare doelbinding.",
        "Kritiek van de Autoriteit Persoonsgegevens op de brede toegang tot gegevens.",
        verbeteren="Informatiebeveiliging",
    ),
    # -- VWS ------------------------------------------------------------------
    A(
        2070,
        "vws",
        "RIVM",
        "Vernieuwing vaccinatieregistratie",
        "Volksgezondheid",
        "Registratie van vaccinaties",
        V,
        "2022-02",
        3.5,
        46,
        "licht",
        "maatwerk",
        "agile_scrum",
        "DG Volksgezondheid",
        "Een nieuwe registratie voor alle vaccinaties in het Rijksvaccinatieprogramma en bij pandemieën.",
        "Een betrouwbaar en schaalbaar vaccinatieregister.",
        "Lessen uit de coronapandemie.",
    ),
    A(
        2071,
        "vws",
        None,
        "Landelijk netwerk gegevensuitwisseling zorg",
        "Zorg",
        "Gegevensuitwisseling tussen zorgaanbieders",
        V,
        "2027-01",
        5,
        140,
        "nog_niet_gestart",
        "maatwerk",
        "safe",
        "DG Curatieve Zorg",
        "Een landelijk dekkend netwerk waarmee zorgaanbieders gegevens uitwisselen volgens de Wet elektronische "
        "gegevensuitwisseling in de zorg.",
        "De juiste gegevens op de juiste plek, ook tussen regio's.",
        "Wet elektronische gegevensuitwisseling in de zorg.",
        baseline=d(2025, 11, 3),
    ),
    A(
        2072,
        "vws",
        "RIVM",
        "Beheer en onderhoud ICT bevolkingsonderzoeken",
        "Volksgezondheid",
        "Bevolkingsonderzoeken naar kanker",
        BO,
        "2021-01",
        7,
        33,
        "op_koers",
        "bo",
        "hybride",
        "DG Volksgezondheid",
        "Beheer en onderhoud van de systemen voor uitnodiging en registratie van de bevolkingsonderzoeken.",
        "Ononderbroken bevolkingsonderzoeken.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    A(
        2073,
        "vws",
        None,
        "Vervanging BIG-register",
        "Zorg",
        "Registratie van zorgverleners",
        V,
        "2021-09",
        3,
        19,
        "omlaag",
        "pakket",
        "standaardproduct",
        "DG Curatieve Zorg",
        "Vervanging van het BIG-register door een nieuw registratiesysteem.",
        "Een betrouwbaar openbaar register van zorgverleners.",
        "Einde ondersteuning van het huidige systeem.",
    ),
    # -- EZ -------------------------------------------------------------------
    A(
        2080,
        "ez",
        "RVO",
        "Subsidie-uitvoeringsplatform RVO",
        "Ondernemen",
        "Subsidieverlening aan ondernemers",
        V,
        "2019-05",
        5,
        176,
        "zwaar",
        "pakket",
        "safe",
        "DG Bedrijfsleven en Innovatie",
        "Eén platform voor alle subsidieregelingen die RVO uitvoert, ter vervanging van tientallen systemen.",
        "Nieuwe regelingen sneller openstellen tegen lagere kosten.",
        "Versnippering van uitvoeringssystemen per regeling.",
    ),
    A(
        2081,
        "ez",
        "CBS",
        "Dataplatform en microdata-omgeving",
        "Statistiek",
        "Statistieken en microdata voor onderzoek",
        V,
        "2021-03",
        4,
        32,
        "op_koers",
        "pakket",
        "agile_scrum",
        "Directeur-generaal CBS",
        "Een nieuw dataplatform voor de productie van statistieken en een beveiligde omgeving voor onderzoekers.",
        "Snellere statistieken en veilige toegang tot microdata.",
        "Groei van data en eisen aan beveiliging.",
    ),
    A(
        2082,
        "ez",
        "DICTU",
        "Beheer en onderhoud generieke hostingdiensten",
        "Bedrijfsvoering",
        "Hosting voor ministeries en diensten",
        BO,
        "2021-01",
        7,
        54,
        "op_koers",
        "infra",
        "hybride",
        "Directeur DICTU",
        "Beheer en onderhoud van de generieke hostingdiensten voor de afnemers van DICTU.",
        "Betrouwbare hosting tegen een transparant tarief.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    # -- KGG ------------------------------------------------------------------
    A(
        2090,
        "kgg",
        None,
        "Registratiesysteem emissierechten",
        "Klimaat en energie",
        "Handel in emissierechten",
        V,
        "2021-07",
        4,
        23,
        "licht",
        "maatwerk",
        "agile_scrum",
        "DG Klimaat en Energie",
        "Vernieuwing van het systeem voor registratie en toezicht op de handel in emissierechten.",
        "Betrouwbaar toezicht op emissiehandel, ook na de uitbreiding naar gebouwen en transport.",
        "Uitbreiding van het Europese emissiehandelssysteem.",
        verbeteren="Wet- en regelgeving",
    ),
    A(
        2091,
        "kgg",
        None,
        "Uitvoeringsplatform verduurzamingssubsidies woningen",
        "Klimaat en energie",
        "Subsidies voor isolatie en warmtepompen",
        V,
        "2023-03",
        3,
        48,
        "licht",
        "pakket",
        "agile_scrum",
        "DG Klimaat en Energie",
        "Een platform voor aanvragen en uitbetalen van subsidies voor isolatie en warmtepompen.",
        "Huiseigenaren snel en eenvoudig subsidie geven.",
        "Klimaatakkoord en groei van het aantal aanvragen.",
    ),
    A(
        2092,
        "kgg",
        None,
        "Digitaal platform warmtenetten",
        "Klimaat en energie",
        "Toezicht op warmtenetten",
        V,
        "2027-03",
        3,
        26,
        "nog_niet_gestart",
        "maatwerk",
        "agile_scrum",
        "DG Klimaat en Energie",
        "Een platform voor registratie van warmtenetten en toezicht op tarieven en leveringszekerheid.",
        "Transparante tarieven en betrouwbare levering voor aangesloten huishoudens.",
        "Wet collectieve warmte.",
        baseline=d(2025, 10, 8),
        verbeteren="Wet- en regelgeving",
    ),
    # -- LVVN -----------------------------------------------------------------
    A(
        2100,
        "lvvn",
        "NVWA",
        "Vernieuwing inspectie-informatiesystemen",
        "Voedselveiligheid",
        "Inspecties en handhaving",
        V,
        "2020-03",
        4.5,
        63,
        "heroriëntatie",
        "maatwerk",
        "hybride",
        "Inspecteur-generaal NVWA",
        "Vervanging van de systemen waarmee inspecteurs inspecties plannen, uitvoeren en vastleggen.",
        "Risicogericht toezicht met mobiele ondersteuning voor inspecteurs.",
        "Verouderde en versnipperde inspectiesystemen.",
    ),
    A(
        2101,
        "lvvn",
        "NVWA",
        "Digitale exportcertificering",
        "Landbouw en export",
        "Certificering van exportzendingen",
        V,
        "2021-11",
        3,
        29,
        "licht",
        "maatwerk",
        "agile_scrum",
        "Inspecteur-generaal NVWA",
        "Vervanging van het systeem voor exportcertificaten voor landbouwproducten.",
        "Snellere certificering en digitale uitwisseling met importerende landen.",
        "Eisen van handelspartners aan digitale certificaten.",
    ),
    A(
        2102,
        "lvvn",
        None,
        "Beheer en onderhoud identificatie en registratie van dieren",
        "Landbouw",
        "Registratie van landbouwhuisdieren",
        BO,
        "2021-01",
        7,
        21,
        "op_koers",
        "bo",
        "hybride",
        "DG Agro",
        "Beheer en onderhoud van de systemen voor identificatie en registratie van runderen, varkens, schapen en geiten.",
        "Traceerbaarheid van dieren bij dierziekten.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    A(
        2103,
        "lvvn",
        None,
        "Vernieuwing mestregistratie",
        "Landbouw",
        "Registratie van mestafzet",
        V,
        "2022-03",
        3,
        16,
        "geannuleerd",
        "maatwerk",
        "agile_scrum",
        "DG Agro",
        "Een nieuwe registratie van mestproductie en -afzet met realtime-verantwoording.",
        "Betere handhaving van de mestregels.",
        "Fraude met mestafzet.",
        reden_annulering="Het mestbeleid wordt herzien; het systeem wordt opnieuw ontworpen zodra de nieuwe regels bekend zijn.",
    ),
    # -- VRO ------------------------------------------------------------------
    A(
        2110,
        "vro",
        None,
        "Doorontwikkeling Digitaal Stelsel Omgevingswet",
        "Ruimtelijke ordening",
        "Omgevingsloket voor burgers en bedrijven",
        V,
        "2019-01",
        5,
        230,
        "zwaar",
        "maatwerk",
        "safe",
        "DG Ruimtelijke Ordening",
        "Doorontwikkeling van het Digitaal Stelsel Omgevingswet: het Omgevingsloket, de regels op de kaart en de "
        "koppelingen met de systemen van gemeenten, provincies en waterschappen.",
        "Burgers en bedrijven zien in één keer welke regels gelden en kunnen digitaal een vergunning aanvragen.",
        "Invoering van de Omgevingswet.",
    ),
    A(
        2111,
        "vro",
        "Kadaster",
        "Vernieuwing Basisregistratie Kadaster",
        "Basisregistraties",
        "Inschrijving van vastgoed",
        V,
        "2020-10",
        5,
        72,
        "licht",
        "maatwerk",
        "safe",
        "Raad van bestuur Kadaster",
        "Vernieuwing van de systemen voor de registratie van vastgoed en rechten in de Basisregistratie Kadaster.",
        "Snellere inschrijving van akten en betere gegevens voor afnemers.",
        "Verouderde technologie.",
    ),
    A(
        2112,
        "vro",
        "Kadaster",
        "Beheer en onderhoud Landelijke Voorziening BAG",
        "Basisregistraties",
        "Adressen en gebouwen",
        BO,
        "2021-01",
        7,
        18,
        "op_koers",
        "bo",
        "hybride",
        "Raad van bestuur Kadaster",
        "Beheer en onderhoud van de landelijke voorziening van de Basisregistratie Adressen en Gebouwen.",
        "Beschikbare en actuele adresgegevens.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    # -- AZ -------------------------------------------------------------------
    A(
        2120,
        "az",
        None,
        "Vernieuwing publicatieplatform Rijksoverheid.nl",
        "Communicatie",
        "Overheidsinformatie voor burgers",
        V,
        "2022-06",
        3,
        4.6,
        "groeit",
        "pakket",
        "agile_scrum",
        "Directeur Voorlichting",
        "Vervanging van het publicatieplatform van Rijksoverheid.nl en de ministeriële websites.",
        "Toegankelijke en vindbare overheidsinformatie.",
        "Einde ondersteuning van het huidige platform.",
    ),
    A(
        2121,
        "az",
        None,
        "Beheer en onderhoud werkplek en vergadervoorzieningen AZ",
        "Bedrijfsvoering",
        "Werkplek voor AZ-medewerkers",
        BO,
        "2022-01",
        6,
        3.6,
        "onder_drempel",
        "bo",
        "standaardproduct",
        "Secretaris-generaal AZ",
        "Beheer en onderhoud van de werkplek en de vergadervoorzieningen van AZ.",
        "Een beschikbare werkomgeving.",
        "Structurele beheeropgave.",
        verbeteren="Continuïteit",
    ),
    # -- BZ -------------------------------------------------------------------
    A(
        2130,
        "bz",
        None,
        "Vernieuwing consulaire en visumapplicaties",
        "Consulaire dienstverlening",
        "Visa en consulaire dienstverlening",
        V,
        "2020-09",
        5,
        83,
        "licht",
        "maatwerk",
        "safe",
        "DG Consulaire Zaken en Bedrijfsvoering",
        "Vervanging van de applicaties voor visumaanvragen en consulaire dienstverlening op de posten.",
        "Snellere afhandeling van visumaanvragen en hulp aan Nederlanders in het buitenland.",
        "Nieuwe Europese visumregels en verouderde systemen.",
    ),
    A(
        2131,
        "bz",
        None,
        "Beheer en onderhoud beveiligd berichtenverkeer postennet",
        "Bedrijfsvoering",
        "Berichtenverkeer met ambassades en consulaten",
        BO,
        "2021-01",
        7,
        39,
        "licht",
        "infra",
        "hybride",
        "DG Consulaire Zaken en Bedrijfsvoering",
        "Beheer en onderhoud van het beveiligde berichtenverkeer met ruim 140 posten.",
        "Vertrouwelijke communicatie met alle posten.",
        "Structurele beheeropgave.",
        verbeteren="Informatiebeveiliging",
    ),
    A(
        2132,
        "bz",
        None,
        "Financieel managementsysteem ontwikkelingssamenwerking",
        "Ontwikkelingssamenwerking",
        "Beheer van subsidies en bijdragen",
        V,
        "2020-01",
        4,
        34,
        "geannuleerd",
        "pakket",
        "waterval",
        "DG Internationale Samenwerking",
        "Een nieuw systeem voor het beheer van subsidies en bijdragen in de ontwikkelingssamenwerking.",
        "Volledig inzicht in de besteding van middelen.",
        "Verouderd financieel systeem.",
        reden_annulering="De leverancier kon het pakket niet binnen de afgesproken termijn aanpassen; BZ sluit aan bij het "
        "financiële standaardsysteem van het Rijk.",
    ),
]

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


# --------------------------------------------------------------------------
# Loading


def _houder(rol, *, ministerie=None, dienstonderdeel=None):
    """The user account of the current holder of a role (None: vacant or without account)."""
    qs = Roltoewijzing.objects.actief().filter(rol=rol, persoon__user__isnull=False, persoon__user__is_active=True)
    if dienstonderdeel is not None:
        qs = qs.filter(dienstonderdeel=dienstonderdeel)
    elif ministerie is not None:
        qs = qs.filter(ministerie=ministerie, dienstonderdeel__isnull=True)
    t = qs.select_related("persoon__user").order_by("begindatum", "pk").first()
    return t.persoon.user if t else None


@dataclass
class Actoren:
    office: object
    ciso: object | None
    cio: object | None  # decides the oordeel (departmental CIO or CIO of the dienstonderdeel)
    cio_departementaal: object | None  # signs off the peildatum


class _Lader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.aangemaakt: Counter[str] = Counter()  # new objects
        self.gedaan: Counter[str] = Counter()  # transitions (status, sign-off, publication)
        self.overgeslagen: dict[str, list[str]] = defaultdict(list)
        self.vandaag = timezone.localdate()
        self.ministeries = {m.code: m for m in Ministerie.objects.all()}
        self.redenen = {r.code: r for r in RedenHerijking.objects.all()}
        self.cio_rijk = _houder(Rol.CIO_RIJK)
        self._actoren: dict = {}
        # B1: with the start gate of the oordelen app registered, a started activity needs a positive CIO-oordeel.
        self.startpoort = bool(services.STARTVOORWAARDEN)

    def melden(self, tekst: str) -> None:
        if self.stdout is not None:
            self.stdout.write(tekst + "\n")

    # -- who acts -------------------------------------------------------------

    def organisatie(self, spec: Spec):
        m = self.ministeries[spec.ministerie]
        if not spec.organisatie:
            return m, None, None
        do = Dienstonderdeel.objects.filter(Q(naam=spec.organisatie) | Q(afkorting=spec.organisatie), ministerie=m).first()
        if do:
            return m, do, None
        zbo = Zbo.objects.filter(Q(naam=spec.organisatie) | Q(afkorting=spec.organisatie), ministerie=m).first()
        if zbo:
            return m, None, zbo
        self.overgeslagen["organisatie ontbreekt (activiteit onder het ministerie geplaatst)"].append(f"{spec.nummer} {spec.organisatie}")
        return m, None, None

    def actoren(self, m, do) -> Actoren:
        sleutel = (m.pk, do.pk if do else None)
        if sleutel not in self._actoren:
            departementaal = {rol: _houder(rol, ministerie=m) for rol in (Rol.CIO_OFFICE, Rol.DEPARTEMENTALE_CISO, Rol.DEPARTEMENTALE_CIO)}
            lokaal = {}
            if do is not None:
                lokaal = {
                    Rol.CIO_OFFICE: _houder(Rol.CIO_OFFICE, dienstonderdeel=do),
                    Rol.DEPARTEMENTALE_CISO: _houder(Rol.CISO_DIENSTONDERDEEL, dienstonderdeel=do),
                    Rol.DEPARTEMENTALE_CIO: _houder(Rol.CIO_DIENSTONDERDEEL, dienstonderdeel=do),
                }
            kies = {rol: lokaal.get(rol) or departementaal[rol] for rol in departementaal}
            self._actoren[sleutel] = Actoren(
                office=kies[Rol.CIO_OFFICE],
                ciso=kies[Rol.DEPARTEMENTALE_CISO],
                cio=kies[Rol.DEPARTEMENTALE_CIO],
                cio_departementaal=departementaal[Rol.DEPARTEMENTALE_CIO],
            )
        return self._actoren[sleutel]

    # -- the run --------------------------------------------------------------

    def laden(self) -> dict:
        if not self.ministeries:
            self.melden("Portfolio: geen ministeries gevonden; laad eerst de organisatie (manage.py demo_laden).")
            return {"aangemaakt": {}}
        if not self.redenen:
            self.melden("Portfolio: de redenen herijking ontbreken (migratie portfolio 0002); niets geladen.")
            return {"aangemaakt": {}}
        bestaand = set(IctActiviteit.objects.filter(nummer__in=[s.nummer for s in ACTIVITEITEN]).values_list("nummer", flat=True))
        uitvoeringen = []
        for plan in plannen():
            s = plan.spec
            if s.nummer in bestaand:
                continue
            if s.ministerie not in self.ministeries:
                self.overgeslagen["ministerie ontbreekt"].append(f"{s.nummer} ({s.ministerie})")
                continue
            m, do, zbo = self.organisatie(s)
            wie = self.actoren(m, do)
            if wie.office is None:
                self.overgeslagen["geen CIO-office met account"].append(f"{s.nummer} ({m.afkorting})")
                continue
            if self.startpoort and plan.nodig_oordeel and any(a.soort == "start" and a.datum <= self.vandaag for a in plan.acties):
                if wie.ciso is None or wie.cio is None:
                    self.overgeslagen["geen CISO of CIO met account voor het CIO-oordeel vóór de start (B1)"].append(
                        f"{s.nummer} ({m.afkorting})"
                    )
                    continue
            uitvoeringen.append(_Uitvoering(self, plan, m, do, zbo, wie))
        for peildatum in [*PEILDATA, None]:
            grens = min(peildatum or self.vandaag, self.vandaag, HORIZON if peildatum is None else peildatum)
            for u in uitvoeringen:
                u.tot(grens)
            if peildatum is not None and peildatum <= self.vandaag:
                self.publiceren(peildatum, uitvoeringen)
        self.verslag(len(bestaand))
        return {"aangemaakt": dict(self.aangemaakt), "gedaan": dict(self.gedaan)}

    def verslag(self, al_aanwezig: int) -> None:
        if self.aangemaakt:
            self.melden("Portfolio: " + ", ".join(f"{n} {soort}" for soort, n in self.aangemaakt.items()) + " aangemaakt.")
            self.melden("Portfolio: " + ", ".join(f"{n} {soort}" for soort, n in self.gedaan.items()) + ".")
        elif al_aanwezig:
            self.melden("Portfolio: alle demo-activiteiten bestonden al; niets gewijzigd.")
        for reden, lijst in self.overgeslagen.items():
            self.melden(f"Portfolio: {len(lijst)} overgeslagen, {reden}: {', '.join(lijst)}")

    # -- publication ------------------------------------------------------------

    def publiceren(self, peildatum, uitvoeringen) -> None:
        """Prepare the versions for a peildatum, have the CIO sign them off and the CIO Rijk publish them."""
        per_activiteit = {u.activiteit.pk: u for u in uitvoeringen if u.activiteit is not None}
        te_doen = verwacht(IctActiviteit.objects.filter(pk__in=list(per_activiteit)), peildatum).values_list("pk", flat=True)
        versies = defaultdict(list)  # ministerie -> [(versie, doel)]
        for pk in sorted(te_doen):
            u = per_activiteit[pk]
            doel = u.plan.versiestand.get(peildatum, "ontbreekt")
            if doel == "ontbreekt":
                self.gedaan["versies bewust niet voorbereid"] += 1
                continue
            versies[u.ministerie].append((u.voorbereiden(peildatum), doel, u))
        for m, lijst in versies.items():
            self.verder(m, peildatum, lijst)
        for nummer in CORRECTIES.get(peildatum, []):
            u = next((u for u in uitvoeringen if u.plan.spec.nummer == nummer and u.activiteit is not None), None)
            if u is None or not ActiviteitVersie.objects.filter(activiteit=u.activiteit, peildatum=peildatum).exists():
                continue
            u.corrigeren(peildatum)
            v = u.voorbereiden(peildatum)
            self.gedaan["correcties"] += 1
            if peildatum != PEILDATA[-1]:
                self.verder(u.ministerie, peildatum, [(v, "gepubliceerd", u)])

    def verder(self, m, peildatum, lijst) -> None:
        cio = lijst[0][2].wie.cio_departementaal if lijst else None
        af = [v for v, doel, _u in lijst if doel in ("gecontroleerd", "gepubliceerd")]
        if af and cio is None:
            self.overgeslagen[f"niet afgetekend per {peildatum:%d-%m-%Y}, geen departementale CIO met account"].append(
                f"{m.afkorting} ({len(af)})"
            )
            return
        if af:
            services.versies_aftekenen(actor=cio, ministerie=m, peildatum=peildatum, versies=af)
            self.gedaan["versies afgetekend"] += len(af)
        pub = [v for v, doel, _u in lijst if doel == "gepubliceerd"]
        if pub and self.cio_rijk is None:
            self.overgeslagen["niet gepubliceerd, geen CIO Rijk met account"].append(f"{m.afkorting} {peildatum:%Y}")
            return
        if pub:
            services.versies_publiceren(actor=self.cio_rijk, ministerie=m, peildatum=peildatum, versies=pub)
            self.gedaan["versies gepubliceerd"] += len(pub)


class _Uitvoering:
    """Applies one plan's actions through the services, up to a date."""

    def __init__(self, lader: _Lader, plan: Plan, ministerie, dienstonderdeel, zbo, wie: Actoren):
        self.lader, self.plan, self.wie = lader, plan, wie
        self.ministerie, self.dienstonderdeel, self.zbo = ministerie, dienstonderdeel, zbo
        self.activiteit: IctActiviteit | None = None
        self.mijlpalen: list[Mijlpaal] = []
        self.volgende = 0

    @property
    def office(self):
        return self.wie.office

    def tel(self, soort: str, n: int = 1) -> None:
        self.lader.aangemaakt[soort] += n

    def vers(self) -> IctActiviteit:
        self.activiteit.refresh_from_db()
        return self.activiteit

    def tot(self, grens: datetime.date) -> None:
        while self.volgende < len(self.plan.acties) and self.plan.acties[self.volgende].datum <= grens:
            actie = self.plan.acties[self.volgende]
            getattr(self, f"_{actie.soort}")(actie.datum, **actie.gegevens)
            self.volgende += 1

    def wijzig(self, onderdelen) -> None:
        a = self.vers()
        services.activiteit_wijzigen(actor=self.office, activiteit=a, gegevens={}, versie=a.versie, onderdelen=onderdelen)

    # -- actions --------------------------------------------------------------

    def _aanmaken(self, datum):
        s = self.plan.spec
        self.activiteit = services.activiteit_aanmaken(
            actor=self.office,
            nummer=s.nummer,
            gegevens={
                "naam": s.naam,
                "ministerie": self.ministerie,
                "dienstonderdeel": self.dienstonderdeel,
                "zbo": self.zbo,
                "opdrachtgevende_organisatie": s.opdrachtgever,
                "onderwerp": s.onderwerp,
                "dienstverlening": s.dienstverlening,
                "wij_verbeteren_op": s.verbeteren,
                "soort": s.soort,
                "startdatum": self.plan.startdatum,
                "reden_van_starten": s.reden,
                "doel": s.doel,
                "samenvatting": s.samenvatting,
                "maatwerk": s.kosten == "maatwerk",
                "ontwikkelwijze": s.wijze,
            },
            initieel=self.plan.initieel,
        )
        self.tel("ICT-activiteiten")

    def _onderdelen(self, datum, partijen=(), baten=(), mijlpalen=()):
        objecten = [Ontwikkelpartij(partij=p, rol=r) for p, r in partijen]
        objecten += [MaatschappelijkeBaat(toelichting=t, kwantitatief_per_jaar=j, kwantitatief_incidenteel=i) for t, j, i in baten]
        nieuw = [
            Mijlpaal(omschrijving=m["omschrijving"], verwachte_datum=m["verwachte_datum"], projectplanversie=m["projectplanversie"])
            for m in mijlpalen
        ]
        self.wijzig(objecten + nieuw)
        self.mijlpalen += nieuw
        self.tel("ontwikkelpartijen", len(partijen))
        self.tel("maatschappelijke baten", len(baten))
        self.tel("mijlpalen", len(nieuw))

    def _mijlpaal(self, datum, index, conform):
        m = self.mijlpalen[index]
        m.behaald, m.gerealiseerde_datum, m.conform_eisen = True, datum, conform
        self.wijzig([m])

    def _toets(self, datum, kamerstuk=False, **g):
        if kamerstuk:
            self.wijzig([Kamerstuk(nummer=g["nummer"], titel=g["titel"], briefdatum=g["briefdatum"], acict_advies=g["acict"])])
            self.tel("Kamerstukken")
        else:
            self.wijzig(
                [Kwaliteitstoets(toetsdatum=datum, uitvoerende_partij=g["partij"], soort=g["soort"], omschrijving=g["omschrijving"])]
            )
            self.tel("kwaliteitstoetsen")

    def _start(self, datum):
        if self.lader.startpoort and self.plan.nodig_oordeel:
            self.oordeel(datum)
        services.status_wijzigen(actor=self.office, activiteit=self.vers(), versie=None, status=Status.IN_UITVOERING, ingangsdatum=datum)

    def oordeel(self, datum):
        """B1: a positive CIO-oordeel before the start, by the oordelen app (hook "demo.oordeel_voor_start", oordelen/demo.py)."""
        for oordeel_voor_start in haken.functies("demo.oordeel_voor_start"):
            oordeel_voor_start(self, datum)

    def _herijking(self, datum, einddatum, bedragen, redenen, toelichting_kosten, toelichting_einddatum):
        services.gebeurtenis_toevoegen(
            actor=self.office,
            activiteit=self.vers(),
            versie=None,
            soort=Gebeurtenis.Soort.HERIJKING,
            datum=datum,
            einddatum=einddatum,
            bedragen=bedragen,
            toelichting_kosten=toelichting_kosten,
            toelichting_einddatum=toelichting_einddatum,
            redenen=[self.lader.redenen[r] for r in redenen],
        )
        self.tel("herijkingen")

    def _rapportage(self, datum, einddatum, bedragen, toelichting_kosten=""):
        services.gebeurtenis_toevoegen(
            actor=self.office,
            activiteit=self.vers(),
            versie=None,
            soort=Gebeurtenis.Soort.RAPPORTAGE,
            datum=datum,
            einddatum=einddatum,
            bedragen=bedragen,
            toelichting_kosten=toelichting_kosten,
        )
        self.tel("rapportages")

    def _slot(self, datum, status, reden):
        a = self.vers()
        if status == Status.GEANNULEERD:
            services.status_wijzigen(actor=self.office, activiteit=a, versie=None, status=status, annuleringsdatum=datum, reden=reden)
        elif status == Status.AFGEROND:
            services.status_wijzigen(actor=self.office, activiteit=a, versie=None, status=status, dechargedatum=datum)
        else:
            services.status_wijzigen(
                actor=self.office,
                activiteit=a,
                versie=None,
                status=status,
                ingangsdatum=datum,
                reden="Heroriëntatie na tegenvallende resultaten; de planning wordt herzien.",
            )
        self.lader.gedaan[f"status {Status(status).label.lower()}"] += 1

    # -- publication ------------------------------------------------------------

    def voorbereiden(self, peildatum) -> ActiviteitVersie:
        v = services.versie_voorbereiden(actor=self.office, activiteit=self.vers(), peildatum=peildatum)
        self.tel("versies")
        return v

    def corrigeren(self, peildatum) -> None:
        """A correction after the version was made: a letter to the Kamer that was missing."""
        datum = peildatum - datetime.timedelta(days=40)
        s = self.plan.spec
        self.wijzig(
            [
                Kamerstuk(
                    nummer=f"{KAMERDOSSIERS.get(s.ministerie, '26 643')}, nr. {400 + s.nummer % 97}",
                    titel=f"Stand van zaken {s.naam}",
                    briefdatum=datum,
                )
            ]
        )
        self.tel("Kamerstukken")


def portfolio_laden(stdout=None) -> dict:
    """Load the demo portfolio and its publication. Idempotent; run it inside a transaction (demo_laden does).

    Assumes the organisation demo data (cio_stelsel.demo.organisatie_laden); reports what it skips.
    Returns {"aangemaakt": {kind: number of new objects}, "gedaan": {transition: number}}.
    """
    try:
        return _Lader(stdout).laden()
    except (PermissionDenied, ValidationError) as exc:
        raise RuntimeError(f"Demodata portfolio: een service weigerde: {exc}") from exc
