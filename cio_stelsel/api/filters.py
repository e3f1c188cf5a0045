"""Filters the API lists share (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from ..models import Ministerie

BESCHRIJVING = _("Code van het ministerie, bijvoorbeeld 'bzk' (herhaalbaar).")


# The schema names the code (a string), not the foreign key it is looked up through.
@extend_schema_field({"type": "string", "description": BESCHRIJVING})
class MinisterieCodeFilter(django_filters.ModelMultipleChoiceFilter):
    """``?ministerie=<code>`` (repeatable): the ministerie's fixed code, e.g. ``bzk``; an unknown code is a 400.

    ``veld`` is the path to the ministerie. The lookup is on its ``code``:
    django-filter builds ``{field_name: getattr(obj, to_field_name)}``, so a
    field_name of the foreign key itself compared an id with a code (the 500 of
    issue 13, finding 4).
    """

    def __init__(self, veld: str = "ministerie", **kwargs):
        kwargs.setdefault("label", BESCHRIJVING)
        super().__init__(field_name=f"{veld}__code", to_field_name="code", queryset=Ministerie.objects.all(), **kwargs)
