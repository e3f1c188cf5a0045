"""Demo data for a local installation: the organisation of the CIO-stelsel.

The ministries, dienstonderdelen and zbo's are real (the 14 kerndepartementen
of the kabinet-Schoof, 2024, with EZK and LNV as history). Every **person is
fictitious**: no name below belongs to a real office holder. E-mail addresses
use the reserved ``.example`` domain, so nothing is ever delivered.

``manage.py demo_laden`` calls :func:`organisatie_laden` in one transaction.
The loader is idempotent: it finds what exists by natural key (Ministerie.code,
names, usernames) and only adds what is missing. Every change goes through
``services`` with the system as actor, so rights are granted and each change
has its audit record, exactly as when a person enters it.

One gap is deliberate (``BEWUSTE_LACUNES``): the NVWA has a substantial
ICT-portfolio and a CIO but no CISO (S5, art 9.4), so the stelsel-overzicht has
something realistic to show. AZ has no departmental CISO either, but an
approved art 17 afwijking switches S4 off for AZ (S10), so that is no gap.
"""

import base64
import datetime
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password

from . import services, tweede_factor
from .models import (
    Art17Afwijking,
    Dienstonderdeel,
    HandvestVersie,
    Ministerie,
    Overleglidmaatschap,
    Overlegorgaan,
    Persoon,
    Roltoewijzing,
    Zbo,
)
from .rechten import Rol

d = datetime.date

# The one password of every demo account. Local demonstration only: the
# command refuses to run in production (settings.PRODUCTION) unless forced.
DEMO_WACHTWOORD = "demo-Rijksdienst-2026"
# The second factor of every demo account (BIO 5.17.01, cio_stelsel/tweede_factor.py): one
# authenticator app with this published key, added to an app by hand or with the otpauth URI
# the command prints; ``manage.py demo_code`` prints the current code. Local demonstration only,
# like the password: the key is in the source code.
DEMO_TOTP_SLEUTEL = "INEU6LLTORSWY43FNQQGIZLNN4QDERSB"  # base32 of b"CIO-stelsel demo 2FA"
EMAILDOMEIN = "demo.example"  # RFC 2606: reserved, never delivered
KABINET_SCHOOF = d(2024, 7, 2)  # EZK split into EZ and KGG, LNV became LVVN, VRO founded

# --------------------------------------------------------------------------
# Organisation

# code, afkorting, naam, geldig van (None: the model's default), roles held since
MINISTERIES = [
    ("az", "AZ", "Ministerie van Algemene Zaken", None, d(2022, 3, 1)),
    ("bz", "BZ", "Ministerie van Buitenlandse Zaken", None, d(2022, 9, 1)),
    ("bzk", "BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", None, d(2022, 2, 1)),
    ("def", "DEF", "Ministerie van Defensie", None, d(2023, 1, 16)),
    ("ez", "EZ", "Ministerie van Economische Zaken", KABINET_SCHOOF, KABINET_SCHOOF),
    ("kgg", "KGG", "Ministerie van Klimaat en Groene Groei", KABINET_SCHOOF, KABINET_SCHOOF),
    ("fin", "FIN", "Ministerie van Financiën", None, d(2022, 6, 1)),
    ("ienw", "IenW", "Ministerie van Infrastructuur en Waterstaat", None, d(2023, 4, 1)),
    ("jenv", "JenV", "Ministerie van Justitie en Veiligheid", None, d(2022, 11, 1)),
    ("lvvn", "LVVN", "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur", KABINET_SCHOOF, KABINET_SCHOOF),
    ("ocw", "OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap", None, d(2023, 9, 1)),
    ("szw", "SZW", "Ministerie van Sociale Zaken en Werkgelegenheid", None, d(2022, 4, 1)),
    ("vws", "VWS", "Ministerie van Volksgezondheid, Welzijn en Sport", None, d(2024, 2, 1)),
    ("vro", "VRO", "Ministerie van Volkshuisvesting en Ruimtelijke Ordening", KABINET_SCHOOF, KABINET_SCHOOF),
]

# Former ministries (code, afkorting, naam, geldig van); they end through OPVOLGINGEN.
VOORMALIGE_MINISTERIES = [
    ("ezk", "EZK", "Ministerie van Economische Zaken en Klimaat", d(2017, 10, 26)),
    ("lnv", "LNV", "Ministerie van Landbouw, Natuur en Voedselkwaliteit", d(2017, 10, 26)),
]

# voorganger, opvolgers, first day of the opvolgers, reason (services.ministerie_opvolgen)
OPVOLGINGEN = [
    ("ezk", ("ez", "kgg"), KABINET_SCHOOF, "Aantreden kabinet-Schoof: EZK gesplitst in EZ en KGG."),
    ("lnv", ("lvvn",), KABINET_SCHOOF, "Aantreden kabinet-Schoof: LNV hernoemd tot LVVN (visserij en voedselzekerheid)."),
]

