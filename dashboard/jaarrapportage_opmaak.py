"""The Jaarrapportage as HTML, PDF and XLSX, from its ``Rapportgegevens``.

Deterministic: no generation time in any output that is checksummed, Dutch
number formats (rendered under ``translation.override("nl")``), stable order.
WeasyPrint is imported lazily by ``cio_stelsel.pdf.html_naar_pdf`` (PDF/UA-1,
tagged, static files read from disk) and openpyxl here inside ``xlsx``.
"""

import io
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import override

from . import grafieken as svg
from .jaarrapportage_gegevens import Rapportgegevens

KOSTENKLASSE_LABELS = {"onbekend": "onb."}


def titel(g: Rapportgegevens) -> str:
    return f"Informatievoorziening en ICT {g.jaar}: Jaarrapportage Bedrijfsvoering Rijk"


def grafieken(g: Rapportgegevens) -> dict:
    """The charts as inline SVG; each has a table with the same figures next to it."""
    peildata = [f"{p:%d-%m-%Y}" for p, _k in g.trend]
    ministeries = [afk for afk, _n, _k, _v in g.per_ministerie]
    return {
        "trend_kosten": svg.staafdiagram(
            id="grafiek-trend",
            titel=f"Initiële en actuele schatting van de totale kosten per peildatum, tot en met {g.peildatum:%d-%m-%Y}",
            beschrijving="Staafdiagram in EUR mln; de tabel 'Kerncijfers per peildatum' bevat dezelfde cijfers.",
            categorieen=peildata,
            reeksen=[
                ("Initiële schatting", [_mln(k.som_initieel) for _p, k in g.trend]),
                ("Actuele schatting", [_mln(k.som_actueel) for _p, k in g.trend]),
            ],
            decimalen=1,
            eenheid="EUR mln",
        ),
        "ministeries": svg.liggend_staafdiagram(
            id="grafiek-ministeries",
            titel=f"Initiële en actuele schatting van de totale kosten per ministerie op {g.peildatum:%d-%m-%Y}",
            beschrijving="Liggend staafdiagram in EUR mln; de tabel 'ICT-activiteiten per ministerie' bevat dezelfde cijfers.",
            categorieen=ministeries,
            reeksen=[
                ("Initiële schatting", [_mln(k.som_initieel) for _a, _n, k, _v in g.per_ministerie]),
                ("Actuele schatting", [_mln(k.som_actueel) for _a, _n, k, _v in g.per_ministerie]),
            ],
            decimalen=1,
            eenheid="EUR mln",
        ),
        "kostenklassen": svg.staafdiagram(
            id="grafiek-kostenklassen",
            titel=f"Aantal activiteiten per klasse van de actuele kostenschatting (EUR mln) op {g.peildatum:%d-%m-%Y}",
            beschrijving="Staafdiagram; de tabel 'Aantal activiteiten per kostenklasse' bevat dezelfde cijfers.",
            categorieen=[KOSTENKLASSE_LABELS.get(k, k) for k in g.kostenklassen],
            reeksen=[("Aantal activiteiten", list(g.kostenklassen.values()))],
            eenheid="aantal",
        ),
    }


def _mln(bedrag):
    return None if bedrag is None else (bedrag / Decimal(1_000_000)).quantize(Decimal("0.1"))


def html_inhoud(g: Rapportgegevens) -> str:
    """The report's body: the HTML page shows it, the PDF wraps it."""
    with override("nl"):
        return render_to_string(
            "dashboard/jaarrapportage_inhoud.html",
            {
                "g": g,
                "grafieken": grafieken(g),
                "mutatielijsten": [
                    (f"Gestart in {g.jaar}", "Startdatum", "start", g.gestart),
                    (f"Afgerond in {g.jaar}", "Einddatum", "eind", g.afgerond),
                    (f"Geannuleerd in {g.jaar}", "Einddatum", "eind", g.geannuleerd),
                ],
            },
        )


def html_document(g: Rapportgegevens, inhoud: str) -> str:
    """The full HTML document WeasyPrint renders: language, title, metadata and print stylesheet."""
    with override("nl"):
        return render_to_string("dashboard/jaarrapportage_pdf.html", {"g": g, "titel": titel(g), "inhoud": mark_safe(inhoud)})


