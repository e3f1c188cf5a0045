"""What a Kamerlid stumbled on (issue 18, public side): figures that cannot be confused, links where a reader expects them.

Each test fails on the code before the fix: the home tile and the table below it showed two different
"actuele schatting" totals without saying that one counts only the running activities; the ministry
page's AcICT tile said "1 afgerond" (the number of completed activities, not of advice); the public
Jaarrapportages were not in the main navigation; Kamerstuk numbers were plain text.
"""

import datetime
import re

import pytest
from django.urls import reverse

from cio_stelsel.kamerstukken import kamerstuk_id, kamerstuk_url
from dashboard import selectors
from dashboard.vertraging import vertraging_tekst
from tests.dashboard.publiek import P2024, P2025
from tests.dashboard.test_paginas import tekst

pytestmark = pytest.mark.django_db


def test_home_tile_and_table_name_their_scope_and_show_both_totals(client, publiek):
    response = client.get("/")
    k = response.context["k"]
    assert k.som_actueel != k.som_actueel_lopend  # the fixture has a completed and a cancelled activity
    inhoud = tekst(response)
    # The tile says it counts the running activities, and gives the total of all next to it.
    assert "Actuele schatting lopende activiteiten (mln euro) 99,0" in inhoud
    assert "Som van de 3 lopende activiteiten; alle activiteiten samen, ook afgeronde en geannuleerde:" in inhoud
    # The table row of all activities says what it includes.
    assert "Alle ICT-activiteiten (lopend, afgerond en geannuleerd)" in inhoud
    assert "Actuele schatting meerjarige kosten (mln euro)" not in inhoud


def test_ministry_acict_tile_does_not_describe_completed_activities_as_advice(client, publiek):
    html = client.get(reverse("dashboard:ministerie", args=["bzk"])).content.decode()
    tegel = re.search(r'<li class="kerncijfer"><span class="kerncijfer__label">Met AcICT-advies</span>.*?</li>', html).group(0)
    assert "afgerond" not in tegel
    assert "van de 3 activiteiten" in tegel
    # The completed activities are counted in the first tile, in words.
    assert "ICT-activiteiten 3 waarvan 2 lopend en 1 afgerond" in tekst(client.get(reverse("dashboard:ministerie", args=["bzk"])))


def test_public_jaarrapportages_are_in_the_main_navigation(client, db):
    html = client.get("/").content.decode()
    assert f'<a class="hoofdnav__link" href="{reverse("jaarrapportage:publiek")}">Jaarrapportages</a>' in html


@pytest.mark.parametrize(
    "nummer, ident",
    [
        ("26 643, nr. 900", "kst-26643-900"),
        ("26643-900", "kst-26643-900"),
        ("26 643 nr 1012", "kst-26643-1012"),
        ("36 200-VII, nr. 5", "kst-36200-VII-5"),
        ("36 600 XVIII, nr. 2", "kst-36600-XVIII-2"),
        ("kst-31490-300", "kst-31490-300"),
        ("TZ202301-001", None),  # a toezegging, not a Kamerstuk
        ("26 643", None),  # no ondernummer
        ("", None),
    ],
)
def test_a_kamerstuk_number_gives_its_official_publication(nummer, ident):
    assert kamerstuk_id(nummer) == ident
    assert kamerstuk_url(nummer) == (f"https://zoek.officielebekendmakingen.nl/{ident}.html" if ident else None)


def test_the_activity_page_links_the_kamerstuk_number_to_its_official_publication(client, publiek):
    html = client.get(reverse("dashboard:activiteit", args=[publiek.basisregistratie.nummer])).content.decode()
    assert '<a href="https://zoek.officielebekendmakingen.nl/kst-26643-900.html" rel="noopener noreferrer">26 643, nr. 900' in html


# --------------------------------------------------------------------------
# Vertraging: a filter per band, the chart's rows link to it, and the list's figure agrees with the band


