"""The selectors behind the public pages: the stand, one activity's version, the memo and the end-date classes."""

import datetime

import pytest
from django.db import connection

from dashboard import selectors
from tests.dashboard.publiek import P2024, P2025, publiceren
from tests.factories import activiteit

pytestmark = pytest.mark.django_db


def _stand_pks(op) -> set[int]:
    return set(selectors.stand(op).values_list("pk", flat=True))


def test_stand_is_the_same_with_distinct_on_and_with_the_anti_join(publiek, monkeypatch):
    """PostgreSQL reads the stand with DISTINCT ON over an index, SQLite with NOT EXISTS: the same versions."""
    # the correction (versie 2) wins, the first version of that peildatum is not in the stand
    assert selectors.stand(P2025).get(activiteit=publiek.beheer).versienummer == 2
    if not connection.features.can_distinct_on_fields:
        pytest.skip("SQLite has only the anti-join; the suite on PostgreSQL compares the two")
    per_peildatum = {p: _stand_pks(p) for p in (P2024, P2025, datetime.date(2025, 6, 30))}
    monkeypatch.setattr(connection.features, "can_distinct_on_fields", False)
    assert {p: _stand_pks(p) for p in per_peildatum} == per_peildatum


def test_one_activitys_version_equals_the_stand(publiek):
    for op in (P2024, P2025):
        verwacht = {v.activiteit.nummer: v.pk for v in selectors.stand(op).select_related("activiteit")}
        for a in (*publiek.openbaar, publiek.klein, publiek.concept, publiek.gecontroleerd):
            versie = selectors.gepubliceerde_versie(a.nummer, op)
            assert (versie.pk if versie else None) == verwacht.get(a.nummer), (a.naam, op)


def test_the_memo_sees_a_new_publication_whichever_process_published(publiek, ministerie, office, cio, cio_rijk):
    eerste = selectors.Cijfers()
    assert len(eerste.rijen(P2025)) == 5
    publiceren(office, cio, cio_rijk, [activiteit(office, ministerie, naam="Nieuw", geschat=8_000_000)], P2025)
    # no on_commit, no page-cache generation: the stamp alone changes
    tweede = selectors.Cijfers()
    assert tweede.stempel != eerste.stempel
    assert len(tweede.rijen(P2025)) == 6
    assert len(eerste.rijen(P2025)) == 5  # a request keeps the stamp it started with


def test_a_changed_threshold_changes_the_stamp(publiek):
    from portfolio.models import Rapportagemodel

    voor = selectors.Cijfers()
    Rapportagemodel.objects.create(geldig_vanaf=datetime.date(2025, 1, 1), drempel_eur=10_000_000)
    na = selectors.Cijfers()
    assert na.stempel != voor.stempel
    assert {r["naam"] for r in na.rijen(P2025)} >= {"Nieuw belastingsysteem", "Vernieuwing Basisregistratie Personen"}
    assert "Beheer en onderhoud MijnOverheid" not in {r["naam"] for r in na.rijen(P2025)}  # 9 mln < 10 mln


@pytest.mark.parametrize(
    "initieel, actueel, klasse",
    [
        (datetime.date(2024, 6, 30), datetime.date(2024, 6, 1), "eerder"),
        (datetime.date(2024, 6, 30), datetime.date(2024, 6, 30), "ongewijzigd"),
        (datetime.date(2024, 6, 30), datetime.date(2025, 6, 30), "later_tot_1_jaar"),
        (datetime.date(2022, 1, 1), datetime.date(2023, 1, 2), "later_meer_dan_1_jaar"),  # 366 days, more than a calendar year
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28), "later_tot_1_jaar"),
        (None, datetime.date(2025, 2, 28), "onbekend"),
    ],
)
def test_end_date_classes_match_the_export_column(initieel, actueel, klasse):
    from portfolio.uitwisseling import aanpassing_einddatum

    assert selectors.einddatum_klasse({"initiele_einddatum": initieel, "actuele_einddatum": actueel}) == klasse
    export = {
        "eerder": "Eerder",
        "ongewijzigd": "Ongewijzigd",
        "later_tot_1_jaar": "Later (≤ 1 jaar)",
        "later_meer_dan_1_jaar": "Later (> 1 jaar)",
        "onbekend": "",
    }
    assert aanpassing_einddatum(initieel, actueel) == export[klasse]
