"""The second-factor pages (cio_stelsel/tweede_factor_views.py), mounted at ``account/tweede-factor/``."""

from django.urls import path

from . import tweede_factor_views as views

app_name = "tweede_factor"

urlpatterns = [
    path("", views.verifieren, name="verifieren"),
    path("inrichten/", views.inrichten, name="inrichten"),
    path("herstelcodes/", views.herstelcodes, name="herstelcodes"),
    path("beheer/", views.beheer, name="beheer"),
]
