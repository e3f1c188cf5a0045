"""What a Kamerlid stumbled on (issue 18, public side): figures that cannot be confused, links where a reader expects them.

Each test fails on the code before the fix: the home tile and the table below it showed two different
"actuele schatting" totals without saying that one counts only the running activities; the ministry
page's AcICT tile said "1 afgerond" (the number of completed activities, not of advice); the public
Jaarrapportages were not in the main navigation; Kamerstuk numbers were plain text.
"""

import re

import pytest
from django.urls import reverse

from cio_stelsel.kamerstukken import kamerstuk_id, kamerstuk_url
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
