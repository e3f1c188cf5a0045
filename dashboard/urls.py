from django.urls import path, register_converter

from . import vergelijken, views, zoeken

app_name = "dashboard"


class FormaatConverter:
    """The extension of an open-data file; the view answers 404 for a format it does not offer."""

    regex = "json|csv|xlsx|ods"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormaatConverter, "formaat")

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", zoeken.zoeken, name="zoeken"),
    path("vergelijken/", vergelijken.vergelijken, name="vergelijken"),
    path("activiteiten/", views.activiteiten, name="activiteiten"),
    path("activiteiten/<int:nummer>/", views.activiteit, name="activiteit"),
    path("ministeries/", views.ministeries, name="ministeries"),
    path("ministeries/<slug:code>/", views.ministerie, name="ministerie"),
    path("grafieken/", views.grafieken, name="grafieken"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/activiteiten.<formaat:formaat>", views.export_alle, name="export"),
    path("open-data/activiteiten/<int:nummer>.<formaat:formaat>", views.export_activiteit, name="export_activiteit"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("kwetsbaarheid-melden/", views.kwetsbaarheid, name="kwetsbaarheid"),
    path("taal/<str:code>/", views.taal, name="taal"),
]