def pdf(document: str) -> bytes:
    from cio_stelsel.pdf import html_naar_pdf

    return html_naar_pdf(document)


def xlsx(g: Rapportgegevens) -> bytes:
    """The report's tables as a workbook, one sheet per table, amounts in euros (numbers, not text)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.properties.creator = "CIO Rijk"
    wb.properties.title = titel(g)
    vet = Font(bold=True)

    def blad(naam: str, kop: list[str], rijen, eerste: bool = False):
        ws = wb.active if eerste else wb.create_sheet()
        ws.title = naam
        ws.append(kop)
        for cel in ws[1]:
            cel.font = vet
        for rij in rijen:
            ws.append([float(w) if hasattr(w, "as_tuple") else w for w in rij])
        ws.freeze_panes = "A2"
        return ws

    k = g.kerncijfers
    blad(
        "Kerncijfers",
        ["Kerncijfer", "Waarde"],
        [
            ("Peildatum", g.peildatum),
            ("Bron", g.bron),
            ("Drempel grote ICT-component (EUR)", g.drempel),
            ("Aantal ICT-activiteiten", k.aantal),
            ("Waarvan met cijfers van een eerdere peildatum", k.aantal_eerdere_peildatum),
            ("Lopend", k.lopend),
            ("Afgerond", k.afgerond),
            ("Geannuleerd", k.geannuleerd),
            ("Met AcICT-advies", k.met_acict_advies),
            ("Initiële schatting totale kosten (EUR)", k.som_initieel),
            ("Actuele schatting totale kosten (EUR)", k.som_actueel),
            ("Verschil actueel/initieel (%)", g.kostenverschil_pct),
            ("Cumulatieve uitgaven (EUR)", k.som_gerealiseerd),
            ("Actuele schatting lopende activiteiten (EUR)", k.som_actueel_lopend),
            ("Vernieuwing: actuele schatting (EUR)", k.vernieuwing_actueel),
            ("Beheer en onderhoud: actuele schatting (EUR)", k.beheer_actueel),
            ("Gemiddelde doorlooptijd lopende activiteiten (jaren)", k.gemiddelde_doorlooptijd_jaren),
            ("Gemiddelde vertraging (jaren)", k.gemiddelde_vertraging_jaren),
            ("Volledigheid", "volledig" if g.volledigheid.get("volledig", True) else "onvolledig"),
            ("Rapporteerbare ICT-activiteiten", g.volledigheid.get("verwacht")),
            ("Met gepubliceerde versie voor de peildatum", g.volledigheid.get("gepubliceerd")),
            ("Kenmerk invoer (SHA-256)", g.invoer_checksum),
        ],
        eerste=True,
    )
    blad(
        "Trend",
        ["Peildatum", "Aantal", "Lopend", "Initieel (EUR)", "Actueel (EUR)", "Uitgaven (EUR)", "Gem. vertraging (jaren)"],
        [(p, t.aantal, t.lopend, t.som_initieel, t.som_actueel, t.som_gerealiseerd, t.gemiddelde_vertraging_jaren) for p, t in g.trend],
    )
    blad(
        "Per ministerie",
        [
            "Afkorting",
            "Ministerie",
            "Aantal",
            "Initieel (EUR)",
            "Actueel (EUR)",
            "Verschil (%)",
            "Uitgaven (EUR)",
            "Gem. vertraging (jaren)",
        ],
        [
            (a, n, m.aantal, m.som_initieel, m.som_actueel, v, m.som_gerealiseerd, m.gemiddelde_vertraging_jaren)
            for a, n, m, v in g.per_ministerie
        ],
    )
    blad("Kostenklassen", ["Kostenklasse (EUR mln)", "Aantal"], list(g.kostenklassen.items()))
    blad("Einddatum", ["Verandering einddatum", "Aantal"], list(g.einddatum_verandering.items()))
    blad("Herijkingen per reden", ["Reden", "Aantal"], list(g.herijkingen_per_reden.items()))
    blad(
        f"Herijkingen {g.jaar}",
        [
            "Nummer",
            "Activiteit",
            "Ministerie",
            "Datum",
            "Kosten voor (EUR)",
            "Kosten na (EUR)",
            "Einddatum voor",
            "Einddatum na",
            "Redenen",
            "Toelichting kosten",
            "Toelichting einddatum",
        ],
        [
            (
                h["nummer"],
                h["naam"],
                h["ministerie"],
                h["datum"],
                h["totaal_voor"],
                h["totaal_na"],
                h["einddatum_voor"],
                h["einddatum_na"],
                ", ".join(h["redenen"]),
                h["toelichting_kosten"],
                h["toelichting_einddatum"],
            )
            for h in g.herijkingen
        ],
    )
    mutaties = [("Gestart", r) for r in g.gestart] + [("Afgerond", r) for r in g.afgerond] + [("Geannuleerd", r) for r in g.geannuleerd]
    blad(
        f"Mutaties {g.jaar}",
        ["Mutatie", "Nummer", "Activiteit", "Ministerie", "Startdatum", "Einddatum", "Initieel (EUR)", "Actueel (EUR)"],
        [
            (
                m,
                r["activiteit__nummer"],
                r["naam"],
                r["ministerie__afkorting"],
                r["startdatum"],
                r["actuele_einddatum"],
                r["initieel_totaal"],
                r["actueel_totaal"],
            )
            for m, r in mutaties
        ],
    )
    blad(
        "AcICT-adviezen",
        [
            "Nummer",
            "Activiteit",
            "Ministerie",
            "Datum advies",
            "Kamerstuk",
            "Advies",
            "Aanbevelingen",
            "Overgenomen",
            "Deels overgenomen",
            "Niet overgenomen",
            "Datum reactie",
            "Bestuurlijke reactie",
        ],
        [
            (
                a["nummer"],
                a["naam"],
                a["ministerie"],
                a["advies_datum"],
                a["kamerstuk"],
                a["samenvatting"],
                a["aanbevelingen"],
                a["overgenomen"],
                a["deels_overgenomen"],
                a["niet_overgenomen"],
                a["reactie_datum"],
                a["reactie"],
            )
            for a in g.adviezen
        ],
    )
    blad(
        "Startpoort art 5.3",
        [
            "Nummer",
            "Activiteit",
            "Ministerie",
            "Startdatum",
            f"Gestart in {g.jaar}",
            "Status",
            "Geldend oordeel",
            "Datum oordeel",
            "Afwijking door",
            "Datum afwijking",
        ],
        [
            (
                s["nummer"],
                s["naam"],
                s["ministerie"],
                s["startdatum"],
                "ja" if s["gestart_in_jaar"] else "nee",
                str(s["status_naam"]),
                s["oordeel"],
                s["oordeel_datum"],
                str(s["afwijking_door"]),
                s["afwijking_datum"],
            )
            for s in g.startpoort
        ],
    )
    blad(
        "Activiteiten",
        [
            "Nummer",
            "Activiteit",
            "Ministerie",
            "Organisatie",
            "Soort",
            "Status",
            "Startdatum",
            "Initiële einddatum",
            "Actuele einddatum",
            "Initieel (EUR)",
            "Actueel (EUR)",
            "Verschil (%)",
            "Uitgaven (EUR)",
            "Vertraging (jaren)",
            "Herijkingen",
            "AcICT-adviezen",
            "Versie (pk)",
            "Versienummer",
            "cijfers_peildatum",
        ],
        [
            (
                r["activiteit__nummer"],
                r["naam"],
                r["ministerie__afkorting"],
                r["organisatie"],
                r["soort"],
                str(r["status_naam"]),
                r["startdatum"],
                r["initiele_einddatum"],
                r["actuele_einddatum"],
                r["initieel_totaal"],
                r["actueel_totaal"],
                r["kostenverschil_pct"],
                r["gerealiseerd"],
                r["vertraging_jaren"],
                r["aantal_herijkingen"],
                r["aantal_acict_adviezen"],
                r["pk"],
                r["versienummer"],
                r["cijfers_peildatum"],
            )
            for r in g.rijen
        ],
    )
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()
