"""The oordelen API: CIO-oordelen, afwijkingen (art 5.3) and AcICT aanmeldingen, with the rights of the pages.

Reads: ``CioOordeel.objects.zichtbaar_voor(user)`` and ``Aanmelding.objects.zichtbaar_voor(user)``
(the CIO Rijk sees decided oordelen and submitted aanmeldingen only, B7, B28;
another ministry's are a 404). Every step is a call of ``oordelen.services``,
which checks the role (``PermissionDenied`` → 403) and the rules B1-B9.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from oordelen import services
from oordelen.models import Aanmelding, CioOordeel
from portfolio.api.views import ID
from portfolio.models import IctActiviteit

from . import serializers as s
from .filters import AanmeldingFilter, OordeelFilter

TAG_OORDELEN = ["oordelen"]
TAG_AANMELDINGEN = ["aanmeldingen"]


def _activiteit(request, nummer: int) -> IctActiviteit:
    return get_object_or_404(IctActiviteit.objects.zichtbaar_voor(request.user).select_related("ministerie"), nummer=nummer)


@extend_schema_view(
    list=extend_schema(summary=_("CIO-oordelen die u mag inzien"), tags=TAG_OORDELEN),
    retrieve=extend_schema(summary=_("Eén CIO-oordeel"), tags=TAG_OORDELEN),
    create=extend_schema(
        summary=_("Een concept-oordeel opstellen (CIO-office, art 3.5-3.6)"),
        tags=TAG_OORDELEN,
        request=s.OordeelOpstellenSerializer,
        responses={201: s.OordeelSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Een concept-oordeel wijzigen (met 'versie')"),
        tags=TAG_OORDELEN,
        request=s.OordeelWijzigenSerializer,
        responses={200: s.OordeelSerializer},
    ),
)
class OordeelViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.OordeelSerializer
    filterset_class = OordeelFilter
    ordering_fields = ["aangemaakt_op", "vastgesteld_op", "status"]
    ordering = ["-aangemaakt_op", "-pk"]
    lookup_value_regex = ID
    http_method_names = ["get", "post", "patch", "head", "options"]
    met_versie = True

    def get_queryset(self):
        return (
            CioOordeel.objects.zichtbaar_voor(self.request.user)
            .select_related("activiteit__ministerie", "afwijking")
            .prefetch_related("voorwaarden")
        )

    def _opnieuw(self, oordeel):
        return get_object_or_404(self.get_queryset(), pk=oordeel.pk)

    def create(self, request):
        invoer = s.OordeelOpstellenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        activiteit = _activiteit(request, gegevens.pop("activiteit"))
        o = services.oordeel_opstellen(actor=request.user, activiteit=activiteit, gegevens=gegevens)
        return Response(s.OordeelSerializer(self._opnieuw(o)).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        o = self.get_object()
        invoer = s.OordeelWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        versie = gegevens.pop("versie")
        o = services.oordeel_wijzigen(actor=request.user, oordeel=o, versie=versie, gegevens=gegevens)
        return Response(s.OordeelSerializer(self._opnieuw(o)).data)

    @extend_schema(
        summary=_("De bijdrage over informatiebeveiliging leveren (CISO, art 7 k, B5)"),
        tags=TAG_OORDELEN,
        request=s.CisoBijdrageSerializer,
        responses={200: s.OordeelSerializer},
    )
    @action(detail=True, methods=["post"], url_path="ciso-bijdrage", filterset_class=None)
    def ciso_bijdrage(self, request, pk=None):
        o = self.get_object()
        invoer = s.CisoBijdrageSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        o = services.ciso_bijdrage_leveren(actor=request.user, oordeel=o, bijdrage=d["ciso_bijdrage"], versie=d.get("versie"))
        return Response(s.OordeelSerializer(self._opnieuw(o)).data)

    @extend_schema(
        summary=_("Het oordeel vaststellen (departementale CIO, art 4 j, 5; B5-B7)"),
        tags=TAG_OORDELEN,
        request=s.VaststellenSerializer,
        responses={200: s.OordeelSerializer},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def vaststellen(self, request, pk=None):
        o = self.get_object()
        invoer = s.VaststellenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        o = services.oordeel_vaststellen(
            actor=request.user,
            oordeel=o,
            uitkomst=d["uitkomst"],
            motivering=d["motivering"],
            voorwaarden=d["voorwaarden"],
            versie=d.get("versie"),
        )
        return Response(s.OordeelSerializer(self._opnieuw(o)).data)

    @extend_schema(
        summary=_("Afwijken van een negatief oordeel (SG of minister, art 5.3, B1)"),
        tags=TAG_OORDELEN,
        request=s.AfwijkingVastleggenSerializer,
        responses={201: s.OordeelSerializer},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def afwijking(self, request, pk=None):
        o = self.get_object()
        invoer = s.AfwijkingVastleggenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        services.afwijking_vastleggen(actor=request.user, oordeel=o, door_rol=d["door_rol"], motivering=d["motivering"], datum=d["datum"])
        return Response(s.OordeelSerializer(self._opnieuw(o)).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary=_("Aanmeldingen bij het Adviescollege ICT-toetsing die u mag inzien"), tags=TAG_AANMELDINGEN),
    retrieve=extend_schema(summary=_("Eén aanmelding"), tags=TAG_AANMELDINGEN),
    create=extend_schema(
        summary=_("Een concept-aanmelding opstellen (vereist een vastgesteld oordeel, B8)"),
        tags=TAG_AANMELDINGEN,
        request=s.AanmeldingOpstellenSerializer,
        responses={201: s.AanmeldingSerializer},
    ),
)
class AanmeldingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.AanmeldingSerializer
    filterset_class = AanmeldingFilter
    ordering_fields = ["aangemaakt_op", "aangemeld_op", "status"]
    ordering = ["-aangemaakt_op", "-pk"]
    lookup_value_regex = ID

    def get_queryset(self):
        return (
            Aanmelding.objects.zichtbaar_voor(self.request.user).select_related("activiteit__ministerie").prefetch_related("aanbevelingen")
        )

    def _antwoord(self, aanmelding, code=status.HTTP_200_OK):
        return Response(s.AanmeldingSerializer(get_object_or_404(self.get_queryset(), pk=aanmelding.pk)).data, status=code)

    def create(self, request):
        invoer = s.AanmeldingOpstellenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        a = services.aanmelding_opstellen(
            actor=request.user, activiteit=_activiteit(request, d["activiteit"]), toelichting=d["toelichting"]
        )
        return self._antwoord(a, status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Indienen namens de minister (departementale CIO, B9, art 4 k)"),
        tags=TAG_AANMELDINGEN,
        request=s.IndienenSerializer,
        responses={200: s.AanmeldingSerializer},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def indienen(self, request, pk=None):
        a = self.get_object()
        invoer = s.IndienenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        return self._antwoord(services.aanmelding_indienen(actor=request.user, aanmelding=a, datum=invoer.validated_data.get("datum")))

    @extend_schema(
        summary=_("Het besluit van het college vastleggen (toetsen of niet)"),
        tags=TAG_AANMELDINGEN,
        request=s.CollegebesluitSerializer,
        responses={200: s.AanmeldingSerializer},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def collegebesluit(self, request, pk=None):
        a = self.get_object()
        invoer = s.CollegebesluitSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        return self._antwoord(services.collegebesluit_vastleggen(actor=request.user, aanmelding=a, toetsen=d["toetsen"], datum=d["datum"]))

    @extend_schema(
        summary=_("Het advies vastleggen (ook een kwaliteitstoets: AcICT-advies ja)"),
        tags=TAG_AANMELDINGEN,
        request=s.AdviesSerializer,
        responses={200: s.AanmeldingSerializer},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def advies(self, request, pk=None):
        a = self.get_object()
        invoer = s.AdviesSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        return self._antwoord(
            services.advies_vastleggen(
                actor=request.user,
                aanmelding=a,
                datum=d["datum"],
                samenvatting=d["samenvatting"],
                aanbevelingen=d["aanbevelingen"],
                link=d["link"],
                kamerstuk=d["kamerstuk"],
            )
        )

    @extend_schema(
        summary=_("De bestuurlijke reactie vaststellen (departementale CIO); daarna gedeeld met de CIO Rijk"),
        tags=TAG_AANMELDINGEN,
        request=s.ReactieSerializer,
        responses={200: s.AanmeldingSerializer},
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def reactie(self, request, pk=None):
        a = self.get_object()
        invoer = s.ReactieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        reacties = {r["aanbeveling"]: (r["reactie"], r["toelichting"]) for r in d["reacties"]}
        return self._antwoord(
            services.reactie_vaststellen(
                actor=request.user, aanmelding=a, datum=d["datum"], toelichting=d["toelichting"], reacties=reacties
            )
        )
