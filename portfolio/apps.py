from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Portfolio: ICT-activiteiten")

    def ready(self):
        from . import publicatiecache

        # Changes to data the public pages read live renew the cached public pages (see publicatiecache).
        publicatiecache.verbinden()
