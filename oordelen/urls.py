from django.urls import path

from . import views

app_name = "oordelen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("overzicht/", views.overzicht, name="overzicht"),
    path("activiteit/<int:nummer>/nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.oordeel, name="oordeel"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/ciso-bijdrage/", views.ciso_bijdrage, name="ciso_bijdrage"),
    path("<int:pk>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("<int:pk>/afwijking/", views.afwijking, name="afwijking"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("voorwaarden/<int:pk>/", views.voorwaarde, name="voorwaarde"),
    path("bestuursraad/<int:pk>/", views.agendapunt, name="agendapunt"),
    path("activiteit/<int:nummer>/aanmelding/", views.aanmelding_nieuw, name="aanmelding_nieuw"),
    path("aanmeldingen/<int:pk>/", views.aanmelding, name="aanmelding"),
    path("aanmeldingen/<int:pk>/<slug:stap>/", views.aanmelding_stap, name="aanmelding_stap"),
]
