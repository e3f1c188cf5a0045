"""Serializers of the portfolio API. They validate input and shape output; the services decide (no rules here)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cio_stelsel.models import Dienstonderdeel, Ministerie, Zbo
from portfolio import services
from portfolio.models import (
    BEDRAG,
    KOSTENCATEGORIEEN,
    ActiviteitVersie,
    Gebeurtenis,
    IctActiviteit,
    Kamerstuk,
    Kostencategorie,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelpartij,
    RedenHerijking,
    Status,
)

MAX_INT = 2_147_483_647


def bedrag_veld(**kwargs):
    return serializers.DecimalField(max_digits=BEDRAG["max_digits"], decimal_places=BEDRAG["decimal_places"], **kwargs)


def invoer_bedrag(**kwargs):
    return bedrag_veld(min_value=0, **kwargs)


class VersieVeld(serializers.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("De versie die u las (veld 'versie'): is die intussen gewijzigd, dan volgt 409."))
        super().__init__(min_value=1, max_value=MAX_INT, **kwargs)


class MinisterieVeld(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("De code van het ministerie, bijvoorbeeld 'bzk'."))
        super().__init__(slug_field="code", queryset=Ministerie.objects.all(), **kwargs)


class LeesSerializer(serializers.ModelSerializer):
    # A model serializer for output: a read-only choice field of a ``blank=True`` model field may be ''.
    # DRF drops ``allow_blank`` from read-only fields, so the schema would not allow the empty value
    # the output contains. (A comment, not a docstring: docstrings of serializers are the schema's
    # descriptions, in Dutch.)

    def get_fields(self):
        velden = super().get_fields()
        for naam, veld in velden.items():
            bron = veld.source or naam
            if isinstance(veld, serializers.ChoiceField) and veld.read_only and "." not in bron:
                try:
                    modelveld = self.Meta.model._meta.get_field(bron)
                except Exception:
                    continue
                veld.allow_blank = bool(getattr(modelveld, "blank", False))
        return velden


# --------------------------------------------------------------------------
# Key figures (from met_kerncijfers(), never computed here)


class KostencategorieSerializer(serializers.Serializer):
    categorie = serializers.ChoiceField(choices=Kostencategorie.choices)
    initieel = bedrag_veld(allow_null=True)
    actueel = bedrag_veld(allow_null=True)
    gerealiseerd = bedrag_veld(allow_null=True)


class KerncijfersSerializer(serializers.Serializer):
    """De afgeleide cijfers van het rapportagemodel (euro, maanden, jaren), berekend uit de historie van gebeurtenissen."""

    initieel_totaal = bedrag_veld(allow_null=True, help_text=_("Initiële schatting meerjarige kosten (EUR)."))
    actueel_totaal = bedrag_veld(allow_null=True, help_text=_("Actuele schatting meerjarige kosten (EUR)."))
    gerealiseerd = bedrag_veld(allow_null=True, help_text=_("Cumulatieve meerjarige uitgaven (EUR)."))
    verschil = bedrag_veld(allow_null=True, help_text=_("Actueel min initieel (EUR)."))
    verschil_pct = serializers.DecimalField(max_digits=20, decimal_places=1, allow_null=True)
    prognose = bedrag_veld(allow_null=True, help_text=_("Prognose toekomstige kosten (EUR)."))
    initiele_einddatum = serializers.DateField(allow_null=True)
    actuele_einddatum = serializers.DateField(allow_null=True)
    peildatum = serializers.DateField(allow_null=True, help_text=_("Datum van de laatste gebeurtenis."))
    aantal_herijkingen = serializers.IntegerField()
    doorlooptijd_initieel_maanden = serializers.DecimalField(max_digits=10, decimal_places=1, allow_null=True)
    doorlooptijd_actueel_maanden = serializers.DecimalField(max_digits=10, decimal_places=1, allow_null=True)
    vertraging_jaren = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)
    vertraging_pct = serializers.DecimalField(max_digits=20, decimal_places=1, allow_null=True)
    kosten = serializers.SerializerMethodField()

    @extend_schema_field(KostencategorieSerializer(many=True))
    def get_kosten(self, k):
        return KostencategorieSerializer([
            {
                "categorie": cat,
                "initieel": getattr(k, f"initieel_{cat}", None),
                "actueel": getattr(k, f"actueel_{cat}", None),
                "gerealiseerd": getattr(k, f"gerealiseerd_{cat}", None),
            }
            for cat in KOSTENCATEGORIEEN
        ], many=True).data


# --------------------------------------------------------------------------
# Lists of an activity


class MijlpaalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Mijlpaal
        fields = ["id", "omschrijving", "verwachte_datum", "gerealiseerde_datum", "behaald", "conform_eisen", "projectplanversie"]


class KwaliteitstoetsSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kwaliteitstoets
        fields = ["id", "toetsdatum", "soort", "uitvoerende_partij", "omschrijving"]


def link_veld(**kwargs):
    """A URL that may be empty: a string with URL validation (format 'uri' would not allow '')."""
    from django.core.validators import URLValidator

    return serializers.CharField(allow_blank=True, max_length=200, validators=[URLValidator()], **kwargs)


class KamerstukSerializer(serializers.ModelSerializer):
    link = link_veld(required=False)

    class Meta:
        model = Kamerstuk
        fields = ["id", "nummer", "titel", "link", "briefdatum", "acict_advies"]


class BaatSerializer(serializers.ModelSerializer):
    kwantitatief_per_jaar = invoer_bedrag(required=False, allow_null=True)
    kwantitatief_incidenteel = invoer_bedrag(required=False, allow_null=True)

    class Meta:
        model = MaatschappelijkeBaat
        fields = ["id", "toelichting", "kwantitatief_per_jaar", "kwantitatief_incidenteel"]


class OntwikkelpartijSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ontwikkelpartij
        fields = ["id", "partij", "rol"]


def onderdeel_invoer(serializer_klasse):
    """The input serializer of a list row: its fields plus ``versie`` (of the activity)."""

    class Invoer(serializer_klasse):
        versie = VersieVeld()

        class Meta(serializer_klasse.Meta):
            fields = [*serializer_klasse.Meta.fields, "versie"]
            read_only_fields = ["id"]
            ref_name = f"{serializer_klasse.Meta.model.__name__}Invoer"

    Invoer.__name__ = f"{serializer_klasse.Meta.model.__name__}InvoerSerializer"
    return Invoer


def onderdeel_wijziging(serializer_klasse):
    """As :func:`onderdeel_invoer`, every field optional except ``versie`` (PATCH)."""

    invoer = onderdeel_invoer(serializer_klasse)

    class Wijziging(invoer):
        class Meta(invoer.Meta):
            extra_kwargs = {f: {"required": False} for f in serializer_klasse.Meta.fields}
            ref_name = f"{serializer_klasse.Meta.model.__name__}Wijziging"

    Wijziging.__name__ = f"{serializer_klasse.Meta.model.__name__}WijzigingSerializer"
    return Wijziging


class GebeurtenisSerializer(LeesSerializer):
    redenen = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    totaal_geschat = bedrag_veld(read_only=True)
    totaal_gerealiseerd = bedrag_veld(read_only=True)

    class Meta:
        model = Gebeurtenis
        fields = [
            "id", "soort", "datum", "einddatum", *services.BEDRAGVELDEN, "totaal_geschat", "totaal_gerealiseerd",
            "toelichting_kosten", "toelichting_einddatum", "redenen", "vastgelegd_op",
        ]


# --------------------------------------------------------------------------
# The activity


class ActiviteitSerializer(LeesSerializer):
    """Een ICT-activiteit met haar kerncijfers."""

    ministerie = serializers.SlugRelatedField(slug_field="code", read_only=True)
    ministerie_afkorting = serializers.CharField(source="ministerie.afkorting", read_only=True)
    ministerie_naam = serializers.CharField(source="ministerie.naam", read_only=True)
    organisatie = serializers.CharField(read_only=True, help_text=_("Uitvoerende organisatie."))
    kerncijfers = KerncijfersSerializer(read_only=True)

    class Meta:
        model = IctActiviteit
        fields = [
            "nummer", "naam", "ministerie", "ministerie_afkorting", "ministerie_naam", "dienstonderdeel", "zbo", "organisatie",
            "opdrachtgevende_organisatie", "onderwerp", "dienstverlening", "wij_verbeteren_op", "soort", "status",
            "startdatum", "reden_van_starten", "doel", "samenvatting", "maatwerk", "ontwikkelwijze", "dechargedatum",
            "annuleringsdatum", "reden_annulering", "versie", "aangemaakt_op", "gewijzigd_op", "kerncijfers",
        ]
        read_only_fields = fields


class ActiviteitDetailSerializer(ActiviteitSerializer):
    """Eén ICT-activiteit met de historie van kosten en doorlooptijd en alle lijsten."""

    gebeurtenissen = GebeurtenisSerializer(many=True, read_only=True)
    mijlpalen = MijlpaalSerializer(many=True, read_only=True)
    kwaliteitstoetsen = KwaliteitstoetsSerializer(many=True, read_only=True)
    kamerstukken = KamerstukSerializer(many=True, read_only=True)
    baten = BaatSerializer(many=True, read_only=True)
    ontwikkelpartijen = OntwikkelpartijSerializer(many=True, read_only=True)

    class Meta(ActiviteitSerializer.Meta):
        fields = [*ActiviteitSerializer.Meta.fields, "gebeurtenissen", "mijlpalen", "kwaliteitstoetsen", "kamerstukken", "baten", "ontwikkelpartijen"]
        read_only_fields = fields


class _ActiviteitGegevensSerializer(serializers.ModelSerializer):
    ministerie = MinisterieVeld()
    dienstonderdeel = serializers.PrimaryKeyRelatedField(queryset=Dienstonderdeel.objects.all(), allow_null=True, required=False)
    zbo = serializers.PrimaryKeyRelatedField(queryset=Zbo.objects.all(), allow_null=True, required=False)

    class Meta:
        model = IctActiviteit
        fields = services.ALGEMENE_VELDEN

    def gegevens(self) -> dict:
        return {veld: self.validated_data[veld] for veld in services.ALGEMENE_VELDEN if veld in self.validated_data}


class InitieelSerializer(serializers.Serializer):
    """De initiële baseline: de eerste gebeurtenis (Initieel)."""

    datum = serializers.DateField(required=False, allow_null=True, help_text=_("Leeg: de startdatum (of vandaag)."))
    einddatum = serializers.DateField(help_text=_("Geschatte einddatum."))
    toelichting_kosten = serializers.CharField(required=False, allow_blank=True, default="")
    toelichting_einddatum = serializers.CharField(required=False, allow_blank=True, default="")

    def get_fields(self):
        fields = super().get_fields()
        for veld in services.BEDRAGVELDEN:
            fields[veld] = invoer_bedrag(required=False, default=0)
        return fields


class ActiviteitAanmakenSerializer(_ActiviteitGegevensSerializer):
    initieel = InitieelSerializer()

    class Meta(_ActiviteitGegevensSerializer.Meta):
        fields = [*services.ALGEMENE_VELDEN, "initieel"]


class ActiviteitWijzigenSerializer(_ActiviteitGegevensSerializer):
    """Een of meer algemene velden, en de 'versie' die u las (verplicht)."""

    ministerie = MinisterieVeld(required=False)
    versie = VersieVeld()

    class Meta(_ActiviteitGegevensSerializer.Meta):
        fields = [*services.ALGEMENE_VELDEN, "versie"]
        extra_kwargs = {veld: {"required": False} for veld in services.ALGEMENE_VELDEN}


class GebeurtenisToevoegenSerializer(serializers.Serializer):
    versie = VersieVeld()
    soort = serializers.ChoiceField(choices=[Gebeurtenis.Soort.RAPPORTAGE, Gebeurtenis.Soort.HERIJKING])
    datum = serializers.DateField()
    einddatum = serializers.DateField(allow_null=True)
    toelichting_kosten = serializers.CharField(required=False, allow_blank=True, default="")
    toelichting_einddatum = serializers.CharField(required=False, allow_blank=True, default="")
    redenen = serializers.SlugRelatedField(
        slug_field="code", queryset=RedenHerijking.objects.all(), many=True, required=False,
        help_text=_("Codes van de redenen herijking (verplicht bij een herijking)."),
    )

    def get_fields(self):
        fields = super().get_fields()
        for veld in services.BEDRAGVELDEN:
            fields[veld] = invoer_bedrag(required=False, default=0)
        return fields


class BaselineCorrigerenSerializer(serializers.Serializer):
    versie = VersieVeld()
    datum = serializers.DateField(required=False)
    einddatum = serializers.DateField(required=False, allow_null=True)
    toelichting_kosten = serializers.CharField(required=False, allow_blank=True)
    toelichting_einddatum = serializers.CharField(required=False, allow_blank=True)

    def get_fields(self):
        fields = super().get_fields()
        for veld in services.BEDRAGVELDEN:
            fields[veld] = invoer_bedrag(required=False)
        return fields


class StatusWijzigenSerializer(serializers.Serializer):
    versie = VersieVeld()
    status = serializers.ChoiceField(choices=Status.choices)
    dechargedatum = serializers.DateField(required=False, allow_null=True, help_text=_("Verplicht bij 'afgerond'."))
    annuleringsdatum = serializers.DateField(required=False, allow_null=True, help_text=_("Verplicht bij 'geannuleerd'."))
    reden = serializers.CharField(required=False, allow_blank=True, default="", help_text=_("Verplicht bij 'geannuleerd'."))
    ingangsdatum = serializers.DateField(
        required=False, allow_null=True,
        help_text=_("Datum waarop de status ingaat (voor versies van eerdere peildata). Leeg: de dechargedatum, de "
                    "annuleringsdatum, bij de start de startdatum, anders vandaag."),
    )


# --------------------------------------------------------------------------
# Publication: versions per peildatum


class NummerVeld(serializers.SlugRelatedField):
    """The public number of an activity (the same schema on every database: the model's bounds depend on the backend)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="nummer", read_only=True, **kwargs)


extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_INT, "description": "Nummer van de ICT-activiteit."})(NummerVeld)