# sleutel, ministerie, naam, afkorting, substantieel ICT-portfolio, ICT-dienstverlener
DIENSTONDERDELEN = [
    ("belastingdienst", "fin", "Belastingdienst", "", True, False),
    ("douane", "fin", "Douane", "", False, False),
    ("toeslagen", "fin", "Dienst Toeslagen", "Toeslagen", False, False),
    ("duo", "ocw", "Dienst Uitvoering Onderwijs", "DUO", True, False),
    ("rws", "ienw", "Rijkswaterstaat", "RWS", True, False),
    ("ind", "jenv", "Immigratie- en Naturalisatiedienst", "IND", True, False),
    ("dji", "jenv", "Dienst Justitiële Inrichtingen", "DJI", True, False),
    ("cjib", "jenv", "Centraal Justitieel Incassobureau", "CJIB", False, False),
    ("jio", "jenv", "Justitiële ICT Organisatie", "JIO", False, True),
    ("rvo", "ez", "Rijksdienst voor Ondernemend Nederland", "RVO", True, False),
    ("dictu", "ez", "Dienst ICT Uitvoering", "DICTU", False, True),
    ("nvwa", "lvvn", "Nederlandse Voedsel- en Warenautoriteit", "NVWA", True, False),
    ("rvig", "bzk", "Rijksdienst voor Identiteitsgegevens", "RvIG", False, False),
    ("logius", "bzk", "Logius", "Logius", False, True),
    ("ssc-ict", "bzk", "Shared Service Center ICT", "SSC-ICT", False, True),
    ("rivm", "vws", "Rijksinstituut voor Volksgezondheid en Milieu", "RIVM", False, False),
    ("jivc", "def", "Joint Informatievoorziening Commando", "JIVC", True, False),
]

# ministerie, naam, afkorting (S8: no stelsel roles)
ZBOS = [
    ("szw", "Uitvoeringsinstituut Werknemersverzekeringen", "UWV"),
    ("szw", "Sociale Verzekeringsbank", "SVB"),
    ("vro", "Kadaster", "Kadaster"),
    ("ienw", "RDW", "RDW"),
    ("ez", "Centraal Bureau voor de Statistiek", "CBS"),
]

# --------------------------------------------------------------------------
# People (all fictitious). A name is the natural key of a person.

MINISTERIE_ROLLEN = (
    Rol.MINISTER,
    Rol.SECRETARIS_GENERAAL,
    Rol.DEPARTEMENTALE_CIO,
    Rol.DEPARTEMENTALE_CISO,
    Rol.BEVEILIGINGSAUTORITEIT,
    Rol.CIO_OFFICE,
)
# Per ministerie, in the order of MINISTERIE_ROLLEN. Ministers since KABINET_SCHOOF,
# the others since the date in MINISTERIES. None: vacant on purpose.
BEZETTING_MINISTERIES = {
    # AZ: no departmental CISO, by an approved art 17 afwijking (ART17_AFWIJKINGEN).
    "az": ("Willemijn Stroeve", "Bart van Oosterwijk", "Marloes Kempink", None, "Ruud Tjalsma", "Noor Amrani"),
    "bz": ("Frederik Ravensberg", "Annelies Wijnbergen", "Jeroen Dijkhuis", "Saskia Lindenhoff", "Maarten Boschma", "Ilse Hazenberg"),
    "bzk": ("Hester Molenkamp", "Pieter Spronk", "Femke Wesselink", "Joost Nijhof", "Karin Roelofsen", "Youssef Bouzid"),
    "def": ("Coen Kloosterboer", "Margriet Ottens", "Erik Tuinstra", "Lotte Zwanenburg", "Huub Haverkamp", "Priya Ramdin"),
    "ez": ("Anton Lammerts", "Gerda Scheepstra", "Marianne ten Brink", "Merel Kroeze", "Wim Ubbink", "Esra Yilmaz"),
    "kgg": ("Iris Veenstra", "Thijs Wiegersma", "Roos Mulderij", "Daan Gerritsen", "Ellen Hoogeveen", "Kevin Jonkman"),
    "fin": ("Reinout Kleinjan", "Monique Mertens", "Hans Oldenkamp", "Sanne Pijpers", "Gert Reinders", "Lisa Smeenk"),
    "ienw": ("Marieke Tammes", "Arjen Uiterwijk", "Tessa Vellinga", "Bram Westerhof", "Joke IJzerman", "Stijn Zuidema"),
    "jenv": ("Laurens Aalbers", "Petra Brons", "Vincent Crielaard", "Fleur Doorn", "Rob Everts", "Naima Feenstra"),
    "lvvn": ("Sietse Grotenhuis", "Wendy Haagsma", "Johan van Houten", "Anouk Jansma", "Teun Koopal", "Mirjam Leferink"),
    "ocw": ("Jolanda Moesker", "Ronald Nieboer", "Kim Oosting", "Gijs Plomp", "Tineke Rikkers", "Floor Sloots"),
    "szw": ("Dirk-Jan Teunissen", "Astrid Wagemaker", "Mark Ypma", "Linda Zandbergen", "Hugo Abbink", "Yara Bosgra"),
    "vws": ("Carla Dalhuisen", "Michiel Eijkelkamp", "Naomi Folkerts", "Tim Geerdink", "Ria Holtrop", "Bas Jongsma"),
    "vro": ("Eveline Lindeboom", "Ferry Meijering", "Hanneke Nijenhuis", "Koen Overbeek", "Mariska Poelman", "Ruben Rademaker"),
}

