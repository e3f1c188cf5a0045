from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views import defaults

from cio_stelsel import gezondheid, sso, wachtwoordherstel
from cio_stelsel.securitytxt import security_txt
from informatieplannen import istrategie_urls

urlpatterns = [
    path("gezondheid/levend/", gezondheid.levend, name="gezondheid_levend"),
    path("gezondheid/gereed/", gezondheid.gereed, name="gezondheid_gereed"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/wachtwoord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("account/wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # Password reset by e-mail (cio_stelsel/wachtwoordherstel.py): rate-limited, the same answer for every address.
    path("account/wachtwoord/vergeten/", wachtwoordherstel.WachtwoordVergetenView.as_view(), name="password_reset"),
    path("account/wachtwoord/vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "account/wachtwoord/herstellen/<uidb64>/<token>/",
        wachtwoordherstel.WachtwoordHerstellenView.as_view(),
        name="password_reset_confirm",
    ),
    path("account/wachtwoord/hersteld/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # The second factor after the password (BIO 5.17.01, cio_stelsel/tweede_factor.py).
    path("account/tweede-factor/", include("cio_stelsel.tweede_factor_urls")),
    # Passkey (WebAuthn) ceremonies of django-otp-webauthn (cio_stelsel/passkey_urls.py).
    path("account/tweede-factor/passkey/", include("cio_stelsel.passkey_urls")),
    # Single sign-on by OpenID Connect, only when OIDC_RP_CLIENT_ID is set (cio_stelsel/sso.py); else 404.
    path("sso/inloggen/", sso.inloggen, name="sso_inloggen"),
    path("sso/terug/", sso.terug, name="sso_terug"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("werk/", include("cio_stelsel.urls")),
    path("oordelen/", include("oordelen.urls")),
    path("informatieplannen/", include("informatieplannen.urls")),
    # The public I-plan pages per ministerie: the openbare, vastgestelde informatieplannen (no log-in).
    path("i-plannen/", include("informatieplannen.publiek_urls")),
    path("portfolio/", include("portfolio.urls")),
    path("jaarrapportage/", include("dashboard.jaarrapportage_urls")),
    # The I-strategie Rijk and the toezeggingen (B26): staff pages and public pages (informatieplannen/istrategie_urls.py).
    path("", include(istrategie_urls)),
    path("", include(istrategie_urls.publiek)),
    path("", include("dashboard.urls")),
]

# Server errors: a lost database is a 503 with Retry-After (cio_stelsel/foutpaginas.py).
handler500 = "cio_stelsel.foutpaginas.serverfout"


def handler404(request, exception=None):
    """Under /api/ every unknown address is a problem+json 404, as the API documents; elsewhere the HTML page."""
    if request.path.startswith("/api/") or request.path == "/api":
        from django.utils.translation import gettext as _

        from cio_stelsel.api.exceptions import probleem_json_response

        return probleem_json_response(request, 404, _("Dit adres bestaat niet in de API."))
    return defaults.page_not_found(request, exception)
