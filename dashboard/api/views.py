"""The public API: the published data of the Rijks ICT-dashboard, read-only, without log-in.

Every row and figure comes from ``dashboard.selectors`` (``stand``, ``rijen``,
``kerncijfers``, ``per_ministerie``, ...), the single source of the public
pages and the open-data files, so the API gives the same figures by
construction. Only published versions are ever read (B15): drafts, oordelen
and internal notes are not reachable from here.

Responses carry an ETag and Last-Modified (from ``selectors.publicatiestempel``:
the newest publication, the threshold in force, ...; and the query); a
conditional GET gets a 304. Throttled per IP address ("anon") and for the
group ("publiek").
"""

import datetime
import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from cio_stelsel.api.throttling import AnoniemThrottle, ScopeThrottle
from dashboard import leesmodel, selectors
from portfolio.models import ActiviteitVersie, drempel

from . import serializers as s
from .filters import PubliekeActiviteitFilter, PubliekeLijstFilter

TAGS = ["publiek"]
MAX_AGE = 60
PEILDATUM_PARAMETER = OpenApiParameter(
    "peildatum",
    OpenApiTypes.DATE,
    OpenApiParameter.QUERY,
    description=str(
        _(
            "De stand op deze datum (JJJJ-MM-DD): per activiteit de laatste gepubliceerde versie met een peildatum "
            "op of vóór deze datum. Zonder: de nieuwste peildatum."
        )
    ),
)


class _NietGewijzigd(Exception):
    def __init__(self, antwoord):
        self.antwoord = antwoord


class _PeildatumSerializer(serializers.Serializer):
    peildatum = serializers.DateField(required=False)

    def to_internal_value(self, data):
        # An empty ``?peildatum=`` is a mistake, not "the newest peildatum": leave it out for that (issue 13, finding 5).
        if "peildatum" in data and not str(data.get("peildatum") or "").strip():
            raise serializers.ValidationError({"peildatum": [_("Geef een datum (JJJJ-MM-DD) of laat 'peildatum' weg.")]})
        return super().to_internal_value(data)


def zoekinvoer(request, klasse):
    """The list parameters, checked by the FilterSet (400 with the field errors when invalid)."""
    invoer = klasse(request.query_params, queryset=ActiviteitVersie.objects.none())
    if not invoer.is_valid():
        raise serializers.ValidationError(invoer.errors)
    return invoer


def publicatiestempel() -> tuple[str, datetime.datetime | None]:
    """``selectors.publicatiestempel`` (the newest publication first, then the threshold models, ...) as text, and the newest publication."""
    stempel = selectors.publicatiestempel()
    return f"{stempel}|{settings.GROTE_ICT_DREMPEL_EUR}", stempel[0]


class PubliekeView(GenericAPIView):
    """Public, read-only, cache-friendly: no authentication, throttled, ETag / Last-Modified / 304."""

    publiek = True
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AnoniemThrottle, ScopeThrottle]
    throttle_scope = "publiek"
    http_method_names = ["get", "head", "options"]
    # For the schema's filter parameters only: the data comes from dashboard.selectors.
    queryset = ActiviteitVersie.objects.none()

    def peildatum(self) -> datetime.date | None:
        invoer = _PeildatumSerializer(data=self.request.query_params)
        invoer.is_valid(raise_exception=True)
        return invoer.validated_data.get("peildatum")

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        stempel, laatst = publicatiestempel()
        vraag = "&".join(sorted(f"{k}={v}" for k in request.query_params for v in request.query_params.getlist(k)))
        self._etag = f'"{hashlib.sha256(f"{stempel}|{request.path}|{vraag}".encode()).hexdigest()[:32]}"'
        self._laatst = laatst
        niet_gewijzigd = get_conditional_response(
            request._request, etag=self._etag, last_modified=int(laatst.timestamp()) if laatst else None
        )
        if niet_gewijzigd is not None:
            raise _NietGewijzigd(niet_gewijzigd)

    def handle_exception(self, exc):
        if isinstance(exc, _NietGewijzigd):
            antwoord = Response(status=exc.antwoord.status_code)
            self._cacheheaders(antwoord)
            return antwoord
        return super().handle_exception(exc)

    def _cacheheaders(self, antwoord):
        if getattr(self, "_etag", None):
            antwoord["ETag"] = self._etag
        if getattr(self, "_laatst", None):
            antwoord["Last-Modified"] = http_date(self._laatst.timestamp())
        patch_cache_control(antwoord, public=True, max_age=MAX_AGE)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            self._cacheheaders(response)
        return response


