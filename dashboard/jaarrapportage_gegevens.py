"""The contents of the Jaarrapportage (B16): gathered once, rendered as HTML, PDF and XLSX.

Every public figure comes from ``dashboard.selectors`` (the stand of published
versions on the peildatum), so the report equals the public dashboard for the
same peildatum. The internal parts (AcICT aanmeldingen, CIO-oordelen for the
start gate of art 5.3) are read through their models' ``zichtbaar_voor`` entry
points as the CIO Rijk who started the generation.

Everything is read in one database snapshot (REPEATABLE READ on PostgreSQL;
SQLite's transaction is a snapshot already), so the report and the record of
its inputs (``invoer``) describe the same data.

``invoer`` names exactly what was used: per version (pk, activiteitnummer,
versienummer) for the peildatum, the version pks per earlier peildatum of the
trend, the threshold, the aanmeldingen, oordelen and afwijkingen, a digest of
their content, and a digest of the template and stylesheet. Equal ``invoer``
gives equal HTML and an identical PDF.
"""

import datetime
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.template.loader import get_template
from django.utils import timezone

from informatieplannen import jaaroverzicht
from oordelen.models import Aanmelding, Afwijking, CioOordeel
from oordelen.selectors import GESTART, onder_art_5_3
from portfolio.models import Soort, Status, drempel

from . import leesmodel, selectors
from .volledigheid import STATUSLABELS, volledigheid

SJABLONEN = ["dashboard/jaarrapportage_pdf.html", "dashboard/jaarrapportage_inhoud.html"]
STIJLBLAD = "css/jaarrapportage.css"
BRON = "Rijks ICT-dashboard"
STATUSNAMEN = dict(Status.choices)
SOORTNAMEN = dict(Soort.choices)
AFWIJKING_DOOR = dict(Afwijking.Door.choices)


def peildatum_van(jaar: int) -> datetime.date:
    return datetime.date(jaar, 12, 31)


