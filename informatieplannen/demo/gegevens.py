"""The texts of the informatieplannen demo data: a plan per ministerie, the I-strategie Rijk, the commitments.

* The plans are **fictitious**, written along the Kwaliteitskader meerjarige departementale IV-plannen
  (seed 000): ambitions and strategic goals, the portfolio with a financial consequence per year, and the
  CISO's section on information security.
* The I-strategie follows the I-strategie Rijk 2021-2025 (seed 001): its eight themes, with a selection of
  its I-speerpunten and measures; the actions, holders, dates and progress are invented, in its spirit.
* The commitments are those of the verzamelbrief moties en toezeggingen (seed 004) of BZK; numbers that the
  letter does not give are invented (a real letter with that number is about something else).
"""

import datetime

d = datetime.date

# --------------------------------------------------------------------------
# Informatieplannen. The state each plan is brought to (through the services), capped by who has an account:
# no minister account leaves a plan ter vaststelling, no CISO account leaves it in concept without its section.
#   getoetst          vastgesteld by the minister, then the CIO Rijk's kwaliteitstoets (B12, art 11 i)
#   vastgesteld       decided by the minister (B12)
#   ter_vaststelling  complete (B10, B11) and offered to the minister
#   concept           complete, not offered yet
#   zonder_ciso       concept, the CISO's section not written yet (B11: cannot be offered)
STAND = {
    "bzk": "getoetst",
    "fin": "vastgesteld",
    "ienw": "vastgesteld",
    "ocw": "ter_vaststelling",
    "jenv": "ter_vaststelling",
    "szw": "ter_vaststelling",
    "vws": "ter_vaststelling",
    "def": "ter_vaststelling",
    "ez": "concept",
    "lvvn": "concept",
    "vro": "concept",
    "kgg": "zonder_ciso",
    "bz": "zonder_ciso",
    "az": "zonder_ciso",  # AZ has no departmental CISO (art 17 afwijking): the plan waits for one
}
# The vastgesteld BZK plan also has an actualisatie in concept (the CISO writes the section again, B11).
ACTUALISATIE = {"bzk": "Actualisatie 2026: de digitale-autonomieaanpak en de herziening van het Rijksbreed cloudbeleid verwerkt."}
PERIODE = {"bzk": (2024, 2027), "fin": (2025, 2028), "ienw": (2025, 2028)}
STANDAARD_PERIODE = (2026, 2029)
# Linked demo activities per plan (the running ones of the ministerie, lowest numbers first).
ACTIVITEITEN_PER_PLAN = 4

# Per ministerie: the focus of its ambitions, and one voorgenomen activity (not in the portfolio yet), EUR per year.
FOCUS = {
    "az": (
        "de informatievoorziening van het kabinet en de openbaarheid van besluitvorming",
        "Vervanging vergadersysteem ministerraad",
        900_000,
    ),
    "bz": (
        "consulaire dienstverlening wereldwijd en veilige communicatie met de posten",
        "Nieuw platform voor veilige postcommunicatie",
        4_200_000,
    ),
    "bzk": (
        "de generieke digitale infrastructuur, de basisregistraties en de Rijksdienst als werkgever",
        "Rijksbrede voorziening toegankelijkheidsmonitor",
        1_800_000,
    ),
    "def": ("een digitaal wendbare krijgsmacht en informatiegestuurd optreden", "Vervanging tactisch datanetwerk (fase 2)", 12_500_000),
    "ez": ("dienstverlening aan ondernemers via één loket en betrouwbare bedrijfsgegevens", "Ondernemersdossier 2.0", 3_100_000),
    "kgg": ("betrouwbare klimaat- en energiedata voor beleid en uitvoering", "Landelijk energiedataplatform", 5_600_000),
    "fin": (
        "een wendbare Belastingdienst, herstel van vertrouwen en een modern financieel beheer",
        "Vervanging inningssysteem toeslagen (voorstudie)",
        7_500_000,
    ),
    "ienw": ("digitale assets van de infrastructuur, data voor mobiliteit en water", "Digitale tweeling hoofdwatersysteem", 6_400_000),
    "jenv": (
        "een digitaal toegankelijke strafrechtketen en de informatievoorziening in de migratieketen",
        "Ketenbrede berichtenvoorziening strafrecht",
        8_200_000,
    ),
    "lvvn": ("digitale dienstverlening aan agrariërs en toezicht op voedselveiligheid", "Vernieuwing perceelsregistratie", 3_900_000),
    "ocw": ("studiefinanciering, onderwijsdata en digitaal erfgoed", "Landelijke voorziening onderwijsdata", 4_800_000),
    "szw": ("werk en inkomen: begrijpelijke dienstverlening en een toekomstvast stelsel", "Vernieuwing Suwinet-inkijk", 6_900_000),
    "vws": (
        "gegevensuitwisseling in de zorg en de informatievoorziening voor pandemische paraatheid",
        "Landelijk dataplatform zorg",
        9_300_000,
    ),
    "vro": ("digitale ondersteuning van de woningbouwopgave en de Omgevingswet", "Monitor woningbouwlocaties", 2_400_000),
}

