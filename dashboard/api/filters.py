"""The parameters of the public list, validated by django-filter and executed by ``dashboard.selectors.zoeken``.

The public pages filter, search and sort the stand with ``selectors.zoeken``
(facets as on the Rijks ICT-dashboard, accent-insensitive search); the API
uses the same function, so a page and an API call with the same parameters
give the same rows. This FilterSet only checks the input (a 400 with the
field's error in Dutch) and documents it in the OpenAPI schema.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from dashboard import selectors
from portfolio.models import ActiviteitVersie, Soort, Status

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]
SORTERING_KEUZES = [(k, k) for k in selectors.SORTERINGEN] + [(f"-{k}", f"-{k}") for k in selectors.SORTERINGEN]


class _VrijeWaardenField(forms.MultipleChoiceField):
    """Several free-text values (?onderwerp=a&onderwerp=b), each at most 200 characters."""

    def valid_value(self, value):
        return len(value) <= 200


@extend_schema_field({"type": "string", "maxLength": 200})
class VrijeWaardenFilter(django_filters.MultipleChoiceFilter):
    field_class = _VrijeWaardenField


class PubliekeActiviteitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(max_length=200, label=_("Zoeken op naam, nummer, onderwerp of organisatie (accentongevoelig)."))
    soort = django_filters.MultipleChoiceFilter(choices=Soort.choices, label=_("Soort ICT-activiteit (herhaalbaar)."))
    ministerie = VrijeWaardenFilter(label=_("Code van het ministerie, bijvoorbeeld 'bzk' (herhaalbaar)."))
    organisatie = VrijeWaardenFilter(label=_("Uitvoerende organisatie (herhaalbaar)."))
    onderwerp = VrijeWaardenFilter(label=_("Onderwerp; 'onbekend' voor zonder onderwerp (herhaalbaar)."))
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, label=_("Status (herhaalbaar)."))
    acict = django_filters.MultipleChoiceFilter(choices=JA_NEE, label=_("Met AcICT-advies: ja of nee."))
    baat = django_filters.MultipleChoiceFilter(choices=JA_NEE, label=_("Met maatschappelijke baat: ja of nee."))
    vertraging = django_filters.MultipleChoiceFilter(
        choices=[(k, k) for k in selectors.EINDDATUM_KLASSEN],
        label=_("Aanpassing van de einddatum tegenover de initiële, als einddatum_klasse (herhaalbaar)."),
    )

    class Meta:
        model = ActiviteitVersie
        fields = ["q", "soort", "ministerie", "organisatie", "onderwerp", "status", "acict", "baat", "vertraging"]

    def zoekopdracht(self) -> dict:
        """The keyword arguments of ``selectors.zoeken`` (call after is_valid())."""
        d = self.form.cleaned_data
        return {
            "q": d.get("q") or "",
            "filters": {facet: set(d.get(facet) or []) for facet in selectors.FACETTEN if d.get(facet)},
        }


class SorteringFilter(django_filters.FilterSet):
    """Only for the list: the sort key of ``selectors.SORTERINGEN`` (a leading '-' sorts descending)."""

    ordering = django_filters.ChoiceFilter(
        choices=SORTERING_KEUZES, label=_("Sortering, bijvoorbeeld 'naam' of '-actueel'. Lege waarden komen altijd achteraan.")
    )

    class Meta:
        model = ActiviteitVersie
        fields = ["ordering"]


class PubliekeLijstFilter(PubliekeActiviteitFilter, SorteringFilter):
    class Meta:
        model = ActiviteitVersie
        fields = [*PubliekeActiviteitFilter.Meta.fields, "ordering"]
