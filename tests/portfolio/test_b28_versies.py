"""B28: no blanket access to a ministry's internal drafts: the CIO Rijk does not read a concept activity version (issue 14)."""

import datetime

import pytest
from django.urls import reverse

from portfolio import services
from portfolio.models import ActiviteitVersie
from tests.factories import activiteit

pytestmark = pytest.mark.django_db
P = datetime.date(2024, 12, 31)


def test_b28_cio_rijk_does_not_see_a_concept_version_but_the_ministry_does(office, cio, cio_rijk, ministerie, login):
    a = activiteit(office, ministerie)
    v = services.versie_voorbereiden(actor=office, activiteit=a, peildatum=P)
    assert v.status == ActiviteitVersie.Status.CONCEPT
    assert v in ActiviteitVersie.objects.zichtbaar_voor(office)
    assert v not in ActiviteitVersie.objects.zichtbaar_voor(cio_rijk)
    assert login(cio_rijk).get(reverse("portfolio:versie", args=[v.pk])).status_code in (403, 404)
    assert login(office).get(reverse("portfolio:versie", args=[v.pk])).status_code == 200


def test_b28_cio_rijk_sees_the_version_once_signed_off(office, cio, cio_rijk, ministerie):
    a = activiteit(office, ministerie)
    v = services.versie_voorbereiden(actor=office, activiteit=a, peildatum=P)
    services.versies_aftekenen(actor=cio, ministerie=ministerie, peildatum=P, versies=[v])
    assert v in ActiviteitVersie.objects.zichtbaar_voor(cio_rijk)
