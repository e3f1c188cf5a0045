"""Publication per peildatum (B14, B15): included by ``portfolio/urls.py`` under ``publicatie/``.

A plain ``urlpatterns`` list without ``app_name``: the names live in the
``portfolio`` namespace of the including urls.py (``portfolio:publicatie``, ...).
"""

import datetime

from django.urls import path, register_converter

from . import cyclus_views
from . import publicatie_views as views


class PeildatumConverter:
    """A date as YYYY-MM-DD; an impossible date (2025-02-30) does not match, so it gives a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        return datetime.date.fromisoformat(value)  # ValueError: no match

    def to_url(self, value) -> str:
        if isinstance(value, str):
            return datetime.date.fromisoformat(value).isoformat()
        return value.isoformat()


register_converter(PeildatumConverter, "peildatum")

urlpatterns = [
    path("", views.overzicht, name="publicatie"),
    path("cyclus/", cyclus_views.cyclus, name="cyclus"),
    path("<peildatum:peildatum>/publiceren/", cyclus_views.peildatum_publiceren, name="peildatum_publiceren"),
    path("<int:pk>/<peildatum:peildatum>/", views.ministerie, name="publicatie_ministerie"),
    path("<int:pk>/<peildatum:peildatum>/aftekenen/", views.aftekenen, name="versies_aftekenen"),
    path("<int:pk>/<peildatum:peildatum>/publiceren/", views.publiceren, name="versies_publiceren"),
    path("activiteit/<int:pk>/<peildatum:peildatum>/voorbereiden/", views.voorbereiden, name="versie_voorbereiden"),
    path("versie/<int:pk>/", views.versie, name="versie"),
]
