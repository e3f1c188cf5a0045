"""The public pages: what each shows, the list's facets, search, sorting and pagination, and bad parameters."""

import datetime
import re
from decimal import Decimal
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from dashboard import selectors
from dashboard.views import PAGINA_GROOTTE
from portfolio.models import Status
from tests.dashboard.publiek import P2024, P2025

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    """The visible text of a page, whitespace collapsed (for asserting on what a reader sees)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def lijst_namen(response) -> list[str]:
    return [r["naam"] for r in response.context["rijen"]]


# --------------------------------------------------------------------------
# Home


def test_home_shows_the_key_figures_of_the_newest_peildatum(client, publiek):
    response = client.get("/")
    assert response.status_code == 200
    k = response.context["k"]
    # 2025: basisregistratie, beheer and belasting run; afgerond is completed; geannuleerd cancelled; klein is below the threshold.
    assert (k.aantal, k.lopend, k.afgerond, k.geannuleerd, k.met_acict_advies) == (5, 3, 1, 1, 1)
    assert k.som_actueel_lopend == Decimal("30000000.00") + Decimal("9000000.00") + Decimal("60000000.00")
    inhoud = tekst(response)
    assert "Kerncijfers op peildatum 31-12-2025" in inhoud
    assert "99" in inhoud  # the sum of the running activities in EUR mln
    # recently published, newest first: the correction of beheer
    assert response.context["recent"][0]["naam"] == "Beheer en onderhoud MijnOverheid"


def test_home_links_open_the_list_prefiltered_with_the_same_numbers(client, publiek):
    response = client.get("/")
    k, links = response.context["k"], response.context["links"]
    for link, verwacht in ((links["lopend"], k.lopend), (links["acict"], k.met_acict_advies), (links["afgerond"], k.afgerond)):
        assert f'href="{link.replace("&", "&amp;")}"' in response.content.decode()
        lijst = client.get(link)
        assert lijst.status_code == 200
        assert lijst.context["totaal"] == verwacht, link


def test_home_for_an_earlier_peildatum(client, publiek):
    response = client.get("/", {"peildatum": "2024-12-31"})
    k = response.context["k"]
    assert (k.aantal, k.lopend, k.afgerond) == (4, 4, 0)
    assert "peildatum=2024-12-31" in response.context["links"]["lopend"]


def test_home_without_published_data(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "nog geen gegevens gepubliceerd" in tekst(response)


# --------------------------------------------------------------------------
# The list


def test_list_shows_the_published_stand_with_the_baseline_next_to_the_current_estimate(client, publiek):
    response = client.get(reverse("dashboard:activiteiten"))
    assert response.status_code == 200
    assert sorted(lijst_namen(response)) == sorted(
        [
            "Vernieuwing Basisregistratie Personen",
            "Beheer en onderhoud MijnOverheid",
            "Migratie rekencentrum",
            "Nieuw belastingsysteem",
            "Nieuw subsidiesysteem",
        ]
    )
    inhoud = tekst(response)
    assert "Initiële schatting (mln euro)" in inhoud and "Actuele schatting (mln euro)" in inhoud
    rij = next(r for r in response.context["rijen"] if r["nummer"] == publiek.basisregistratie.nummer)
    assert (rij["initieel_totaal"], rij["actueel_totaal"], rij["verschil_pct"]) == (
        Decimal("20000000.00"),
        Decimal("30000000.00"),
        Decimal("50.0"),
    )


@pytest.mark.parametrize(
    "params, verwacht",
    [
        ({"soort": "beheer_en_onderhoud"}, {"Beheer en onderhoud MijnOverheid"}),
        ({"ministerie": "fin"}, {"Nieuw belastingsysteem", "Nieuw subsidiesysteem"}),
        ({"organisatie": "Logius"}, {"Beheer en onderhoud MijnOverheid"}),
        ({"onderwerp": "Belastingen"}, {"Nieuw belastingsysteem"}),
        ({"status": "afgerond"}, {"Migratie rekencentrum"}),
        ({"status": ["afgerond", "geannuleerd"]}, {"Migratie rekencentrum", "Nieuw subsidiesysteem"}),
        ({"acict": "ja"}, {"Vernieuwing Basisregistratie Personen"}),
        ({"acict": "nee", "ministerie": "bzk"}, {"Beheer en onderhoud MijnOverheid", "Migratie rekencentrum"}),
        ({"baat": "ja"}, {"Vernieuwing Basisregistratie Personen"}),
        ({"q": "belasting"}, {"Nieuw belastingsysteem"}),
        ({"q": "MIJNOVERHEID beheer"}, {"Beheer en onderhoud MijnOverheid"}),
        ({"q": "logius"}, {"Beheer en onderhoud MijnOverheid"}),
        ({"q": "niets-dat-bestaat"}, set()),
    ],
)
def test_list_facets_and_search(client, publiek, params, verwacht):
    response = client.get(reverse("dashboard:activiteiten"), params)
    assert response.status_code == 200
    assert set(lijst_namen(response)) == verwacht
    assert response.context["gefilterd"]


def test_list_search_finds_the_nummer(client, publiek):
    response = client.get(reverse("dashboard:activiteiten"), {"q": str(publiek.belasting.nummer)})
    assert lijst_namen(response) == ["Nieuw belastingsysteem"]


def test_facet_counts_apply_the_other_facets(client, publiek):
    response = client.get(reverse("dashboard:activiteiten"), {"ministerie": "bzk"})
    facetten = {f["naam"]: {o["waarde"]: o["aantal"] for o in f["opties"]} for f in response.context["facetten"]}
    # the ministerie facet itself still counts every ministerie (ticking FIN adds 2) ...
    assert facetten["ministerie"] == {"bzk": 3, "fin": 2}
    # ... the status facet counts within BZK only
    assert facetten["status"] == {"afgerond": 1, "in_uitvoering": 2}
    assert facetten["acict"] == {"ja": 1, "nee": 2}


def test_the_filter_state_is_in_the_url_and_the_form(client, publiek):
    response = client.get(
        reverse("dashboard:activiteiten"), {"status": ["in_uitvoering", "afgerond"], "ministerie": "bzk", "q": "a", "sort": "-actueel"}
    )
    html = response.content.decode()
    assert re.search(r'<form class="zoeken" method="get"', html)
    assert re.search(r'name="status" value="in_uitvoering" checked', html)
    assert re.search(r'name="status" value="afgerond" checked', html)
    assert re.search(r'name="ministerie" value="bzk" checked', html)
    assert 'name="q" value="a"' in html
    assert '<input type="hidden" name="sort" value="-actueel">' in html
    # every facet is a fieldset with a legend, and a submit button sends the form (no JavaScript needed)
    assert html.count("<fieldset") == html.count("<legend") == len(selectors.FACETTEN)
    assert '<button type="submit" class="knop">Filters toepassen</button>' in html
    # an active filter can be removed with one link that keeps the others
    verwijder = next(a for a in response.context["actieve_filters"] if a["label"].endswith("Afgerond"))
    assert dict(parse_qsl(urlsplit(verwijder["url"]).query)) == {
        "status": "in_uitvoering",
        "ministerie": "bzk",
        "q": "a",
        "sort": "-actueel",
    }


@pytest.mark.parametrize(
    "sort, eerste",
    [
        ("naam", "Beheer en onderhoud MijnOverheid"),
        ("-actueel", "Nieuw belastingsysteem"),
        ("actueel", "Beheer en onderhoud MijnOverheid"),
        ("-verschil", "Vernieuwing Basisregistratie Personen"),
        ("-vertraging", "Vernieuwing Basisregistratie Personen"),
        ("ministerie", "Beheer en onderhoud MijnOverheid"),
    ],
)
def test_list_sorting(client, publiek, sort, eerste):
    response = client.get(reverse("dashboard:activiteiten"), {"sort": sort})
    assert lijst_namen(response)[0] == eerste


def test_sortable_headers_are_links_with_aria_sort(client, publiek):
    response = client.get(reverse("dashboard:activiteiten"), {"sort": "-actueel", "ministerie": "fin"})
    kolommen = {str(k["label"]): k for k in response.context["kolommen"]}
    actueel = kolommen["Actuele schatting (mln euro)"]
    assert actueel["aria_sort"] == "descending"
    assert dict(parse_qsl(actueel["url"][1:])) == {"ministerie": "fin", "sort": "actueel"}  # a click reverses
    assert kolommen["ICT-activiteit"]["aria_sort"] is None
    html = response.content.decode()
    assert html.count('aria-sort="descending"') == 1
    assert html.count('class="tabel__sorteer"') == len(kolommen)


def test_pagination_with_aria_current(client, publiek, ministerie, office, cio, cio_rijk):
    from tests.dashboard.publiek import publiceren
    from tests.factories import activiteit

    extra = [activiteit(office, ministerie, naam=f"Extra activiteit {i:02d}", geschat=6_000_000) for i in range(PAGINA_GROOTTE)]
    publiceren(office, cio, cio_rijk, extra, P2025)
    response = client.get(reverse("dashboard:activiteiten"), {"ministerie": "bzk", "page": 2})
    pagina = response.context["page_obj"]
    assert (pagina.number, pagina.paginator.num_pages, len(pagina.object_list)) == (2, 2, PAGINA_GROOTTE + 3 - PAGINA_GROOTTE)
    html = response.content.decode()
    assert 'href="?page=2&amp;ministerie=bzk" aria-current="page"' in html
    assert 'href="?page=1&amp;ministerie=bzk" rel="prev"' in html
    # out of range: the last page, not an error
    assert client.get(reverse("dashboard:activiteiten"), {"ministerie": "bzk", "page": 99}).context["page_obj"].number == 2
    assert client.get(reverse("dashboard:activiteiten"), {"page": "x"}).context["page_obj"].number == 1


def test_list_for_an_earlier_peildatum(client, publiek):
    response = client.get(reverse("dashboard:activiteiten"), {"peildatum": "2024-12-31"})
    assert "Nieuw belastingsysteem" not in lijst_namen(response)
    basis = next(r for r in response.context["rijen"] if r["nummer"] == publiek.basisregistratie.nummer)
    assert basis["actueel_totaal"] == Decimal("20000000.00")


@pytest.mark.parametrize(
    "params",
    [{"sort": "wachtwoord"}, {"peildatum": "2024-13-01"}, {"peildatum": "gisteren"}, {"peildatum": "2020-12-31"}, {"sort": "-"}],
)
def test_bad_list_parameters_give_400_not_500(client, publiek, params):
    response = client.get(reverse("dashboard:activiteiten"), params)
    assert response.status_code == 400
    assert "Foutcode: 400" in tekst(response)


# --------------------------------------------------------------------------
# One activity


def test_activity_page_shows_the_published_record(client, publiek):
    a = publiek.basisregistratie
    response = client.get(reverse("dashboard:activiteit", args=[a.nummer]))
    assert response.status_code == 200
    inhoud = tekst(response)
    for verwacht in [
        "Vernieuwing Basisregistratie Personen",
        "Vervanging van de centrale voorziening.",  # general, summary
        "Eerste release in productie",  # milestone
        "Adviescollege ICT-toetsing",
        "Het Adviescollege ICT-toetsing (AcICT) heeft 1 advies uitgebracht",  # review / AcICT advice
        "26 643, nr. 900",
        "Reactie op het AcICT-advies",  # Kamerstuk
        "Snellere verwerking van verhuizingen.",
        "2.500.000",  # benefit
        "RvIG",  # development party
        "Herijking van 01-03-2025",
        "Tegenvallers binnen project",
        "Wetswijziging",  # herijking with reasons ...
        "Extra koppelingen met gemeenten nodig.",
        "Een extra release.",  # ... and explanations
        "Gegevens op peildatum 31-12-2025",
    ]:
        assert verwacht in inhoud, verwacht
    # the history chart: an inline SVG with a title and description, the initial baseline as a dashed line next to the current estimate
    html = response.content.decode()
    svg = re.search(
        r'<svg[^>]*role="img"[^>]*aria-labelledby="grafiek-kosten-\d+-titel grafiek-kosten-\d+-desc".*?</svg>', html, re.S
    ).group(0)
    assert "<title" in svg and "<desc" in svg and 'stroke-dasharray="7 5"' in svg
    assert "Initiële baseline 20,0 mln euro" in svg and "actuele schatting 30,0 mln euro" in svg
    # and the table with the same history
    assert [(e.soort, e.totaal_geschat) for e in response.context["gebeurtenissen"]] == [
        ("initieel", Decimal("20000000.00")),
        ("rapportage", Decimal("20000000.00")),
        ("herijking", Decimal("30000000.00")),
        ("rapportage", Decimal("30000000.00")),
    ]


def test_activity_page_for_an_earlier_peildatum_shows_that_version(client, publiek):
    a = publiek.basisregistratie
    response = client.get(reverse("dashboard:activiteit", args=[a.nummer]), {"peildatum": "2024-12-31"})
    assert response.context["versie"].peildatum == P2024
    assert response.context["k"].actueel_totaal == Decimal("20000000")
    assert "U bekijkt de gegevens van een eerdere peildatum." in tekst(response)
    assert not response.context["herijkingen"]


def test_a_published_correction_supersedes_the_first_version(client, publiek):
    response = client.get(reverse("dashboard:activiteit", args=[publiek.beheer.nummer]))
    assert response.context["versie"].versienummer == 2
    assert response.context["k"].actueel_totaal == Decimal("9000000")


def test_an_activity_below_the_threshold_or_never_published_is_404(client, publiek):
    for a in (publiek.klein, publiek.concept, publiek.gecontroleerd):
        assert client.get(reverse("dashboard:activiteit", args=[a.nummer])).status_code == 404
    assert client.get(reverse("dashboard:activiteit", args=[999999])).status_code == 404
    assert client.get("/activiteiten/abc/").status_code == 404


def test_a_completed_activity_stays_visible_with_its_last_version(client, publiek):
    response = client.get(reverse("dashboard:activiteit", args=[publiek.afgerond.nummer]))
    assert response.status_code == 200
    assert response.context["status_label"] == "Afgerond"
    assert "Dechargedatum" in tekst(response)


# --------------------------------------------------------------------------
# Per ministerie: trend and comparison


def test_ministerie_page_shows_its_activities_and_trend(client, publiek):
    response = client.get(reverse("dashboard:ministerie", args=["bzk"]))
    assert response.status_code == 200
    assert {r["naam"] for r in response.context["rijen"]} == {
        "Vernieuwing Basisregistratie Personen",
        "Beheer en onderhoud MijnOverheid",
        "Migratie rekencentrum",
    }
    trend = [(t["peildatum"], t["k"].aantal, t["k"].som_initieel, t["k"].som_actueel) for t in response.context["trend"]]
    assert trend == [
        (P2024, 3, Decimal("40000000.00"), Decimal("40000000.00")),
        (P2025, 3, Decimal("40000000.00"), Decimal("51000000.00")),
    ]
    assert response.context["trend"][1]["verschil_actueel"] == Decimal("11000000.00")
    assert response.context["trend"][1]["k"].gemiddelde_vertraging_jaren == Decimal("0.33")  # (1.00 + 0 + 0) / 3
    html = response.content.decode()
    assert 'id="trend-kosten-bzk-titel"' in html and 'id="trend-aantal-bzk-titel"' in html
    assert "Trend per peildatum" in tekst(response)


def test_ministerie_page_paginates_its_activities(client, publiek, ministerie, office, cio, cio_rijk):
    from tests.dashboard.publiek import publiceren
    from tests.factories import activiteit

    extra = [activiteit(office, ministerie, naam=f"Extra activiteit {i:02d}", geschat=6_000_000) for i in range(PAGINA_GROOTTE)]
    publiceren(office, cio, cio_rijk, extra, P2025)
    url = reverse("dashboard:ministerie", args=["bzk"])
    eerste = client.get(url)
    assert len(eerste.context["rijen"]) == PAGINA_GROOTTE
    assert eerste.context["k"].aantal == PAGINA_GROOTTE + 3  # the key figures count all, not one page
    # the second page keeps the comparison's parameters and returns to the list's section
    tweede = client.get(url, {"page": 2, "van": "2024-12-31"})
    assert [r["naam"] for r in tweede.context["rijen"]] == [
        "Extra activiteit 24",
        "Migratie rekencentrum",
        "Vernieuwing Basisregistratie Personen",
    ]
    html = tweede.content.decode()
    assert 'href="?page=1&amp;van=2024-12-31#activiteiten" rel="prev"' in html
    assert "ICT-activiteiten van BZK, pagina 2 van 2" in tekst(tweede)
    assert client.get(url, {"page": 99}).context["page_obj"].number == 2


def test_comparison_of_two_peildata(client, publiek):
    response = client.get(reverse("dashboard:ministerie", args=["fin"]), {"van": "2024-12-31", "tot": "2025-12-31"})
    v = response.context["verschil"]
    assert [r["naam"] for r in v["nieuw"]] == ["Nieuw belastingsysteem"]
    assert [r["naam"] for r in v["geannuleerd"]] == ["Nieuw subsidiesysteem"]
    assert v["kostenverschil"] == Decimal("60000000.00")
    bzk = client.get(reverse("dashboard:ministerie", args=["bzk"])).context["verschil"]  # default: the two newest
    assert (bzk["van"], bzk["tot"]) == (P2024, P2025)
    assert [r["naam"] for r in bzk["afgerond"]] == ["Migratie rekencentrum"]
    assert [p["nieuw"]["naam"] for p in bzk["herijkt"]] == ["Vernieuwing Basisregistratie Personen"]
    assert bzk["herijkt"][0]["verschil"] == Decimal("10000000.00")
    assert {p["nieuw"]["naam"]: p["verschil"] for p in bzk["per_activiteit"]} == {
        "Vernieuwing Basisregistratie Personen": Decimal("10000000.00"),
        "Beheer en onderhoud MijnOverheid": Decimal("1000000.00"),
    }
    inhoud = tekst(client.get(reverse("dashboard:ministerie", args=["bzk"])))
    assert "Wat is er veranderd tussen twee peildata" in inhoud and "Migratie rekencentrum" in inhoud


@pytest.mark.parametrize(
    "params",
    [{"van": "2025-12-31", "tot": "2024-12-31"}, {"van": "2025-12-31", "tot": "2025-12-31"}, {"van": "2019-12-31"}, {"tot": "31-12-2025"}],
)
def test_bad_comparison_parameters_give_400(client, publiek, params):
    assert client.get(reverse("dashboard:ministerie", args=["bzk"]), params).status_code == 400


def test_unknown_ministerie_is_404(client, publiek):
    assert client.get(reverse("dashboard:ministerie", args=["xyz"])).status_code == 404


def test_ministeries_overview(client, publiek):
    response = client.get(reverse("dashboard:ministeries"))
    assert [(m["ministerie"]["afkorting"], m["k"].aantal) for m in response.context["lijst"]] == [("BZK", 3), ("FIN", 2)]


# --------------------------------------------------------------------------
# Charts: every chart has a data table with the same numbers


def test_every_chart_has_an_accessible_svg_and_a_table_with_the_same_numbers(client, publiek):
    response = client.get(reverse("dashboard:grafieken"))
    grafieken = {g["id"]: g for g in response.context["grafieken"]}
    assert set(grafieken) == {"kostenklassen", "einddatum", "redenen", "jaren", "ministeries", "onderwerpen"}
    html = response.content.decode()
    rijen = selectors.rijen(P2025)
    verwacht = {
        "kostenklassen": list(selectors.kostenklassen(rijen).values()),
        "einddatum": list(selectors.einddatum_verandering(rijen).values()),
        "redenen": list(selectors.herijkingen_per_reden(rijen).values()),
        "ministeries": [k.aantal for k in selectors.per_ministerie(rijen).values()],
        "onderwerpen": [k.aantal for k in selectors.per_onderwerp(rijen).values()],
        "jaren": [v["gestart"] for v in selectors.gestart_en_beeindigd_per_jaar(rijen).values()],
    }
    for id_, g in grafieken.items():
        assert [r["waarden"][0] for r in g["rijen"]] == verwacht[id_], id_
        svg = re.search(rf'<svg[^>]*aria-labelledby="grafiek-{id_}-titel grafiek-{id_}-desc".*?</svg>', html, re.S)
        assert svg, id_
        # the values printed at the bars are the table's values
        for waarde in verwacht[id_]:
            assert re.search(rf">{waarde}</text>", svg.group(0)), (id_, waarde)
        assert f'<caption id="{id_}-caption">' in html
    assert verwacht["redenen"] == [1, 1]
    assert grafieken["einddatum"]["rijen"][3]["waarden"] == [0]  # later > 1 jaar
    assert sorted(r["label"] for r in grafieken["redenen"]["rijen"]) == ["Tegenvallers binnen project", "Wetswijziging"]


def test_chart_rows_link_to_the_filtered_list(client, publiek):
    response = client.get(reverse("dashboard:grafieken"))
    per_ministerie = next(g for g in response.context["grafieken"] if g["id"] == "ministeries")
    assert [r["url"] for r in per_ministerie["rijen"]] == ["/activiteiten/?ministerie=bzk", "/activiteiten/?ministerie=fin"]


# --------------------------------------------------------------------------
# Open-data page, accessibility statement, language, errors


def test_open_data_page_documents_every_column(client, publiek):
    from portfolio.uitwisseling import KOLOMMEN

    response = client.get(reverse("dashboard:open_data"))
    velden = response.context["velden"]
    assert [v["naam"] for v in velden] == KOLOMMEN
    assert all(v["uitleg"] for v in velden), [v["naam"] for v in velden if not v["uitleg"]]
    inhoud = tekst(response)
    assert "CC0 1.0" in inhoud and "If-None-Match" in inhoud
    assert "/open-data/activiteiten.csv?peildatum=2024-12-31" in response.content.decode().replace("&amp;", "&")


def test_accessibility_statement(client, db):
    response = client.get(reverse("dashboard:toegankelijkheid"))
    assert response.status_code == 200
    assert "WCAG" in tekst(response) and "axe-core" in tekst(response)


def test_unknown_page_is_404_with_the_site_layout(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in tekst(response)


def test_language_switch_is_a_link_that_sets_the_language(client, publiek):
    response = client.get(reverse("dashboard:taal", args=["en"]), {"next": "/activiteiten/?ministerie=fin"})
    assert response.status_code == 302 and response["Location"] == "/activiteiten/?ministerie=fin"
    assert response.cookies["django_language"].value == "en"
    assert "ICT activities" in tekst(client.get("/activiteiten/"))


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_language_switch_never_redirects_off_site(client, db, next_url):
    response = client.get(reverse("dashboard:taal", args=["en"]), {"next": next_url})
    assert response["Location"] == "/"


def test_language_switch_ignores_unknown_languages_and_cross_site_requests(client, db):
    assert "django_language" not in client.get(reverse("dashboard:taal", args=["xx"])).cookies
    response = client.get(reverse("dashboard:taal", args=["en"]), headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 302 and "django_language" not in response.cookies


def test_public_pages_have_no_csrf_token_and_no_form_that_posts(client, publiek):
    for url in [
        "/",
        "/activiteiten/",
        f"/activiteiten/{publiek.basisregistratie.nummer}/",
        "/ministeries/bzk/",
        "/grafieken/",
        "/open-data/",
        "/toegankelijkheid/",
    ]:
        html = client.get(url).content.decode()
        assert "csrfmiddlewaretoken" not in html, url
        assert 'method="post"' not in html, url
        assert "csrftoken" not in client.cookies


def test_navigation_for_visitors(client, db):
    html = client.get("/activiteiten/").content.decode()
    assert re.search(r'<a class="hoofdnav__link" href="/activiteiten/" aria-current="page">', html)
    for url in ["/ministeries/", "/grafieken/", "/open-data/"]:
        assert f'href="{url}"' in html


def test_dates_are_iso_in_time_elements(client, publiek):
    html = client.get("/").content.decode()
    assert f'<time datetime="{P2025.isoformat()}">31-12-2025</time>' in html
    assert datetime.date.today()  # (the page needs no date of today)


def test_status_labels_use_the_reporting_model(client, publiek):
    response = client.get(reverse("dashboard:activiteiten"), {"status": Status.IN_HERORIENTATIE})
    assert response.status_code == 200 and response.context["totaal"] == 0
    labels = {o["waarde"]: o["label"] for f in response.context["facetten"] if f["naam"] == "status" for o in f["opties"]}
    assert labels[Status.IN_HERORIENTATIE] == "In heroriëntatie"  # selected, so shown with 0
