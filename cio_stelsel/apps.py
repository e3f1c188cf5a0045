from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CioStelselConfig(AppConfig):
    name = "cio_stelsel"
    verbose_name = _("CIO-stelsel: organisatie en rollen")
