"""API of the I-strategie Rijk and the toezeggingen: public (``publiek/...``) and for staff, with the pages' rights.

* Public, without log-in: ``publiek/i-strategie/`` (the strategy with every action's status) and
  ``publiek/toezeggingen/`` (filterable); both read ``istrategie_leesmodel``, so only public fields go out.
* Staff (token or verified session): actions with their progress notes, reporting progress (the holder),
  the yearly updates (B26, the CIO Rijk records them), the register of commitments (the CIO Rijk registers,
  the responsible ministerie or the CIO Rijk updates the status). Every change is a call of ``istrategie``,
  which checks the right (403) and validates (400, errors per field); nothing is decided here.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from cio_stelsel.api.invoer import CodeVeld
from cio_stelsel.api.pagination import Paginering
from cio_stelsel.api.throttling import AnoniemThrottle, ScopeThrottle
from cio_stelsel.models import Ministerie

from .. import istrategie
from .. import istrategie_leesmodel as leesmodel
from ..models import Actie, IStrategie, StrategieActualisatie, Toezegging

TAGS_PUBLIEK = ["publiek"]
TAGS = ["i-strategie"]

# -- serializers of the public read model (dicts)


class HouderSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=["ministerie", "overlegorgaan"])
    naam = serializers.CharField()
    afkorting = serializers.CharField()


class PubliekeActieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    omschrijving = serializers.CharField()
    houder = HouderSerializer()
    termijn = serializers.DateField()
    status = serializers.ChoiceField(choices=Actie.Status.choices)
    te_laat = serializers.BooleanField(help_text=_("Niet afgerond en de termijn is verstreken."))


class PubliekeMaatregelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    omschrijving = serializers.CharField()
    acties = PubliekeActieSerializer(many=True)


class PubliekSpeerpuntSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    maatregelen = PubliekeMaatregelSerializer(many=True)


class PubliekThemaSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    aantal = serializers.IntegerField()
    te_laat = serializers.IntegerField()
    per_status = serializers.DictField(child=serializers.IntegerField())
    speerpunten = PubliekSpeerpuntSerializer(many=True)


class PubliekeActualisatieSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    besproken_in_cio_beraad_op = serializers.DateField()
    kamerstuk = serializers.CharField()
    verzonden_op = serializers.DateField()


class PubliekeStrategieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    titel = serializers.CharField()
    periode_van = serializers.IntegerField()
    periode_tot = serializers.IntegerField()
    actualisatie_te_laat = serializers.BooleanField(
        help_text=_("B26: de laatste actualisatie is meer dan twaalf maanden geleden gezonden.")
    )
    actualisaties = PubliekeActualisatieSerializer(many=True)
    themas = PubliekThemaSerializer(many=True)


class PubliekeToezeggingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=Toezegging.Soort.choices)
    nummer = serializers.CharField()
    tekst = serializers.CharField()
    datum = serializers.DateField()
    ministerie = serializers.CharField()
    termijn = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=Toezegging.Status.choices)
    toelichting = serializers.CharField()
    te_laat = serializers.BooleanField()
    acties = serializers.ListField(child=serializers.DictField())


class _PubliekeView(GenericAPIView):
    publiek = True
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AnoniemThrottle, ScopeThrottle]
    throttle_scope = "publiek"
    http_method_names = ["get", "head", "options"]
    pagination_class = None
    filter_backends = []


class PubliekeStrategieView(_PubliekeView):
    serializer_class = PubliekeStrategieSerializer

    @extend_schema(tags=TAGS_PUBLIEK, summary=_("De I-strategie Rijk met de status van elke actie"))
    def get(self, request):
        s = leesmodel.strategie()
        if s is None:
            raise NotFound(_("Er is nog geen I-strategie Rijk vastgelegd."))  # problem+json, as every API error
        return Response(PubliekeStrategieSerializer(leesmodel.boom(s)).data)


class _ToezeggingFilter(serializers.Serializer):
    ministerie = serializers.SlugField(required=False, help_text=_("Code van het ministerie, bijvoorbeeld bzk."))
    status = serializers.ChoiceField(choices=Toezegging.Status.choices, required=False)
    te_laat = serializers.BooleanField(required=False, default=False)

    def validate_ministerie(self, code):
        if code and not Ministerie.objects.filter(code=code).exists():
            raise serializers.ValidationError(_("Onbekend ministerie: gebruik de code, bijvoorbeeld bzk."))
        return code


class PubliekeToezeggingenView(_PubliekeView):
    serializer_class = PubliekeToezeggingSerializer
    pagination_class = Paginering

    @extend_schema(
        tags=TAGS_PUBLIEK,
        summary=_("Moties en toezeggingen aan de Tweede Kamer"),
        responses=PubliekeToezeggingSerializer(many=True),  # a paginated list (Paginering), not one object
        parameters=[
            OpenApiParameter("ministerie", OpenApiTypes.STR, OpenApiParameter.QUERY),
            OpenApiParameter("status", OpenApiTypes.STR, OpenApiParameter.QUERY, enum=Toezegging.Status.values),
            OpenApiParameter("te_laat", OpenApiTypes.BOOL, OpenApiParameter.QUERY),
        ],
    )
    def get(self, request):
        f = _ToezeggingFilter(data=request.query_params)
        f.is_valid(raise_exception=True)
        qs = leesmodel.toezeggingen(**{k: v for k, v in f.validated_data.items() if v})
        pagina = self.paginate_queryset(qs)
        return self.get_paginated_response(PubliekeToezeggingSerializer([leesmodel.toezegging(t) for t in pagina], many=True).data)


# -- staff


class VoortgangSerializer(serializers.Serializer):
    datum = serializers.DateField(required=False, allow_null=True)
    tekst = serializers.CharField()
    status = serializers.ChoiceField(choices=Actie.Status.choices)


class ActieSerializer(serializers.ModelSerializer):
    thema = serializers.CharField(source="maatregel.speerpunt.thema.naam", read_only=True)
    # one of the two is the holder, the other is null (models.Actie: exactly one holder)
    houder_ministerie = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    houder_overlegorgaan = serializers.StringRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Actie
        fields = ["id", "thema", "maatregel", "omschrijving", "houder_ministerie", "houder_overlegorgaan", "termijn", "status"]


class ActieDetailSerializer(ActieSerializer):
    voortgang = VoortgangSerializer(many=True, read_only=True)

    class Meta(ActieSerializer.Meta):
        fields = [*ActieSerializer.Meta.fields, "voortgang"]


@extend_schema_view(
    list=extend_schema(summary=_("Acties van de I-strategie"), tags=TAGS),
    retrieve=extend_schema(summary=_("Eén actie met haar voortgangsnotities"), tags=TAGS),
)
class ActieViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Every logged-in user reads the actions (the I-strategie is public) and their progress notes (internal)."""

    lookup_value_regex = "[0-9]{1,9}"  # anything else is a problem+json 404, not a 500

    serializer_class = ActieSerializer
    filter_backends = []
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        qs = Actie.objects.select_related("houder_ministerie", "houder_overlegorgaan", "maatregel__speerpunt__thema").order_by(
            "termijn", "pk"
        )
        return qs.prefetch_related("voortgang") if self.action == "retrieve" else qs

    def get_serializer_class(self):
        return ActieDetailSerializer if self.action == "retrieve" else ActieSerializer

    @extend_schema(
        summary=_("Voortgang melden (alleen de houder van de actie)"),
        tags=TAGS,
        request=VoortgangSerializer,
        responses={201: ActieDetailSerializer},
    )
    @action(detail=True, methods=["post"], url_path="voortgang")
    def voortgang(self, request, pk=None):
        a = self.get_object()
        invoer = VoortgangSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        istrategie.voortgang_melden(actor=request.user, actie=a, tekst=d["tekst"], status=d["status"], datum=d.get("datum"))
        return Response(
            ActieDetailSerializer(self.get_queryset().prefetch_related("voortgang").get(pk=a.pk)).data, status=status.HTTP_201_CREATED
        )


