"""Forms of the portfolio pages. They validate input; the services decide and raise the errors that count."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from cio_stelsel.forms import DatumInput, ToegankelijkFormMixin
from cio_stelsel.models import Dienstonderdeel, Ministerie, Zbo
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht

from . import invoerregels, services
from .models import (
    KOSTENCATEGORIEEN,
    NUL,
    Gebeurtenis,
    IctActiviteit,
    Kamerstuk,
    Kostencategorie,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelpartij,
    RedenHerijking,
    Soort,
    Status,
)


class BedragField(forms.DecimalField):
    """An amount in euros, typed the Dutch way: ``12.500.000``, ``12500000`` or ``1.250,50``.

    In a Dutch page a dot groups thousands and a comma starts the cents; a
    single dot followed by one or two digits (``12.5``) is read as a decimal point.
    """

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 15)
        kwargs.setdefault("decimal_places", 2)
        kwargs.pop("min_value", None)
        kwargs.pop("localize", None)
        super().__init__(**kwargs)
        self.validators.append(MinValueValidator(0, message=_("Het bedrag mag niet negatief zijn.")))
        self.error_messages["invalid"] = _("Vul een bedrag in euro's in, bijvoorbeeld %(voorbeeld)s.") % {
            "voorbeeld": invoerregels.BEDRAG_VOORBEELD
        }

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})
        return attrs

    def to_python(self, value):
        if isinstance(value, str):
            value = self.normaliseer(value)
            if value in self.empty_values:
                return None
            try:
                # ASCII digits only, -0 as 0 (invoerregels): Decimal() alone also reads '٣٤٥' as 345.
                return invoerregels.bedrag_uit_tekst(value)
            except ValueError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return invoerregels.normaliseer_nul(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value is not None and (fouten := invoerregels.bedrag_fouten(value)):
            raise forms.ValidationError(fouten, code="bedrag")

    @staticmethod
    def normaliseer(tekst: str) -> str:
        return invoerregels.bedrag_normaliseren(tekst, formats.get_format("DECIMAL_SEPARATOR"))

    def prepare_value(self, value):
        if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
            d = Decimal(str(value))
            decimalen = 0 if d == d.to_integral_value() else 2
            return formats.number_format(d, decimalen, use_l10n=True, force_grouping=True)
        return value


def _tekstvak(rijen: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rijen})


# --------------------------------------------------------------------------
# General fields


class ActiviteitForm(ToegankelijkFormMixin, forms.ModelForm):
    """The general fields of an activity; the organisation choices limited to the user's edit scope (B14)."""

    class Meta:
        model = IctActiviteit
        fields = services.ALGEMENE_VELDEN
        widgets = {
            "reden_van_starten": _tekstvak(3),
            "doel": _tekstvak(3),
            "samenvatting": _tekstvak(5),
            "startdatum": DatumInput(),
        }
        labels = {
            "zbo": _("Zbo"),
            "naam": _("Naam van de ICT-activiteit"),
        }
        help_texts = {
            "ministerie": _("Het ministerie dat verantwoordelijk is voor de ICT-activiteit."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.bewerkscope = s = scope(user, Recht.PORTFOLIO_BEWERKEN)
        if s.rijksbreed:
            ministeries = Ministerie.objects.all()
            dienstonderdelen = Dienstonderdeel.objects.all()
            zbos = Zbo.objects.all()
        else:
            ministeries = Ministerie.objects.filter(Q(pk__in=s.ministerie_ids) | Q(dienstonderdelen__in=s.dienstonderdeel_ids)).distinct()
            dienstonderdelen = Dienstonderdeel.objects.filter(Q(ministerie__in=s.ministerie_ids) | Q(pk__in=s.dienstonderdeel_ids))
            zbos = Zbo.objects.filter(ministerie__in=s.ministerie_ids)
        self.fields["ministerie"].queryset = ministeries.order_by("naam")
        self.fields["dienstonderdeel"].queryset = dienstonderdelen.select_related("ministerie").order_by("ministerie__naam", "naam")
        self.fields["dienstonderdeel"].label_from_instance = lambda d: f"{d.naam} ({d.ministerie.afkorting})"
        self.fields["zbo"].queryset = zbos.select_related("ministerie").order_by("naam")
        self.fields["zbo"].label_from_instance = lambda z: f"{z.naam} ({z.ministerie.afkorting})"
        self.fields["dienstonderdeel"].empty_label = _("(geen: het ministerie zelf of een zbo)")
        self.fields["zbo"].empty_label = _("(geen)")
        if not s.rijksbreed and not s.ministerie_ids:
            # An office of a dienstonderdeel works for that dienstonderdeel only (B14): no zbo.
            del self.fields["zbo"]
            self.fields["dienstonderdeel"].required = True
            self.fields["dienstonderdeel"].help_text = _("U voert ICT-activiteiten in voor uw eigen dienstonderdeel.")
        if not self.instance.pk and len(ministerie_ids := {m.pk for m in self.fields["ministerie"].queryset}) == 1:
            self.fields["ministerie"].initial = next(iter(ministerie_ids))
            self.fields["ministerie"].empty_label = None
        self.fields["maatwerk"].widget = _NullBooleanRadio(choices=[("unknown", _("Onbekend")), ("true", _("Ja")), ("false", _("Nee"))])

    def clean(self):
        cleaned = super().clean()
        m, do, zbo = cleaned.get("ministerie"), cleaned.get("dienstonderdeel"), cleaned.get("zbo")
        if do and zbo:
            self.add_error("zbo", _("Kies een dienstonderdeel óf een zbo als uitvoerende organisatie, niet beide."))
        if m and do and do.ministerie_id != m.pk:
            self.add_error("dienstonderdeel", _("Het dienstonderdeel hoort niet bij het gekozen ministerie."))
        if m and zbo and zbo.ministerie_id != m.pk:
            self.add_error("zbo", _("De zbo hoort niet bij het gekozen ministerie."))
        if m and not self.bewerkscope.omvat(m.pk, do.pk if do else None):
            veld = "dienstonderdeel" if self.bewerkscope.dienstonderdeel_ids and not self.bewerkscope.ministerie_ids else "ministerie"
            self.add_error(veld, _("U mag alleen ICT-activiteiten van uw eigen organisatie invoeren en wijzigen (B14, art 16.4)."))
        return cleaned

    def gegevens(self) -> dict:
        return {veld: self.cleaned_data[veld] for veld in services.ALGEMENE_VELDEN if veld in self.cleaned_data}


class _NullBooleanRadio(forms.RadioSelect):
    """Radio buttons for a yes / no / unknown field (maatwerk), with the values of NullBooleanSelect."""

    def format_value(self, value):
        return [{True: "true", False: "false", "true": "true", "false": "false", "True": "true", "False": "false"}.get(value, "unknown")]


# --------------------------------------------------------------------------
# Amounts per cost category (the initial baseline and every later event)


def bedragveldnaam(soort: str, categorie: str) -> str:
    return f"{soort}_{categorie}"


class BedragenMixin:
    """Adds an estimated and a realised amount per cost category (euros), labelled as in the model."""

    bedragen_verplicht = True

    def _bedragvelden_toevoegen(self):
        for soort in ("geschat", "gerealiseerd"):
            for cat in KOSTENCATEGORIEEN:
                naam = bedragveldnaam(soort, cat)
                label = Gebeurtenis._meta.get_field(naam).verbose_name
                self.fields[naam] = BedragField(
                    label=str(label)[:1].upper() + str(label)[1:], required=self.bedragen_verplicht, initial=NUL
                )

    def bedragen(self) -> dict:
        return {veld: self.cleaned_data.get(veld) or NUL for veld in services.BEDRAGVELDEN}

    def bedragrijen(self):
        """Per category (label, estimated field, realised field), for a table of inputs."""
        return [(Kostencategorie(cat).label, self[f"geschat_{cat}"], self[f"gerealiseerd_{cat}"]) for cat in KOSTENCATEGORIEEN]

    @property
    def heeft_gerealiseerd_fout(self) -> bool:
        return any(self[f"gerealiseerd_{cat}"].errors for cat in KOSTENCATEGORIEEN)


class InitieelForm(BedragenMixin, ToegankelijkFormMixin, forms.Form):
    """The initial baseline of a new activity."""

    datum = forms.DateField(
        label=_("Datum van de initiële baseline"),
        required=False,
        widget=DatumInput(),
        help_text=_("Leeg: de startdatum van de activiteit (of vandaag, als die er niet is)."),
    )
    einddatum = forms.DateField(label=_("Geschatte einddatum"), widget=DatumInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._bedragvelden_toevoegen()

    def gegevens(self) -> dict:
        return {"datum": self.cleaned_data.get("datum"), "einddatum": self.cleaned_data.get("einddatum"), **self.bedragen()}


class BaselineCorrectieForm(InitieelForm):
    """Correcting the initial baseline while it is still the only event (services.initiele_baseline_wijzigen)."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    toelichting_kosten = forms.CharField(label=_("Toelichting wijziging kosten"), required=False, widget=_tekstvak(3))
    toelichting_einddatum = forms.CharField(label=_("Toelichting wijziging einddatum"), required=False, widget=_tekstvak(3))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].required = True
        self.fields["datum"].help_text = ""

    def gegevens(self) -> dict:
        d = super().gegevens()
        d["toelichting_kosten"] = self.cleaned_data.get("toelichting_kosten", "")
        d["toelichting_einddatum"] = self.cleaned_data.get("toelichting_einddatum", "")
        return d


class GebeurtenisForm(BedragenMixin, ToegankelijkFormMixin, forms.Form):
    """A new Rapportage or Herijking: a new event in the history, never a change of an old one."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    datum = forms.DateField(label=_("Datum"), widget=DatumInput(), help_text=_("Bij een jaarrapportage de peildatum, meestal 31-12."))
    einddatum = forms.DateField(label=_("Geschatte einddatum"), widget=DatumInput())
    toelichting_kosten = forms.CharField(label=_("Toelichting wijziging kosten"), required=False, widget=_tekstvak(3))
    toelichting_einddatum = forms.CharField(label=_("Toelichting wijziging einddatum"), required=False, widget=_tekstvak(3))
    redenen = forms.ModelMultipleChoiceField(
        queryset=RedenHerijking.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Redenen herijking"),
        help_text=_("Verplicht bij een herijking: kies één of meer redenen."),
    )

    def __init__(self, *args, soort: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort = soort
        self._bedragvelden_toevoegen()
        if soort != Gebeurtenis.Soort.HERIJKING:
            del self.fields["redenen"]
        else:
            self.fields["toelichting_kosten"].help_text = _(
                "Een herijking heeft een toelichting: licht de wijziging van kosten of einddatum toe."
            )
        self.order_fields(
            ["versie", "datum", "einddatum", *services.BEDRAGVELDEN, "toelichting_kosten", "toelichting_einddatum", "redenen"]
        )

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if fouten := invoerregels.gebeurtenisdatum_fouten(datum):
            raise forms.ValidationError(fouten)
        return datum

    def clean_einddatum(self):
        einddatum = self.cleaned_data["einddatum"]
        if fouten := invoerregels.toekomstdatum_fouten(einddatum):
            raise forms.ValidationError(fouten)
        return einddatum

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {
            "datum": d["datum"],
            "einddatum": d["einddatum"],
            "bedragen": self.bedragen(),
            "toelichting_kosten": d.get("toelichting_kosten", ""),
            "toelichting_einddatum": d.get("toelichting_einddatum", ""),
            "redenen": list(d.get("redenen") or []),
        }


class GebeurtenisCorrectieForm(GebeurtenisForm):
    """A correction of the last rapportage or herijking (services.gebeurtenis_corrigeren): the right values and a reason."""

    soort = forms.ChoiceField(
        label=_("Soort"),
        widget=forms.RadioSelect,
        choices=[
            (Gebeurtenis.Soort.RAPPORTAGE.value, Gebeurtenis.Soort.RAPPORTAGE.label),
            (Gebeurtenis.Soort.HERIJKING.value, Gebeurtenis.Soort.HERIJKING.label),
        ],
    )
    reden = forms.CharField(
        label=_("Reden van de correctie"),
        widget=_tekstvak(3),
        help_text=_("Wat was er onjuist? De reden komt in de audittrail; de onjuiste gebeurtenis blijft zichtbaar als gecorrigeerd."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, soort=Gebeurtenis.Soort.HERIJKING, **kwargs)
        self.fields["redenen"].help_text = _("Alleen bij een herijking, en dan verplicht: kies één of meer redenen.")
        self.fields["toelichting_kosten"].help_text = ""
        self.order_fields(
            [
                "versie",
                "soort",
                "datum",
                "einddatum",
                *services.BEDRAGVELDEN,
                "toelichting_kosten",
                "toelichting_einddatum",
                "redenen",
                "reden",
            ]
        )

    def gegevens(self) -> dict:
        d = super().gegevens()
        if self.cleaned_data["soort"] != Gebeurtenis.Soort.HERIJKING:
            d["redenen"] = []
        return {**d, "soort": self.cleaned_data["soort"], "reden": self.cleaned_data["reden"]}


# --------------------------------------------------------------------------
# Status


class StatusForm(ToegankelijkFormMixin, forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Nieuwe status"), widget=forms.RadioSelect)
    dechargedatum = forms.DateField(
        label=_("Dechargedatum"),
        required=False,
        widget=DatumInput(),
        help_text=_("Verplicht bij 'Afgerond': de datum waarop decharge is verleend."),
    )
    annuleringsdatum = forms.DateField(
        label=_("Annuleringsdatum"),
        required=False,
        widget=DatumInput(),
        help_text=_("Verplicht bij 'Geannuleerd': de datum waarop de activiteit is gestopt."),
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        widget=_tekstvak(3),
        help_text=_("Verplicht bij 'Geannuleerd'. De reden komt in de audittrail."),
    )
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"),
        required=False,
        widget=DatumInput(),
        help_text=_(
            "De datum waarop de nieuwe status ingaat, voor de versies van eerdere peildata. Leeg: de dechargedatum, "
            "de annuleringsdatum, bij de start de startdatum, anders vandaag."
        ),
    )

    def __init__(self, *args, huidige_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        toegestaan = services.OVERGANGEN[Status(huidige_status)]
        self.fields["status"].choices = [(s.value, s.label) for s in Status if s in toegestaan]

    def clean(self):
        # The service checks the same and decides; this only lets the confirmation step show complete input.
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == Status.AFGEROND and not cleaned.get("dechargedatum"):
            self.add_error("dechargedatum", _("'Afgerond' betekent dat decharge is verleend: vul de dechargedatum in."))
        if status == Status.GEANNULEERD:
            if not cleaned.get("annuleringsdatum"):
                self.add_error("annuleringsdatum", _("Vul de datum in waarop de activiteit is gestopt."))
            if not (cleaned.get("reden") or "").strip():
                self.add_error("reden", _("Geef de reden van de annulering."))
        return cleaned


# --------------------------------------------------------------------------
# The repeating lists: inline formsets


class VersieForm(forms.Form):
    """The version the user loaded, for optimistic locking."""

    versie = forms.IntegerField(widget=forms.HiddenInput)


class _OnderdeelForm(ToegankelijkFormMixin, forms.ModelForm):
    pass


class MijlpaalForm(_OnderdeelForm):
    class Meta:
        model = Mijlpaal
        fields = ["omschrijving", "verwachte_datum", "gerealiseerde_datum", "behaald", "conform_eisen", "projectplanversie"]


class KwaliteitstoetsForm(_OnderdeelForm):
    class Meta:
        model = Kwaliteitstoets
        fields = ["toetsdatum", "soort", "uitvoerende_partij", "omschrijving"]
        widgets = {"omschrijving": _tekstvak(2)}


class KamerstukForm(_OnderdeelForm):
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = Kamerstuk
        fields = ["nummer", "titel", "link", "briefdatum", "acict_advies"]


class BaatForm(_OnderdeelForm):
    class Meta:
        model = MaatschappelijkeBaat
        fields = ["toelichting", "kwantitatief_per_jaar", "kwantitatief_incidenteel"]
        widgets = {"toelichting": _tekstvak(2)}
        field_classes = {"kwantitatief_per_jaar": BedragField, "kwantitatief_incidenteel": BedragField}


class OntwikkelpartijForm(_OnderdeelForm):
    class Meta:
        model = Ontwikkelpartij
        fields = ["partij", "rol"]


def _formset(model, form):
    return inlineformset_factory(IctActiviteit, model, form=form, extra=1, can_delete=True, max_num=200, validate_max=True)


MijlpaalFormSet = _formset(Mijlpaal, MijlpaalForm)
KwaliteitstoetsFormSet = _formset(Kwaliteitstoets, KwaliteitstoetsForm)
KamerstukFormSet = _formset(Kamerstuk, KamerstukForm)
BaatFormSet = _formset(MaatschappelijkeBaat, BaatForm)
OntwikkelpartijFormSet = _formset(Ontwikkelpartij, OntwikkelpartijForm)

# (prefix, formset class, heading, name of one row) in the order of the edit page.
ONDERDELEN = [
    ("mijlpalen", MijlpaalFormSet, _("Mijlpalen"), _("mijlpaal")),
    ("kwaliteitstoetsen", KwaliteitstoetsFormSet, _("Kwaliteitstoetsen"), _("kwaliteitstoets")),
    ("kamerstukken", KamerstukFormSet, _("Tweede Kamerstukken"), _("Kamerstuk")),
    ("baten", BaatFormSet, _("Maatschappelijke baten"), _("baat")),
    ("ontwikkelpartijen", OntwikkelpartijFormSet, _("Ontwikkelpartijen"), _("ontwikkelpartij")),
]


# --------------------------------------------------------------------------
# Filters of the list page


class ActiviteitFilterForm(forms.Form):
    """The filters of the list; every value is in the URL (GET)."""

    q = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=200,
        help_text=_("Op naam, nummer, onderwerp of organisatie."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    ministerie = forms.ModelMultipleChoiceField(
        queryset=Ministerie.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Ministerie"),
    )
    soort = forms.MultipleChoiceField(
        choices=Soort.choices, required=False, widget=forms.CheckboxSelectMultiple, label=_("Soort ICT-activiteit")
    )
    status = forms.MultipleChoiceField(choices=Status.choices, required=False, widget=forms.CheckboxSelectMultiple, label=_("Status"))
    onderwerp = forms.ChoiceField(required=False, label=_("Onderwerp"))
    rapporteerbaar = forms.ChoiceField(
        choices=[("", _("Alle")), ("ja", _("Ja")), ("nee", _("Nee, onder de drempel"))],
        required=False,
        widget=forms.RadioSelect,
        label=_("Rapporteerbaar"),
    )

    def __init__(self, *args, ministeries, onderwerpen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministerie"].queryset = ministeries
        self.fields["ministerie"].label_from_instance = lambda m: m.afkorting
        self.fields["onderwerp"].choices = [("", _("Alle onderwerpen"))] + [(o, o) for o in onderwerpen]
