"""The oordelen part of the demo data: the CIO-oordeel before a demo activity starts (B1, art 5.3).

portfolio.demo loads the activities and calls this through the hook "demo.oordeel_voor_start"
(cio_stelsel/haken.py, registered in oordelen/apps.py), so portfolio imports nothing of oordelen.
"""

import random

from portfolio.demo.gegevens import ZAAD

from . import services
from .models import Beoordeling, CioOordeel


def oordeel_voor_start(lader, datum) -> None:
    """B1: a positive CIO-oordeel before a demo activity starts: drafted by the office, CISO contribution (B5), decided by the CIO.

    ``lader``: the activity being loaded by portfolio.demo (its office, CISO and CIO, its plan, its counter).
    """
    rng = random.Random(f"{ZAAD}-{lader.plan.spec.nummer}")
    aspecten = {}
    for aspect in CioOordeel.ASPECTEN:
        waarde = Beoordeling.AANDACHTSPUNTEN if rng.random() < 0.35 else Beoordeling.VOLDOENDE
        aspecten[aspect] = waarde
        aspecten[f"{aspect}_toelichting"] = (
            "Voldoende uitgewerkt in het projectplan."
            if waarde == Beoordeling.VOLDOENDE
            else "Aandachtspunt: de afhankelijkheid van schaarse specialisten en van ketenpartners."
        )
    oordeel = services.oordeel_opstellen(
        actor=lader.office,
        activiteit=lader.vers(),
        gegevens={"aanleiding": f"Voor de start ({datum:%m-%Y})", "kwaliteitskader_versie": "2021-1", **aspecten},
    )
    oordeel = services.ciso_bijdrage_leveren(
        actor=lader.wie.ciso,
        oordeel=oordeel,
        bijdrage="Het ontwerp voldoet aan de BIO; een DPIA en een pentest voor de eerste release zijn ingepland.",
    )
    voorwaarden = []
    if any(v == Beoordeling.AANDACHTSPUNTEN for k, v in aspecten.items() if k in CioOordeel.ASPECTEN):
        voorwaarden = ["Rapporteer halfjaarlijks over de voortgang aan de CIO.", "Herijk de business case na de aanbesteding."]
    services.oordeel_vaststellen(
        actor=lader.wie.cio,
        oordeel=oordeel,
        uitkomst=CioOordeel.Uitkomst.POSITIEF_ONDER_VOORWAARDEN if voorwaarden else CioOordeel.Uitkomst.POSITIEF,
        motivering="De activiteit is voldoende beheerst en haalbaar; de risico's zijn benoemd en belegd.",
        voorwaarden=voorwaarden,
        pdf_direct=False,  # issue 21: the demo's documents are made when first downloaded (oordelen/pdf.py)
    )
    lader.tel("CIO-oordelen")
