"""Filters of the portfolio API (django-filter). Invalid values give a 400 with the field's error."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import OrderingFilter

from cio_stelsel.api.filters import MinisterieCodeFilter
from portfolio.models import ActiviteitVersie, IctActiviteit, Soort, Status


def zoeken(qs, tekst: str):
    """The same search as the list page (portfolio.views._zoeken): every word must match."""
    from portfolio.views import _zoeken

    return _zoeken(qs, tekst)


class ActiviteitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, label=_("Zoeken op naam, nummer, onderwerp of organisatie."))
    ministerie = MinisterieCodeFilter()
    soort = django_filters.MultipleChoiceFilter(choices=Soort.choices)
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    onderwerp = django_filters.CharFilter(max_length=120)

    class Meta:
        model = IctActiviteit
        fields = ["q", "ministerie", "soort", "status", "onderwerp"]

    def filter_q(self, qs, name, value):
        return zoeken(qs, value) if value else qs


class VersieFilter(django_filters.FilterSet):
    peildatum = django_filters.DateFilter()
    status = django_filters.MultipleChoiceFilter(choices=ActiviteitVersie.Status.choices)
    ministerie = MinisterieCodeFilter()
    activiteit = django_filters.NumberFilter(
        field_name="activiteit__nummer", min_value=1, max_value=2_147_483_647, label=_("Nummer van de ICT-activiteit.")
    )

    class Meta:
        model = ActiviteitVersie
        fields = ["peildatum", "status", "ministerie", "activiteit"]


class Sortering(OrderingFilter):
    """``?ordering=`` with the names of the output (``view.sortering``: API name → ORDER BY expression).

    Unknown names are ignored, as DRF does; the view's ``ordering`` is the default.
    """

    def filter_queryset(self, request, queryset, view):
        volgorde = self.get_ordering(request, queryset, view)
        if not volgorde:
            return queryset
        kaart = getattr(view, "sortering", {})
        uitdrukkingen = [("-" if v.startswith("-") else "") + kaart.get(v.lstrip("-"), v.lstrip("-")) for v in volgorde]
        return queryset.order_by(*uitdrukkingen, getattr(view, "sortering_tiebreak", "pk"))
