"""Passkey pages and ceremonies (BIO 5.17.01); the rules are in cio_stelsel/passkeys.py.

The four JSON endpoints are django-otp-webauthn's views, mounted by
cio_stelsel/passkey_urls.py, with two changes: completing a registration is
audited and, at the first log-in, verifies the session with a new session key;
completing an authentication verifies the session with a new key as a code does
(``tweede_factor.sessie_verifieren``), never logs anyone in by itself.

The browser side is the library's own JavaScript (a static file, configured by a
``json_script`` element, so it runs under the site's Content-Security-Policy);
static/js/passkeys.js only follows the result (a reload or the next page).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp_webauthn import views as webauthn_views
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.utils import rewrite_exceptions

from . import passkeys


class RegistratieVoltooien(webauthn_views.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        user = self.get_user()
        state = self.get_state()
        with rewrite_exceptions(logger=webauthn_views._get_pywebauthn_logger()), transaction.atomic():
            device = self.get_helper().register_complete(user=user, state=state, data=self.request.data)
            passkeys.geregistreerd(request=self.request, user=user, device=device)
        return JsonResponse({"id": device.pk})


class AuthenticatieVoltooien(webauthn_views.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        passkeys.gebruikt(request=self.request, device=device)


@login_required
@never_cache
@require_http_methods(["GET"])
def overzicht(request):
    """The user's passkeys: register one more, or remove one."""
    return render(request, "registration/passkeys.html", {"passkeys": passkeys.van(request.user)})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def verwijderen(request, pk: int):
    """Remove one of one's own passkeys, after a confirmation (audited)."""
    device = get_object_or_404(WebAuthnCredential, pk=pk)
    if device.user_id != request.user.pk:
        raise PermissionDenied(_("U kunt alleen uw eigen passkeys verwijderen."))
    fout = ""
    if request.method == "POST":
        try:
            passkeys.verwijderen(actor=request.user, device=device)
        except ValidationError as exc:
            fout = " ".join(exc.message_dict.get("passkey", exc.messages))
        else:
            messages.success(request, _("De passkey %(naam)s is verwijderd.") % {"naam": device.name})
            return redirect("tweede_factor:passkeys")
    return render(request, "registration/passkey_verwijderen.html", {"passkey": device, "fout": fout}, status=400 if fout else 200)