# Substantial dienstonderdelen (art 9.1): CIO, CISO (None: vacant), since.
BEZETTING_DIENSTONDERDELEN = {
    "belastingdienst": ("Gerrit van der Meulen", "Sylvia de Wit", d(2022, 9, 1)),
    "duo": ("Annemarie Schuitema", "Wouter van Essen", d(2023, 2, 1)),
    "rws": ("Frank Timmerhuis", "Ingrid van Leeuwen", d(2022, 5, 1)),
    "ind": ("Olga Uittenbogaard", "Paul van der Veen", d(2023, 6, 1)),
    "dji": ("Henk Verhoef", "Lies de Boer", d(2025, 3, 3)),
    "rvo": ("Martin Wassink", "Carolien van Wijk", d(2024, 9, 1)),
    "nvwa": ("Esther de Ruiter", None, d(2024, 7, 2)),  # deliberate gap, see BEWUSTE_LACUNES; LVVN exists from 2024-07-02
    "jivc": ("Jacco van Rooij", "Marit van der Linden", d(2022, 10, 1)),
}
# CIO-office medewerkers of a dienstonderdeel: naam, since.
OFFICE_DIENSTONDERDELEN = {"belastingdienst": ("Dennis van Beek", d(2023, 2, 1))}

# Rijksbrede roles: rol, naam, since.
RIJKSBREDE_ROLLEN = [
    (Rol.CIO_RIJK, "Marijke van Dorsten", d(2022, 5, 1)),
    (Rol.CISO_RIJK, "Hidde de Lange", d(2023, 1, 1)),
    (Rol.FUNCTIONEEL_BEHEERDER, "Sevda Kaya", d(2022, 1, 10)),
]

# Ended assignments: rol, organisatie (ministerie code; None: rijksbreed), naam, begin, end, reason.
# The successor starts the day after (the current holder's own date is then ignored).
HISTORIE = [
    (
        Rol.DEPARTEMENTALE_CIO,
        "bzk",
        "Govert van den Heuvel",
        d(2021, 1, 1),
        d(2023, 8, 31),
        "Vertrokken naar een functie buiten de Rijksdienst.",
    ),
    (
        Rol.DEPARTEMENTALE_CIO,
        "ezk",
        "Marianne ten Brink",
        d(2021, 1, 1),
        d(2024, 7, 1),
        "Ministerie EZK opgeheven; voortgezet als departementale CIO van EZ.",
    ),
    (
        Rol.DEPARTEMENTALE_CIO,
        "lnv",
        "Johan van Houten",
        d(2021, 1, 1),
        d(2024, 7, 1),
        "Ministerie LNV hernoemd tot LVVN; voortgezet als departementale CIO van LVVN.",
    ),
    (Rol.CISO_RIJK, None, "Evert Bosman", d(2021, 1, 1), d(2022, 12, 31), "Met pensioen."),
]

# The gaps the stelsel-overzicht shows on purpose: (rule, article, organisation).
BEWUSTE_LACUNES = [("S5", "art 9.4", "Nederlandse Voedsel- en Warenautoriteit")]

# --------------------------------------------------------------------------
# Overlegorganen (art 15)

