from django.urls import include, path

from . import views

app_name = "portfolio"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:nummer>/", views.detail, name="detail"),
    path("<int:nummer>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:nummer>/gebeurtenis/", views.gebeurtenis, name="gebeurtenis"),
    path("<int:nummer>/gebeurtenis/correctie/", views.gebeurtenis_correctie, name="gebeurtenis_correctie"),
    path("<int:nummer>/baseline/", views.baseline, name="baseline"),
    path("<int:nummer>/status/", views.status, name="status"),
    # Import and export (portfolio/uitwisseling_urls.py: "import", "import_bevestigen", "export").
    path("", include("portfolio.uitwisseling_urls")),
    # Publication per peildatum (portfolio/publicatie_urls.py).
    path("publicatie/", include("portfolio.publicatie_urls")),
    # The reporting model of the CIO Rijk (portfolio/rapportagemodel_urls.py, B13).
    path("rapportagemodel/", include("portfolio.rapportagemodel_urls")),
]
