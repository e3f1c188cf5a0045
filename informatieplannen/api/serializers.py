"""Serializers of the informatieplannen API: output only (the API reads; the pages and services change)."""

from rest_framework import serializers

from informatieplannen.models import Bevinding, FinancieleConsequentie, Informatieplan, PlanActiviteit, PlanToets
from portfolio.api.serializers import LeesSerializer


class FinancieleConsequentieSerializer(LeesSerializer):
    class Meta:
        model = FinancieleConsequentie
        fields = ["jaar", "bedrag", "redenering"]
        read_only_fields = fields


class PlanActiviteitSerializer(LeesSerializer):
    activiteit = serializers.IntegerField(source="activiteit.nummer", read_only=True, allow_null=True, default=None)
    voorgenomen = serializers.BooleanField(read_only=True)
    financien = FinancieleConsequentieSerializer(many=True, read_only=True)

    class Meta:
        model = PlanActiviteit
        fields = ["id", "activiteit", "voorgenomen_naam", "voorgenomen", "toelichting", "financien"]
        read_only_fields = fields


class BevindingSerializer(LeesSerializer):
    class Meta:
        model = Bevinding
        fields = ["criterium", "beoordeling", "bevinding"]
        read_only_fields = fields


class ToetsSerializer(LeesSerializer):
    bevindingen = BevindingSerializer(many=True, read_only=True)

    class Meta:
        model = PlanToets
        fields = ["eindoordeel", "samenvatting", "getoetst_op", "bevindingen"]
        read_only_fields = fields


class InformatieplanSerializer(LeesSerializer):
    """Een informatieplan zoals de pagina het toont aan wie het mag inzien (eigen ministerie; de CIO Rijk vanaf vastgesteld)."""

    ministerie = serializers.SlugRelatedField(slug_field="code", read_only=True)
    vorige = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Informatieplan
        fields = [
            "id",
            "ministerie",
            "titel",
            "periode_van",
            "periode_tot",
            "volgnummer",
            "vorige",
            "status",
            "ambities",
            "strategische_doelen",
            "informatiebeveiliging",
            "informatiebeveiliging_op",
            "aangemaakt_op",
            "aangeboden_op",
            "vastgesteld_op",
            "openbaar",
            "openbaar_op",
            "versie",
        ]
        read_only_fields = fields


class InformatieplanDetailSerializer(InformatieplanSerializer):
    activiteiten = PlanActiviteitSerializer(many=True, read_only=True)
    toets = serializers.SerializerMethodField()

    class Meta(InformatieplanSerializer.Meta):
        fields = [*InformatieplanSerializer.Meta.fields, "activiteiten", "toets"]
        read_only_fields = fields

    def get_toets(self, plan) -> ToetsSerializer(allow_null=True):  # type: ignore[valid-type]
        toets = getattr(plan, "toets", None) if plan.status == Informatieplan.Status.GETOETST else None
        return ToetsSerializer(toets).data if toets else None


# -- public (informatieplannen/openbaar.py): only the public fields, from the read model's objects


class OpenbaarBedragSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    bedrag = serializers.DecimalField(max_digits=14, decimal_places=2)
    redenering = serializers.CharField()


class OpenbareRegelSerializer(serializers.Serializer):
    naam = serializers.CharField()
    voorgenomen = serializers.BooleanField()
    toelichting = serializers.CharField(allow_blank=True)
    bedragen = OpenbaarBedragSerializer(many=True)


class OpenbaarPlanSerializer(serializers.Serializer):
    """Een openbaar informatieplan: vastgesteld door de minister en openbaar gemaakt."""

    id = serializers.IntegerField(source="pk")
    ministerie = serializers.CharField(source="ministerie_code")
    ministerie_naam = serializers.CharField()
    titel = serializers.CharField()
    periode_van = serializers.IntegerField()
    periode_tot = serializers.IntegerField()
    volgnummer = serializers.IntegerField()
    vastgesteld_op = serializers.DateField()
    openbaar_op = serializers.DateField()
    samenvatting = serializers.CharField()
    pdf = serializers.SerializerMethodField()

    def get_pdf(self, plan) -> str:
        from django.urls import reverse

        pad = reverse("iplannen:pdf", args=[plan.ministerie_code, plan.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request else pad


class OpenbaarPlanDetailSerializer(OpenbaarPlanSerializer):
    ambities = serializers.CharField(allow_blank=True)
    strategische_doelen = serializers.CharField(allow_blank=True)
    regels = OpenbareRegelSerializer(many=True)