def test_the_end_date_chart_rows_link_to_the_list_filtered_on_their_band_with_the_same_counts(client, publiek):
    response = client.get(reverse("dashboard:grafieken"))
    einddatum = next(g for g in response.context["grafieken"] if g["id"] == "einddatum")
    assert [r["url"] for r in einddatum["rijen"]] == [f"/activiteiten/?vertraging={k}" for k in selectors.EINDDATUM_KLASSEN]
    for rij in einddatum["rijen"]:
        lijst = client.get(rij["url"])
        assert lijst.status_code == 200
        assert lijst.context["totaal"] == rij["waarden"][0], rij["url"]


def test_the_list_filters_on_activities_that_slipped_more_than_a_year(client, publiek):
    alle = client.get(reverse("dashboard:activiteiten")).context["rijen"]
    assert selectors.einddatum_klasse(next(r for r in alle if r["naam"] == "Vernieuwing Basisregistratie Personen")) == "later_tot_1_jaar"
    response = client.get(reverse("dashboard:activiteiten"), {"vertraging": "later_tot_1_jaar"})
    assert response.status_code == 200
    assert response.context["rijen"]
    assert {selectors.einddatum_klasse(r) for r in response.context["rijen"]} == {"later_tot_1_jaar"}
    assert len(response.context["rijen"]) == sum(selectors.einddatum_klasse(r) == "later_tot_1_jaar" for r in alle)
    response = client.get(reverse("dashboard:activiteiten"), {"vertraging": "later_meer_dan_1_jaar"})
    assert response.status_code == 200
    facet = next(f for f in response.context["facetten"] if f["naam"] == "vertraging")
    assert facet["label"] == "Einddatum tegenover de initiële"
    # the bands in their order, each with its label
    labels = [o["label"] for o in facet["opties"]]
    assert labels == sorted(labels, key=["Eerder", "Ongewijzigd", "Later, hoogstens 1 jaar", "Later, meer dan 1 jaar", "Onbekend"].index)
    assert "Einddatum tegenover de initiële: Later, meer dan 1 jaar" in [a["label"] for a in response.context["actieve_filters"]]
    # the API takes the same parameter, and refuses an unknown band with a 400 naming it
    api = client.get("/api/v1/publiek/activiteiten/", {"vertraging": "later_meer_dan_1_jaar"})
    assert api.status_code == 200
    fout = client.get("/api/v1/publiek/activiteiten/", {"vertraging": "veel"})
    assert fout.status_code == 400 and "vertraging" in fout.content.decode()


def _rij(initieel: datetime.date, actueel: datetime.date) -> dict:
    return {"initiele_einddatum": initieel, "actuele_einddatum": actueel}


@pytest.mark.parametrize(
    "actueel, verwacht",
    [
        (datetime.date(2026, 1, 11), "+1 jaar en 10 dagen"),  # rounds to +1,0 but is more than one year
        (datetime.date(2025, 1, 13), "+12 dagen"),  # rounds to +0,0 but is later
        (datetime.date(2024, 12, 22), "-10 dagen"),  # rounds to 0,0 but is earlier
        (datetime.date(2026, 1, 1), "+1,0"),  # exactly one year: "hoogstens 1 jaar"
        (datetime.date(2025, 7, 2), "+0,5"),
        (datetime.date(2025, 1, 1), "0,0"),  # unchanged
        (datetime.date(2027, 3, 1), "+2,2"),
    ],
)
def test_the_delay_text_never_disagrees_with_its_band(actueel, verwacht):
    assert vertraging_tekst(_rij(datetime.date(2025, 1, 1), actueel)) == verwacht


def test_no_delay_of_any_day_count_shows_a_boundary_figure_of_another_band():
    initieel = datetime.date(2024, 3, 1)
    for dagen in range(-800, 801):
        rij = _rij(initieel, initieel + datetime.timedelta(days=dagen))
        klasse, tekst_ = selectors.einddatum_klasse(rij), vertraging_tekst(rij)
        if klasse == "later_meer_dan_1_jaar":
            assert tekst_ != "+1,0", dagen
        if klasse in ("later_tot_1_jaar", "eerder"):
            assert tekst_ != "0,0", dagen
        if klasse == "later_tot_1_jaar":
            assert not tekst_.startswith("+1,1"), dagen