AMBITIES = (
    "Het ministerie wil de kansen van digitalisering benutten voor {focus}. We brengen I in het hart van beleid "
    "(I-strategie Rijk, thema 1): bij elk nieuw beleidsvoorstel beoordelen beleid en uitvoering samen de "
    "digitale uitvoerbaarheid. We verminderen de afhankelijkheid van verouderde systemen en van enkele "
    "leveranciers, en maken de informatiehuishouding op orde."
)
DOELEN = (
    "1. Uiterlijk {eind} is de levenscyclus van alle bedrijfskritische applicaties in beeld en is voor elke "
    "applicatie met een hoog risico een vervangings- of saneringsplan vastgesteld.\n"
    "2. Nieuwe ICT-activiteiten boven EUR 5 mln worden in kleinere stappen opgeleverd, met een CIO-oordeel "
    "vóór de start en een herijking bij elke wezenlijke afwijking.\n"
    "3. De digitale weerbaarheid voldoet aan de BIO; de ENSIA-verantwoording is jaarlijks volledig.\n"
    "4. Het aandeel externe inhuur in de I-functies daalt naar ten hoogste 30 procent (I-vakmanschap)."
)
INFORMATIEBEVEILIGING = (
    "Het ministerie stuurt op informatiebeveiliging volgens de Baseline Informatiebeveiliging Overheid (BIO) "
    "en verantwoordt zich jaarlijks via ENSIA. Voor elke activiteit in dit plan is de risicoklasse bepaald; "
    "activiteiten met een hoog risico krijgen een DPIA, een pentest vóór ingebruikname en een exit-strategie "
    "voor de clouddiensten die zij afnemen (Rijksbreed cloudbeleid). De komende planperiode ligt de nadruk op "
    "{nadruk}. De CISO rapporteert elk kwartaal aan de bestuursraad over de stand van de maatregelen."
)
NADRUK = [
    "het terugdringen van verouderde systemen zonder leveranciersondersteuning",
    "de weerbaarheid tegen ransomware: herstelbare back-ups en geoefende uitwijk",
    "het beheer van identiteiten en toegangsrechten, ook van externe medewerkers",
    "de beveiliging van de keten: afspraken met ketenpartners en leveranciers",
]
FINANCIEN_REDENERING = {
    "uitvoering": "Raming uit het projectplan (stand laatste herijking); verdeeld naar verwachte voortgang in dit jaar.",
    "beheer": "Na oplevering: beheer en onderhoud, geraamd op een vijfde van de jaarlijkse realisatiekosten.",
    "voorgenomen": "Indicatieve raming op basis van een vergelijkbare activiteit; wordt onderbouwd in de business case.",
}
TOETS = {
    "eindoordeel": "aandachtspunten",
    "samenvatting": (
        "Het plan geeft een herkenbaar beeld van de ambities en het portfolio. De financiële paragraaf is volledig, "
        "maar de meerjarige ramingen wijken voor twee activiteiten af van de actuele ramingen in het portfolio; "
        "licht die afwijkingen toe bij de actualisatie."
    ),
    "bevindingen": {
        "ambities": ("voldoende", "De ambities zijn concreet en sluiten aan op de beleidsdoelen van het ministerie."),
        "portfolio": ("voldoende", "Het portfolio is compleet; de voorgenomen activiteit is herkenbaar benoemd."),
        "financieel": ("aandachtspunten", "Voor twee activiteiten wijkt de raming af van het portfolio; licht het verschil toe."),
        "informatiebeveiliging": ("voldoende", "De paragraaf van de CISO is volledig en risicogericht."),
        "samenhang": ("aandachtspunten", "Maak de bijdrage aan de I-strategie Rijk per thema zichtbaar."),
    },
}

