"""Bulk import and export of ICT-activiteiten in the export format of the Rijks ICT-dashboard: one module per concern.

* ``kolommen``: the column specification, the single source of truth for the import, the export, open data
  and the API's field names (names, order, kinds), and ``exportrij``: the value of every column from one record.
* ``lezen``: reading .csv and .xlsx files into rows, within the limits (MAX_RIJEN, MAX_KOLOMMEN, MAX_UITGEPAKT,
  EXCEL_MAX_CEL) checked while the file is streamed.
* ``schrijven``: writing rows as CSV, XLSX and ODS.
* ``cellen``: parsing one cell (text, date, amount, ja/nee, choice, list).
* ``validatie``: the dry run (``controleren``), row by row against the database and the actor's rights.
* ``context``: what the rows are checked against, loaded once (organisations, existing activities).
* ``plan``: what the dry run plans per row and what it reports (``Stap``, ``Rijplan``, ``Controle``).
* ``uitvoering``: the import itself (``importeren``), in one transaction, all or nothing.
* ``bulk``: the import's steps per batch of rows with the services' rules and audit records, bulk reads and
  writes and a constant number of queries per batch.
* ``export``: the export of the own portfolio from the live tables (``exporteren``).

The names of all of them stay available here (``from portfolio import uitwisseling as u; u.KOLOMMEN,
u.inlezen``), loaded when first used (PEP 562), so that importing ``uitwisseling.kolommen`` for the column
names (the public side does) does not load the import's validation and execution.
"""

import importlib

_NAMEN = {
    "kolommen": (
        "CENT",
        "CATEGORIE_NAMEN",
        "KOSTENCATEGORIEEN",  # re-exported from portfolio.models (the benchmarks use u.KOSTENCATEGORIEEN)
        "kolom_initieel",
        "kolom_actueel",
        "kolom_gerealiseerd",
        "NUMMER",
        "MINISTERIE",
        "MINISTERIE_NAAM",
        "NAAM",
        "STATUS",
        "SOORT",
        "ONDERWERP",
        "DIENSTVERLENING",
        "WIJ_VERBETEREN_OP",
        "AANTAL_BATEN",
        "AANTAL_MIJLPALEN",
        "ONTWIKKELPARTIJEN",
        "ONTWIKKELWIJZE",
        "ACICT_ADVIES",
        "AANTAL_ACICT",
        "STARTDATUM",
        "INITIELE_EINDDATUM",
        "ACTUELE_EINDDATUM",
        "STARTJAAR",
        "EINDJAAR",
        "DOORLOOPTIJD_INITIEEL",
        "DOORLOOPTIJD_ACTUEEL",
        "VERSCHIL_JAREN",
        "VERSCHIL_PCT",
        "AANPASSING_ABSOLUUT",
        "AANPASSING_RELATIEF",
        "REDEN_HERIJKING",
        "INITIEEL_TOTAAL",
        "ACTUEEL_TOTAAL",
        "KOSTENCATEGORIE",
        "VORIG_JAAR_TOTAAL",
        "PROGNOSE",
        "UITGAVEN",
        "UITGAVEN_VORIG_JAAR",
        "DIENSTONDERDEEL",
        "ZBO",
        "OPDRACHTGEVER",
        "REDEN_VAN_STARTEN",
        "DOEL",
        "SAMENVATTING",
        "MAATWERK",
        "INITIELE_DATUM",
        "PEILDATUM",
        "TOELICHTING_KOSTEN",
        "TOELICHTING_EINDDATUM",
        "DECHARGEDATUM",
        "ANNULERINGSDATUM",
        "REDEN_ANNULERING",
        "HISTORIE",
        "MIJLPALEN",
        "KWALITEITSTOETSEN",
        "KAMERSTUKKEN",
        "BATEN",
        "CIJFERS_PEILDATUM",
        "Kolom",
        "_k",
        "KOLOMDEFINITIES",
        "KOLOMMEN",
        "KOLOM",
        "VERPLICHT",
        "_sleutel",
        "_KOLOM_OP_SLEUTEL",
        "kolomnaam",
        "_label",
        "partij_tekst",
        "_bedrag_uit",
        "_som",
        "kostencategorie",
        "_jaar_later",
        "aanpassing_einddatum",
        "vorig_jaar",
        "_json",
        "_bedragen_json",
        "historie_json",
        "LIJSTEN",
        "lijst_json",
        "_EV_VELDEN",
        "Redenen",
        "historie_samenvatting",
        "Exportbron",
        "ALGEMENE_VELDEN",
        "_DATUMVELDEN",
        "exportrij",
        "_exportrij",
        "_Ev",
    ),
    "lezen": (
        "MAX_RIJEN",
        "MAX_KOLOMMEN",
        "MAX_UITGEPAKT",
        "EXCEL_MAX_CEL",
        "Fout",
        "OngeldigBestand",
        "Rijen",
        "_ONTSNAPT",
        "_leeg",
        "inlezen",
        "_punten",
        "_kop_en_rijen",
        "_binnen_grenzen",
        "_inlezen_csv",
        "_inlezen_xlsx",
        "_kolomgrens",
    ),
    "cellen": (
        "MAX_BEDRAG",
        "_Ongeldig",
        "tekst",
        "_DATUM_NL",
        "_DATUM_ISO",
        "datum",
        "_GETAL",
        "bedrag",
        "geheel_getal",
        "ja_nee",
        "_keuze",
        "splits_lijst",
        "lees_partij",
        "lees_partijen",
    ),
    "schrijven": (
        "_FORMULE",
        "_csv_waarde",
        "naar_csv",
        "naar_xlsx",
        "naar_ods",
        "ILLEGAAL",
    ),
    "export": (
        "gebeurtenissen_per_activiteit",
        "_lijsten_per_activiteit",
        "_bron_uit_model",
        "exporteren",
    ),
    "plan": (
        "NIEUW",
        "BIJGEWERKT",
        "ONGEWIJZIGD",
        "Stap",
        "Rijplan",
        "Controle",
        "ACTIVITEIT_KOLOMMEN",
        "BASELINE_KOLOMMEN",
        "GEBEURTENIS_KOLOMMEN",
        "STATUS_KOLOMMEN",
        "statuspad",
    ),
    "context": (
        "_Historie",
        "_nul",
        "_Context",
    ),
    "validatie": (
        "MAX_HISTORIE",
        "MILJOENENGRENS",
        "_d",
        "_FOUT",
        "_ok",
        "_Rijcontrole",
        "_normaliseer_json",
        "_kolommen_van",
        "controleren",
    ),
    "uitvoering": (
        "Resultaat",
        "_fouten_uit",
        "_voer_uit",
        "importeren",
    ),
}
_MODULE_VAN = {naam: module for module, namen in _NAMEN.items() for naam in namen}
__all__ = sorted(n for n in _MODULE_VAN if not n.startswith("_"))


def __getattr__(naam: str):
    try:
        module = _MODULE_VAN[naam]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}") from None
    waarde = getattr(importlib.import_module(f"{__name__}.{module}"), naam)
    globals()[naam] = waarde
    return waarde


def __dir__():
    return sorted(set(globals()) | set(_MODULE_VAN))
