"""Forms of the I-strategie and toezeggingen pages. They validate input; the services (``istrategie``) decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cio_stelsel.forms import ToegankelijkFormMixin
from cio_stelsel.models import Ministerie, Overlegorgaan
from portfolio.models import IctActiviteit

from .istrategie import TOEZEGGINGNUMMER
from .models import Actie, IStrategie, Maatregel, Speerpunt, StrategieActualisatie, Thema, Toezegging


class _ServiceForm(ToegankelijkFormMixin, forms.ModelForm):
    def _post_clean(self):
        """The services validate the model; the form only checks the input."""


class StrategieForm(_ServiceForm):
    class Meta:
        model = IStrategie
        fields = ["titel", "periode_van", "periode_tot"]
        help_texts = {"periode_van": _("Bijvoorbeeld 2021."), "periode_tot": _("Bijvoorbeeld 2025.")}


class ThemaForm(_ServiceForm):
    class Meta:
        model = Thema
        fields = ["naam", "volgorde"]
        help_texts = {"volgorde": _("Thema's staan op volgorde van dit getal (laag eerst).")}


class SpeerpuntForm(_ServiceForm):
    class Meta:
        model = Speerpunt
        fields = ["naam"]


class MaatregelForm(_ServiceForm):
    class Meta:
        model = Maatregel
        fields = ["omschrijving"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3})}


class ActieForm(_ServiceForm):
    class Meta:
        model = Actie
        fields = ["omschrijving", "houder_ministerie", "houder_overlegorgaan", "termijn", "status"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3}), "termijn": forms.DateInput()}
        help_texts = {
            "houder_ministerie": _("Kies een ministerie óf een overlegorgaan als houder, niet beide."),
            "houder_overlegorgaan": _("Bijvoorbeeld het CIO-beraad; de CIO Rijk meldt dan de voortgang (art 15)."),
            "termijn": _("De datum waarop de actie af moet zijn (JJJJ-MM-DD)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["houder_overlegorgaan"].queryset = Overlegorgaan.objects.all()

    def clean(self):
        d = super().clean()
        if bool(d.get("houder_ministerie")) == bool(d.get("houder_overlegorgaan")):
            self.add_error("houder_ministerie", _("Kies één houder: een ministerie of een overlegorgaan, niet beide en niet geen."))
        return d


FORMS = {Thema: ThemaForm, Speerpunt: SpeerpuntForm, Maatregel: MaatregelForm, Actie: ActieForm}


class VoortgangForm(ToegankelijkFormMixin, forms.Form):
    tekst = forms.CharField(
        label=_("Voortgang"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Wat is er sinds de vorige melding gedaan?")
    )
    status = forms.ChoiceField(label=_("Status"), choices=Actie.Status.choices)
    datum = forms.DateField(label=_("Datum"), required=False, widget=forms.DateInput(), help_text=_("Leeg: vandaag."))


class ActualisatieForm(_ServiceForm):
    class Meta:
        model = StrategieActualisatie
        fields = ["jaar", "besproken_in_cio_beraad_op", "cio_beraad_verslag", "kamerstuk", "verzonden_op"]
        widgets = {"besproken_in_cio_beraad_op": forms.DateInput(), "verzonden_op": forms.DateInput()}
        help_texts = {
            "jaar": _("Het jaar van de actualisatie (B26: elk jaar één)."),
            "verzonden_op": _("Na de bespreking in het CIO-beraad (B26)."),
        }


class ToezeggingForm(_ServiceForm):
    class Meta:
        model = Toezegging
        fields = ["soort", "nummer", "tekst", "datum", "ministerie", "termijn"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4}), "datum": forms.DateInput(), "termijn": forms.DateInput()}
        help_texts = {"datum": _("De datum waarop de toezegging is gedaan of de motie is aangenomen.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministerie"].queryset = Ministerie.objects.actief()

    def clean(self):
        d = super().clean()
        nummer = (d.get("nummer") or "").strip()
        if d.get("soort") == Toezegging.Soort.TOEZEGGING and nummer and not TOEZEGGINGNUMMER.match(nummer):
            self.add_error("nummer", _("Een toezegging heeft een nummer als TZ202106-123 (TZjjjjmm-nnn)."))
        return d


class ToezeggingStatusForm(ToegankelijkFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Toezegging.Status.choices)
    nieuwe_termijn = forms.DateField(
        label=_("Nieuwe termijn"), required=False, widget=forms.DateInput(), help_text=_("Verplicht bij uitgesteld.")
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij uitgesteld: waarom, en wat nu."),
    )

    def fouten_van(self, exc):
        # The service names the new date "termijn".
        if hasattr(exc, "error_dict") and "termijn" in exc.error_dict:
            self.add_error("nieuwe_termijn", exc.error_dict.pop("termijn"))
        super().fouten_van(exc)


class KoppelingenForm(ToegankelijkFormMixin, forms.Form):
    acties = forms.ModelMultipleChoiceField(
        queryset=Actie.objects.none(), required=False, label=_("Acties van de I-strategie"), widget=forms.CheckboxSelectMultiple
    )
    activiteiten = forms.ModelMultipleChoiceField(
        queryset=IctActiviteit.objects.none(),
        required=False,
        label=_("ICT-activiteiten"),
        help_text=_("De ICT-activiteiten van het verantwoordelijke ministerie."),
    )

    def __init__(self, *args, acties, activiteiten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["acties"].queryset = acties
        self.fields["activiteiten"].queryset = activiteiten
