"""Forms of the oordelen pages. They validate input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cio_stelsel.forms import DatumInput, ToegankelijkFormMixin

from .models import Aanbeveling, Afwijking, CioOordeel, Voorwaarde


class OordeelForm(ToegankelijkFormMixin, forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CioOordeel
        fields = [
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
        ]
        widgets = {f"{a}_toelichting": forms.Textarea(attrs={"rows": 3}) for a in CioOordeel.ASPECTEN}


class CisoBijdrageForm(ToegankelijkFormMixin, forms.Form):
    ciso_bijdrage = forms.CharField(
        label=_("Bijdrage over informatiebeveiliging"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Art 7 k: zonder deze bijdrage kan de CIO het oordeel niet vaststellen (B5)."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)


class VaststellenForm(ToegankelijkFormMixin, forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=CioOordeel.Uitkomst.choices, widget=forms.RadioSelect)
    motivering = forms.CharField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4}))
    voorwaarden = forms.CharField(
        label=_("Voorwaarden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen bij 'positief onder voorwaarden': één voorwaarde per regel."),
    )

    def clean_voorwaarden(self):
        return [regel.strip() for regel in self.cleaned_data["voorwaarden"].splitlines() if regel.strip()]


class AfwijkingForm(ToegankelijkFormMixin, forms.Form):
    door_rol = forms.ChoiceField(label=_("Vastgelegd als"), choices=Afwijking.Door.choices)
    motivering = forms.CharField(label=_("Motivering (met redenen omkleed)"), widget=forms.Textarea(attrs={"rows": 5}))
    datum = forms.DateField(label=_("Datum van het besluit"), widget=DatumInput())


class VoorwaardeForm(ToegankelijkFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Afhandeling"), choices=[c for c in Voorwaarde.Status.choices if c[0] != "open"])
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}))


class AgendapuntForm(ToegankelijkFormMixin, forms.Form):
    datum = forms.DateField(label=_("Behandeld op"), widget=DatumInput())
    verslag = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 4}))


class AanmeldingForm(ToegankelijkFormMixin, forms.Form):
    toelichting = forms.CharField(label=_("Toelichting bij de aanmelding"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class CollegebesluitForm(ToegankelijkFormMixin, forms.Form):
    toetsen = forms.ChoiceField(
        label=_("Besluit van het college"),
        choices=[("ja", _("Het college toetst")), ("nee", _("Het college toetst niet"))],
        widget=forms.RadioSelect,
    )
    datum = forms.DateField(label=_("Datum besluit"), widget=DatumInput())


class AdviesForm(ToegankelijkFormMixin, forms.Form):
    datum = forms.DateField(label=_("Datum advies"), widget=DatumInput())
    samenvatting = forms.CharField(label=_("Samenvatting"), widget=forms.Textarea(attrs={"rows": 4}))
    aanbevelingen = forms.CharField(
        label=_("Aanbevelingen"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Eén aanbeveling per regel.")
    )
    link = forms.URLField(label=_("Link naar het advies"), required=False, assume_scheme="https")
    kamerstuk = forms.CharField(label=_("Kamerstuk"), required=False, help_text=_("Bijvoorbeeld '26 643, nr. 1012'."))


class ReactieForm(ToegankelijkFormMixin, forms.Form):
    datum = forms.DateField(label=_("Datum bestuurlijke reactie"), widget=DatumInput())
    toelichting = forms.CharField(label=_("Bestuurlijke reactie"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, aanbevelingen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.aanbevelingen = list(aanbevelingen)
        for a in self.aanbevelingen:
            self.fields[f"reactie_{a.pk}"] = forms.ChoiceField(
                label=_("Reactie op aanbeveling %(n)s") % {"n": a.nummer},
                choices=Aanbeveling.Reactie.choices,
                help_text=a.tekst,
            )
            self.fields[f"reden_{a.pk}"] = forms.CharField(
                label=_("Redenen bij aanbeveling %(n)s") % {"n": a.nummer},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Verplicht bij deels of niet overgenomen."),
            )

    def reacties(self) -> dict[int, tuple[str, str]]:
        return {a.pk: (self.cleaned_data[f"reactie_{a.pk}"], self.cleaned_data[f"reden_{a.pk}"]) for a in self.aanbevelingen}