OVERLEGORGANEN = {
    Overlegorgaan.Soort.CIO_BERAAD: "Rijksbrede coördinatie van informatievoorziening en ICT; voorzitter de CIO Rijk, "
    "leden ten minste de departementale CIO's (art 15.1-15.3).",
    Overlegorgaan.Soort.CISO_RAAD: "Voorportaal voor informatiebeveiligingsbeleid; voorzitter de CISO Rijk, "
    "leden ten minste de departementale CISO's (art 15.6).",
    Overlegorgaan.Soort.CTO_RAAD: "Voorportaal voor ICT-aanbodsturing en informatietechnologie; voorzitter de CIO Rijk, "
    "leden ten minste de directeuren van de ICT-dienstverleners (art 15.7).",
    Overlegorgaan.Soort.TORN: "Voorportaal voor de Rijksnetwerken; voorzitter een afgevaardigde van de CIO Rijk, "
    "leden afgevaardigden van de ICT-dienstverleners en de departementale CIO-offices (art 15.8).",
    Overlegorgaan.Soort.TORV: "Voorportaal voor Rijksbrede ICT-voorzieningen; voorzitter een afgevaardigde van de CIO Rijk, "
    "leden afgevaardigden van de departementale CIO-offices (art 15.9).",
}
# Chairs delegated by the CIO Rijk (art 15.8, 15.9): naam, since.
GEDELEGEERDE_VOORZITTERS = {
    Overlegorgaan.Soort.TORN: ("Leon Visscher", d(2022, 9, 1)),
    Overlegorgaan.Soort.TORV: ("Anke Dekema", d(2023, 3, 1)),
}
# Directors of the ICT-dienstverleners (CTO-raad art 15.7; TORN art 15.8): naam, since.
DIRECTEUREN_ICT_DIENSTVERLENERS = {
    "logius": ("Rik Hamstra", d(2022, 6, 1)),
    "ssc-ict": ("Janneke Bruggink", d(2023, 1, 1)),
    "dictu": ("Otto Kleefstra", d(2022, 10, 1)),
    "jio": ("Miranda Hulshof", d(2024, 4, 1)),
}
# Handvest of the CIO-beraad (art 15.4, B24: at most two years old).
# 3.0 keeps the demo free of a B24 finding after 2026-02-12; drop it to show one.
HANDVESTVERSIES = [
    ("1.0", d(2021, 3, 15), "Eerste handvest na de inwerkingtreding van het Besluit CIO-stelsel Rijksdienst 2021."),
    ("2.0", d(2024, 2, 12), "Actualisatie: voorportalen CTO-raad, TORN en TORV, deelname ICT-dienstverleners."),
    ("3.0", d(2026, 2, 9), "Tweejaarlijkse actualisatie: nieuwe ministeries (EZ, KGG, LVVN, VRO) en vergaderwijze."),
]

# --------------------------------------------------------------------------
# Art 17 afwijkingen (B27, S10). Requested by the minister of the ministerie.

ART17_AFWIJKINGEN = [
    {
        "ministerie": "az",
        "bepalingen": [Art17Afwijking.Bepaling.ART_6_1],
        "reden": "AZ is een klein kerndepartement met een beperkt ICT-portfolio. De taken van de departementale "
        "CISO worden belegd bij de departementale CIO, ondersteund door de CISO-functie van de ICT-dienstverlener; "
        "een afzonderlijke CISO voegt daar niets aan toe.",
        "consultatie_bzk_datum": d(2024, 9, 10),
        "consultatie_bzk": "Overleg met de Minister van BZK (ambtelijk voorbereid door de CIO Rijk): geen bezwaar, "
        "mits AZ jaarlijks rapporteert over het informatiebeveiligingsniveau.",
        "begindatum": d(2024, 10, 1),
        "goedgekeurd": True,
        "besluit": "Goedgekeurd door de Minister van BZK.",
    },
]

# --------------------------------------------------------------------------
# Demo log-ins: username, rol, organisatie (ministerie code or dienstonderdeel sleutel; None: rijksbreed).

DEMO_ACCOUNTS = [
    # Every ministerie: its CIO-office, CIO and CISO (AZ has no CISO: art 17 afwijking).
    *(
        (f"{prefix}-{code}", rol, code)
        for code, bezetting in BEZETTING_MINISTERIES.items()
        for prefix, rol, index in (
            ("office", Rol.CIO_OFFICE, 5),
            ("cio", Rol.DEPARTEMENTALE_CIO, 2),
            ("ciso", Rol.DEPARTEMENTALE_CISO, 3),
        )
        if bezetting[index]
    ),
    ("sg-bzk", Rol.SECRETARIS_GENERAAL, "bzk"),
    # Ministers of three ministeries, who decide their informatieplan (B12; informatieplannen/demo.py).
    *((f"minister-{code}", Rol.MINISTER, code) for code in ("bzk", "fin", "ienw")),
    # Substantial dienstonderdelen: CIO and CISO; the Belastingdienst also its CIO-office.
    *(
        (f"{prefix}-{sleutel}", rol, sleutel)
        for sleutel, (cio, ciso, _sinds) in BEZETTING_DIENSTONDERDELEN.items()
        for prefix, rol, naam in (("cio", Rol.CIO_DIENSTONDERDEEL, cio), ("ciso", Rol.CISO_DIENSTONDERDEEL, ciso))
        if naam
    ),
    ("office-belastingdienst", Rol.CIO_OFFICE, "belastingdienst"),
    ("cio-rijk", Rol.CIO_RIJK, None),
    ("ciso-rijk", Rol.CISO_RIJK, None),
    ("beheerder", Rol.FUNCTIONEEL_BEHEERDER, None),
]
# Accounts that may log in to the Django admin (is_staff). Not superusers: a
# superuser flag grants no right of the Besluit; the beheerder's rights come from
# its role, functioneel beheerder, like everyone else's (issue 13, finding 2).
BEHEERACCOUNTS = {"beheerder"}


