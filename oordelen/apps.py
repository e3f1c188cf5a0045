from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OordelenConfig(AppConfig):
    name = "oordelen"
    verbose_name = _("CIO-oordelen en AcICT")

    def ready(self):
        from cio_stelsel import haken

        # The places the apps below offer (cio_stelsel/haken.py): the start page, a CIO-oordeel in the demo data.
        haken.registreren("werkvoorraad", "oordelen.selectors.werkvoorraad", volgorde=10)
        haken.registreren("demo.oordeel_voor_start", "oordelen.demo.oordeel_voor_start")

        # B1/B2: the start gate of art 5.3 is a precondition of every start, whatever the caller.
        from portfolio import services as portfolio_services

        from .services import startpoort

        if startpoort not in portfolio_services.STARTVOORWAARDEN:
            portfolio_services.STARTVOORWAARDEN.append(startpoort)
