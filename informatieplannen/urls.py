from django.urls import path

from . import views

app_name = "informatieplannen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.plan, name="plan"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/activiteit/", views.regel_nieuw, name="regel_nieuw"),
    path("<int:pk>/informatiebeveiliging/", views.informatiebeveiliging, name="informatiebeveiliging"),
    path("<int:pk>/aanbieden/", views.aanbieden, name="aanbieden"),
    path("<int:pk>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("<int:pk>/terugsturen/", views.terugsturen, name="terugsturen"),
    path("<int:pk>/actualiseren/", views.actualiseren, name="actualiseren"),
    path("<int:pk>/toetsen/", views.toetsen, name="toetsen"),
    path("<int:pk>/openbaar/", views.openbaar_maken, name="openbaar_maken"),
    path("<int:pk>/wijzigingen/", views.wijzigingen, name="wijzigingen"),
    path("toetsrapport/<int:jaar>/", views.toetsrapport, name="toetsrapport"),
    path("activiteit/<int:pk>/financien/", views.regel_financien, name="regel_financien"),
    path("activiteit/<int:pk>/koppelen/", views.regel_koppelen, name="regel_koppelen"),
    path("activiteit/<int:pk>/verwijderen/", views.regel_verwijderen, name="regel_verwijderen"),
]
