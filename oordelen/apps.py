from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OordelenConfig(AppConfig):
    name = "oordelen"
    verbose_name = _("CIO-oordelen en AcICT")