class ActiviteitenView(PubliekeView):
    """The list of the public dashboard: ``leesmodel.rijen`` filtered, searched and sorted by ``selectors.zoeken``."""

    serializer_class = s.PubliekeActiviteitSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = PubliekeLijstFilter

    @extend_schema(
        tags=TAGS,
        parameters=[PEILDATUM_PARAMETER],
        summary=_("Gepubliceerde ICT-activiteiten (de stand op een peildatum)"),
        operation_id="publiek_activiteiten_list",
        responses=s.PubliekeActiviteitSerializer(many=True),
    )
    def get(self, request):
        op = self.peildatum()
        invoer = zoekinvoer(request, PubliekeLijstFilter)
        sortering = invoer.form.cleaned_data.get("ordering") or selectors.STANDAARD_SORTERING
        gevonden = selectors.zoeken(leesmodel.rijen(op), sortering=sortering, **invoer.zoekopdracht())
        pagina = self.paginate_queryset(gevonden.rijen)
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)


@extend_schema(tags=TAGS, parameters=[PEILDATUM_PARAMETER], summary=_("Eén gepubliceerde ICT-activiteit met historie en lijsten"))
class ActiviteitView(PubliekeView):
    serializer_class = s.PubliekeActiviteitDetailSerializer
    pagination_class = None
    filter_backends = []

    def get(self, request, nummer: int):
        op = self.peildatum() or leesmodel.standaard_peildatum()
        rij = leesmodel.stand(op).filter(activiteit__nummer=nummer).values(*leesmodel.RIJ_VELDEN, "gegevens").first()
        if rij is None:
            raise exceptions.NotFound(_("Geen gepubliceerde ICT-activiteit met dit nummer op deze peildatum."))
        leesmodel.markeer_peildatum(rij, op)
        return Response(self.get_serializer(rij).data)


class _AggregaatView(PubliekeView):
    """Aggregates over the stand, optionally filtered like the list."""

    pagination_class = None
    filter_backends = [DjangoFilterBackend]
    filterset_class = PubliekeActiviteitFilter

    def rijen(self, op):
        """The rows of the stand on ``op``, narrowed as the list would be (no parameters: all of ``leesmodel.rijen``)."""
        invoer = zoekinvoer(self.request, PubliekeActiviteitFilter)
        rijen = leesmodel.rijen(op) if op else []
        opdracht = invoer.zoekopdracht()
        if not opdracht["q"] and not opdracht["filters"]:
            return rijen
        return selectors.zoeken(rijen, **opdracht).rijen


def _cijfers(k: selectors.Kerncijfers) -> dict:
    return dict(k.__dict__)


@extend_schema(tags=TAGS, parameters=[PEILDATUM_PARAMETER], summary=_("Kerncijfers en grafiekcijfers van de stand op een peildatum"))
class KerncijfersView(_AggregaatView):
    serializer_class = s.KerncijfersOverzichtSerializer

    def get(self, request):
        op = self.peildatum() or leesmodel.standaard_peildatum()
        rijen = self.rijen(op)
        data = {
            **_cijfers(selectors.kerncijfers(rijen)),
            "peildatum": op,
            "drempel": drempel(op) if op else None,
            "kostenklassen": selectors.kostenklassen(rijen),
            "einddatum_verandering": selectors.einddatum_verandering(rijen),
            "herijkingen_per_reden": selectors.herijkingen_per_reden(rijen),
            "per_jaar": [{"jaar": jaar, **tellingen} for jaar, tellingen in selectors.gestart_en_beeindigd_per_jaar(rijen).items()],
        }
        return Response(self.get_serializer(data).data)


@extend_schema(tags=TAGS, parameters=[PEILDATUM_PARAMETER], summary=_("Kerncijfers per ministerie op een peildatum"))
class MinisteriesView(_AggregaatView):
    serializer_class = s.MinisteriesSerializer

    def get(self, request):
        op = self.peildatum() or leesmodel.standaard_peildatum()
        rijen = self.rijen(op)
        codes = {(r["ministerie__afkorting"], r["ministerie__naam"]): r["ministerie__code"] for r in rijen}
        ministeries = [
            {"ministerie": codes[sleutel], "afkorting": sleutel[0], "naam": sleutel[1], **_cijfers(k)}
            for sleutel, k in selectors.per_ministerie(rijen).items()
        ]
        return Response(self.get_serializer({"peildatum": op, "ministeries": ministeries}).data)


@extend_schema(tags=TAGS, summary=_("De peildata met gepubliceerde gegevens"))
class PeildataView(PubliekeView):
    serializer_class = s.PeildataSerializer
    pagination_class = None
    filter_backends = []

    def get(self, request):
        peildata = selectors.peildata()
        return Response(self.get_serializer({"standaard": peildata[0] if peildata else None, "peildata": peildata}).data)
