"""The reporting model (B13, art 16.3): included by ``portfolio/urls.py`` under ``rapportagemodel/``.

A plain ``urlpatterns`` list without ``app_name``: the names live in the
``portfolio`` namespace of the including urls.py (``portfolio:rapportagemodel``, ...).
"""

from django.urls import path

from . import rapportagemodel_views as views

urlpatterns = [
    path("", views.overzicht, name="rapportagemodel"),
    path("drempel/", views.drempel_nieuw, name="rapportagemodel_drempel"),
    path("drempel/<int:pk>/intrekken/", views.drempel_intrekken, name="rapportagemodel_drempel_intrekken"),
    path("reden/", views.reden_nieuw, name="rapportagemodel_reden_nieuw"),
    path("reden/<int:pk>/", views.reden_wijzigen, name="rapportagemodel_reden"),
    path("reden/<int:pk>/verwijderen/", views.reden_verwijderen, name="rapportagemodel_reden_verwijderen"),
]
