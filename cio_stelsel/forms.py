"""Forms of the organisation pages. They validate input; the services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from .models import Art17Afwijking, Dienstonderdeel, Ministerie, Overleglidmaatschap, Persoon
from .rechten import Rol


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CioBoundField(BoundField):
    """Points aria-describedby at the ids of templates/includes/veld.html (``_hulp``, ``_fout``)."""

    @property
    def aria_describedby(self):
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        ids = []
        if self.auto_id and not self.is_hidden:
            if self.help_text:
                ids.append(f"{self.auto_id}_hulp")
            if self.errors:
                ids.append(f"{self.auto_id}_fout")
        return " ".join(ids) or None


class CioFormRenderer(DjangoTemplates):
    """The form renderer of the project (settings.FORM_RENDERER)."""

    bound_field_class = CioBoundField


class ToegankelijkFormMixin:
    """Date fields as native date inputs; service errors onto the fields they name.

    Choice fields over ministeries get the ones valid *today* at each request,
    not at import time.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            if isinstance(veld.widget, forms.DateInput) and not isinstance(veld.widget, DatumInput):
                veld.widget = DatumInput()
            if isinstance(veld, forms.ModelChoiceField) and veld.queryset.model is Ministerie:
                veld.queryset = Ministerie.objects.actief()

    def fouten_van(self, exc: ValidationError) -> None:
        """Put a service's ValidationError on the fields it names (unknown names become form errors)."""
        if hasattr(exc, "error_dict"):
            for veld, fouten in exc.error_dict.items():
                self.add_error(veld if veld in self.fields else None, fouten)
        else:
            self.add_error(None, exc)


