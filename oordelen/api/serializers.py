"""Serializers of the oordelen API: validation and output only; the services decide."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cio_stelsel.api.invoer import StrikteInvoer
from oordelen import services
from oordelen.models import Aanbeveling, Aanmelding, Afwijking, CioOordeel, Voorwaarde
from portfolio.api.serializers import MAX_INT, LeesSerializer, NummerVeld, VersieVeld, link_veld


class ActiviteitNummerVeld(serializers.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Het nummer van de ICT-activiteit."))
        super().__init__(min_value=1, max_value=MAX_INT, **kwargs)


class VoorwaardeSerializer(LeesSerializer):
    class Meta:
        model = Voorwaarde
        fields = ["id", "omschrijving", "termijn", "status", "afgehandeld_op", "toelichting"]
        read_only_fields = fields


class AfwijkingSerializer(LeesSerializer):
    class Meta:
        model = Afwijking
        fields = ["door_rol", "motivering", "datum", "vastgelegd_op"]
        read_only_fields = fields


class OordeelSerializer(LeesSerializer):
    activiteit = NummerVeld()
    ministerie = serializers.SlugRelatedField(source="activiteit.ministerie", slug_field="code", read_only=True)
    voorwaarden = VoorwaardeSerializer(many=True, read_only=True)
    afwijking = serializers.SerializerMethodField()

    class Meta:
        model = CioOordeel
        fields = [
            "id",
            "activiteit",
            "ministerie",
            "aanleiding",
            "kwaliteitskader_versie",
            "beheersing",
            "beheersing_toelichting",
            "haalbaarheid",
            "haalbaarheid_toelichting",
            "risicos",
            "risicos_toelichting",
            "implicaties",
            "implicaties_toelichting",
            "ciso_bijdrage",
            "ciso_bijdrage_op",
            "status",
            "uitkomst",
            "motivering",
            "aangemaakt_op",
            "vastgesteld_op",
            "versie",
            "voorwaarden",
            "afwijking",
        ]
        read_only_fields = fields

    @extend_schema_field(AfwijkingSerializer(allow_null=True))
    def get_afwijking(self, o):
        afwijking = getattr(o, "afwijking", None)
        return AfwijkingSerializer(afwijking).data if afwijking else None


class _ConceptSerializer(StrikteInvoer, serializers.ModelSerializer):
    class Meta:
        model = CioOordeel
        fields = services.CONCEPT_VELDEN


class OordeelOpstellenSerializer(_ConceptSerializer):
    activiteit = ActiviteitNummerVeld()

    class Meta(_ConceptSerializer.Meta):
        fields = ["activiteit", *services.CONCEPT_VELDEN]


class OordeelWijzigenSerializer(_ConceptSerializer):
    versie = VersieVeld()

    class Meta(_ConceptSerializer.Meta):
        fields = [*services.CONCEPT_VELDEN, "versie"]
        extra_kwargs = {veld: {"required": False} for veld in services.CONCEPT_VELDEN}


class CisoBijdrageSerializer(StrikteInvoer, serializers.Serializer):
    ciso_bijdrage = serializers.CharField(help_text=_("Art 7 k: zonder deze bijdrage kan de CIO het oordeel niet vaststellen (B5)."))
    versie = VersieVeld(required=False)


class VaststellenSerializer(StrikteInvoer, serializers.Serializer):
    uitkomst = serializers.ChoiceField(choices=CioOordeel.Uitkomst.choices)
    motivering = serializers.CharField()
    voorwaarden = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        default=list,
        max_length=100,
        help_text=_("Alleen bij 'positief onder voorwaarden'."),
    )
    versie = VersieVeld(required=False)


class AfwijkingVastleggenSerializer(StrikteInvoer, serializers.Serializer):
    door_rol = serializers.ChoiceField(choices=Afwijking.Door.choices)
    motivering = serializers.CharField()
    datum = serializers.DateField()


# --------------------------------------------------------------------------
# Aanmeldingen AcICT


class AanbevelingSerializer(LeesSerializer):
    class Meta:
        model = Aanbeveling
        fields = ["id", "nummer", "tekst", "reactie", "reactie_toelichting"]
        read_only_fields = fields


class AanmeldingSerializer(LeesSerializer):
    activiteit = NummerVeld()
    ministerie = serializers.SlugRelatedField(source="activiteit.ministerie", slug_field="code", read_only=True)
    aanbevelingen = AanbevelingSerializer(many=True, read_only=True)
    advies_link = link_veld(read_only=True)

    class Meta:
        model = Aanmelding
        fields = [
            "id",
            "activiteit",
            "ministerie",
            "oordeel",
            "toelichting",
            "status",
            "aangemeld_op",
            "collegebesluit_op",
            "advies_datum",
            "advies_samenvatting",
            "advies_link",
            "advies_kamerstuk",
            "reactie_datum",
            "reactie_toelichting",
            "gedeeld_met_cio_rijk_op",
            "aangemaakt_op",
            "aanbevelingen",
        ]
        read_only_fields = fields


class AanmeldingOpstellenSerializer(StrikteInvoer, serializers.Serializer):
    activiteit = ActiviteitNummerVeld()
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class IndienenSerializer(StrikteInvoer, serializers.Serializer):
    datum = serializers.DateField(required=False, allow_null=True, help_text=_("Leeg: vandaag."))


class CollegebesluitSerializer(StrikteInvoer, serializers.Serializer):
    toetsen = serializers.BooleanField(help_text=_("Of het college besluit te toetsen."))
    datum = serializers.DateField()


class AdviesSerializer(StrikteInvoer, serializers.Serializer):
    datum = serializers.DateField()
    samenvatting = serializers.CharField()
    aanbevelingen = serializers.ListField(child=serializers.CharField(), max_length=200, help_text=_("Eén tekst per aanbeveling."))
    link = link_veld(required=False, default="")
    kamerstuk = serializers.CharField(required=False, allow_blank=True, default="", max_length=50)


class ReactieOpAanbevelingSerializer(StrikteInvoer, serializers.Serializer):
    aanbeveling = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text=_("Het id van de aanbeveling."))
    reactie = serializers.ChoiceField(choices=Aanbeveling.Reactie.choices)
    toelichting = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Verplicht bij deels of niet overgenomen.")
    )


class ReactieSerializer(StrikteInvoer, serializers.Serializer):
    datum = serializers.DateField()
    toelichting = serializers.CharField()
    reacties = ReactieOpAanbevelingSerializer(many=True, max_length=200)
