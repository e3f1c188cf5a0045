"""The passkey ceremonies of django-otp-webauthn, mounted at ``account/tweede-factor/passkey/``.

The namespace and names are the library's (its template tags reverse them);
registration and authentication are completed by this project's subclasses
(cio_stelsel/passkey_views.py).
"""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views as webauthn_views

from . import passkey_views

app_name = "otp_webauthn"

urlpatterns = [
    path("registratie/begin/", webauthn_views.BeginCredentialRegistrationView.as_view(), name="credential-registration-begin"),
    path("registratie/voltooien/", passkey_views.RegistratieVoltooien.as_view(), name="credential-registration-complete"),
    path("controle/begin/", webauthn_views.BeginCredentialAuthenticationView.as_view(), name="credential-authentication-begin"),
    path("controle/voltooien/", passkey_views.AuthenticatieVoltooien.as_view(), name="credential-authentication-complete"),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