class VersieSerializer(LeesSerializer):
    activiteit = NummerVeld()
    ministerie = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = ActiviteitVersie
        fields = [
            "id", "activiteit", "peildatum", "versienummer", "status", "ministerie", "dienstonderdeel", "naam",
            "activiteit_status", "soort", "onderwerp", "startdatum", "initiele_einddatum", "actuele_einddatum",
            "initieel_totaal", "actueel_totaal", "gerealiseerd", "aantal_herijkingen", "aantal_acict_adviezen",
            "organisatie", "aantal_baten", "voorbereid_op", "gecontroleerd_op", "gepubliceerd_op",
        ]
        read_only_fields = fields


class VersieDetailSerializer(VersieSerializer):
    gegevens = serializers.JSONField(read_only=True, help_text=_("Het bevroren record: algemene gegevens, kerncijfers, historie en lijsten."))

    class Meta(VersieSerializer.Meta):
        fields = [*VersieSerializer.Meta.fields, "gegevens"]
        read_only_fields = fields


class VersieVoorbereidenSerializer(serializers.Serializer):
    activiteit = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=_("Het nummer van de ICT-activiteit."))
    peildatum = serializers.DateField()


class VersiesVerplaatsenSerializer(serializers.Serializer):
    ministerie = MinisterieVeld()
    peildatum = serializers.DateField()
    versies = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), required=False, allow_empty=False, max_length=1000,
        help_text=_("De id's van de versies; zonder: alle versies van het ministerie voor de peildatum in de vorige stap."),
    )
