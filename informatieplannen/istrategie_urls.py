"""URLs of the I-strategie Rijk and the toezeggingen: staff pages (namespace ``istrategie``) and the public pages
(``publiek``, namespace ``istrategie_publiek``, reachable before the second factor like the dashboard)."""

from django.urls import path, register_converter

from dashboard.urls import FormaatConverter

from . import istrategie_publiek
from . import istrategie_views as views

register_converter(FormaatConverter, "opendataformaat")  # "formaat" is dashboard.urls's

app_name = "istrategie"

urlpatterns = [
    path("i-strategie/beheer/", views.overzicht, name="overzicht"),
    path("i-strategie/beheer/acties/", views.acties, name="acties"),
    path("i-strategie/beheer/acties/<int:pk>/", views.actie, name="actie"),
    path("i-strategie/beheer/acties/<int:pk>/voortgang/", views.voortgang, name="voortgang"),
    path("i-strategie/beheer/nieuw/", views.strategie_nieuw, name="strategie_nieuw"),
    path("i-strategie/beheer/<int:pk>/bewerken/", views.strategie_bewerken, name="strategie_bewerken"),
    path("i-strategie/beheer/<int:pk>/actualisatie/", views.actualisatie_nieuw, name="actualisatie_nieuw"),
    path("i-strategie/beheer/<slug:soort>/<int:ouder>/nieuw/", views.onderdeel_nieuw, name="onderdeel_nieuw"),
    path("i-strategie/beheer/<slug:soort>/<int:pk>/bewerken/", views.onderdeel_bewerken, name="onderdeel_bewerken"),
    path("i-strategie/beheer/<slug:soort>/<int:pk>/verwijderen/", views.onderdeel_verwijderen, name="onderdeel_verwijderen"),
    path("toezeggingen/beheer/", views.toezeggingen, name="toezeggingen"),
    path("toezeggingen/beheer/nieuw/", views.toezegging_nieuw, name="toezegging_nieuw"),
    path("toezeggingen/beheer/<int:pk>/", views.toezegging, name="toezegging"),
    path("toezeggingen/beheer/<int:pk>/stand/", views.toezegging_status, name="toezegging_status"),
    path("toezeggingen/beheer/<int:pk>/koppelen/", views.toezegging_koppelen, name="toezegging_koppelen"),
]

publiek = (
    [
        path("i-strategie/", istrategie_publiek.istrategie, name="istrategie"),
        path("open-data/i-strategie-acties.<opendataformaat:formaat>", istrategie_publiek.istrategie_export, name="istrategie_export"),
        path("toezeggingen/", istrategie_publiek.toezeggingen, name="toezeggingen"),
        path("open-data/toezeggingen.<opendataformaat:formaat>", istrategie_publiek.toezeggingen_export, name="toezeggingen_export"),
    ],
    "istrategie_publiek",
)