class ActualisatieSerializer(serializers.ModelSerializer):
    strategie = serializers.PrimaryKeyRelatedField(queryset=IStrategie.objects.all())
    # Explicit bounds: a PositiveSmallIntegerField's maximum differs per database, and the schema must not.
    jaar = serializers.IntegerField(min_value=2000, max_value=2999)

    class Meta:
        model = StrategieActualisatie
        fields = ["id", "strategie", "jaar", "besproken_in_cio_beraad_op", "cio_beraad_verslag", "kamerstuk", "verzonden_op"]
        validators = []  # the service validates (B26) and names the field

    def validate(self, attrs):
        return attrs


@extend_schema_view(
    list=extend_schema(summary=_("De jaarlijkse actualisaties van de I-strategie (B26)"), tags=TAGS),
    create=extend_schema(summary=_("Een actualisatie vastleggen (alleen de CIO Rijk, B26)"), tags=TAGS),
)
class ActualisatieViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = "[0-9]{1,9}"  # anything else is a problem+json 404, not a 500
    serializer_class = ActualisatieSerializer
    queryset = StrategieActualisatie.objects.order_by("-verzonden_op")
    filter_backends = []

    def create(self, request):
        invoer = ActualisatieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        a = istrategie.actualisatie_vastleggen(actor=request.user, **invoer.validated_data)
        return Response(ActualisatieSerializer(a).data, status=status.HTTP_201_CREATED)