# --------------------------------------------------------------------------
# The loader


@dataclass(frozen=True)
class Benoeming:
    rol: str
    organisatie: str | None  # ministerie code or dienstonderdeel sleutel
    naam: str
    begindatum: datetime.date
    einddatum: datetime.date | None = None
    reden_einde: str = ""


def benoemingen() -> list[Benoeming]:
    """All role assignments of the tables, ended ones first, each list in date order."""
    historie = [Benoeming(r, o, n, b, e, reden) for r, o, n, b, e, reden in HISTORIE]
    opvolger_vanaf = {(b.rol, b.organisatie): b.einddatum + datetime.timedelta(days=1) for b in historie}
    huidig = []
    for rol, naam, sinds in RIJKSBREDE_ROLLEN:
        huidig.append(Benoeming(rol, None, naam, opvolger_vanaf.get((rol, None), sinds)))
    for code, _afk, _naam, _van, sinds in MINISTERIES:
        for rol, naam in zip(MINISTERIE_ROLLEN, BEZETTING_MINISTERIES[code], strict=True):
            if naam:
                begin = KABINET_SCHOOF if rol == Rol.MINISTER else opvolger_vanaf.get((rol, code), sinds)
                huidig.append(Benoeming(rol, code, naam, begin))
    for sleutel, (cio, ciso, sinds) in BEZETTING_DIENSTONDERDELEN.items():
        huidig.append(Benoeming(Rol.CIO_DIENSTONDERDEEL, sleutel, cio, sinds))
        if ciso:
            huidig.append(Benoeming(Rol.CISO_DIENSTONDERDEEL, sleutel, ciso, sinds))
    for sleutel, (naam, sinds) in OFFICE_DIENSTONDERDELEN.items():
        huidig.append(Benoeming(Rol.CIO_OFFICE, sleutel, naam, sinds))
    return sorted(historie, key=lambda b: b.begindatum) + huidig


def _naamdelen(naam: str) -> dict:
    """'Gerrit van der Meulen' -> voornaam, tussenvoegsel, achternaam (one-word first and last names)."""
    delen = naam.split()
    return {"voornaam": delen[0], "tussenvoegsel": " ".join(delen[1:-1]), "achternaam": delen[-1]}


def _email(naam: str) -> str:
    delen = _naamdelen(naam)
    lokaal = f"{delen['voornaam']}.{delen['tussenvoegsel']}{delen['achternaam']}".replace(" ", "").lower()
    lokaal = unicodedata.normalize("NFKD", lokaal).encode("ascii", "ignore").decode()
    return f"{lokaal}@{EMAILDOMEIN}"


def demo_totp_sleutel_hex() -> str:
    return base64.b32decode(DEMO_TOTP_SLEUTEL).hex()


def demo_totp_uri() -> str:
    """The otpauth URI of the demo key, for an authenticator app (scanned or pasted)."""
    return f"otpauth://totp/CIO-stelsel%20demo?secret={DEMO_TOTP_SLEUTEL}&issuer=CIO-stelsel%20demo&digits=6&period=30"


def demo_totp_code() -> str:
    """The demo key's code now (RFC 6238, 30 s, 6 digits, as django-otp checks it)."""
    from django_otp.oath import totp

    return f"{totp(base64.b32decode(DEMO_TOTP_SLEUTEL)):06d}"


