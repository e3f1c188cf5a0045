from django.contrib import admin
from django.views import defaults
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/wachtwoord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("account/wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("werk/", include("cio_stelsel.urls")),
    path("oordelen/", include("oordelen.urls")),
    path("portfolio/", include("portfolio.urls")),
    path("jaarrapportage/", include("dashboard.jaarrapportage_urls")),
    path("", include("dashboard.urls")),
]


def handler404(request, exception=None):
    """Under /api/ every unknown address is a problem+json 404, as the API documents; elsewhere the HTML page."""
    if request.path.startswith("/api/") or request.path == "/api":
        from django.utils.translation import gettext as _

        from cio_stelsel.api.exceptions import probleem_json_response

        return probleem_json_response(request, 404, _("Dit adres bestaat niet in de API."))
    return defaults.page_not_found(request, exception)
