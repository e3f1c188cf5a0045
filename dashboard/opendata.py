"""Open data: the published ICT-activiteiten as JSON, CSV, XLSX and ODS, per peildatum.

The columns are those of the own portfolio's export (the column specification
``portfolio.uitwisseling.kolommen``: ``KOLOMMEN``, the names and order of the
Rijks ICT-dashboard, then the columns for a lossless round trip), and every row
is built by the same function (``kolommen.exportrij``) from the same record
shape; here the record is the frozen ``gegevens`` of a published version, read
through the read model (``leesmodel.records``), so a column is defined once and
the file can be read back by the import. The files are written by
``uitwisseling.schrijven``; nothing else of the exchange code is used.

The figures equal the pages' figures for the same peildatum: both read the
same published versions, the pages through the columns copied from
``gegevens`` when the version was prepared, the files from ``gegevens``.
"""

import datetime
import hashlib
import json
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portfolio.uitwisseling import kolommen, schrijven

from . import leesmodel, selectors

# Bump when the files' content changes for the same data (new column, other format): new ETags.
FORMAATVERSIE = "1"

FORMATEN = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
FORMATEN_PER_ACTIVITEIT = {k: FORMATEN[k] for k in ("csv", "xlsx")}
LICENTIE = {"naam": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"}
BRON = "Rijks ICT-dashboard (CIO Rijk, Ministerie van Binnenlandse Zaken en Koninkrijksrelaties)"


# -- the rows: the export row of each record of the stand ------------------------------

CIJFERS_PEILDATUM = kolommen.KOLOMMEN.index(kolommen.CIJFERS_PEILDATUM)


def _rij(record: kolommen.Exportbron, peildatum: datetime.date) -> list:
    """The export row (KOLOMMEN order) of a record, with the peildatum its figures are from (issue 12)."""
    rij_ = kolommen.exportrij(record)
    rij_[CIJFERS_PEILDATUM] = peildatum
    return rij_


def rij(versie) -> list:
    """One export row of a published version."""
    return _rij(leesmodel.record(versie), versie.peildatum)


def alle(op: datetime.date) -> list[list]:
    """The export rows of every published activity as it stands on ``op``, by nummer (two queries).

    Column "Peildatum cijfers": the peildatum of the version the row's figures are
    from; earlier than ``op`` when no newer version is published (issue 12).
    """
    return [_rij(record, peildatum) for peildatum, record in leesmodel.records(op)]


def aantal_eerdere_peildatum(rijen: list[list], op: datetime.date) -> int:
    """How many rows of a file for ``op`` have figures of an earlier peildatum."""
    return sum(1 for r in rijen if r[CIJFERS_PEILDATUM] and r[CIJFERS_PEILDATUM] < op)


def etag(op: datetime.date, formaat: str, stempel: tuple | None = None, *, nummer: int | None = None) -> str:
    """A weak validator of a file: changes with every publication and every change of the threshold.

    ``stempel``: ``selectors.publicatiestempel()`` (two small queries; read here when not given).
    Never reads the data itself.
    """
    ruw = repr((FORMAATVERSIE, formaat, op.isoformat(), nummer, stempel or selectors.publicatiestempel()))
    return f'W/"{hashlib.sha256(ruw.encode()).hexdigest()[:32]}"'


# -- the formats -----------------------------------------------------------------

JSON_KOLOMMEN = {kolommen.HISTORIE, *kolommen.LIJSTEN}


def _json_waarde(kolom: str, waarde):
    if kolom in JSON_KOLOMMEN:
        return json.loads(waarde) if waarde else []
    if isinstance(waarde, Decimal):
        # Exact: amounts have at most 2 decimals, and a float's shortest repr keeps them.
        return int(waarde) if waarde == waarde.to_integral_value() else float(waarde)
    if isinstance(waarde, (datetime.date, datetime.datetime)):
        return waarde.isoformat()
    return waarde


def naar_json(rijen: list[list], op: datetime.date) -> bytes:
    """{"metadata": {...}, "activiteiten": [{column: value}]}: numbers as numbers, dates ISO, lists as JSON arrays."""
    inhoud = {
        "metadata": {
            "titel": "Rijks ICT-dashboard: ICT-activiteiten",
            "peildatum": op.isoformat(),
            "gegenereerd_op": timezone.now().replace(microsecond=0).isoformat(),
            "laatst_gepubliceerd": (t.isoformat() if (t := selectors.laatst_gepubliceerd(op)) else None),
            "aantal": len(rijen),
            "aantal_eerdere_peildatum": aantal_eerdere_peildatum(rijen, op),
            "licentie": LICENTIE["naam"],
            "licentie_url": LICENTIE["url"],
            "bron": BRON,
            "documentatie": "/open-data/",
            "kolommen": kolommen.KOLOMMEN,
        },
        "activiteiten": [{k: _json_waarde(k, w) for k, w in zip(kolommen.KOLOMMEN, r)} for r in rijen],
    }
    return json.dumps(inhoud, ensure_ascii=False, indent=1).encode()


def response(rijen: list[list], formaat: str, op: datetime.date, bestandsnaam: str) -> HttpResponse:
    if formaat == "json":
        inhoud = naar_json(rijen, op)
    elif formaat == "csv":
        inhoud = schrijven.naar_csv(rijen)
    elif formaat == "xlsx":
        inhoud = schrijven.naar_xlsx(rijen)
    elif formaat == "ods":
        inhoud = schrijven.naar_ods(rijen)
    else:  # pragma: no cover: the views check the format
        raise ValueError(formaat)
    antwoord = HttpResponse(inhoud, content_type=FORMATEN[formaat])
    # JSON opens in the browser; spreadsheets download with a meaningful name.
    soort = "inline" if formaat == "json" else "attachment"
    antwoord["Content-Disposition"] = f'{soort}; filename="{bestandsnaam}.{formaat}"'
    antwoord["Access-Control-Allow-Origin"] = "*"
    return antwoord


# -- documentation of every field ---------------------------------------------------

SOORTEN = {
    "tekst": gettext_lazy("tekst"),
    "getal": gettext_lazy("getal"),
    "bedrag": gettext_lazy("bedrag in euro's (2 decimalen)"),
    "datum": gettext_lazy("datum (JJJJ-MM-DD)"),
    "json": gettext_lazy("lijst (JSON)"),
}

# Explanations of the columns whose meaning the column definitions leave implicit.
UITLEG = {
    kolommen.NUMMER: gettext_lazy("Vast publiek nummer van de ICT-activiteit; ook het adres van haar pagina."),
    kolommen.MINISTERIE: gettext_lazy("Afkorting van het verantwoordelijke ministerie."),
    kolommen.MINISTERIE_NAAM: gettext_lazy("Volledige naam van het ministerie."),
    kolommen.NAAM: gettext_lazy("Naam van de ICT-activiteit."),
    kolommen.STATUS: gettext_lazy("Nog niet gestart, In uitvoering, In heroriëntatie, Afgerond (decharge verleend) of Geannuleerd."),
    kolommen.SOORT: gettext_lazy("Vernieuwing of Beheer en onderhoud."),
    kolommen.ONDERWERP: gettext_lazy("Beleidsterrein, bijvoorbeeld Belastingen."),
    kolommen.DIENSTVERLENING: gettext_lazy("De publieke dienst die de activiteit ondersteunt."),
    kolommen.AANTAL_BATEN: gettext_lazy("Aantal vastgelegde maatschappelijke baten."),
    kolommen.AANTAL_MIJLPALEN: gettext_lazy("Aantal mijlpalen dat is behaald."),
    kolommen.ACICT_ADVIES: gettext_lazy("ja als het Adviescollege ICT-toetsing minstens één advies over de activiteit heeft uitgebracht."),
    kolommen.AANTAL_ACICT: gettext_lazy("Aantal kwaliteitstoetsen van de soort AcICT-advies."),
    kolommen.STARTDATUM: gettext_lazy("Datum waarop de activiteit is gestart."),
    kolommen.INITIELE_EINDDATUM: gettext_lazy("Geschatte einddatum in de initiële baseline."),
    kolommen.ACTUELE_EINDDATUM: gettext_lazy("Geschatte einddatum in de laatste rapportage of herijking."),
    kolommen.STARTJAAR: gettext_lazy("Jaar van de startdatum."),
    kolommen.EINDJAAR: gettext_lazy("Jaar van de actuele einddatum."),
    kolommen.DOORLOOPTIJD_INITIEEL: gettext_lazy("Van de startdatum tot de initiële einddatum, in maanden (1 decimaal)."),
    kolommen.DOORLOOPTIJD_ACTUEEL: gettext_lazy("Van de startdatum tot de actuele einddatum, in maanden (1 decimaal)."),
    kolommen.AANPASSING_ABSOLUUT: gettext_lazy("Actuele min initiële einddatum, in maanden (1 decimaal)."),
    kolommen.AANPASSING_RELATIEF: gettext_lazy(
        "Eerder, Ongewijzigd, Later (≤ 1 jaar) of Later (> 1 jaar): de klasse van de grafiek 'Einddatum ten opzichte van de initiële schatting'."
    ),
    kolommen.REDEN_HERIJKING: gettext_lazy("Alle redenen van alle herijkingen, gescheiden door ';'."),
    kolommen.INITIEEL_TOTAAL: gettext_lazy("Som van de initiële schattingen per kostencategorie (de baseline; meerjarig, in euro's)."),
    kolommen.PEILDATUM: gettext_lazy("Datum van de laatste gebeurtenis (rapportage of herijking) in de gepubliceerde gegevens."),
    kolommen.ZBO: gettext_lazy("Uitvoerend zelfstandig bestuursorgaan, als de uitvoerende organisatie een zbo is."),
    kolommen.VERSCHIL_JAREN: gettext_lazy("Actuele min initiële einddatum, in jaren (2 decimalen)."),
    kolommen.VERSCHIL_PCT: gettext_lazy("Die verschuiving als percentage van de initiële doorlooptijd."),
    kolommen.ACTUEEL_TOTAAL: gettext_lazy("Som van de actuele schattingen per kostencategorie (meerjarig, in euro's)."),
    kolommen.KOSTENCATEGORIE: gettext_lazy(
        "Klasse van de actuele schatting: 0-10 mln, 10-20 mln, ..., 50-100 mln, 100+ mln of Onbekend (ondergrens telt mee)."
    ),
    kolommen.PROGNOSE: gettext_lazy("Actuele schatting min de cumulatieve uitgaven: wat naar verwachting nog wordt uitgegeven."),
    kolommen.UITGAVEN: gettext_lazy("Cumulatief gerealiseerde uitgaven tot en met de laatste gebeurtenis."),
    kolommen.UITGAVEN_VORIG_JAAR: gettext_lazy(
        "Cumulatieve uitgaven volgens de laatste gebeurtenis op of vóór 31-12 van het jaar vóór de peildatum."
    ),
    kolommen.DIENSTONDERDEEL: gettext_lazy("Uitvoerend dienstonderdeel, als de uitvoerende organisatie een dienstonderdeel is."),
    kolommen.OPDRACHTGEVER: gettext_lazy("Organisatie die opdracht heeft gegeven."),
    kolommen.REDEN_VAN_STARTEN: gettext_lazy("Waarom de activiteit is gestart."),
    kolommen.DOEL: gettext_lazy("Wat de activiteit moet opleveren."),
    kolommen.SAMENVATTING: gettext_lazy("Korte beschrijving van de activiteit."),
    kolommen.MAATWERK: gettext_lazy("ja als (een deel van) de oplossing maatwerk is."),
    kolommen.INITIELE_DATUM: gettext_lazy("Datum van de initiële baseline."),
    kolommen.TOELICHTING_KOSTEN: gettext_lazy("Toelichting op de wijziging van de kosten bij de laatste gebeurtenis."),
    kolommen.TOELICHTING_EINDDATUM: gettext_lazy("Toelichting op de wijziging van de einddatum bij de laatste gebeurtenis."),
    kolommen.DECHARGEDATUM: gettext_lazy("Datum waarop decharge is verleend (bij Afgerond)."),
    kolommen.ANNULERINGSDATUM: gettext_lazy("Datum waarop de activiteit is gestopt (bij Geannuleerd)."),
    kolommen.REDEN_ANNULERING: gettext_lazy("Waarom de activiteit is gestopt."),
    kolommen.HISTORIE: gettext_lazy(
        "Alle gebeurtenissen (Initieel, Rapportage, Herijking) met datum, geschatte einddatum, geschatte en gerealiseerde bedragen per "
        "kostencategorie, toelichtingen en de codes van de redenen van een herijking. Bedragen van 0 en lege teksten zijn weggelaten."
    ),
    kolommen.MIJLPALEN: gettext_lazy(
        "Mijlpalen: omschrijving, verwachte en gerealiseerde datum, behaald, conform eisen, projectplanversie."
    ),
    kolommen.KWALITEITSTOETSEN: gettext_lazy(
        "Kwaliteitstoetsen: toetsdatum, uitvoerende partij, soort (acict_advies, gateway_review, adr_audit, cio_oordeel, overig) en omschrijving."
    ),
    kolommen.KAMERSTUKKEN: gettext_lazy("Tweede Kamerstukken: nummer, titel, link, briefdatum en of het een AcICT-advies betreft."),
    kolommen.BATEN: gettext_lazy("Maatschappelijke baten: toelichting, kwantitatief per jaar en incidenteel (euro's)."),
}


def velddocumentatie() -> list[dict]:
    """Every column of the files, in order: name, type, whether derived, and its meaning."""
    velden = []
    for i, kolom in enumerate(kolommen.KOLOMDEFINITIES, start=1):
        uitleg = UITLEG.get(kolom.naam) or kolom.uitleg
        if not uitleg and kolom.naam.endswith("(EUR)"):
            uitleg = _(
                "Bedrag in euro's van deze kostencategorie: initieel (baseline), actueel (laatste schatting) of gerealiseerd (cumulatief)."
            )
        velden.append(
            {
                "nummer": i,
                "naam": kolom.naam,
                "soort": SOORTEN.get(kolom.soort, kolom.soort),
                "afgeleid": kolom.afgeleid,
                "dashboard": kolom.dashboard,
                "uitleg": uitleg,
            }
        )
    return velden
