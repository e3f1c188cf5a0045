from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OordelenConfig(AppConfig):
    name = "oordelen"
    verbose_name = _("CIO-oordelen en AcICT")

    def ready(self):
        # B1/B2: the start gate of art 5.3 is a precondition of every start, whatever the caller.
        from portfolio import services as portfolio_services

        from .services import startpoort

        if startpoort not in portfolio_services.STARTVOORWAARDEN:
            portfolio_services.STARTVOORWAARDEN.append(startpoort)
