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