def canoniek(waarde) -> str:
    """Canonical JSON (sorted keys, no spaces): the text a checksum is taken of."""
    return json.dumps(waarde, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def sha256(tekst: str | bytes) -> str:
    return hashlib.sha256(tekst.encode() if isinstance(tekst, str) else tekst).hexdigest()


def opmaak_digest() -> str:
    """sha256 of the templates and the stylesheet: a change of layout is a change of input."""
    h = hashlib.sha256()
    for naam in SJABLONEN:
        h.update(Path(get_template(naam).origin.name).read_bytes())
    h.update((Path(settings.BASE_DIR) / "static" / STIJLBLAD).read_bytes())
    return h.hexdigest()


def _pct(nieuw: Decimal | None, oud: Decimal | None) -> Decimal | None:
    if not oud or nieuw is None:
        return None
    return ((nieuw - oud) / oud * 100).quantize(Decimal("0.1"))


@dataclass
class Rapportgegevens:
    jaar: int
    peildatum: datetime.date
    drempel: Decimal
    rijen: list[dict]
    kerncijfers: selectors.Kerncijfers
    trend: list[tuple[datetime.date, selectors.Kerncijfers]]
    per_ministerie: list[tuple[str, str, selectors.Kerncijfers, Decimal | None]]
    kostenklassen: dict[str, int]
    einddatum_verandering: dict[str, int]
    herijkingen_per_reden: dict[str, int]
    herijkingen: list[dict]
    gestart: list[dict]
    afgerond: list[dict]
    geannuleerd: list[dict]
    gestart_telling: dict[str, int]
    adviezen: list[dict]
    startpoort: list[dict]
    startpoort_telling: dict[str, int]
    # How complete the published stand of the peildatum is (issue 12): dashboard.volledigheid.
    volledigheid: dict = field(default_factory=dict)
    # The informatieplannen and the I-strategie Rijk on the peildatum (informatieplannen/jaaroverzicht.py, public only).
    informatie: dict = field(default_factory=dict)
    invoer: dict = field(default_factory=dict)

    @property
    def kostenverschil_pct(self) -> Decimal | None:
        return _pct(self.kerncijfers.som_actueel, self.kerncijfers.som_initieel)

    @property
    def invoer_checksum(self) -> str:
        return sha256(canoniek(self.invoer))

    @property
    def bron(self) -> str:
        return f"Bron: {BRON}, peildatum {self.peildatum:%d-%m-%Y}"


def verzamelen(*, jaar: int, user) -> Rapportgegevens:
    """All contents of the report for ``jaar`` (peildatum 31-12), read in one snapshot, as ``user`` (the CIO Rijk)."""
    buitenste = not connection.in_atomic_block
    with transaction.atomic():
        if buitenste and connection.vendor == "postgresql":
            # The first statement of the transaction: every query below sees the same snapshot.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return _verzamelen(jaar, peildatum_van(jaar), user)


def _verzamelen(jaar: int, peildatum: datetime.date, user) -> Rapportgegevens:
    rijen = [
        dict(
            r,
            status_naam=STATUSNAMEN.get(r["activiteit_status"], r["activiteit_status"]),
            kostenverschil_pct=selectors.kostenverschil_pct(r),
            vertraging_jaren=selectors.vertraging_jaren(r),
        )
        for r in leesmodel.rijen(peildatum)
    ]
    kc = selectors.kerncijfers(rijen)
    gelezen: dict[datetime.date, list[dict]] = {peildatum: rijen}

    def lezen(p: datetime.date) -> list[dict]:
        """The rows trend() reads per peildatum: kept, to record their versions; none after the report's peildatum."""
        if p not in gelezen:
            gelezen[p] = leesmodel.rijen(p) if p < peildatum else []
        return gelezen[p]

    trend = [(p, k) for p, k in selectors.trend(lezen=lezen) if p <= peildatum]
    trend_versies = {p.isoformat(): sorted(r["pk"] for r in gelezen[p]) for p, _k in trend if p != peildatum}
    per_min = [(afk, naam, k, _pct(k.som_actueel, k.som_initieel)) for (afk, naam), k in selectors.per_ministerie(rijen).items()]

    herijkingen = _herijkingen(rijen, jaar)
    gestart = [r for r in rijen if r["startdatum"] and r["startdatum"].year == jaar]
    beeindigd = lambda status: [  # noqa: E731 - the definition of selectors.gestart_en_beeindigd_per_jaar
        r for r in rijen if r["activiteit_status"] == status and r["actuele_einddatum"] and r["actuele_einddatum"].year == jaar
    ]
    telling = selectors.gestart_en_beeindigd_per_jaar(rijen).get(jaar, {"gestart": 0, "afgerond": 0, "geannuleerd": 0})

    adviezen, aanmelding_pks = _adviezen(user, jaar, peildatum)
    startpoort, startpoort_telling, oordeel_pks, afwijking_pks = _startpoort(user, rijen, jaar, peildatum)

    gegevens = Rapportgegevens(
        jaar=jaar,
        peildatum=peildatum,
        drempel=drempel(peildatum),
        rijen=rijen,
        kerncijfers=kc,
        trend=trend,
        per_ministerie=per_min,
        kostenklassen=selectors.kostenklassen(rijen),
        einddatum_verandering=selectors.einddatum_verandering(rijen),
        herijkingen_per_reden=selectors.herijkingen_per_reden(rijen),
        herijkingen=herijkingen,
        gestart=gestart,
        afgerond=beeindigd(Status.AFGEROND),
        geannuleerd=beeindigd(Status.GEANNULEERD),
        gestart_telling=telling,
        adviezen=adviezen,
        startpoort=startpoort,
        startpoort_telling=startpoort_telling,
        volledigheid=volledigheid(peildatum),
        informatie=jaaroverzicht.overzicht(peildatum),
    )
    for o in gegevens.volledigheid["ontbrekend"]:
        o["status_naam"] = STATUSLABELS.get(o["status"], o["status"])
    gegevens.invoer = {
        "jaar": jaar,
        "peildatum": peildatum.isoformat(),
        "drempel": str(gegevens.drempel.quantize(Decimal("0.01"))),
        "versies": sorted([r["pk"], r["activiteit__nummer"], r["versienummer"]] for r in rijen),
        "trend": trend_versies,
        "aanmeldingen": aanmelding_pks,
        "oordelen": oordeel_pks,
        "afwijkingen": afwijking_pks,
        # Oordelen, afwijkingen and aanmeldingen are not versioned: their content used is part of the input.
        "overige_gegevens": sha256(canoniek({"adviezen": adviezen, "startpoort": startpoort, "informatie": gegevens.informatie})),
        "opmaak": opmaak_digest(),
        "volledigheid": gegevens.volledigheid,
    }
    return gegevens


def _herijkingen(rijen: list[dict], jaar: int) -> list[dict]:
    """Every herijking dated in ``jaar`` of the activities in the stand, with its reasons and the estimates before and after."""
    per_pk = {r["pk"]: r for r in rijen if r["aantal_herijkingen"]}
    if not per_pk:
        return []
    resultaat = []
    gebeurtenissen = leesmodel.herijkingsgebeurtenissen(per_pk)
    for pk, lijst in sorted(gebeurtenissen, key=lambda pg: (per_pk[pg[0]]["ministerie__afkorting"], per_pk[pg[0]]["naam"], pg[0])):
        vorige = None
        for g in sorted(lijst or [], key=lambda g: (g["datum"], g.get("id") or 0)):
            if g["soort"] == "herijking" and g["datum"][:4] == str(jaar):
                r = per_pk[pk]
                resultaat.append(
                    {
                        "nummer": r["activiteit__nummer"],
                        "naam": r["naam"],
                        "ministerie": r["ministerie__afkorting"],
                        "datum": datetime.date.fromisoformat(g["datum"]),
                        "redenen": list(g.get("redenen") or []),
                        "toelichting_kosten": g.get("toelichting_kosten") or "",
                        "toelichting_einddatum": g.get("toelichting_einddatum") or "",
                        "totaal_voor": Decimal(vorige["totaal_geschat"]) if vorige and vorige.get("totaal_geschat") is not None else None,
                        "totaal_na": Decimal(g["totaal_geschat"]) if g.get("totaal_geschat") is not None else None,
                        "einddatum_voor": datetime.date.fromisoformat(vorige["einddatum"]) if vorige and vorige.get("einddatum") else None,
                        "einddatum_na": datetime.date.fromisoformat(g["einddatum"]) if g.get("einddatum") else None,
                    }
                )
            vorige = g
    return resultaat


def _adviezen(user, jaar: int, peildatum: datetime.date) -> tuple[list[dict], list[int]]:
    """AcICT advice received in ``jaar`` and the bestuurlijke reactie on it (public once sent to the Tweede Kamer)."""
    qs = (
        Aanmelding.objects.zichtbaar_voor(user)
        .filter(
            status__in=[Aanmelding.Status.ADVIES_ONTVANGEN, Aanmelding.Status.REACTIE_VASTGESTELD],
            advies_datum__gte=datetime.date(jaar, 1, 1),
            advies_datum__lte=peildatum,
        )
        .select_related("activiteit__ministerie")
        .prefetch_related("aanbevelingen")
        .order_by("advies_datum", "pk")
    )
    adviezen, pks = [], []
    for a in qs:
        reacties = defaultdict(int)
        for b in a.aanbevelingen.all():
            reacties[b.reactie or "open"] += 1
        adviezen.append(
            {
                "nummer": a.activiteit.nummer,
                "naam": a.activiteit.naam,
                "ministerie": a.activiteit.ministerie.afkorting,
                "advies_datum": a.advies_datum,
                "samenvatting": a.advies_samenvatting,
                "kamerstuk": a.advies_kamerstuk,
                "aanbevelingen": sum(reacties.values()),
                "overgenomen": reacties["overgenomen"],
                "deels_overgenomen": reacties["deels_overgenomen"],
                "niet_overgenomen": reacties["niet_overgenomen"],
                "reactie_datum": a.reactie_datum if a.status == Aanmelding.Status.REACTIE_VASTGESTELD else None,
                "reactie": a.reactie_toelichting if a.status == Aanmelding.Status.REACTIE_VASTGESTELD else "",
            }
        )
        pks.append(a.pk)
    return adviezen, pks


def _startpoort(user, rijen: list[dict], jaar: int, peildatum: datetime.date):
    """Art 5.3 (B1) on the peildatum: started activities whose latest decided oordeel on that date is missing or negative.

    The same rule as ``oordelen.selectors.gestart_zonder_positief_oordeel``,
    but as things stood on the peildatum (status of the published version,
    oordelen decided and afwijkingen dated on or before it), for activities
    whose start falls under art 5.3 (``onder_art_5_3``, art 19).
    """
    gestart = [r for r in rijen if r["activiteit_status"] in GESTART and onder_art_5_3(r["startdatum"])]
    geldend: dict[int, dict] = {}
    oordelen = (
        CioOordeel.objects.zichtbaar_voor(user)
        .vastgesteld()
        .filter(activiteit_id__in=[r["activiteit_id"] for r in gestart], vastgesteld_op__date__lte=peildatum)
        .order_by("activiteit_id", "-vastgesteld_op", "-pk")
        .values("pk", "activiteit_id", "uitkomst", "vastgesteld_op", "afwijking__pk", "afwijking__door_rol", "afwijking__datum")
    )
    for o in oordelen:
        geldend.setdefault(o["activiteit_id"], o)
    lijst, oordeel_pks, afwijking_pks = [], [], []
    telling = {"gestart": 0, "positief": 0, "afwijking": 0, "zonder": 0}
    for r in gestart:
        o = geldend.get(r["activiteit_id"])
        afwijking = o is not None and o["afwijking__pk"] is not None and o["afwijking__datum"] <= peildatum
        positief = o is not None and o["uitkomst"] in CioOordeel.POSITIEVE_UITKOMSTEN
        in_jaar = bool(r["startdatum"] and r["startdatum"].year == jaar)
        if o is not None:
            oordeel_pks.append(o["pk"])
        if afwijking:
            afwijking_pks.append(o["afwijking__pk"])
        if in_jaar:
            telling["gestart"] += 1
            telling["positief" if positief else "afwijking" if afwijking else "zonder"] += 1
        if positief:
            continue
        lijst.append(
            {
                "nummer": r["activiteit__nummer"],
                "naam": r["naam"],
                "ministerie": r["ministerie__afkorting"],
                "startdatum": r["startdatum"],
                "status_naam": r["status_naam"],
                "gestart_in_jaar": in_jaar,
                "oordeel": "negatief" if o is not None else "geen",
                "oordeel_datum": timezone.localdate(o["vastgesteld_op"]) if o is not None else None,
                "afwijking_door": AFWIJKING_DOOR.get(o["afwijking__door_rol"], "") if afwijking else "",
                "afwijking_datum": o["afwijking__datum"] if afwijking else None,
            }
        )
    return lijst, telling, sorted(oordeel_pks), sorted(afwijking_pks)
