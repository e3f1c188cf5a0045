"""A small published portfolio over two peildata for the public dashboard tests, built through the services.

Published (31-12-2024 and 31-12-2025):

* ``basisregistratie`` (BZK): herijkt on 01-03-2025 (20 → 30 mln, end date a year later),
  with a milestone, an AcICT advice, a Kamerstuk, a benefit and a development party;
* ``beheer`` (BZK, Logius, beheer en onderhoud): its 2025 version was corrected (versie 2);
* ``afgerond`` (BZK): in uitvoering in 2024, afgerond in 2025;
* ``belasting`` (FIN): new in 2025;
* ``geannuleerd`` (FIN): cancelled in 2025;
* ``klein`` (BZK): published, but below the threshold, so never public.

Never published, each holding ``MARKER``: a concept version (BZK) and a checked
version (FIN) with the marker in their name, a change of ``basisregistratie``
after its last publication (name, summary and a new event's explanation), and
a CIO-oordeel over ``belasting`` with the marker in its motivering and an
aspect's explanation.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from oordelen import services as oordelen_services
from portfolio import services
from portfolio.models import (
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
from tests.factories import activiteit, bedragen

P2024 = datetime.date(2024, 12, 31)
P2025 = datetime.date(2025, 12, 31)
MARKER = "ONGEPUBLICEERD-7f3a9c-GEHEIM"
ASPECTEN = {
    "aanleiding": "Voor de start",
    "kwaliteitskader_versie": "Kwaliteitskader CIO-oordelen Rijksoverheid 2.1",
    "beheersing": "voldoende",
    "beheersing_toelichting": f"Beheersing op orde. {MARKER}",
    "haalbaarheid": "voldoende",
    "haalbaarheid_toelichting": "Haalbaar.",
    "risicos": "voldoende",
    "risicos_toelichting": "Risico's in beeld.",
    "implicaties": "voldoende",
    "implicaties_toelichting": "Geen bijzondere implicaties.",
}


@dataclass
class Publiek:
    basisregistratie: IctActiviteit
    beheer: IctActiviteit
    afgerond: IctActiviteit
    belasting: IctActiviteit
    geannuleerd: IctActiviteit
    klein: IctActiviteit
    concept: IctActiviteit
    gecontroleerd: IctActiviteit

    @property
    def openbaar(self) -> list[IctActiviteit]:
        """The activities in the 2025 stand."""
        return [self.basisregistratie, self.beheer, self.afgerond, self.belasting, self.geannuleerd]


def _vers(a: IctActiviteit) -> IctActiviteit:
    a.refresh_from_db()
    return a


def gebeurtenis(actor, a, soort, datum, *, geschat, gerealiseerd=0, einddatum, **extra):
    a = _vers(a)
    return services.gebeurtenis_toevoegen(
        actor=actor,
        activiteit=a,
        versie=a.versie,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen(geschat, gerealiseerd),
        **extra,
    )


def status(actor, a, nieuw, **extra):
    a = _vers(a)
    return services.status_wijzigen(actor=actor, activiteit=a, versie=a.versie, status=nieuw, **extra)


def publiceren(office, cio, cio_rijk, activiteiten, peildatum) -> list[ActiviteitVersie]:
    """Prepare, sign off and publish versions of activities of one ministerie."""
    versies = [services.versie_voorbereiden(actor=office, activiteit=_vers(a), peildatum=peildatum) for a in activiteiten]
    ministerie = activiteiten[0].ministerie
    services.versies_aftekenen(actor=cio, ministerie=ministerie, peildatum=peildatum, versies=versies)
    return services.versies_publiceren(actor=cio_rijk, ministerie=ministerie, peildatum=peildatum, versies=versies)


def bouwen(monkeypatch, *, bzk, fin, logius, office, cio, ciso, cio_rijk, office_fin, cio_fin) -> Publiek:
    # The start gate of art 5.3 (a positive CIO-oordeel before the start) is tested in tests/oordelen.
    monkeypatch.setattr(services, "STARTVOORWAARDEN", [])
    redenen = {r.naam: r for r in RedenHerijking.objects.all()}

    basis = activiteit(
        office,
        bzk,
        naam="Vernieuwing Basisregistratie Personen",
        startdatum=datetime.date(2022, 1, 1),
        einddatum=datetime.date(2025, 12, 31),
        geschat=20_000_000,
        onderwerp="Basisregistraties",
        samenvatting="Vervanging van de centrale voorziening.",
    )
    basis = _vers(basis)
    services.activiteit_wijzigen(
        actor=office,
        activiteit=basis,
        versie=basis.versie,
        gegevens={},
        onderdelen=[
            Mijlpaal(
                omschrijving="Eerste release in productie",
                verwachte_datum=datetime.date(2023, 6, 30),
                gerealiseerde_datum=datetime.date(2023, 7, 15),
                behaald=True,
                conform_eisen=True,
                projectplanversie="1.2",
            ),
            Kwaliteitstoets(
                toetsdatum=datetime.date(2023, 5, 1),
                uitvoerende_partij="Adviescollege ICT-toetsing",
                soort=Kwaliteitstoets.Soort.ACICT_ADVIES,
                omschrijving="Advies over de haalbaarheid.",
            ),
            Kamerstuk(
                nummer="26 643, nr. 900",
                titel="Reactie op het AcICT-advies",
                link="https://zoek.officielebekendmakingen.nl/",
                briefdatum=datetime.date(2023, 6, 1),
                acict_advies=True,
            ),
            MaatschappelijkeBaat(toelichting="Snellere verwerking van verhuizingen.", kwantitatief_per_jaar=Decimal("2500000.00")),
            Ontwikkelpartij(partij="RvIG", rol="bouw"),
        ],
    )
    status(office, basis, Status.IN_UITVOERING)
    gebeurtenis(
        office,
        basis,
        Gebeurtenis.Soort.RAPPORTAGE,
        P2024,
        geschat=20_000_000,
        gerealiseerd=8_000_000,
        einddatum=datetime.date(2025, 12, 31),
    )

    beheer = activiteit(
        office,
        bzk,
        naam="Beheer en onderhoud MijnOverheid",
        startdatum=datetime.date(2023, 1, 1),
        einddatum=datetime.date(2027, 12, 31),
        geschat=8_000_000,
        soort=Soort.BEHEER_EN_ONDERHOUD,
        onderwerp="Digitale overheid",
        dienstonderdeel=logius,
    )
    status(office, beheer, Status.IN_UITVOERING)
    afgerond = activiteit(
        office,
        bzk,
        naam="Migratie rekencentrum",
        startdatum=datetime.date(2021, 1, 1),
        einddatum=datetime.date(2024, 6, 30),
        geschat=12_000_000,
        onderwerp="Bedrijfsvoering",
    )
    status(office, afgerond, Status.IN_UITVOERING)
    klein = activiteit(
        office, bzk, naam="Kleine website", startdatum=datetime.date(2023, 1, 1), einddatum=datetime.date(2024, 12, 31), geschat=1_000_000
    )
    geannuleerd = activiteit(
        office_fin,
        fin,
        naam="Nieuw subsidiesysteem",
        startdatum=datetime.date(2023, 1, 1),
        einddatum=datetime.date(2026, 12, 31),
        geschat=15_000_000,
        onderwerp="Subsidies",
    )
    status(office_fin, geannuleerd, Status.IN_UITVOERING)

    publiceren(office, cio, cio_rijk, [basis, beheer, afgerond, klein], P2024)
    publiceren(office_fin, cio_fin, cio_rijk, [geannuleerd], P2024)

    # 2025: a herijking, a completion, a cancellation and a new activity.
    gebeurtenis(
        office,
        basis,
        Gebeurtenis.Soort.HERIJKING,
        datetime.date(2025, 3, 1),
        geschat=30_000_000,
        gerealiseerd=10_000_000,
        einddatum=datetime.date(2026, 12, 31),
        toelichting_kosten="Extra koppelingen met gemeenten nodig.",
        toelichting_einddatum="Een extra release.",
        redenen=[redenen["Tegenvallers binnen project"], redenen["Wetswijziging"]],
    )
    gebeurtenis(
        office,
        basis,
        Gebeurtenis.Soort.RAPPORTAGE,
        P2025,
        geschat=30_000_000,
        gerealiseerd=15_000_000,
        einddatum=datetime.date(2026, 12, 31),
    )
    status(office, afgerond, Status.AFGEROND, dechargedatum=datetime.date(2025, 6, 30))
    status(office_fin, geannuleerd, Status.GEANNULEERD, annuleringsdatum=datetime.date(2025, 9, 1), reden="Doelen niet haalbaar.")
    belasting = activiteit(
        office_fin,
        fin,
        naam="Nieuw belastingsysteem",
        startdatum=datetime.date(2024, 6, 1),
        einddatum=datetime.date(2028, 12, 31),
        geschat=60_000_000,
        onderwerp="Belastingen",
    )
    status(office_fin, belasting, Status.IN_UITVOERING)

    publiceren(office, cio, cio_rijk, [basis, beheer, afgerond, klein], P2025)
    publiceren(office_fin, cio_fin, cio_rijk, [geannuleerd, belasting], P2025)
    # A correction of a published version: versie 2 of beheer for 2025 supersedes versie 1.
    gebeurtenis(
        office,
        beheer,
        Gebeurtenis.Soort.RAPPORTAGE,
        P2025,
        geschat=9_000_000,
        gerealiseerd=2_000_000,
        einddatum=datetime.date(2027, 12, 31),
    )
    publiceren(office, cio, cio_rijk, [beheer], P2025)

    # -- never published, each with MARKER -------------------------------------------------
    concept = activiteit(office, bzk, naam=f"Conceptproject {MARKER}", geschat=25_000_000)
    services.versie_voorbereiden(actor=office, activiteit=_vers(concept), peildatum=P2025)
    gecontroleerd = activiteit(office_fin, fin, naam=f"Gecontroleerd project {MARKER}", geschat=25_000_000)
    v = services.versie_voorbereiden(actor=office_fin, activiteit=_vers(gecontroleerd), peildatum=P2025)
    services.versies_aftekenen(actor=cio_fin, ministerie=fin, peildatum=P2025, versies=[v])
    basis = _vers(basis)
    services.activiteit_wijzigen(
        actor=office,
        activiteit=basis,
        versie=basis.versie,
        gegevens={"naam": f"Basisregistratie {MARKER}", "samenvatting": f"Nieuwe samenvatting {MARKER}"},
    )
    gebeurtenis(
        office,
        basis,
        Gebeurtenis.Soort.RAPPORTAGE,
        datetime.date(2026, 6, 30),
        geschat=31_000_000,
        gerealiseerd=20_000_000,
        einddatum=datetime.date(2026, 12, 31),
        toelichting_kosten=f"Meerwerk {MARKER}",
    )
    # A concept version of that change is not published either.
    services.versie_voorbereiden(actor=office, activiteit=_vers(basis), peildatum=P2025)
    return Publiek(basis, beheer, afgerond, belasting, geannuleerd, klein, concept, gecontroleerd)


def oordeel_met_marker(office_fin, ciso_fin, cio_fin, a: IctActiviteit):
    """A CIO-oordeel with MARKER in its motivering (decided) over ``a``."""
    o = oordelen_services.oordeel_opstellen(actor=office_fin, activiteit=a, gegevens=ASPECTEN)
    oordelen_services.ciso_bijdrage_leveren(actor=ciso_fin, oordeel=o, bijdrage=f"BIO getoetst. {MARKER}")
    return oordelen_services.oordeel_vaststellen(actor=cio_fin, oordeel=o, uitkomst="positief", motivering=f"Motivering {MARKER}")
