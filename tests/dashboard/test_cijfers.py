"""The exports' figures equal the pages' figures for the same peildatum: computed from the JSON export here
and compared with what the home, list and ministerie pages show (their context and their text)."""

import datetime
import json
from collections import defaultdict
from decimal import Decimal

import pytest
from django.urls import reverse

from portfolio.templatetags.portfolio import getal_opmaak, mln_opmaak
from tests.dashboard.publiek import P2024, P2025
from tests.dashboard.test_paginas import tekst

pytestmark = pytest.mark.django_db

LOPEND = {"In uitvoering", "In heroriëntatie"}
JAAR = Decimal("365.25")


def bedrag(waarde) -> Decimal:
    return Decimal(str(waarde)).quantize(Decimal("0.01"))


def uit_export(client, peildatum: datetime.date) -> dict:
    """The key figures, computed from the open-data JSON file only."""
    data = json.loads(client.get(reverse("dashboard:export", args=["json"]), {"peildatum": peildatum.isoformat()}).content)
    rijen = data["activiteiten"]
    lopend = [r for r in rijen if r["Status"] in LOPEND]
    duren = [
        (
            Decimal((datetime.date.fromisoformat(r["Actuele schatting einddatum"]) - datetime.date.fromisoformat(r["Startdatum"])).days)
            / JAAR
        ).quantize(Decimal("0.01"))
        for r in lopend
    ]
    per_ministerie = defaultdict(lambda: {"aantal": 0, "initieel": Decimal(0), "actueel": Decimal(0)})
    for r in rijen:
        m = per_ministerie[r["Ministerie"]]
        m["aantal"] += 1
        m["initieel"] += bedrag(r["Initiële schatting meerjarige kosten"])
        m["actueel"] += bedrag(r["Actuele schatting meerjarige kosten huidige jaar"])
    return {
        "aantal": len(rijen),
        "lopend": len(lopend),
        "afgerond": sum(1 for r in rijen if r["Status"] == "Afgerond"),
        "met_acict_advies": sum(1 for r in rijen if r["AcICT-advies"] == "ja"),
        "som_actueel_lopend": sum((bedrag(r["Actuele schatting meerjarige kosten huidige jaar"]) for r in lopend), Decimal(0)),
        "gemiddelde_doorlooptijd_jaren": (sum(duren, Decimal(0)) / len(duren)).quantize(Decimal("0.01")),
        "som_initieel": sum((bedrag(r["Initiële schatting meerjarige kosten"]) for r in rijen), Decimal(0)),
        "per_ministerie": dict(per_ministerie),
    }


@pytest.mark.parametrize("peildatum", [P2024, P2025])
def test_export_figures_equal_the_home_page_figures(client, publiek, peildatum):
    verwacht = uit_export(client, peildatum)
    response = client.get("/", {"peildatum": peildatum.isoformat()})
    k = response.context["k"]
    for veld in ("aantal", "lopend", "afgerond", "met_acict_advies", "som_actueel_lopend", "gemiddelde_doorlooptijd_jaren", "som_initieel"):
        assert getattr(k, veld) == verwacht[veld], veld
    # and that is what a reader sees
    zichtbaar = tekst(response)
    for waarde in (
        getal_opmaak(verwacht["lopend"]),
        mln_opmaak(verwacht["som_actueel_lopend"], 0),
        getal_opmaak(verwacht["gemiddelde_doorlooptijd_jaren"], 1),
        getal_opmaak(verwacht["met_acict_advies"]),
    ):
        assert waarde in zichtbaar, waarde
    for rij in response.context["per_ministerie"]:
        m = verwacht["per_ministerie"][rij["ministerie"]["afkorting"]]
        assert (rij["k"].aantal, rij["k"].som_initieel, rij["k"].som_actueel) == (m["aantal"], m["initieel"], m["actueel"])


@pytest.mark.parametrize("peildatum", [P2024, P2025])
def test_export_figures_equal_the_ministerie_pages(client, publiek, peildatum):
    verwacht = uit_export(client, peildatum)["per_ministerie"]
    for afkorting, code in (("BZK", "bzk"), ("FIN", "fin")):
        response = client.get(reverse("dashboard:ministerie", args=[code]), {"peildatum": peildatum.isoformat()})
        k = response.context["k"]
        assert (k.aantal, k.som_initieel, k.som_actueel) == tuple(verwacht[afkorting].values()), afkorting
        trend = {t["peildatum"]: t["k"] for t in response.context["trend"]}
        assert trend[peildatum].som_actueel == verwacht[afkorting]["actueel"]
        assert mln_opmaak(verwacht[afkorting]["actueel"]) in tekst(response)


def test_export_rows_equal_the_list_rows(client, publiek):
    data = json.loads(client.get(reverse("dashboard:export", args=["json"])).content)
    export = {r["Nummer"]: r for r in data["activiteiten"]}
    lijst = client.get(reverse("dashboard:activiteiten"))
    assert lijst.context["totaal"] == len(export)
    for r in lijst.context["rijen"]:
        e = export[r["nummer"]]
        assert bedrag(e["Actuele schatting meerjarige kosten huidige jaar"]) == r["actueel_totaal"]
        assert bedrag(e["Initiële schatting meerjarige kosten"]) == r["initieel_totaal"]
        assert e["Actuele schatting einddatum"] == r["actuele_einddatum"].isoformat()
        assert (
            Decimal(str(e["Verschil initieel en actueel (in jaren)"])) if e["Verschil initieel en actueel (in jaren)"] is not None else None
        ) == r["vertraging"]


def test_chart_figures_equal_the_export_columns(client, publiek):
    data = json.loads(client.get(reverse("dashboard:export", args=["json"])).content)
    grafieken = {g["id"]: g for g in client.get(reverse("dashboard:grafieken")).context["grafieken"]}
    per_klasse = defaultdict(int)
    for r in data["activiteiten"]:
        per_klasse[r["Actuele kostencategorie"]] += 1
    uit_grafiek = {rij["label"].replace(" mln euro", " mln"): rij["waarden"][0] for rij in grafieken["kostenklassen"]["rijen"]}
    assert {k: v for k, v in uit_grafiek.items() if v} == dict(per_klasse)
    per_aanpassing = defaultdict(int)
    for r in data["activiteiten"]:
        per_aanpassing[r["Aanpassing einddatum (relatief)"]] += 1
    labels = {
        "Eerder": "Eerder",
        "Ongewijzigd": "Ongewijzigd",
        "Later, hoogstens 1 jaar": "Later (≤ 1 jaar)",
        "Later, meer dan 1 jaar": "Later (> 1 jaar)",
    }
    uit_grafiek = {labels[str(rij["label"])]: rij["waarden"][0] for rij in grafieken["einddatum"]["rijen"] if str(rij["label"]) in labels}
    assert {k: v for k, v in uit_grafiek.items() if v} == dict(per_aanpassing)
