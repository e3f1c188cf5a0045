"""The second-factor pages (BIO 5.17.01): enrol an authenticator app, enter a code, new recovery codes,
and the functioneel beheerder's reset. The rules are in cio_stelsel/tweede_factor.py.

Recovery codes are rendered in the response to the POST that made them and
nowhere else (not in a redirect, a message or the session); the pages are not cached.
"""

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import passkeys, tweede_factor
from .forms import ToegankelijkFormMixin
from .permissions import heeft_rijksbreed_recht
from .rechten import RijksbreedRecht


class CodeForm(ToegankelijkFormMixin, forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy("De zescijferige code uit uw authenticator-app, of een van uw herstelcodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )


class AppCodeForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _("De zescijferige code die de app toont nadat u de sleutel heeft toegevoegd.")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class ResetForm(ToegankelijkFormMixin, forms.Form):
    gebruiker = forms.ModelChoiceField(label=gettext_lazy("Gebruiker"), queryset=get_user_model().objects.none())
    reden = forms.CharField(
        label=gettext_lazy("Reden"),
        max_length=500,
        help_text=gettext_lazy("Bijvoorbeeld: telefoon kwijt. De reden komt in de audittrail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebruiker"].queryset = get_user_model().objects.filter(is_active=True).order_by("username")


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if volgende and url_has_allowed_host_and_scheme(volgende, {request.get_host()}, require_https=request.is_secure()):
        return volgende
    return resolve_url("cio_stelsel:werkvoorraad")


def _met_query(request, naam: str) -> str:
    query = request.GET.urlencode()
    return f"{resolve_url(naam)}?{query}" if query else resolve_url(naam)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def verifieren(request):
    """After the password: a passkey, the code of the app or a recovery code."""
    if request.user.is_verified():
        return redirect(_volgende(request))
    if not tweede_factor.heeft_tweede_factor(request.user):
        return redirect(_met_query(request, "tweede_factor:inrichten"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            tweede_factor.code_controleren(request=request, user=request.user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            return redirect(_volgende(request))
    return render(
        request,
        "registration/tweede_factor.html",
        {
            "form": form,
            "next": request.GET.get("next", ""),
            "met_passkey": passkeys.heeft_passkey(request.user),
            "met_app": tweede_factor.heeft_app(request.user),
        },
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def inrichten(request):
    """Enrolment at the first log-in: scan the QR code (or type the key), confirm with a code, keep the recovery codes.

    Or register a passkey instead (the library's ceremony, cio_stelsel/passkey_views.py); the page
    then goes on to make the recovery codes.
    """
    if request.user.is_verified() and tweede_factor.heeft_tweede_factor(request.user):
        return redirect(_volgende(request))
    if tweede_factor.heeft_tweede_factor(request.user):
        # Enrolling again needs the old app or a beheerder's reset: otherwise the password alone would replace it.
        return redirect(_met_query(request, "tweede_factor:verifieren"))
    device = tweede_factor.app_voorbereiden(user=request.user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = tweede_factor.app_bevestigen(request=request, user=request.user, device=device, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            return render(request, "registration/herstelcodes.html", {"codes": codes, "volgende": _volgende(request)})
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "registration/tweede_factor_inrichten.html",
        {
            "form": form,
            "geheim": tweede_factor.geheim_base32(device),
            "qr": qr.svg_data_uri(scale=4, dark="#000", light="#fff"),
            "next": request.GET.get("next", ""),
            "na_passkey": resolve_url("tweede_factor:herstelcodes"),
        },
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def herstelcodes(request):
    """New recovery codes for a verified user (the old ones stop working)."""
    if request.method == "POST":
        codes = tweede_factor.herstelcodes_maken(user=request.user)
        return render(request, "registration/herstelcodes.html", {"codes": codes, "volgende": resolve_url("cio_stelsel:werkvoorraad")})
    over = StaticToken.objects.filter(device__user=request.user, device__name=tweede_factor.HERSTELCODES_NAAM).count()
    return render(request, "registration/herstelcodes_vernieuwen.html", {"over": over})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def beheer(request):
    """The functioneel beheerder resets a user's second factor (audited)."""
    if not heeft_rijksbreed_recht(request.user, RijksbreedRecht.STELSEL_BEHEREN):
        raise PermissionDenied(_("U heeft hiervoor niet de juiste rol."))
    form = ResetForm(request.POST or None, initial={"gebruiker": request.GET.get("gebruiker")})
    if request.method == "POST" and form.is_valid():
        gebruiker = form.cleaned_data["gebruiker"]
        try:
            tweede_factor.apparaten_resetten(actor=request.user, gebruiker=gebruiker, reden=form.cleaned_data["reden"])
        except ValidationError as exc:
            form.fouten_van(exc)
        else:
            messages.success(
                request,
                _("De tweede factor van %(g)s is hersteld: bij de volgende keer inloggen richt deze een nieuwe app in.")
                % {"g": gebruiker.get_username()},
            )
            return redirect("tweede_factor:beheer")
    met_app = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    return render(request, "registration/tweede_factor_beheer.html", {"form": form, "met_app": len(met_app)})
