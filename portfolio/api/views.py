"""The portfolio API for CIO-offices and the CIO Rijk: ICT-activiteiten, their history and lists, and publication.

Exactly the permissions of the pages, because it asks the same entry points:
reads go through ``IctActiviteit.objects.zichtbaar_voor(user)`` and
``ActiviteitVersie.objects.zichtbaar_voor(user)`` (another organisation's
activity is a 404), and every change is a call of ``portfolio.services``,
which checks the rights on the locked row and raises ``PermissionDenied``
(403) or ``ValidationError`` (400) / ``Conflict`` (409). Nothing is decided here.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from portfolio import services
from portfolio.models import (
    ActiviteitVersie,
    Gebeurtenis,
    IctActiviteit,
    Kamerstuk,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelpartij,
)

from . import serializers as s
from .filters import ActiviteitFilter, Sortering, VersieFilter

NUMMER = r"[0-9]{1,9}"
ID = r"[0-9]{1,18}"

ACTIVITEIT_SORTERING = {
    "nummer": "nummer",
    "naam": "naam",
    "ministerie": "ministerie__afkorting",
    "status": "status",
    "startdatum": "startdatum",
    "gewijzigd_op": "gewijzigd_op",
    "initieel_totaal": "k_initieel_totaal",
    "actueel_totaal": "k_actueel_totaal",
    "actuele_einddatum": "k_actuele_einddatum",
}


class _ApiViewSet(viewsets.GenericViewSet):
    met_versie = True  # writes carry the version read (409 on a later save): documented in the schema


def zichtbare_activiteiten(user):
    """The one read entry point of the pages, with the key figures annotated in the same query."""
    return IctActiviteit.objects.zichtbaar_voor(user).met_kerncijfers().select_related("ministerie", "dienstonderdeel", "zbo")


def activiteit_of_404(request, nummer) -> IctActiviteit:
    return get_object_or_404(zichtbare_activiteiten(request.user), nummer=nummer)


def _opnieuw(request, activiteit: IctActiviteit) -> IctActiviteit:
    """The activity after a change, read again through the read entry point (with fresh key figures)."""
    return get_object_or_404(zichtbare_activiteiten(request.user).prefetch_related(*DETAIL_PREFETCH), pk=activiteit.pk)


DETAIL_PREFETCH = [
    Prefetch(
        "gebeurtenissen", queryset=Gebeurtenis.objects.select_related("vervangen_door").prefetch_related("redenen").order_by("datum", "pk")
    ),
    "mijlpalen",
    "kwaliteitstoetsen",
    "kamerstukken",
    "baten",
    "ontwikkelpartijen",
]


@extend_schema_view(
    list=extend_schema(summary=_("ICT-activiteiten die u mag inzien"), tags=["activiteiten"]),
    retrieve=extend_schema(summary=_("Eén ICT-activiteit met historie en lijsten"), tags=["activiteiten"]),
    create=extend_schema(
        summary=_("ICT-activiteit aanmaken met de initiële baseline"),
        tags=["activiteiten"],
        request=s.ActiviteitAanmakenSerializer,
        responses={201: s.ActiviteitDetailSerializer},
    ),
    partial_update=extend_schema(
        summary=_("Algemene gegevens wijzigen (met 'versie')"),
        tags=["activiteiten"],
        request=s.ActiviteitWijzigenSerializer,
        responses={200: s.ActiviteitDetailSerializer},
    ),
)
class ActiviteitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _ApiViewSet):
    """ICT-activiteiten: ``zichtbaar_voor(user)`` to read, ``portfolio.services`` to change."""

    lookup_field = "nummer"
    lookup_value_regex = NUMMER
    filter_backends = [DjangoFilterBackend, Sortering]
    filterset_class = ActiviteitFilter
    ordering_fields = list(ACTIVITEIT_SORTERING)
    ordering = ["ministerie", "naam"]
    sortering = ACTIVITEIT_SORTERING
    sortering_tiebreak = "nummer"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        qs = zichtbare_activiteiten(self.request.user)
        if self.action == "retrieve":
            qs = qs.prefetch_related(*DETAIL_PREFETCH)
        return qs

    def get_serializer_class(self):
        return s.ActiviteitDetailSerializer if self.action == "retrieve" else s.ActiviteitSerializer

    def create(self, request):
        invoer = s.ActiviteitAanmakenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        initieel = dict(invoer.validated_data["initieel"])
        a = services.activiteit_aanmaken(actor=request.user, gegevens=invoer.gegevens(), initieel=initieel)
        return Response(s.ActiviteitDetailSerializer(_opnieuw(request, a)).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, nummer=None):
        a = self.get_object()
        invoer = s.ActiviteitWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        a = services.activiteit_wijzigen(
            actor=request.user, activiteit=a, gegevens=invoer.gegevens(), versie=invoer.validated_data["versie"]
        )
        return Response(s.ActiviteitDetailSerializer(_opnieuw(request, a)).data)

    @extend_schema(summary=_("De historie van kosten en doorlooptijd"), tags=["activiteiten"], responses=s.GebeurtenisSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="gebeurtenissen", pagination_class=None, filterset_class=None)
    def gebeurtenissen(self, request, nummer=None):
        a = self.get_object()
        qs = a.gebeurtenissen.select_related("vervangen_door").prefetch_related("redenen").order_by("datum", "pk")
        return Response(s.GebeurtenisSerializer(qs, many=True).data)

    @extend_schema(
        summary=_("De laatste rapportage of herijking corrigeren (een nieuwe gebeurtenis die haar vervangt, met reden)"),
        tags=["activiteiten"],
        request=s.GebeurtenisCorrigerenSerializer,
        responses={201: s.GebeurtenisSerializer},
    )
    @action(detail=True, methods=["post"], url_path="gebeurtenissen/correctie", filterset_class=None, pagination_class=None)
    def gebeurtenis_corrigeren(self, request, nummer=None):
        a = self.get_object()
        invoer = s.GebeurtenisCorrigerenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        g = services.gebeurtenis_corrigeren(
            actor=request.user,
            activiteit=a,
            versie=d["versie"],
            reden=d["reden"],
            soort=d["soort"],
            datum=d["datum"],
            einddatum=d["einddatum"],
            bedragen={veld: d[veld] for veld in services.BEDRAGVELDEN},
            toelichting_kosten=d["toelichting_kosten"],
            toelichting_einddatum=d["toelichting_einddatum"],
            redenen=d.get("redenen", []),
        )
        return Response(s.GebeurtenisSerializer(g).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Rapportage of herijking vastleggen (een nieuwe gebeurtenis)"),
        tags=["activiteiten"],
        request=s.GebeurtenisToevoegenSerializer,
        responses={201: s.GebeurtenisSerializer},
    )
    @gebeurtenissen.mapping.post
    def gebeurtenis_toevoegen(self, request, nummer=None):
        a = self.get_object()
        invoer = s.GebeurtenisToevoegenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        g = services.gebeurtenis_toevoegen(
            actor=request.user,
            activiteit=a,
            versie=d["versie"],
            soort=d["soort"],
            datum=d["datum"],
            einddatum=d["einddatum"],
            bedragen={veld: d[veld] for veld in services.BEDRAGVELDEN},
            toelichting_kosten=d["toelichting_kosten"],
            toelichting_einddatum=d["toelichting_einddatum"],
            redenen=d.get("redenen", []),
        )
        return Response(s.GebeurtenisSerializer(g).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("De initiële baseline corrigeren (alleen zolang er geen latere gebeurtenis is)"),
        tags=["activiteiten"],
        request=s.BaselineCorrigerenSerializer,
        responses={200: s.GebeurtenisSerializer},
    )
    @action(detail=True, methods=["patch"], url_path="baseline", filterset_class=None)
    def baseline(self, request, nummer=None):
        a = self.get_object()
        invoer = s.BaselineCorrigerenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        versie = gegevens.pop("versie")
        g = services.initiele_baseline_wijzigen(actor=request.user, activiteit=a, versie=versie, gegevens=gegevens)
        return Response(s.GebeurtenisSerializer(g).data)

    @extend_schema(
        summary=_("De status wijzigen volgens de statusdefinities"),
        tags=["activiteiten"],
        request=s.StatusWijzigenSerializer,
        responses={200: s.ActiviteitDetailSerializer},
    )
    @action(detail=True, methods=["post"], url_path="status", filterset_class=None)
    def status(self, request, nummer=None):
        a = self.get_object()
        invoer = s.StatusWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        a = services.status_wijzigen(
            actor=request.user,
            activiteit=a,
            versie=d["versie"],
            status=d["status"],
            dechargedatum=d.get("dechargedatum"),
            annuleringsdatum=d.get("annuleringsdatum"),
            reden=d["reden"],
            ingangsdatum=d.get("ingangsdatum"),
        )
        return Response(s.ActiviteitDetailSerializer(_opnieuw(request, a)).data)


# --------------------------------------------------------------------------
# The lists of an activity (mijlpalen, kwaliteitstoetsen, Kamerstukken, baten, ontwikkelpartijen)

VERSIE_PARAMETER = OpenApiParameter(
    "versie",
    OpenApiTypes.INT,
    OpenApiParameter.QUERY,
    required=True,
    description=str(_("De versie van de ICT-activiteit die u las (409 bij een latere wijziging).")),
)


class _OnderdeelViewSet(_ApiViewSet):
    """One list of an activity. Changes go through ``services.activiteit_wijzigen`` (onderdelen / verwijderen)."""

    model = None
    uitvoer = None
    pagination_class = None
    filter_backends = []
    lookup_value_regex = ID

    def activiteit(self) -> IctActiviteit:
        return activiteit_of_404(self.request, self.kwargs["nummer"])

    def get_queryset(self):
        return self.model.objects.filter(activiteit=self.activiteit())

    def get_serializer_class(self):
        return self.uitvoer

    def list(self, request, nummer=None):
        return Response(self.uitvoer(self.get_queryset(), many=True).data)

    def retrieve(self, request, nummer=None, pk=None):
        return Response(self.uitvoer(self.get_object()).data)

    def _opslaan(self, activiteit, versie, *, onderdelen=(), verwijderen=()):
        return services.activiteit_wijzigen(
            actor=self.request.user, activiteit=activiteit, gegevens={}, versie=versie, onderdelen=onderdelen, verwijderen=verwijderen
        )

    def create(self, request, nummer=None):
        a = self.activiteit()
        invoer = self.invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        versie = gegevens.pop("versie")
        obj = self.model(activiteit=a, **gegevens)
        self._opslaan(a, versie, onderdelen=[obj])
        return Response(self.uitvoer(obj).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, nummer=None, pk=None):
        obj = self.get_object()
        invoer = self.wijziging(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        versie = gegevens.pop("versie")
        for veld, waarde in gegevens.items():
            setattr(obj, veld, waarde)
        self._opslaan(obj.activiteit, versie, onderdelen=[obj])
        return Response(self.uitvoer(obj).data)

    def destroy(self, request, nummer=None, pk=None):
        obj = self.get_object()
        versie = serializers.IntegerField(min_value=1, max_value=s.MAX_INT)
        try:
            waarde = versie.run_validation(request.query_params.get("versie", serializers.empty))
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"versie": exc.detail}) from None
        self._opslaan(obj.activiteit, waarde, verwijderen=[obj])
        return Response(status=status.HTTP_204_NO_CONTENT)


def _onderdeel_viewset(naam: str, model, uitvoer, meervoud: str):
    invoer, wijziging = s.onderdeel_invoer(uitvoer), s.onderdeel_wijziging(uitvoer)
    tag = ["activiteiten"]
    klasse = type(
        f"{model.__name__}ViewSet",
        (_OnderdeelViewSet,),
        {"model": model, "uitvoer": uitvoer, "invoer": invoer, "wijziging": wijziging, "__doc__": f"{meervoud} van een ICT-activiteit."},
    )
    return extend_schema_view(
        list=extend_schema(summary=_("%(m)s van een ICT-activiteit") % {"m": meervoud}, tags=tag, responses=uitvoer(many=True)),
        retrieve=extend_schema(summary=_("Eén %(n)s") % {"n": naam}, tags=tag, responses=uitvoer),
        create=extend_schema(
            summary=_("%(n)s toevoegen (met 'versie' van de activiteit)") % {"n": naam}, tags=tag, request=invoer, responses={201: uitvoer}
        ),
        partial_update=extend_schema(
            summary=_("%(n)s wijzigen (met 'versie' van de activiteit)") % {"n": naam}, tags=tag, request=wijziging, responses=uitvoer
        ),
        destroy=extend_schema(
            summary=_("%(n)s verwijderen (met ?versie= van de activiteit)") % {"n": naam},
            tags=tag,
            parameters=[VERSIE_PARAMETER],
            responses={204: None},
        ),
    )(klasse)


ONDERDEEL_VIEWSETS = {
    "mijlpalen": _onderdeel_viewset("mijlpaal", Mijlpaal, s.MijlpaalSerializer, "Mijlpalen"),
    "kwaliteitstoetsen": _onderdeel_viewset("kwaliteitstoets", Kwaliteitstoets, s.KwaliteitstoetsSerializer, "Kwaliteitstoetsen"),
    "kamerstukken": _onderdeel_viewset("Kamerstuk", Kamerstuk, s.KamerstukSerializer, "Tweede Kamerstukken"),
    "baten": _onderdeel_viewset("maatschappelijke baat", MaatschappelijkeBaat, s.BaatSerializer, "Maatschappelijke baten"),
    "ontwikkelpartijen": _onderdeel_viewset("ontwikkelpartij", Ontwikkelpartij, s.OntwikkelpartijSerializer, "Ontwikkelpartijen"),
}


# --------------------------------------------------------------------------
# Publication per peildatum


@extend_schema_view(
    list=extend_schema(summary=_("Versies voor publicatie die u mag inzien"), tags=["publicatie"]),
    retrieve=extend_schema(summary=_("Eén versie met het bevroren record"), tags=["publicatie"]),
)
class VersieViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Versions per peildatum: concept → gecontroleerd → gepubliceerd (B14, B15). The steps call the services."""

    filterset_class = VersieFilter
    ordering_fields = ["peildatum", "versienummer", "status", "naam", "gepubliceerd_op"]
    ordering = ["-peildatum", "naam", "-versienummer"]
    lookup_value_regex = ID

    def get_queryset(self):
        return ActiviteitVersie.objects.zichtbaar_voor(self.request.user).select_related("activiteit", "ministerie")

    def get_serializer_class(self):
        return s.VersieDetailSerializer if self.action == "retrieve" else s.VersieSerializer

    @extend_schema(
        summary=_("De huidige gegevens van een activiteit bevriezen als conceptversie (CIO-office)"),
        tags=["publicatie"],
        request=s.VersieVoorbereidenSerializer,
        responses={201: s.VersieSerializer},
    )
    @action(detail=False, methods=["post"], filterset_class=None, pagination_class=None)
    def voorbereiden(self, request):
        invoer = s.VersieVoorbereidenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        a = activiteit_of_404(request, d["activiteit"])
        v = services.versie_voorbereiden(actor=request.user, activiteit=a, peildatum=d["peildatum"])
        return Response(s.VersieSerializer(v).data, status=status.HTTP_201_CREATED)

    def _verplaatsen(self, request, uitvoeren):
        invoer = s.VersiesVerplaatsenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        versies = None
        if "versies" in d:
            gevraagd = set(d["versies"])
            versies = list(
                ActiviteitVersie.objects.zichtbaar_voor(request.user).filter(
                    ministerie=d["ministerie"], peildatum=d["peildatum"], pk__in=gevraagd
                )
            )
            if len(versies) != len(gevraagd):
                raise serializers.ValidationError({"versies": [_("Niet alle versies horen bij dit ministerie en deze peildatum.")]})
        gedaan = uitvoeren(actor=request.user, ministerie=d["ministerie"], peildatum=d["peildatum"], versies=versies)
        return Response(s.VersieSerializer(gedaan, many=True).data)

    @extend_schema(
        summary=_("Datakwaliteit aftekenen: concept → gecontroleerd (departementale CIO, art 16.4)"),
        tags=["publicatie"],
        request=s.VersiesVerplaatsenSerializer,
        responses={200: s.VersieSerializer(many=True)},
    )
    @action(detail=False, methods=["post"], filterset_class=None, pagination_class=None)
    def aftekenen(self, request):
        return self._verplaatsen(request, services.versies_aftekenen)

    @extend_schema(
        summary=_("Publiceren: gecontroleerd → gepubliceerd (CIO Rijk, art 16.3)"),
        tags=["publicatie"],
        request=s.VersiesVerplaatsenSerializer,
        responses={200: s.VersieSerializer(many=True)},
    )
    @action(detail=False, methods=["post"], filterset_class=None, pagination_class=None)
    def publiceren(self, request):
        return self._verplaatsen(request, services.versies_publiceren)
