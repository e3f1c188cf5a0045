from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformatieplannenConfig(AppConfig):
    name = "informatieplannen"
    verbose_name = _("Informatieplannen")
