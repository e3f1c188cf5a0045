"""Bounded page-number pagination: ``?page=`` (from 1) and ``?page_size=`` (at most 100)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

MAXIMALE_PAGINAGROOTTE = 100


class Paginering(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAXIMALE_PAGINAGROOTTE
    invalid_page_message = _("Deze pagina bestaat niet.")

    def paginate_queryset(self, queryset, request, view=None):
        for param, minimum in ((self.page_query_param, 1), (self.page_size_query_param, 1)):
            waarde = request.query_params.get(param)
            if waarde is None:
                continue
            if not waarde.isdigit() or len(waarde) > 9 or int(waarde) < minimum:
                raise exceptions.ValidationError({param: [_("Geef een geheel getal van 1 of meer.")]})
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for p in parameters:
            if p["name"] == self.page_query_param:
                p["schema"] = {"type": "integer", "minimum": 1, "maximum": 999_999_999}
                p["description"] = str(_("Paginanummer, vanaf 1."))
            elif p["name"] == self.page_size_query_param:
                p["schema"] = {"type": "integer", "minimum": 1, "maximum": MAXIMALE_PAGINAGROOTTE}
                p["description"] = str(_("Aantal resultaten per pagina (hoogstens %(n)s).") % {"n": MAXIMALE_PAGINAGROOTTE})
        return parameters
