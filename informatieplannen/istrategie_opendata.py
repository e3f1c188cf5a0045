"""Open data of the I-strategie Rijk (one row per action) and of the toezeggingen, in the four formats of the activities.

The rows come from the public read model (``istrategie_leesmodel``), so a file holds the same fields as the
public pages and nothing internal; the files are written by ``portfolio.uitwisseling.schrijven`` and served
with the conventions of the activities' open data (``dashboard.opendata``: formats, licence, CORS, inline JSON).
"""

import datetime
import json

from django.http import HttpResponse
from django.utils import timezone

from dashboard.opendata import BRON, FORMATEN, LICENTIE
from portfolio.uitwisseling import schrijven

from . import istrategie_leesmodel as leesmodel

# (column, kind, key of the read model's row)
ACTIEKOLOMMEN = [
    ("Thema", "tekst", "thema"),
    ("I-speerpunt", "tekst", "speerpunt"),
    ("Maatregel", "tekst", "maatregel"),
    ("Actie", "tekst", "omschrijving"),
    ("Houder", "tekst", "houder_naam"),
    ("Soort houder", "tekst", "houder_soort"),
    ("Termijn", "datum", "termijn"),
    ("Status", "tekst", "status_label"),
    ("Te laat", "tekst", "te_laat_tekst"),
]
TOEZEGGINGKOLOMMEN = [
    ("Nummer", "tekst", "nummer"),
    ("Soort", "tekst", "soort_label"),
    ("Tekst", "tekst", "tekst"),
    ("Datum", "datum", "datum"),
    ("Ministerie", "tekst", "ministerie"),
    ("Termijn", "datum", "termijn"),
    ("Status", "tekst", "status_label"),
    ("Toelichting", "tekst", "toelichting"),
    ("Te laat", "tekst", "te_laat_tekst"),
    ("Acties I-strategie", "tekst", "acties_tekst"),
]


def _ja_nee(w: bool) -> str:
    return "ja" if w else "nee"


def actierijen(boom: dict) -> list[dict]:
    return [
        {**r, "houder_naam": r["houder"]["naam"], "houder_soort": r["houder"]["soort"], "te_laat_tekst": _ja_nee(r["te_laat"])}
        for r in leesmodel.actierijen(boom)
    ]


def toezeggingrijen(toezeggingen: list[dict]) -> list[dict]:
    return [
        {**t, "te_laat_tekst": _ja_nee(t["te_laat"]), "acties_tekst": "; ".join(a["omschrijving"] for a in t["acties"])}
        for t in toezeggingen
    ]


def _json(titel: str, sleutel: str, kolommen, rijen: list[dict]) -> bytes:
    def waarde(w):
        return w.isoformat() if isinstance(w, datetime.date) else w

    inhoud = {
        "metadata": {
            "titel": titel,
            "gegenereerd_op": timezone.now().replace(microsecond=0).isoformat(),
            "aantal": len(rijen),
            "licentie": LICENTIE["naam"],
            "licentie_url": LICENTIE["url"],
            "bron": BRON,
            "kolommen": [k for k, _s, _v in kolommen],
        },
        sleutel: [{k: waarde(r[v]) for k, _s, v in kolommen} for r in rijen],
    }
    return json.dumps(inhoud, ensure_ascii=False, indent=1).encode()


def response(*, rijen: list[dict], kolommen, formaat: str, titel: str, sleutel: str, blad: str, bestandsnaam: str) -> HttpResponse:
    namen = [k for k, _s, _v in kolommen]
    soorten = [s for _k, s, _v in kolommen]
    lijsten = [[r[v] for _k, _s, v in kolommen] for r in rijen]
    if formaat == "json":
        inhoud = _json(titel, sleutel, kolommen, rijen)
    elif formaat == "csv":
        inhoud = schrijven.naar_csv(lijsten, kolommen=namen)
    elif formaat == "xlsx":
        inhoud = schrijven.naar_xlsx(lijsten, kolommen=namen, soorten=soorten, blad=blad)
    elif formaat == "ods":
        inhoud = schrijven.naar_ods(lijsten, kolommen=namen, soorten=soorten, blad=blad)
    else:  # pragma: no cover: the URL converter allows the four formats only
        raise ValueError(formaat)
    antwoord = HttpResponse(inhoud, content_type=FORMATEN[formaat])
    soort = "inline" if formaat == "json" else "attachment"
    antwoord["Content-Disposition"] = f'{soort}; filename="{bestandsnaam}.{formaat}"'
    antwoord["Access-Control-Allow-Origin"] = "*"
    return antwoord
