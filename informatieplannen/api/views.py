"""The informatieplannen API, with the rights of the pages; read-only.

* ``informatieplannen/``: the plans the user may see, through ``Informatieplan.objects.zichtbaar_voor``
  (the own ministerie: every version, concepts included; the CIO Rijk: from vastgesteld on, never a
  concept, B12, B28; another ministry's plan is a 404).
* ``publiek/informatieplannen/``: without log-in, the openbare plans only, through the read model
  ``informatieplannen.openbaar`` (no concept, no CISO section, no toets).
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from cio_stelsel.api.throttling import AnoniemThrottle, ScopeThrottle
from informatieplannen import openbaar
from informatieplannen.models import Informatieplan
from portfolio.api.views import ID

from . import serializers as s

TAGS = ["informatieplannen"]
TAGS_PUBLIEK = ["publiek"]


@extend_schema_view(
    list=extend_schema(summary=_("Informatieplannen die u mag inzien"), tags=TAGS),
    retrieve=extend_schema(summary=_("Eén informatieplan, met portfolio, financiële paragraaf en toets"), tags=TAGS),
)
class InformatieplanViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.InformatieplanSerializer
    filterset_fields = ["status", "ministerie__code"]
    ordering_fields = ["aangemaakt_op", "vastgesteld_op", "periode_van"]
    ordering = ["-aangemaakt_op", "-pk"]
    lookup_value_regex = ID
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        qs = Informatieplan.objects.zichtbaar_voor(self.request.user).select_related("ministerie")
        if self.action == "retrieve":
            qs = qs.select_related("toets").prefetch_related("activiteiten__activiteit", "activiteiten__financien", "toets__bevindingen")
        return qs

    def get_serializer_class(self):
        return s.InformatieplanDetailSerializer if self.action == "retrieve" else s.InformatieplanSerializer


class _Publiek(GenericAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AnoniemThrottle, ScopeThrottle]
    throttle_scope = "publiek"
    http_method_names = ["get", "head", "options"]
    queryset = Informatieplan.objects.none()  # for the schema only: the data comes from informatieplannen.openbaar
    filter_backends = []


class OpenbarePlannenView(_Publiek):
    serializer_class = s.OpenbaarPlanSerializer

    @extend_schema(
        tags=TAGS_PUBLIEK,
        summary=_("De openbare informatieplannen van de ministeries"),
        operation_id="publiek_informatieplannen_list",
        responses=s.OpenbaarPlanSerializer(many=True),
    )
    def get(self, request):
        plannen = openbaar.openbare_plannen()
        pagina = self.paginate_queryset(plannen)
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)


class OpenbaarPlanView(_Publiek):
    serializer_class = s.OpenbaarPlanDetailSerializer
    pagination_class = None

    @extend_schema(
        tags=TAGS_PUBLIEK,
        summary=_("Eén openbaar informatieplan, met portfolio en financiële paragraaf"),
        operation_id="publiek_informatieplannen_retrieve",
    )
    def get(self, request, pk):
        plan = openbaar.openbaar_plan(int(pk))
        if plan is None:
            raise Http404
        return Response(self.get_serializer(plan).data)