class _Lader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.aangemaakt: Counter[str] = Counter()
        self.ministeries: dict[str, Ministerie] = {}
        self.dienstonderdelen: dict[str, Dienstonderdeel] = {}
        self.personen: dict[str, Persoon] = {}
        self.rechten_nalopen = False

    def melden(self, tekst: str) -> None:
        if self.stdout is not None:
            self.stdout.write(tekst + "\n")

    def organisatie(self, sleutel: str | None):
        if sleutel is None:
            return None
        return self.ministeries.get(sleutel) or self.dienstonderdelen[sleutel]

    # -- organisation -------------------------------------------------------

    def ministeries_laden(self) -> None:
        for code, afkorting, naam, geldig_van in VOORMALIGE_MINISTERIES:
            self._ministerie(code, afkorting, naam, geldig_van)
        codes = {c: (a, n) for c, a, n, _v, _s in MINISTERIES}
        for voorganger_code, opvolger_codes, datum, reden in OPVOLGINGEN:
            voorganger = self.ministeries[voorganger_code]
            if voorganger.geldig_tot is not None:
                continue  # already ended: loaded before
            opvolgers = []
            for code in opvolger_codes:
                bestaand = Ministerie.objects.filter(code=code).first()
                afkorting, naam = codes[code]
                opvolgers.append({"bestaand": bestaand} if bestaand else {"naam": naam, "afkorting": afkorting, "code": code})
            services.ministerie_opvolgen(actor=None, voorganger=voorganger, opvolgers=opvolgers, datum=datum, reden=reden)
            voorganger.refresh_from_db()
            self.aangemaakt["ministeries"] += sum(1 for o in opvolgers if "bestaand" not in o)
        for code, afkorting, naam, geldig_van, _sinds in MINISTERIES:
            self._ministerie(code, afkorting, naam, geldig_van)

    def _ministerie(self, code, afkorting, naam, geldig_van) -> Ministerie:
        ministerie = Ministerie.objects.filter(code=code).first()
        if ministerie is None:
            ministerie = Ministerie(code=code, afkorting=afkorting, naam=naam)
            if geldig_van:
                ministerie.geldig_van = geldig_van
            services.organisatie_opslaan(actor=None, obj=ministerie, reden="Demodata")
            self.aangemaakt["ministeries"] += 1
        self.ministeries[code] = ministerie
        return ministerie

    def dienstonderdelen_laden(self) -> None:
        for sleutel, code, naam, afkorting, substantieel, dienstverlener in DIENSTONDERDELEN:
            ministerie = self.ministeries[code]
            do = Dienstonderdeel.objects.filter(ministerie=ministerie, naam=naam).first()
            if do is None:
                do = Dienstonderdeel(
                    ministerie=ministerie,
                    naam=naam,
                    afkorting=afkorting,
                    substantieel_portfolio=substantieel,
                    is_ict_dienstverlener=dienstverlener,
                )
                services.organisatie_opslaan(actor=None, obj=do, reden="Demodata")
                self.aangemaakt["dienstonderdelen"] += 1
            self.dienstonderdelen[sleutel] = do
        for code, naam, afkorting in ZBOS:
            if not Zbo.objects.filter(naam=naam).exists():
                services.organisatie_opslaan(
                    actor=None, obj=Zbo(ministerie=self.ministeries[code], naam=naam, afkorting=afkorting), reden="Demodata"
                )
                self.aangemaakt["zbo's"] += 1

    # -- people and log-ins ---------------------------------------------------

    def persoon(self, naam: str, user=None) -> Persoon:
        if naam in self.personen:
            return self.personen[naam]
        persoon = Persoon.objects.filter(**_naamdelen(naam)).first()
        if persoon is None:
            persoon = Persoon(email=_email(naam), user=user, **_naamdelen(naam))
            services.organisatie_opslaan(actor=None, obj=persoon, reden="Demodata")
            self.aangemaakt["personen"] += 1
        elif user is not None and persoon.user_id is None:
            persoon.user = user
            services.organisatie_opslaan(actor=None, obj=persoon, reden="Demodata: gebruikersaccount gekoppeld")
            # Roles it already holds only bring rights once the rights are synchronised.
            self.rechten_nalopen = self.rechten_nalopen or persoon.roltoewijzingen.exists()
        self.personen[naam] = persoon
        return persoon

    def accounts_laden(self, lijst: list[Benoeming]) -> None:
        """Create the demo users and link them to their persons before any role is assigned."""
        User = get_user_model()
        huidig = {(b.rol, b.organisatie): b for b in lijst if b.einddatum is None}
        # One hash for all: the accounts share a published password, so one salt reveals nothing more, and hashing
        # it 62 times (PBKDF2, a third of a second each) was most of the organisation's load time (issue 21).
        wachtwoordhash = None
        for username, rol, organisatie in DEMO_ACCOUNTS:
            naam = huidig[(rol, organisatie)].naam
            delen = _naamdelen(naam)
            user = User.objects.filter(username=username).first()
            if user is None:
                beheer = username in BEHEERACCOUNTS
                user = User(
                    username=username,
                    first_name=delen["voornaam"],
                    last_name=f"{delen['tussenvoegsel']} {delen['achternaam']}".strip(),
                    email=_email(naam),
                    is_staff=beheer,
                    is_superuser=False,
                )
                validate_password(DEMO_WACHTWOORD, user)
                wachtwoordhash = wachtwoordhash or make_password(DEMO_WACHTWOORD)
                user.password = wachtwoordhash
                user.save()
                self.aangemaakt["gebruikers"] += 1
            elif user.is_superuser:
                # A database loaded before issue 13 made the beheerder a superuser.
                user.is_superuser = False
                user.save(update_fields=["is_superuser"])
            if tweede_factor.demo_app_inrichten(user=user, sleutel_hex=demo_totp_sleutel_hex()):
                self.aangemaakt["authenticator-apps"] += 1
            self.persoon(naam, user=user)

    def rollen_laden(self, lijst: list[Benoeming]) -> None:
        for b in lijst:
            persoon = self.persoon(b.naam)
            organisatie = self.organisatie(b.organisatie)
            ministerie = organisatie.ministerie if isinstance(organisatie, Dienstonderdeel) else organisatie
            dienstonderdeel = organisatie if isinstance(organisatie, Dienstonderdeel) else None
            if Roltoewijzing.objects.filter(persoon=persoon, rol=b.rol, ministerie=ministerie, dienstonderdeel=dienstonderdeel).exists():
                continue
            consultatie = {}
            if b.rol == Rol.DEPARTEMENTALE_CIO:
                consultatie = {
                    "consultatie_datum": b.begindatum - datetime.timedelta(days=21),
                    "consultatie": f"De CIO Rijk heeft namens de Minister van BZK geconsulteerd over de benoeming van "
                    f"{persoon} tot departementale CIO van {ministerie.afkorting}; geen bezwaar.",
                }
            toewijzing = services.roltoewijzing_starten(
                actor=None,
                persoon=persoon,
                rol=b.rol,
                organisatie=organisatie,
                begindatum=b.begindatum,
                reden="Demodata",
                **consultatie,
            )
            self.aangemaakt["roltoewijzingen"] += 1
            if b.einddatum is not None:
                if b.rol == Rol.DEPARTEMENTALE_CIO:
                    consultatie = {
                        "consultatie_datum": b.einddatum - datetime.timedelta(days=30),
                        "consultatie": f"De CIO Rijk heeft namens de Minister van BZK geconsulteerd over het vertrek van "
                        f"{persoon} als departementale CIO van {ministerie.afkorting}; geen bezwaar.",
                    }
                services.roltoewijzing_beeindigen(
                    actor=None, toewijzing=toewijzing, einddatum=b.einddatum, reden=b.reden_einde, **consultatie
                )

    # -- overlegorganen -------------------------------------------------------

    def overleg_laden(self, lijst: list[Benoeming]) -> None:
        organen = {}
        for soort, omschrijving in OVERLEGORGANEN.items():
            orgaan = Overlegorgaan.objects.filter(soort=soort).first()
            if orgaan is None:
                orgaan = services.organisatie_opslaan(
                    actor=None, obj=Overlegorgaan(soort=soort, omschrijving=omschrijving), reden="Demodata"
                )
                self.aangemaakt["overlegorganen"] += 1
            organen[soort] = orgaan
        Soort, Functie = Overlegorgaan.Soort, Overleglidmaatschap.Functie

        def per_rol(rol):
            return [b for b in lijst if b.rol == rol]

        # Chairs by role (art 15.2, 15.6, 15.7), in date order so a successor follows an ended chair.
        for soort, rol in ((Soort.CIO_BERAAD, Rol.CIO_RIJK), (Soort.CISO_RAAD, Rol.CISO_RIJK), (Soort.CTO_RAAD, Rol.CIO_RIJK)):
            for b in sorted(per_rol(rol), key=lambda b: b.begindatum):
                self._lid(organen[soort], b.naam, Functie.VOORZITTER, b.begindatum, b.einddatum)
        for soort, (naam, sinds) in GEDELEGEERDE_VOORZITTERS.items():
            self._lid(organen[soort], naam, Functie.VOORZITTER, sinds, gedelegeerd=True)
        # Members: departmental CIOs and CISOs (art 15.3, 15.6), CIO-offices (art 15.8, 15.9).
        for soort, rol in (
            (Soort.CIO_BERAAD, Rol.DEPARTEMENTALE_CIO),
            (Soort.CISO_RAAD, Rol.DEPARTEMENTALE_CISO),
            (Soort.TORN, Rol.CIO_OFFICE),
            (Soort.TORV, Rol.CIO_OFFICE),
        ):
            for b in per_rol(rol):
                if b.organisatie in self.ministeries:
                    m = self.ministeries[b.organisatie]
                    self._lid(organen[soort], b.naam, Functie.LID, b.begindatum, b.einddatum, namens_ministerie=m)
        # Directors of the ICT-dienstverleners (art 15.7, 15.8).
        for sleutel, (naam, sinds) in DIRECTEUREN_ICT_DIENSTVERLENERS.items():
            for soort in (Soort.CTO_RAAD, Soort.TORN):
                self._lid(organen[soort], naam, Functie.LID, sinds, namens_dienstonderdeel=self.dienstonderdelen[sleutel])

        cio_beraad = organen[Soort.CIO_BERAAD]
        for versie, datum, samenvatting in HANDVESTVERSIES:
            if not HandvestVersie.objects.filter(overlegorgaan=cio_beraad, versie=versie).exists():
                services.handvest_vaststellen(
                    actor=None, overlegorgaan=cio_beraad, versie=versie, vastgesteld_op=datum, samenvatting=samenvatting
                )
                self.aangemaakt["handvestversies"] += 1

    def _lid(self, orgaan, naam, functie, begin, eind=None, namens_ministerie=None, namens_dienstonderdeel=None, gedelegeerd=False):
        persoon = self.persoon(naam)
        sleutel = {
            "overlegorgaan": orgaan,
            "persoon": persoon,
            "functie": functie,
            "namens_ministerie": namens_ministerie,
            "namens_dienstonderdeel": namens_dienstonderdeel,
            "begindatum": begin,
        }
        if Overleglidmaatschap.objects.filter(**sleutel).exists():
            return
        lid = services.overleglid_toevoegen(actor=None, gedelegeerd_door_cio_rijk=gedelegeerd, **sleutel)
        self.aangemaakt["lidmaatschappen"] += 1
        if eind is not None:
            services.overleglid_beeindigen(actor=None, lidmaatschap=lid, einddatum=eind, reden="Einde van de rol.")

    # -- art 17 ------------------------------------------------------------------

    def afwijkingen_laden(self) -> None:
        for a in ART17_AFWIJKINGEN:
            ministerie = self.ministeries[a["ministerie"]]
            bepalingen = sorted(str(b) for b in a["bepalingen"])
            afwijking = Art17Afwijking.objects.filter(ministerie=ministerie, bepalingen=bepalingen, begindatum=a["begindatum"]).first()
            if afwijking is None:
                minister = Roltoewijzing.objects.actief(a["begindatum"]).get(rol=Rol.MINISTER, ministerie=ministerie).persoon
                afwijking = services.art17_afwijking_aanvragen(
                    actor=None,
                    ministerie=ministerie,
                    bepalingen=bepalingen,
                    reden=a["reden"],
                    aangevraagd_door=minister,
                    consultatie_bzk_datum=a["consultatie_bzk_datum"],
                    consultatie_bzk=a["consultatie_bzk"],
                    begindatum=a["begindatum"],
                )
                self.aangemaakt["art 17-afwijkingen"] += 1
            if afwijking.status == Art17Afwijking.Status.AANGEVRAAGD:
                services.art17_afwijking_besluiten(actor=None, afwijking=afwijking, goedgekeurd=a["goedgekeurd"], reden=a["besluit"])


