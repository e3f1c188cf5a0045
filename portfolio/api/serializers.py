"""Serializers of the portfolio API. They validate input and shape output; the services decide (no rules here)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cio_stelsel.api.invoer import CodeVeld, StrikteInvoer
from cio_stelsel.models import Dienstonderdeel, Ministerie, Zbo
from portfolio import invoerregels, services
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


class BedragInvoerVeld(serializers.DecimalField):
    """An amount in a write (invoerregels): ASCII digits only, -0 as 0, at most MAX_BEDRAG (so five fit in the total)."""

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=BEDRAG["max_digits"],
            decimal_places=BEDRAG["decimal_places"],
            min_value=0,
            max_value=invoerregels.MAX_BEDRAG,
            **kwargs,
        )
        self.error_messages["max_value"] = invoerregels.bedrag_fouten(invoerregels.MAX_BEDRAG + 1)[0]
        self.error_messages["min_value"] = _("Het bedrag mag niet negatief zijn.")

    def to_internal_value(self, data):
        if isinstance(data, str):
            try:
                data = str(invoerregels.bedrag_uit_tekst(data))
            except ValueError:
                self.fail("invalid")
        elif isinstance(data, bool):
            self.fail("invalid")
        return invoerregels.normaliseer_nul(super().to_internal_value(data))


def invoer_bedrag(**kwargs):
    return BedragInvoerVeld(**kwargs)


def valideer_gebeurtenisdatum(waarde):
    if fouten := invoerregels.gebeurtenisdatum_fouten(waarde):
        raise serializers.ValidationError(fouten)


def valideer_toekomstdatum(waarde):
    if fouten := invoerregels.toekomstdatum_fouten(waarde):
        raise serializers.ValidationError(fouten)


def valideer_peildatum(waarde):
    if fouten := invoerregels.peildatum_fouten(waarde):
        raise serializers.ValidationError(fouten)


class VersieVeld(serializers.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("De versie die u las (veld 'versie'): is die intussen gewijzigd, dan volgt 409."))
        super().__init__(min_value=1, max_value=MAX_INT, **kwargs)


class MinisterieVeld(CodeVeld):
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
        return KostencategorieSerializer(
            [
                {
                    "categorie": cat,
                    "initieel": getattr(k, f"initieel_{cat}", None),
                    "actueel": getattr(k, f"actueel_{cat}", None),
                    "gerealiseerd": getattr(k, f"gerealiseerd_{cat}", None),
                }
                for cat in KOSTENCATEGORIEEN
            ],
            many=True,
        ).data


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

    class Invoer(StrikteInvoer, serializer_klasse):
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
    vervangt = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("Bij een correctie: de id van de gebeurtenis die zij vervangt.")
    )
    vervangen = serializers.SerializerMethodField(help_text=_("Ja als een correctie deze gebeurtenis vervangt: zij telt dan niet mee."))
    reden_correctie = serializers.CharField(read_only=True)

    class Meta:
        model = Gebeurtenis
        fields = [
            "id",
            "soort",
            "datum",
            "einddatum",
            *services.BEDRAGVELDEN,
            "totaal_geschat",
            "totaal_gerealiseerd",
            "toelichting_kosten",
            "toelichting_einddatum",
            "redenen",
            "vervangt",
            "vervangen",
            "reden_correctie",
            "vastgelegd_op",
        ]

    def get_vervangen(self, g) -> bool:
        # select_related("vervangen_door") in the views keeps this free of queries.
        try:
            return g.vervangen_door is not None
        except Gebeurtenis.vervangen_door.RelatedObjectDoesNotExist:
            return False


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
            "nummer",
            "naam",
            "ministerie",
            "ministerie_afkorting",
            "ministerie_naam",
            "dienstonderdeel",
            "zbo",
            "organisatie",
            "opdrachtgevende_organisatie",
            "onderwerp",
            "dienstverlening",
            "wij_verbeteren_op",
            "soort",
            "status",
            "startdatum",
            "reden_van_starten",
            "doel",
            "samenvatting",
            "maatwerk",
            "ontwikkelwijze",
            "dechargedatum",
            "annuleringsdatum",
            "reden_annulering",
            "versie",
            "aangemaakt_op",
            "gewijzigd_op",
            "kerncijfers",
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
        fields = [
            *ActiviteitSerializer.Meta.fields,
            "gebeurtenissen",
            "mijlpalen",
            "kwaliteitstoetsen",
            "kamerstukken",
            "baten",
            "ontwikkelpartijen",
        ]
        read_only_fields = fields


def _alleen_lezen_activiteit() -> dict:
    """The output fields of an activity that a write does not take, with where they are changed."""
    hints = {
        "status": "POST /api/v1/activiteiten/{nummer}/status/",
        "dechargedatum": "POST /api/v1/activiteiten/{nummer}/status/",
        "annuleringsdatum": "POST /api/v1/activiteiten/{nummer}/status/",
        "reden_annulering": "POST /api/v1/activiteiten/{nummer}/status/",
        "gebeurtenissen": "POST /api/v1/activiteiten/{nummer}/gebeurtenissen/",
    }
    return {veld: hints.get(veld, "") for veld in ActiviteitDetailSerializer.Meta.fields if veld not in services.ALGEMENE_VELDEN}


class _ActiviteitGegevensSerializer(StrikteInvoer, serializers.ModelSerializer):
    ministerie = MinisterieVeld()
    dienstonderdeel = serializers.PrimaryKeyRelatedField(queryset=Dienstonderdeel.objects.all(), allow_null=True, required=False)
    zbo = serializers.PrimaryKeyRelatedField(queryset=Zbo.objects.all(), allow_null=True, required=False)

    class Meta:
        model = IctActiviteit
        fields = services.ALGEMENE_VELDEN
        extra_kwargs = {"startdatum": {"validators": [valideer_toekomstdatum]}}

    def gegevens(self) -> dict:
        return {veld: self.validated_data[veld] for veld in services.ALGEMENE_VELDEN if veld in self.validated_data}

    @property
    def alleen_lezen(self):
        return _alleen_lezen_activiteit()


class InitieelSerializer(StrikteInvoer, serializers.Serializer):
    """De initiële baseline: de eerste gebeurtenis (Initieel)."""

    datum = serializers.DateField(
        required=False, allow_null=True, validators=[valideer_toekomstdatum], help_text=_("Leeg: de startdatum (of vandaag).")
    )
    einddatum = serializers.DateField(validators=[valideer_toekomstdatum], help_text=_("Geschatte einddatum."))
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
        extra_kwargs["startdatum"]["validators"] = [valideer_toekomstdatum]


class GebeurtenisToevoegenSerializer(StrikteInvoer, serializers.Serializer):
    versie = VersieVeld()
    soort = serializers.ChoiceField(choices=[Gebeurtenis.Soort.RAPPORTAGE, Gebeurtenis.Soort.HERIJKING])
    datum = serializers.DateField(validators=[valideer_gebeurtenisdatum], help_text=_("Niet na vandaag en niet vóór 01-01-2000."))
    einddatum = serializers.DateField(allow_null=True, validators=[valideer_toekomstdatum], help_text=_("Hoogstens 25 jaar vooruit."))
    toelichting_kosten = serializers.CharField(required=False, allow_blank=True, default="")
    toelichting_einddatum = serializers.CharField(required=False, allow_blank=True, default="")
    redenen = serializers.SlugRelatedField(
        slug_field="code",
        queryset=RedenHerijking.objects.all(),
        many=True,
        required=False,
        help_text=_("Codes van de redenen herijking (verplicht bij een herijking)."),
    )

    def get_fields(self):
        fields = super().get_fields()
        for veld in services.BEDRAGVELDEN:
            fields[veld] = invoer_bedrag(required=False, default=0)
        return fields


class GebeurtenisCorrigerenSerializer(GebeurtenisToevoegenSerializer):
    """De juiste gegevens van de laatste rapportage of herijking, en de reden van de correctie.

    De onjuiste gebeurtenis wordt niet verwijderd: de correctie vervangt haar ('vervangt'), zij telt daarna
    niet meer mee in de kerncijfers, en de correctie komt met de reden in de audittrail.
    """

    reden = serializers.CharField(help_text=_("De reden van de correctie (verplicht; komt in de audittrail)."))


class BaselineCorrigerenSerializer(StrikteInvoer, serializers.Serializer):
    versie = VersieVeld()
    datum = serializers.DateField(required=False, validators=[valideer_toekomstdatum])
    einddatum = serializers.DateField(required=False, allow_null=True, validators=[valideer_toekomstdatum])
    toelichting_kosten = serializers.CharField(required=False, allow_blank=True)
    toelichting_einddatum = serializers.CharField(required=False, allow_blank=True)

    def get_fields(self):
        fields = super().get_fields()
        for veld in services.BEDRAGVELDEN:
            fields[veld] = invoer_bedrag(required=False)
        return fields


class StatusWijzigenSerializer(StrikteInvoer, serializers.Serializer):
    versie = VersieVeld()
    status = serializers.ChoiceField(choices=Status.choices)
    dechargedatum = serializers.DateField(required=False, allow_null=True, help_text=_("Verplicht bij 'afgerond'."))
    annuleringsdatum = serializers.DateField(required=False, allow_null=True, help_text=_("Verplicht bij 'geannuleerd'."))
    reden = serializers.CharField(required=False, allow_blank=True, default="", help_text=_("Verplicht bij 'geannuleerd'."))
    ingangsdatum = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=_(
            "Datum waarop de status ingaat (voor versies van eerdere peildata). Leeg: de dechargedatum, de "
            "annuleringsdatum, bij de start de startdatum, anders vandaag."
        ),
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
            "id",
            "activiteit",
            "peildatum",
            "versienummer",
            "status",
            "ministerie",
            "dienstonderdeel",
            "naam",
            "activiteit_status",
            "soort",
            "onderwerp",
            "startdatum",
            "initiele_einddatum",
            "actuele_einddatum",
            "initieel_totaal",
            "actueel_totaal",
            "gerealiseerd",
            "aantal_herijkingen",
            "aantal_acict_adviezen",
            "organisatie",
            "aantal_baten",
            "voorbereid_op",
            "gecontroleerd_op",
            "gepubliceerd_op",
        ]
        read_only_fields = fields


class VersieDetailSerializer(VersieSerializer):
    gegevens = serializers.JSONField(
        read_only=True, help_text=_("Het bevroren record: algemene gegevens, kerncijfers, historie en lijsten.")
    )

    class Meta(VersieSerializer.Meta):
        fields = [*VersieSerializer.Meta.fields, "gegevens"]
        read_only_fields = fields


class VersieVoorbereidenSerializer(StrikteInvoer, serializers.Serializer):
    activiteit = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=_("Het nummer van de ICT-activiteit."))
    peildatum = serializers.DateField(
        validators=[valideer_peildatum], help_text=_("Het einde van een kwartaal (31-03, 30-06, 30-09, 31-12), niet in de toekomst.")
    )


class VersiesVerplaatsenSerializer(StrikteInvoer, serializers.Serializer):
    ministerie = MinisterieVeld()
    peildatum = serializers.DateField()
    versies = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        allow_empty=False,
        max_length=1000,
        help_text=_("De id's van de versies; zonder: alle versies van het ministerie voor de peildatum in de vorige stap."),
    )
