"""URLs of the Jaarrapportage (B16). Mounted at ``jaarrapportage/`` (config/urls.py).

Public, no log-in: ``jaarrapportage:publiek`` (the list of definitief reports)
and per year ``publiek_pdf`` / ``publiek_html`` / ``publiek_xlsx``; the public
dashboard links to these.
"""

from django.urls import path

from . import jaarrapportage_views as views

app_name = "jaarrapportage"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("starten/", views.starten, name="starten"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/html/", views.html, name="html"),
    path("<int:pk>/xlsx/", views.xlsx, name="xlsx"),
    path("<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("<int:pk>/definitief/", views.definitief, name="definitief"),
    path("publiek/", views.publiek, name="publiek"),
    path("publiek/<int:jaar>/", views.publiek_html, name="publiek_html"),
    path("publiek/<int:jaar>/pdf/", views.publiek_pdf, name="publiek_pdf"),
    path("publiek/<int:jaar>/xlsx/", views.publiek_xlsx, name="publiek_xlsx"),
]