class ToezeggingSerializer(serializers.ModelSerializer):
    ministerie = CodeVeld(slug_field="code", queryset=Ministerie.objects.all())
    acties = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Toezegging
        fields = ["id", "soort", "nummer", "tekst", "datum", "ministerie", "termijn", "status", "toelichting", "acties"]
        read_only_fields = ["status", "toelichting"]
        validators = []

    def get_fields(self):
        velden = super().get_fields()
        velden["nummer"].validators = []  # unique: the model's full_clean in the service names it
        return velden


class ToezeggingStandSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Toezegging.Status.choices)
    nieuwe_termijn = serializers.DateField(required=False, allow_null=True)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema_view(
    list=extend_schema(summary=_("Het register van toezeggingen en moties"), tags=TAGS),
    retrieve=extend_schema(summary=_("Eén toezegging of motie"), tags=TAGS),
    create=extend_schema(summary=_("Een toezegging of motie registreren (alleen de CIO Rijk)"), tags=TAGS),
)
class ToezeggingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = "[0-9]{1,9}"  # anything else is a problem+json 404, not a 500
    serializer_class = ToezeggingSerializer
    queryset = Toezegging.objects.select_related("ministerie").prefetch_related("acties").order_by("termijn", "nummer")
    filter_backends = []

    def create(self, request):
        invoer = ToezeggingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        t = istrategie.toezegging_registreren(actor=request.user, gegevens=dict(invoer.validated_data))
        return Response(ToezeggingSerializer(t).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("De stand bijwerken (de CIO Rijk of het verantwoordelijke ministerie)"),
        tags=TAGS,
        request=ToezeggingStandSerializer,
        responses={200: ToezeggingSerializer},
    )
    @action(detail=True, methods=["post"], url_path="stand")
    def stand(self, request, pk=None):
        t = get_object_or_404(Toezegging, pk=pk)
        invoer = ToezeggingStandSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        t = istrategie.toezegging_bijwerken(
            actor=request.user, toezegging=t, status=d["status"], toelichting=d["toelichting"], nieuwe_termijn=d.get("nieuwe_termijn")
        )
        return Response(ToezeggingSerializer(self.get_queryset().get(pk=t.pk)).data)