# --------------------------------------------------------------------------
# Search from the home page


def test_the_home_page_has_a_search_field_that_finds_activities_and_ministries(client, publiek):
    html = client.get("/").content.decode()
    assert f'<form class="zoeken zoeken--site" method="get" action="{reverse("dashboard:zoeken")}" role="search"' in html
    response = client.get(reverse("dashboard:zoeken"), {"q": "binnenlandse"})
    assert response.status_code == 200
    bronnen = {b.sleutel: b for b in response.context["bronnen"]}
    assert [t["url"] for t in bronnen["ministeries"].treffers] == [reverse("dashboard:ministerie", args=["bzk"])]
    # activities: the list's own search (accent-insensitive), with a link to the full list
    response = client.get(reverse("dashboard:zoeken"), {"q": "basisregistratie"})
    activiteiten = {b.sleutel: b for b in response.context["bronnen"]}["activiteiten"]
    assert [t["naam"] for t in activiteiten.treffers] == ["Vernieuwing Basisregistratie Personen"]
    assert activiteiten.aantal == client.get(activiteiten.meer_url).context["totaal"] == 1
    assert "1 resultaat voor 'basisregistratie'" in tekst(response)


def test_search_without_results_or_query_and_with_an_overlong_query(client, publiek):
    leeg = client.get(reverse("dashboard:zoeken"))
    assert leeg.status_code == 200 and leeg.context["bronnen"] == []
    niets = client.get(reverse("dashboard:zoeken"), {"q": "qqqxyz"})
    assert niets.context["totaal"] == 0 and "Probeer een ander of korter woord" in tekst(niets)
    lang = client.get(reverse("dashboard:zoeken"), {"q": "a" * 5000})
    assert lang.status_code == 200 and len(lang.context["q"]) == 200


def test_search_never_shows_what_is_not_published(client, publiek, db):
    from portfolio.models import IctActiviteit

    nooit = list(IctActiviteit.objects.exclude(versies__status="gepubliceerd").values_list("naam", flat=True))
    assert nooit  # the fixture has an activity that was never published
    for naam in nooit:
        response = client.get(reverse("dashboard:zoeken"), {"q": naam})
        assert naam not in [t["naam"] for b in response.context["bronnen"] for t in b.treffers]


# --------------------------------------------------------------------------
# Rijksbreed: what changed between two peildata


def test_the_rijksbrede_comparison_adds_up_the_ministries_and_links_to_them(client, publiek):
    home = client.get("/").content.decode()
    assert f'href="{reverse("dashboard:vergelijken")}"' in home
    response = client.get(reverse("dashboard:vergelijken"))
    assert response.status_code == 200
    v = response.context["verschil"]
    assert (v["van"], v["tot"]) == (P2024, P2025)  # default: the two newest
    per_ministerie = response.context["per_ministerie"]
    assert len(per_ministerie) == 2
    for veld, rijksbreed in (
        ("nieuw", v["nieuw"]),
        ("afgerond", v["afgerond"]),
        ("geannuleerd", v["geannuleerd"]),
        ("herijkt", v["herijkt"]),
    ):
        assert sum(m[veld] for m in per_ministerie) == len(rijksbreed), veld
    assert sum(m["kostenverschil"] for m in per_ministerie) == v["kostenverschil"]
    # each ministry's row has the figures of its own page
    for m in per_ministerie:
        pagina = client.get(m["url"].split("#")[0])
        assert pagina.context["verschil"]["kostenverschil"] == m["kostenverschil"]
        assert len(pagina.context["verschil"]["afgerond"]) == m["afgerond"]
    assert "Wat is er veranderd tussen twee peildata" in tekst(response)


@pytest.mark.parametrize("params", [{"van": "2025-12-31", "tot": "2024-12-31"}, {"van": "2023-01-01"}, {"tot": "gisteren"}])
def test_bad_rijksbrede_comparison_parameters_give_400(client, publiek, params):
    assert client.get(reverse("dashboard:vergelijken"), params).status_code == 400
