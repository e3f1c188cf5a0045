from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Portfolio: ICT-activiteiten")

    def ready(self):
        from cio_stelsel import haken

        from . import publicatiecache

        # The places cio_stelsel offers (cio_stelsel/haken.py): the start page, the demo data.
        haken.registreren("werkvoorraad", "portfolio.kalender.werkvoorraad", volgorde=20)
        haken.registreren("demo_laden", "portfolio.demo.laden.portfolio_laden", volgorde=20)

        # Changes to data the public pages read live renew the cached public pages (see publicatiecache).
        publicatiecache.verbinden()
