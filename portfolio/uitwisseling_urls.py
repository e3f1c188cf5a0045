"""Bulk import and export: included by ``portfolio/urls.py`` (``include("portfolio.uitwisseling_urls")``).

A plain ``urlpatterns`` list without ``app_name``: the names live in the
``portfolio`` namespace of the including urls.py (``portfolio:import``,
``portfolio:import_bevestigen``, ``portfolio:export`` with ``?format=csv|xlsx``).
"""

from django.urls import path

from . import uitwisseling_views as views

urlpatterns = [
    path("import/", views.importeren, name="import"),
    path("import/<uuid:sleutel>/", views.import_bevestigen, name="import_bevestigen"),
    path("import/<uuid:sleutel>/taak/", views.import_taak, name="import_taak"),
    path("export/", views.exporteren, name="export"),
]