# --------------------------------------------------------------------------
# The I-strategie Rijk 2021-2025 (seed 001): thema → I-speerpunt → maatregel → acties.
# Actie: (omschrijving, houder, termijn, [(datum, status, voortgang), ...]); houder: a ministerie code or an
# overlegorgaan soort ("cio_beraad", "ciso_raad", "cto_raad"). No notes: niet gestart.
ISTRATEGIE = ("I-strategie Rijk 2021-2025", 2021, 2025)
THEMAS = [
    (
        "I in het hart van beleid",
        [
            (
                "IV als aanjager van veranderingen",
                [
                    (
                        "Technologiescan: beschrijf periodiek de impact van I op beleid, met de kansen, de uitdagingen "
                        "en de handelingsperspectieven.",
                        [
                            (
                                "Een technologiescan per beleidsdomein, besproken in de bestuursraad.",
                                "szw",
                                d(2023, 12, 31),
                                [
                                    (d(2022, 6, 1), "lopend", "Eerste scan voor het domein werk en inkomen opgeleverd."),
                                    (d(2023, 11, 20), "afgerond", "Scans voor alle domeinen besproken in de bestuursraad."),
                                ],
                            ),
                        ],
                    ),
                    (
                        "I in vroege beleidsontwikkeling: de uitvoering aan tafel bij beleidsvarianten.",
                        [
                            (
                                "Een digitaliseringsadvies en een uitvoerbaarheidstoets op het nieuwe regeerakkoord.",
                                "cio_beraad",
                                d(2024, 6, 30),
                                [(d(2024, 7, 15), "afgerond", "Advies aan de formateur gezonden; besproken in het CIO-beraad.")],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "IV als hulpmiddel voor verandering",
                [
                    (
                        "Snelle risicoscan op nieuw beleid: een quickscan op I-risico's met ten hoogste tien indicatoren.",
                        [
                            (
                                "De quickscan ontwikkelen en beproeven bij twee wetsvoorstellen.",
                                "bzk",
                                d(2025, 6, 30),
                                [
                                    (d(2024, 3, 1), "lopend", "Eerste versie beproefd bij een wetsvoorstel van BZK."),
                                    (d(2025, 9, 1), "vertraagd", "Tweede proef schuift: het wetsvoorstel is uitgesteld."),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "Digitale weerbaarheid",
        [
            (
                "Governance: sturen op risico's, samen kom je verder",
                [
                    (
                        "Rijksbrede standaardisatie van de security- en privacyorganisatie.",
                        [
                            (
                                "Een rijksbreed normenkader voor de rol van de CISO, vastgesteld in de CISO-raad.",
                                "ciso_raad",
                                d(2022, 12, 31),
                                [(d(2022, 11, 30), "afgerond", "Normenkader vastgesteld en opgenomen in het Besluit CIO-stelsel.")],
                            ),
                            (
                                "Een gezamenlijk Security Operations Centre voor de kleinere departementen.",
                                "bzk",
                                d(2026, 6, 30),
                                [(d(2025, 4, 1), "lopend", "Aanbesteding gegund; aansluiting van AZ en VRO gepland.")],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "ICT-landschap",
        [
            (
                "Lifecyclemanagement en architectuur",
                [
                    (
                        "Inzicht in de levenscyclus van de applicaties van het Rijk, met saneringsplannen.",
                        [
                            (
                                "Een rijksbreed overzicht van verouderde applicaties met een hoog risico.",
                                "cio_beraad",
                                d(2025, 3, 31),
                                [
                                    (d(2024, 10, 1), "lopend", "Twaalf van de veertien ministeries hebben hun overzicht aangeleverd."),
                                    (d(2025, 5, 1), "vertraagd", "Twee ministeries leveren na; bespreking in het CIO-beraad van juni."),
                                ],
                            ),
                            (
                                "Saneringsplan voor de bedrijfskritische applicaties van Financiën.",
                                "fin",
                                d(2026, 12, 31),
                                [(d(2025, 12, 1), "lopend", "Plan voor de Belastingdienst vastgesteld; de overige onderdelen volgen.")],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "Generieke voorzieningen",
        [
            (
                "Ontwikkelen van een Rijksbrede Digitale Infrastructuur (RDI)",
                [
                    (
                        "Regie op de rijksbrede netwerken en datacenters, aansluitend op de Wet digitale overheid.",
                        [
                            (
                                "Een voorstel voor de governance van de RDI, voorbereid in de CTO-raad.",
                                "cto_raad",
                                d(2023, 6, 30),
                                [(d(2023, 6, 12), "afgerond", "Voorstel aangenomen in het CIO-beraad.")],
                            ),
                            (
                                "Migratie van de departementale netwerken naar het Rijksnetwerk.",
                                "ienw",
                                d(2026, 9, 30),
                                [(d(2025, 2, 1), "lopend", "Rijkswaterstaat gemigreerd; de overige onderdelen in 2026.")],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "Informatiehuishouding",
        [
            (
                "Uitvoering van het Generieke actieplan informatiehuishouding",
                [
                    (
                        "Actielijn 1: voldoende en goed opgeleide professionals voor informatiebeheer.",
                        [
                            (
                                "Een opleidingsprogramma informatiebeheer voor alle departementen.",
                                "bzk",
                                d(2024, 12, 31),
                                [(d(2024, 12, 10), "afgerond", "Programma loopt; 1.200 medewerkers opgeleid.")],
                            ),
                        ],
                    ),
                    (
                        "Actielijn 3: informatiesystemen die de informatiehuishouding optimaal ondersteunen.",
                        [
                            (
                                "Berichten in chat- en sms-diensten duurzaam bewaren.",
                                "jenv",
                                d(2025, 12, 31),
                                [
                                    (d(2025, 3, 1), "lopend", "Voorziening beproefd bij de IND."),
                                    (d(2026, 1, 15), "vertraagd", "Uitrol wacht op de aanbesteding van de archiefvoorziening."),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "Naar data en algoritmen met waarde(n)",
        [
            (
                "Waarde creëren en kansen benutten door datagedreven te werken aan maatschappelijke opgaven",
                [
                    (
                        "Data-ecosystemen rond maatschappelijke opgaven organiseren en doorontwikkelen.",
                        [
                            (
                                "Advies van het Leer- en Expertisepunt Datagedreven werken aan het CIO-beraad over "
                                "data-ecosystemen en datalabs.",
                                "cio_beraad",
                                d(2021, 12, 31),
                                [(d(2021, 12, 6), "afgerond", "Advies besproken; vervolg in de werkagenda datagedreven werken.")],
                            ),
                            (
                                "Het Datalab Rijkswaterstaat doorontwikkelen en breder inzetten.",
                                "ienw",
                                d(2026, 12, 31),
                                [(d(2024, 5, 1), "lopend", "Twee andere onderdelen van IenW maken gebruik van het datalab.")],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "Aandacht voor wetgeving en publieke waarden",
                [
                    (
                        "Transparantie over algoritmen: een algoritmeregister en een impactassessment mensenrechten.",
                        [
                            (
                                "Het algoritmeregister: een voorstel met impactassessment en uitvoerbaarheidstoets.",
                                "bzk",
                                d(2022, 12, 31),
                                [(d(2022, 12, 21), "afgerond", "Algoritmeregister in gebruik genomen.")],
                            ),
                            (
                                "Alle hoog-risico-algoritmen van het Rijk staan in het algoritmeregister.",
                                "cio_beraad",
                                d(2025, 12, 31),
                                [(d(2025, 6, 1), "lopend", "Negen ministeries volledig; de overige leveren aan.")],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "I-vakmanschap",
        [
            (
                "Randvoorwaarden: inzicht en monitoring",
                [
                    (
                        "Het Kwaliteitsraamwerk IV (KWIV) implementeren bij alle rijksorganisaties.",
                        [
                            (
                                "KWIV-profielen in het functiegebouw van alle departementen.",
                                "bzk",
                                d(2024, 6, 30),
                                [
                                    (d(2023, 9, 1), "lopend", "Tien departementen gebruiken de profielen."),
                                    (d(2024, 9, 1), "vertraagd", "Vier departementen volgen in 2025 na de reorganisatie."),
                                ],
                            ),
                            (
                                "Monitoring van in-, door- en uitstroom van I-personeel en van externe inhuur.",
                                "szw",
                                d(2026, 12, 31),
                                [],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "Transparantie en inzicht in de informatievoorziening",
        [
            (
                "Informatieproducten",
                [
                    (
                        "Doorontwikkeling Rijks ICT-dashboard: informatie over beheer en onderhoud en maatschappelijke baten.",
                        [
                            (
                                "Beheer en onderhoud en maatschappelijke baten opnemen in het Rijks ICT-dashboard.",
                                "bzk",
                                d(2025, 12, 31),
                                [
                                    (d(2024, 1, 15), "lopend", "Rapportagemodel uitgebreid met beheer en onderhoud."),
                                    (d(2025, 11, 1), "afgerond", "Maatschappelijke baten staan op het dashboard."),
                                ],
                            ),
                            (
                                "Een rijksbreed overzicht van de informatieplannen van de ministeries.",
                                "cio_beraad",
                                d(2026, 12, 31),
                                [],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
]
# B26: the yearly update, discussed in the CIO-beraad and sent to the Kamer (nr. invented).
ACTUALISATIES = [
    {
        "jaar": 2025,
        "besproken_in_cio_beraad_op": d(2025, 5, 15),
        "cio_beraad_verslag": "Verslag CIO-beraad 15 mei 2025, agendapunt 4: voortgang en actualisatie I-strategie Rijk",
        "kamerstuk": "26 643, nr. 1330",
        "verzonden_op": d(2025, 6, 20),
    }
]

# --------------------------------------------------------------------------
# Moties en toezeggingen (seed 004: verzamelbrief BZK, 2025). Status changes: (status, toelichting, nieuwe termijn).
TOEZEGGINGEN = [
    {
        "soort": "motie",
        "nummer": "26 643, nr. 1321",
        "tekst": "Motie Buijsse: maatregelen voor het borgen van de soevereiniteit, continuïteit en gegevensbescherming "
        "in cloudcontracten en de handhaving van het Rijksbreed cloudbeleid.",
        "datum": d(2025, 4, 23),
        "ministerie": "bzk",
        "termijn": d(2025, 10, 1),
        "bijwerken": ("open", "Herziening Rijksbreed cloudbeleid medio 2025; nadere informatie na de zomer.", None),
        "acties": ["Een gezamenlijk Security Operations Centre voor de kleinere departementen."],
        "activiteiten": [2004, 2005],  # the cloud workplace and the move to the Overheidsdatacenter
    },
    {
        "soort": "motie",
        "nummer": "26 643, nr. 1322",
        "tekst": "Motie Six Dijkstra en Buijsse: onderzoek naar getrapte afbouw van digitale monoculturen en naar "
        "SBIR-programma's voor meer digitaal autonome overheidsdiensten.",
        "datum": d(2025, 4, 23),
        "ministerie": "bzk",
        "termijn": d(2026, 3, 31),
        "bijwerken": None,
        "acties": ["Een rijksbreed overzicht van verouderde applicaties met een hoog risico."],
    },
    {
        "soort": "toezegging",
        "nummer": "TZ202404-087",
        "tekst": "De Kamer op de hoogte houden van de doorontwikkeling van het CIO-stelsel na de adviezen van de "
        "Auditdienst Rijk en het Adviescollege ICT-toetsing.",
        "datum": d(2024, 4, 18),
        "ministerie": "bzk",
        "termijn": d(2025, 11, 30),
        "bijwerken": None,
        "acties": ["Een rijksbreed overzicht van de informatieplannen van de ministeries."],
    },
    {
        "soort": "toezegging",
        "nummer": "TZ202504-112",
        "tekst": "De IT-sourcingstrategie Rijk stapsgewijs beschikbaar stellen aan medeoverheden.",
        "datum": d(2025, 4, 22),
        "ministerie": "bzk",
        "termijn": d(2026, 12, 31),
        "bijwerken": None,
        "acties": [],
    },
    {
        "soort": "toezegging",
        "nummer": "TZ202501-151",
        "tekst": "Het kostenoverzicht van de keten van herinzet van apparaten met een tweede leven, met de punten van het "
        "lid Kathmann (commissiedebat Digitale Inclusie, 23 januari 2025).",
        "datum": d(2025, 1, 23),
        "ministerie": "bzk",
        "termijn": d(2025, 6, 30),
        "bijwerken": ("afgedaan", "Afgedaan met de verzamelbrief moties en toezeggingen (kostprijs EUR 80 per laptop).", None),
        "acties": [],
    },
    {
        "soort": "toezegging",
        "nummer": "TZ202411-102",
        "tekst": "De Kamer in het tweede kwartaal van 2025 informeren over het verbeteren van het inzicht in de rijksbrede digitalisering.",
        "datum": d(2024, 11, 13),
        "ministerie": "bzk",
        "termijn": d(2025, 6, 30),
        "bijwerken": (
            "uitgesteld",
            "Door vertraging in de besluitvorming verschuift de brief naar na het zomerreces.",
            d(2025, 10, 31),
        ),
        "acties": ["Beheer en onderhoud en maatschappelijke baten opnemen in het Rijks ICT-dashboard."],
        "activiteiten": [2001],
    },
    {
        "soort": "toezegging",
        "nummer": "TZ202501-150",
        "tekst": "Een actueel overzicht van het gebruik van onlineplatforms door de overheid (debat desinformatie en "
        "digitale inmenging, 16 januari 2025).",
        "datum": d(2025, 1, 16),
        "ministerie": "bzk",
        "termijn": d(2025, 6, 30),
        "bijwerken": (
            "afgedaan",
            "Inventarisatie onder 14 kerndepartementen en 34 publieke dienstverleners; resultaat in de verzamelbrief.",
            None,
        ),
        "acties": [],
    },
    {
        "soort": "toezegging",
        "nummer": "TZ202503-044",
        "tekst": "De Kamer dit voorjaar informeren over het Europees consortium digitale infrastructuur (EDIC) voor "
        "digitale gemeenschapsgoederen.",
        "datum": d(2025, 3, 5),
        "ministerie": "bzk",
        "termijn": d(2025, 6, 30),
        "bijwerken": ("afgedaan", "Nederland is oprichtend lidstaat; geïnformeerd in de verzamelbrief.", None),
        "acties": [],
    },
]
