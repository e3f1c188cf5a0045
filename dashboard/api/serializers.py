"""Serializers of the public API: the published data, with the field names of the reporting model (rapportagemodel.md).

Every figure is computed by ``dashboard.selectors`` (the one source of the
public pages, the open data and this API); these classes only shape it.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from dashboard import selectors
from portfolio.models import (
    BEDRAG,
    KOSTENCATEGORIEEN,
    Gebeurtenis,
    Kostencategorie,
    Kwaliteitstoets,
    Ontwikkelwijze,
    Soort,
    Status,
)


def bedrag(**kwargs):
    return serializers.DecimalField(max_digits=BEDRAG["max_digits"], decimal_places=BEDRAG["decimal_places"], allow_null=True, **kwargs)


def getal(decimalen: int, **kwargs):
    return serializers.DecimalField(max_digits=20, decimal_places=decimalen, allow_null=True, **kwargs)


class _Rij(serializers.Serializer):
    # Reads a row of ``selectors.RIJ_VELDEN`` (a dict). Docstrings of serializers are the schema's
    # descriptions, in Dutch; this one is a comment.

    def to_representation(self, rij):
        rij = dict(rij)
        rij.setdefault("cijfers_peildatum", rij["peildatum"])
        rij.setdefault("eerdere_peildatum", False)
        rij.update(
            nummer=rij["activiteit__nummer"],
            ministerie=rij["ministerie__code"],
            ministerie_afkorting=rij["ministerie__afkorting"],
            ministerie_naam=rij["ministerie__naam"],
            status=rij["activiteit_status"],
            acict_advies=bool(rij["aantal_acict_adviezen"]),
            doorlooptijd_jaren=selectors.doorlooptijd_jaren(rij),
            doorlooptijd_initieel_jaren=selectors.jaren(rij["startdatum"], rij["initiele_einddatum"]),
            vertraging_jaren=selectors.vertraging_jaren(rij),
            kostenverschil_pct=selectors.kostenverschil_pct(rij),
            kostenklasse=selectors.kostenklasse(rij),
            einddatum_klasse=selectors.einddatum_klasse(rij),
            herijkingen_per_reden=rij["herijkingen_per_reden"] or {},
        )
        return super().to_representation(rij)


class PubliekeActiviteitSerializer(_Rij):
    """Een ICT-activiteit zoals gepubliceerd: per activiteit de laatste gepubliceerde versie op of vóór de peildatum."""

    nummer = serializers.IntegerField(help_text=_("Vast publiek nummer."))
    naam = serializers.CharField(help_text=_("ICT-activiteit."))
    ministerie = serializers.CharField(help_text=_("Code van het ministerie."))
    ministerie_afkorting = serializers.CharField()
    ministerie_naam = serializers.CharField()
    organisatie = serializers.CharField(help_text=_("Uitvoerende organisatie."))
    onderwerp = serializers.CharField()
    soort = serializers.ChoiceField(choices=Soort.choices, help_text=_("Soort ICT-activiteit."))
    status = serializers.ChoiceField(choices=Status.choices)
    startdatum = serializers.DateField(allow_null=True)
    initiele_einddatum = serializers.DateField(allow_null=True, help_text=_("Initiële schatting einddatum."))
    actuele_einddatum = serializers.DateField(allow_null=True, help_text=_("Actuele schatting einddatum."))
    initieel_totaal = bedrag(help_text=_("Initiële schatting meerjarige kosten (EUR)."))
    actueel_totaal = bedrag(help_text=_("Actuele schatting meerjarige kosten (EUR)."))
    gerealiseerd = bedrag(help_text=_("Cumulatieve meerjarige uitgaven (EUR)."))
    kostenverschil_pct = getal(1, help_text=_("Verschil actuele en initiële schatting (procent)."))
    doorlooptijd_initieel_jaren = getal(2, help_text=_("Doorlooptijd initieel (jaren)."))
    doorlooptijd_jaren = getal(2, help_text=_("Actuele doorlooptijd (jaren)."))
    vertraging_jaren = getal(2, help_text=_("Verschil initieel en actueel (in jaren)."))
    kostenklasse = serializers.CharField(help_text=_("Actuele kostencategorie in EUR mln (0-10, ..., 100+, onbekend)."))
    einddatum_klasse = serializers.ChoiceField(
        choices=selectors.EINDDATUM_KLASSEN, help_text=_("Aanpassing einddatum tegenover de initiële.")
    )
    aantal_herijkingen = serializers.IntegerField()
    herijkingen_per_reden = serializers.DictField(child=serializers.IntegerField(), help_text=_("Reden herijking → aantal."))
    acict_advies = serializers.BooleanField(help_text=_("AcICT-advies (ja/nee)."))
    aantal_acict_adviezen = serializers.IntegerField()
    aantal_baten = serializers.IntegerField()
    peildatum = serializers.DateField(help_text=_("Peildatum van de gepubliceerde gegevens."))
    cijfers_peildatum = serializers.DateField(
        help_text=_(
            "De peildatum waar de cijfers van zijn (gelijk aan peildatum): eerder dan de gevraagde peildatum "
            "als daarvoor geen nieuwere versie is gepubliceerd."
        )
    )
    eerdere_peildatum = serializers.BooleanField(
        help_text=_("Waar: de cijfers zijn van een eerdere peildatum dan de gevraagde (geen nieuwere versie gepubliceerd).")
    )
    versienummer = serializers.IntegerField()
    gepubliceerd_op = serializers.DateTimeField(allow_null=True)


# -- one activity: the published record (``ActiviteitVersie.gegevens``) --------------------


class PubliekeGebeurtenisSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=Gebeurtenis.Soort.choices, help_text=_("Soort actie."))
    datum = serializers.DateField()
    einddatum = serializers.DateField(allow_null=True)
    totaal_geschat = bedrag()
    totaal_gerealiseerd = bedrag()
    toelichting_kosten = serializers.CharField(allow_blank=True)
    toelichting_einddatum = serializers.CharField(allow_blank=True)
    redenen = serializers.ListField(child=serializers.CharField(), help_text=_("Redenen herijking."))

    def get_fields(self):
        velden = super().get_fields()
        for cat in KOSTENCATEGORIEEN:
            velden[f"geschat_{cat}"] = bedrag()
            velden[f"gerealiseerd_{cat}"] = bedrag()
        return velden


class PubliekeMijlpaalSerializer(serializers.Serializer):
    omschrijving = serializers.CharField()
    verwachte_datum = serializers.DateField(allow_null=True)
    gerealiseerde_datum = serializers.DateField(allow_null=True)
    behaald = serializers.BooleanField(allow_null=True)
    conform_eisen = serializers.BooleanField(allow_null=True)
    projectplanversie = serializers.CharField(allow_blank=True)


class PubliekeKwaliteitstoetsSerializer(serializers.Serializer):
    toetsdatum = serializers.DateField(allow_null=True)
    uitvoerende_partij = serializers.CharField(allow_blank=True)
    soort = serializers.ChoiceField(choices=Kwaliteitstoets.Soort.choices, help_text=_("Soort toets."))
    omschrijving = serializers.CharField(allow_blank=True)


class PubliekKamerstukSerializer(serializers.Serializer):
    nummer = serializers.CharField()
    titel = serializers.CharField()
    link = serializers.CharField(allow_blank=True)
    briefdatum = serializers.DateField(allow_null=True)
    acict_advies = serializers.BooleanField(allow_null=True, help_text=_("AcICT-advies (ja/nee)."))


class PubliekeBaatSerializer(serializers.Serializer):
    toelichting = serializers.CharField(allow_blank=True)
    kwantitatief_per_jaar = bedrag()
    kwantitatief_incidenteel = bedrag()


class PubliekeOntwikkelpartijSerializer(serializers.Serializer):
    partij = serializers.CharField()
    rol = serializers.CharField(allow_blank=True)


class PubliekeKostencategorieSerializer(serializers.Serializer):
    categorie = serializers.ChoiceField(choices=Kostencategorie.choices)
    initieel = bedrag()
    actueel = bedrag()
    gerealiseerd = bedrag()


LIJSTEN = {
    "gebeurtenissen": PubliekeGebeurtenisSerializer,
    "mijlpalen": PubliekeMijlpaalSerializer,
    "kwaliteitstoetsen": PubliekeKwaliteitstoetsSerializer,
    "kamerstukken": PubliekKamerstukSerializer,
    "baten": PubliekeBaatSerializer,
    "ontwikkelpartijen": PubliekeOntwikkelpartijSerializer,
}
ALGEMEEN = [
    "opdrachtgevende_organisatie",
    "dienstverlening",
    "wij_verbeteren_op",
    "reden_van_starten",
    "doel",
    "samenvatting",
]


def _alleen(velden, bron: dict) -> dict:
    """Only the named keys of a frozen dict (missing ones as None): a version keeps the shape it was frozen in."""
    return {naam: bron.get(naam) for naam in velden}


class PubliekeActiviteitDetailSerializer(PubliekeActiviteitSerializer):
    """Eén ICT-activiteit zoals gepubliceerd: algemene gegevens, kosten per categorie, historie en alle lijsten."""

    opdrachtgevende_organisatie = serializers.CharField(allow_blank=True, allow_null=True)
    dienstverlening = serializers.CharField(allow_blank=True, allow_null=True)
    wij_verbeteren_op = serializers.CharField(allow_blank=True, allow_null=True)
    reden_van_starten = serializers.CharField(allow_blank=True, allow_null=True)
    doel = serializers.CharField(allow_blank=True, allow_null=True)
    samenvatting = serializers.CharField(allow_blank=True, allow_null=True)
    maatwerk = serializers.BooleanField(allow_null=True)
    ontwikkelwijze = serializers.ChoiceField(choices=[*Ontwikkelwijze.choices, ("", "")], allow_null=True, allow_blank=True)
    dechargedatum = serializers.DateField(allow_null=True)
    annuleringsdatum = serializers.DateField(allow_null=True)
    reden_annulering = serializers.CharField(allow_blank=True, allow_null=True)
    kosten = PubliekeKostencategorieSerializer(many=True)
    gebeurtenissen = PubliekeGebeurtenisSerializer(many=True)
    mijlpalen = PubliekeMijlpaalSerializer(many=True)
    kwaliteitstoetsen = PubliekeKwaliteitstoetsSerializer(many=True)
    kamerstukken = PubliekKamerstukSerializer(many=True)
    baten = PubliekeBaatSerializer(many=True)
    ontwikkelpartijen = PubliekeOntwikkelpartijSerializer(many=True)

    def to_representation(self, rij):
        g = rij.get("gegevens") or {}
        k = g.get("kerncijfers") or {}
        rij = {
            **rij,
            **_alleen([*ALGEMEEN, "maatwerk", "ontwikkelwijze", "dechargedatum", "annuleringsdatum", "reden_annulering"], g),
            "kosten": [
                {
                    "categorie": cat,
                    "initieel": k.get(f"initieel_{cat}"),
                    "actueel": k.get(f"actueel_{cat}"),
                    "gerealiseerd": k.get(f"gerealiseerd_{cat}"),
                }
                for cat in KOSTENCATEGORIEEN
            ],
        }
        for lijst, klasse in LIJSTEN.items():
            velden = list(klasse().get_fields())
            rij[lijst] = [_alleen(velden, item) for item in g.get(lijst) or []]
        for item in rij["gebeurtenissen"]:
            item["redenen"] = item["redenen"] or []
        return super().to_representation(rij)


# -- aggregates ------------------------------------------------------------------------


class KerncijfersSerializer(serializers.Serializer):
    """De kerncijfers van het dashboard, berekend zoals op de pagina's en in de open data."""

    aantal = serializers.IntegerField(help_text=_("Aantal ICT-activiteiten."))
    lopend = serializers.IntegerField(help_text=_("In uitvoering of in heroriëntatie."))
    afgerond = serializers.IntegerField()
    geannuleerd = serializers.IntegerField()
    met_acict_advies = serializers.IntegerField(help_text=_("Met ten minste één AcICT-advies."))
    gemiddelde_doorlooptijd_jaren = getal(2, help_text=_("Gemiddelde actuele doorlooptijd van de lopende activiteiten (jaren)."))
    som_actueel_lopend = bedrag(help_text=_("Som van de actuele schattingen van de lopende activiteiten (EUR)."))
    som_initieel = bedrag()
    som_actueel = bedrag()
    som_gerealiseerd = bedrag()
    gemiddelde_vertraging_jaren = getal(2)
    vernieuwing_actueel = bedrag(help_text=_("Som actuele schattingen, soort Vernieuwing (EUR)."))
    beheer_actueel = bedrag(help_text=_("Som actuele schattingen, soort Beheer en onderhoud (EUR)."))
    aantal_eerdere_peildatum = serializers.IntegerField(
        help_text=_("Aantal ICT-activiteiten met cijfers van een eerdere peildatum (geen nieuwere versie gepubliceerd).")
    )


class JaarSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    gestart = serializers.IntegerField()
    afgerond = serializers.IntegerField()
    geannuleerd = serializers.IntegerField()


class KerncijfersOverzichtSerializer(KerncijfersSerializer):
    peildatum = serializers.DateField(allow_null=True, help_text=_("De peildatum van de stand (leeg: nog niets gepubliceerd)."))
    drempel = bedrag(help_text=_("Drempel grote ICT-component op de peildatum (EUR)."))
    kostenklassen = serializers.DictField(child=serializers.IntegerField(), help_text=_("Aantal per kostencategorie (EUR mln)."))
    einddatum_verandering = serializers.DictField(child=serializers.IntegerField())
    herijkingen_per_reden = serializers.DictField(child=serializers.IntegerField())
    per_jaar = JaarSerializer(many=True, help_text=_("Gestart en beëindigd per jaar."))


class MinisterieCijfersSerializer(KerncijfersSerializer):
    ministerie = serializers.CharField(help_text=_("Code van het ministerie."))
    afkorting = serializers.CharField()
    naam = serializers.CharField()


class MinisteriesSerializer(serializers.Serializer):
    peildatum = serializers.DateField(allow_null=True)
    ministeries = MinisterieCijfersSerializer(many=True)


class PeildataSerializer(serializers.Serializer):
    standaard = serializers.DateField(allow_null=True, help_text=_("De nieuwste peildatum met gepubliceerde gegevens."))
    peildata = serializers.ListField(
        child=serializers.DateField(), help_text=_("Alle peildata met gepubliceerde gegevens, nieuwste eerst.")
    )