def organisatie_laden(stdout=None) -> dict:
    """Load the demo organisation: ministries, dienstonderdelen, zbo's, people, log-ins, roles,
    overlegorganen, the handvest and art 17 afwijkingen. Idempotent; call it inside a transaction.

    Returns {"aangemaakt": {kind: number created}}; empty when everything existed already.
    """
    lader = _Lader(stdout)
    lijst = benoemingen()
    lader.ministeries_laden()
    lader.dienstonderdelen_laden()
    lader.accounts_laden(lijst)
    lader.rollen_laden(lijst)
    lader.overleg_laden(lijst)
    lader.afwijkingen_laden()
    if lader.rechten_nalopen:
        services.rechten_synchroniseren()
    if lader.aangemaakt:
        lader.melden("Organisatie: " + ", ".join(f"{n} {soort}" for soort, n in lader.aangemaakt.items()) + " aangemaakt.")
    else:
        lader.melden("Organisatie: alles was er al; niets gewijzigd.")
    return {"aangemaakt": dict(lader.aangemaakt)}


def demo_inlogs() -> list[dict]:
    """The demo log-ins that exist, for the table the command prints."""
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=[a[0] for a in DEMO_ACCOUNTS]).select_related("persoon")}
    rijen = []
    for username, rol, organisatie in DEMO_ACCOUNTS:
        user = users.get(username)
        if user is None:
            continue
        if organisatie is None:
            waar = "Rijksbreed"
        else:
            m = Ministerie.objects.filter(code=organisatie).first()
            waar = m.afkorting if m else str(Dienstonderdeel.objects.get(naam=_dienstonderdeel_naam(organisatie)))
        persoon = getattr(user, "persoon", None)
        rijen.append(
            {
                "gebruikersnaam": username,
                "rol": str(Rol(rol).label),
                "organisatie": waar,
                "naam": str(persoon) if persoon else user.get_full_name(),
                "beheer": user.is_staff,
            }
        )
    return rijen


def _dienstonderdeel_naam(sleutel: str) -> str:
    return next(naam for s, _m, naam, *_rest in DIENSTONDERDELEN if s == sleutel)
