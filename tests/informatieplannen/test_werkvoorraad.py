"""The werkvoorraad (start page): the informatieplan step of each role, and none for the roles that have no step."""

import pytest
from django.urls import reverse

from informatieplannen import services

from .conftest import bevindingen

pytestmark = pytest.mark.django_db


def _taken(login, user) -> str:
    return login(user).get(reverse("cio_stelsel:werkvoorraad")).content.decode()


def test_b11_the_ciso_of_the_ministry_gets_the_section_to_write_others_do_not(login, plan, ciso, ciso_ander, ciso_logius, office):
    assert "Paragraaf informatiebeveiliging schrijven: Informatieplan BZK" in _taken(login, ciso)
    for user in (ciso_ander, ciso_logius, office):
        assert "Paragraaf informatiebeveiliging schrijven" not in _taken(login, user)


def test_b11_an_actualisatie_asks_the_ciso_again(login, vastgesteld, office, ciso):
    assert "Paragraaf informatiebeveiliging schrijven" not in _taken(login, ciso)
    services.plan_actualiseren(actor=office, plan=vastgesteld)
    assert "Paragraaf informatiebeveiliging schrijven" in _taken(login, ciso)


def test_b12_the_minister_gets_the_plan_to_decide_another_minister_does_not(login, aangeboden, minister, minister_ander, office):
    assert "Informatieplan vaststellen: Informatieplan BZK" in _taken(login, minister)
    for user in (minister_ander, office):
        assert "Informatieplan vaststellen" not in _taken(login, user)


def test_b12_the_cio_rijk_gets_the_toets_to_do_until_it_is_done(login, vastgesteld, cio_rijk, minister):
    assert "Kwaliteitstoets informatieplan: Informatieplan BZK (BZK)" in _taken(login, cio_rijk)
    assert "Kwaliteitstoets informatieplan" not in _taken(login, minister)
    services.plan_toetsen(actor=cio_rijk, plan=vastgesteld, bevindingen=bevindingen(), eindoordeel="voldoende", samenvatting="Op orde.")
    assert "Kwaliteitstoets informatieplan" not in _taken(login, cio_rijk)


def test_b28_the_cio_rijk_gets_no_task_for_a_plan_before_it_is_vastgesteld(login, aangeboden, cio_rijk):
    assert "Mijn taken: informatieplannen" not in _taken(login, cio_rijk)
