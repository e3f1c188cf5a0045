"""The second-factor pages (cio_stelsel/tweede_factor_views.py), mounted at ``account/tweede-factor/``."""

from django.urls import path

from . import passkey_views
from . import tweede_factor_views as views

app_name = "tweede_factor"

urlpatterns = [
    path("", views.verifieren, name="verifieren"),
    path("inrichten/", views.inrichten, name="inrichten"),
    path("herstelcodes/", views.herstelcodes, name="herstelcodes"),
    path("beheer/", views.beheer, name="beheer"),
    path("passkeys/", passkey_views.overzicht, name="passkeys"),
    path("passkeys/<int:pk>/verwijderen/", passkey_views.verwijderen, name="passkey_verwijderen"),
]
