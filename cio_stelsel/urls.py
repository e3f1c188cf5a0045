from django.urls import path

from . import token_views, views

app_name = "cio_stelsel"

urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("organisatie/", views.ministeries, name="ministeries"),
    path("organisatie/<int:pk>/", views.ministerie, name="ministerie"),
    path("organisatie/<int:pk>/rolgeschiedenis/", views.rolgeschiedenis, name="rolgeschiedenis"),
    path("stelsel-overzicht/", views.stelsel_overzicht, name="stelsel_overzicht"),
    path("roltoewijzingen/nieuw/", views.roltoewijzing_starten, name="roltoewijzing_starten"),
    path("roltoewijzingen/<int:pk>/beeindigen/", views.roltoewijzing_beeindigen, name="roltoewijzing_beeindigen"),
    path("personen/nieuw/", views.persoon_nieuw, name="persoon_nieuw"),
    path("overlegorganen/", views.overlegorganen, name="overlegorganen"),
    path("overlegorganen/<int:pk>/lid/", views.overleglid_toevoegen, name="overleglid_toevoegen"),
    path("overlegorganen/<int:pk>/handvest/", views.handvest_vaststellen, name="handvest_vaststellen"),
    path("afwijkingen-art17/", views.art17_lijst, name="art17"),
    path("afwijkingen-art17/nieuw/", views.art17_aanvragen, name="art17_aanvragen"),
    path("afwijkingen-art17/<int:pk>/besluit/", views.art17_besluiten, name="art17_besluiten"),
    path("auditlog/", views.audit, name="audit"),
    path("auditlog/<int:pk>/", views.auditrecord, name="auditrecord"),
    path("api-tokens/", token_views.tokens, name="api_tokens"),
    path("api-tokens/nieuw/", token_views.token_nieuw, name="api_token_nieuw"),
    path("api-tokens/<int:pk>/intrekken/", token_views.token_intrekken, name="api_token_intrekken"),
]