class RoltoewijzingStartenForm(ToegankelijkFormMixin, forms.Form):
    persoon = forms.ModelChoiceField(Persoon.objects.all(), label=_("Persoon"))
    rol = forms.ChoiceField(choices=Rol.choices, label=_("Rol"))
    ministerie = forms.ModelChoiceField(
        Ministerie.objects.all(),
        required=False,
        label=_("Ministerie"),
        help_text=_("Voor rollen van een ministerie en voor een departementaal CIO-office."),
    )
    dienstonderdeel = forms.ModelChoiceField(
        Dienstonderdeel.objects.select_related("ministerie"),
        required=False,
        label=_("Dienstonderdeel"),
        help_text=_("Voor de CIO en CISO van een dienstonderdeel, of het CIO-office van een dienstonderdeel."),
    )
    begindatum = forms.DateField(label=_("Begindatum"), widget=DatumInput())
    einddatum = forms.DateField(
        label=_("Einddatum"), required=False, widget=DatumInput(), help_text=_("Laatste dag in de rol; leeg bij onbepaalde tijd.")
    )
    consultatie_datum = forms.DateField(
        label=_("Datum consultatie CIO Rijk"),
        required=False,
        widget=DatumInput(),
        help_text=_("Verplicht bij de benoeming van een departementale CIO (art 12.2)."),
    )
    consultatie = forms.CharField(
        label=_("Verslag consultatie CIO Rijk"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    besloten_door = forms.ModelChoiceField(
        Persoon.objects.all(),
        required=False,
        label=_("Besloten door (minister)"),
        help_text=_("Verplicht bij de benoeming van een departementale CIO of CISO: de minister die besloot (art 3.1, 6.1)."),
    )
    reden = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        ministerie, dienstonderdeel = data.get("ministerie"), data.get("dienstonderdeel")
        if ministerie and dienstonderdeel and dienstonderdeel.ministerie_id != ministerie.pk:
            self.add_error(
                "dienstonderdeel",
                _("%(do)s hoort bij %(m)s, niet bij het gekozen ministerie.")
                % {"do": dienstonderdeel, "m": dienstonderdeel.ministerie.afkorting},
            )
        return data

    def organisatie(self):
        return self.cleaned_data.get("dienstonderdeel") or self.cleaned_data.get("ministerie")


class RoltoewijzingBeeindigenForm(ToegankelijkFormMixin, forms.Form):
    einddatum = forms.DateField(label=_("Laatste dag in de rol"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden van de beëindiging"), widget=forms.Textarea(attrs={"rows": 3}))
    consultatie_datum = forms.DateField(
        label=_("Datum consultatie CIO Rijk"),
        required=False,
        widget=DatumInput(),
        help_text=_("Verplicht bij het ontslag van een departementale CIO (art 12.2)."),
    )
    consultatie = forms.CharField(label=_("Verslag consultatie CIO Rijk"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PersoonForm(ToegankelijkFormMixin, forms.ModelForm):
    class Meta:
        model = Persoon
        fields = ["voornaam", "tussenvoegsel", "achternaam", "email"]


class DienstonderdeelForm(ToegankelijkFormMixin, forms.ModelForm):
    class Meta:
        model = Dienstonderdeel
        fields = ["naam", "afkorting", "substantieel_portfolio", "is_ict_dienstverlener"]


class OverleglidForm(ToegankelijkFormMixin, forms.Form):
    persoon = forms.ModelChoiceField(Persoon.objects.all(), label=_("Persoon"))
    functie = forms.ChoiceField(choices=Overleglidmaatschap.Functie.choices, label=_("Functie"))
    namens_ministerie = forms.ModelChoiceField(Ministerie.objects.all(), required=False, label=_("Namens ministerie"))
    namens_dienstonderdeel = forms.ModelChoiceField(
        Dienstonderdeel.objects.filter(is_ict_dienstverlener=True), required=False, label=_("Namens ICT-dienstverlener")
    )
    gedelegeerd_door_cio_rijk = forms.BooleanField(required=False, label=_("Voorzitter gedelegeerd door de CIO Rijk"))
    begindatum = forms.DateField(label=_("Begindatum"), widget=DatumInput())


class HandvestForm(ToegankelijkFormMixin, forms.Form):
    versie = forms.CharField(label=_("Versie"), max_length=20)
    vastgesteld_op = forms.DateField(label=_("Vastgesteld op"), widget=DatumInput())
    samenvatting = forms.CharField(label=_("Samenvatting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class Art17Form(ToegankelijkFormMixin, forms.Form):
    ministerie = forms.ModelChoiceField(Ministerie.objects.all(), label=_("Ministerie"))
    bepalingen = forms.MultipleChoiceField(
        choices=Art17Afwijking.Bepaling.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Bepalingen"),
        help_text=_("De artikelleden waarvan wordt afgeweken; niet het hele Besluit (B27)."),
    )
    reden = forms.CharField(label=_("Reden (doeltreffendheid)"), widget=forms.Textarea(attrs={"rows": 3}))
    aangevraagd_door = forms.ModelChoiceField(Persoon.objects.all(), label=_("Aangevraagd door (minister)"))
    consultatie_bzk_datum = forms.DateField(label=_("Datum overleg Minister van BZK"), widget=DatumInput())
    consultatie_bzk = forms.CharField(label=_("Verslag overleg Minister van BZK"), widget=forms.Textarea(attrs={"rows": 3}))
    begindatum = forms.DateField(label=_("Begindatum"), widget=DatumInput())
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DatumInput())


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False)
    actie = forms.CharField(label=_("Actie"), required=False)
    object_type = forms.CharField(label=_("Objecttype"), required=False)


class ApiTokenForm(ToegankelijkFormMixin, forms.Form):
    """A new personal API token. The service checks the expiry date (at most a year) and records it."""

    naam = forms.CharField(label=_("Naam"), max_length=100, help_text=_("Waarvoor u het token gebruikt, bijvoorbeeld 'Rapportage-script'."))
    alleen_lezen = forms.TypedChoiceField(
        label=_("Rechten van het token"),
        choices=[("ja", _("Alleen lezen")), ("nee", _("Lezen en schrijven"))],
        coerce=lambda waarde: waarde == "ja",
        initial="ja",
        widget=forms.RadioSelect,
        help_text=_("Het token krijgt nooit meer rechten dan uw eigen rollen. Kies 'alleen lezen' als u niets wijzigt."),
    )
    verloopt_op = forms.DateField(
        label=_("Verloopt op"), widget=DatumInput(), help_text=_("Vanaf deze dag werkt het token niet meer; hoogstens een jaar vooruit.")
    )
