from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CioStelselConfig(AppConfig):
    name = "cio_stelsel"
    verbose_name = _("CIO-stelsel: organisatie en rollen")

    def ready(self):
        from . import haken

        haken.registreren("demo_laden", "cio_stelsel.demo.organisatie_laden", volgorde=10)

        from django.contrib.auth.signals import user_logged_in

        from .middleware import ingelogd

        user_logged_in.connect(ingelogd, dispatch_uid="cio_stelsel.sessie_actief")
        _beheer_achter_tweede_factor()


def _beheer_achter_tweede_factor() -> None:
    """The Django admin behind the same second factor (BIO 5.17.01), also should the middleware be bypassed."""
    from django.contrib import admin

    basis = admin.site.has_permission

    def has_permission(request):
        is_verified = getattr(request.user, "is_verified", None)
        return basis(request) and is_verified is not None and is_verified()

    admin.site.has_permission = has_permission
