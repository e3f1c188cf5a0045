"""Forms of the informatieplan pages. They validate input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cio_stelsel.forms import ToegankelijkFormMixin
from portfolio.models import IctActiviteit

from .models import Beoordeling, Criterium, Informatieplan


class PlanForm(ToegankelijkFormMixin, forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Informatieplan
        fields = ["titel", "periode_van", "periode_tot", "ambities", "strategische_doelen"]
        widgets = {"ambities": forms.Textarea(attrs={"rows": 4}), "strategische_doelen": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "periode_van": _("Bijvoorbeeld 2025."),
            "periode_tot": _("Een informatieplan is meerjarig (B10): het laatste jaar ligt na het eerste."),
        }

    def __init__(self, *args, ministeries=None, **kwargs):
        super().__init__(*args, **kwargs)
        if ministeries is not None:
            self.fields = {"ministerie": forms.ModelChoiceField(ministeries, label=_("Ministerie"), empty_label=None), **self.fields}

    def _post_clean(self):
        """The services validate the model; the form only checks the input."""


class JarenMixin:
    """A bedrag and an onderbouwing for every year of the plan (B10)."""

    def jaarvelden(self, jaren):
        self.jaren = list(jaren)
        for jaar in self.jaren:
            self.fields[f"bedrag_{jaar}"] = forms.DecimalField(
                label=_("Bedrag %(jaar)s (EUR)") % {"jaar": jaar},
                max_digits=14,
                decimal_places=2,
            )
            self.fields[f"redenering_{jaar}"] = forms.CharField(
                label=_("Onderbouwing %(jaar)s") % {"jaar": jaar},
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Waarop het bedrag berust (B10: elke financiële consequentie is onderbouwd)."),
            )

    def financien(self) -> list[dict]:
        return [
            {"jaar": j, "bedrag": self.cleaned_data[f"bedrag_{j}"], "redenering": self.cleaned_data[f"redenering_{j}"]} for j in self.jaren
        ]


class RegelForm(JarenMixin, ToegankelijkFormMixin, forms.Form):
    activiteit = forms.ModelChoiceField(
        queryset=IctActiviteit.objects.none(),
        required=False,
        label=_("Bestaande ICT-activiteit"),
        help_text=_("Een activiteit uit het portfolio van het ministerie. Laat leeg voor een voorgenomen activiteit."),
    )
    voorgenomen_naam = forms.CharField(
        label=_("Of: naam van een voorgenomen activiteit"),
        required=False,
        max_length=300,
        help_text=_("Een activiteit die nog niet in het portfolio staat."),
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, activiteiten, jaren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteit"].queryset = activiteiten
        self.jaarvelden(jaren)


class FinancienForm(JarenMixin, ToegankelijkFormMixin, forms.Form):
    def __init__(self, *args, jaren, **kwargs):
        super().__init__(*args, **kwargs)
        self.jaarvelden(jaren)


class InformatiebeveiligingForm(ToegankelijkFormMixin, forms.Form):
    informatiebeveiliging = forms.CharField(
        label=_("Paragraaf informatiebeveiliging"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Art 7 d: de CISO draagt bij aan het informatieplan; zonder deze paragraaf kan het plan niet worden aangeboden (B11)."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RedenForm(ToegankelijkFormMixin, forms.Form):
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}))


class OpenbaarForm(ToegankelijkFormMixin, forms.Form):
    openbare_samenvatting = forms.CharField(
        label=_("Samenvatting voor de openbare I-plan-pagina"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat burgers en Kamerleden op de openbare pagina lezen, naast het plan als PDF."),
    )


class KoppelForm(ToegankelijkFormMixin, forms.Form):
    activiteit = forms.ModelChoiceField(queryset=IctActiviteit.objects.none(), label=_("ICT-activiteit"))

    def __init__(self, *args, activiteiten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteit"].queryset = activiteiten


class ToetsForm(ToegankelijkFormMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for c in Criterium:
            self.fields[f"beoordeling_{c.value}"] = forms.ChoiceField(
                label=_("Beoordeling: %(c)s") % {"c": c.label},
                choices=Beoordeling.choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"bevinding_{c.value}"] = forms.CharField(
                label=_("Bevinding: %(c)s") % {"c": c.label},
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["eindoordeel"] = forms.ChoiceField(label=_("Eindoordeel"), choices=Beoordeling.choices, widget=forms.RadioSelect)
        self.fields["samenvatting"] = forms.CharField(
            label=_("Samenvatting voor de Minister van BZK"), widget=forms.Textarea(attrs={"rows": 4})
        )

    def bevindingen(self) -> dict[str, tuple[str, str]]:
        return {c.value: (self.cleaned_data[f"beoordeling_{c.value}"], self.cleaned_data[f"bevinding_{c.value}"]) for c in Criterium}

    def fouten_van(self, exc):
        # The service names the criterion as bevinding_<c>.
        super().fouten_van(exc)
