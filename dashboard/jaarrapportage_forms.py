"""The form of the Jaarrapportage pages: which year to generate. The service decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cio_stelsel.forms import ToegankelijkFormMixin


class DefinitiefOnvolledigForm(ToegankelijkFormMixin, forms.Form):
    """The explicit decision to make a report final although its peildatum is incomplete (issue 12)."""

    onvolledig_akkoord = forms.BooleanField(
        label=_("Ik maak de rapportage definitief, hoewel de gegevens van deze peildatum onvolledig zijn."),
        required=False,
    )
    motivering = forms.CharField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000)


class JaarForm(ToegankelijkFormMixin, forms.Form):
    jaar = forms.TypedChoiceField(
        label=_("Jaar"),
        coerce=int,
        help_text=_("De rapportage gebruikt de gepubliceerde gegevens met peildatum 31-12 van dit jaar."),
    )

    def __init__(self, *args, jaren: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren]
