"""Filters of the oordelen API (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cio_stelsel.api.filters import MinisterieCodeFilter
from oordelen.models import Aanmelding, CioOordeel

NUMMER = {"min_value": 1, "max_value": 2_147_483_647}


class OordeelFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=CioOordeel.Status.choices)
    uitkomst = django_filters.ChoiceFilter(choices=CioOordeel.Uitkomst.choices)
    activiteit = django_filters.NumberFilter(field_name="activiteit__nummer", label=_("Nummer van de ICT-activiteit."), **NUMMER)
    ministerie = MinisterieCodeFilter(veld="activiteit__ministerie")

    class Meta:
        model = CioOordeel
        fields = ["status", "uitkomst", "activiteit", "ministerie"]


class AanmeldingFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Aanmelding.Status.choices)
    activiteit = django_filters.NumberFilter(field_name="activiteit__nummer", label=_("Nummer van de ICT-activiteit."), **NUMMER)
    ministerie = MinisterieCodeFilter(veld="activiteit__ministerie")

    class Meta:
        model = Aanmelding
        fields = ["status", "activiteit", "ministerie"]
