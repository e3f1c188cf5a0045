from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformatieplannenConfig(AppConfig):
    name = "informatieplannen"
    verbose_name = _("Informatieplannen")

    def ready(self):
        from cio_stelsel import haken

        # The start page shows the open steps of informatieplannen (cio_stelsel/haken.py).
        haken.registreren("werkvoorraad", "informatieplannen.selectors.werkvoorraad", volgorde=20)
        haken.registreren("werkvoorraad", "informatieplannen.istrategie_taken.werkvoorraad", volgorde=21)
        # demo_laden: after the portfolio (volgorde 20), whose activities the plans link.
        haken.registreren("demo_laden", "informatieplannen.demo.laden.informatieplannen_laden", volgorde=30)

        # The public search finds the openbare plans (dashboard/zoeken.py).
        from dashboard import zoeken

        from .openbaar import zoekbron

        if zoekbron not in zoeken.BRONNEN:
            zoeken.BRONNEN.append(zoekbron)
