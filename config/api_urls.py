"""The API, version 1: mounted under /api/v1/ by config/urls.py.

* ``publiek/...``: the published dashboard data, without log-in (dashboard/api).
* ``activiteiten/``, ``versies/``, ``oordelen/``, ``aanmeldingen/``: for
  CIO-offices and the CIO Rijk, with a personal API token or a session
  (portfolio/api, oordelen/api), with exactly the rights of the pages.
* ``informatieplannen/`` (read-only, informatieplannen/api) and ``publiek/informatieplannen/`` (the openbare plans).
* ``schema/``: the OpenAPI contract (the committed openapi.yaml is generated
  from the same code: ``make schema``); ``docs/``: the documentation with a try-out,
  rendered from that contract (config/api_docs.py).
"""

from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

import cio_stelsel.api.schema  # noqa: F401  (registers the token security scheme)
from cio_stelsel.api.exceptions import probleem_json_response
from config import api_docs
from dashboard.api import views as publiek
from informatieplannen.api import urls as istrategie_api
from informatieplannen.api import views as iplannen
from oordelen.api.views import AanmeldingViewSet, OordeelViewSet
from portfolio.api.views import NUMMER, ONDERDEEL_VIEWSETS, ActiviteitViewSet, VersieViewSet

app_name = "api"

router = SimpleRouter()
router.register("activiteiten", ActiviteitViewSet, basename="activiteit")
router.register("versies", VersieViewSet, basename="versie")
router.register("oordelen", OordeelViewSet, basename="oordeel")
router.register("aanmeldingen", AanmeldingViewSet, basename="aanmelding")
router.register("informatieplannen", iplannen.InformatieplanViewSet, basename="informatieplan")

onderdelen = []
for lijst, viewset in ONDERDEEL_VIEWSETS.items():
    onderdelen += [
        re_path(
            rf"^activiteiten/(?P<nummer>{NUMMER})/{lijst}/$",
            viewset.as_view({"get": "list", "post": "create"}),
            name=f"{lijst}-list",
        ),
        re_path(
            rf"^activiteiten/(?P<nummer>{NUMMER})/{lijst}/(?P<pk>{viewset.lookup_value_regex})/$",
            viewset.as_view({"get": "retrieve", "patch": "partial_update", "delete": "destroy"}),
            name=f"{lijst}-detail",
        ),
    ]


@csrf_exempt
def niet_gevonden(request, *args, **kwargs):
    """Any other address under /api/v1/: a problem+json 404 (it changes nothing, so no CSRF check)."""
    return probleem_json_response(request, 404, _("Dit adres bestaat niet in de API."))


urlpatterns = [
    path("publiek/activiteiten/", publiek.ActiviteitenView.as_view(), name="publiek-activiteiten"),
    re_path(rf"^publiek/activiteiten/(?P<nummer>{NUMMER})/$", publiek.ActiviteitView.as_view(), name="publiek-activiteit"),
    path("publiek/ministeries/", publiek.MinisteriesView.as_view(), name="publiek-ministeries"),
    path("publiek/kerncijfers/", publiek.KerncijfersView.as_view(), name="publiek-kerncijfers"),
    path("publiek/peildata/", publiek.PeildataView.as_view(), name="publiek-peildata"),
    path("publiek/informatieplannen/", iplannen.OpenbarePlannenView.as_view(), name="publiek-informatieplannen"),
    re_path(r"^publiek/informatieplannen/(?P<pk>[0-9]{1,9})/$", iplannen.OpenbaarPlanView.as_view(), name="publiek-informatieplan"),
    *onderdelen,
    path("", include(router.urls)),
    *istrategie_api.urlpatterns,  # the I-strategie Rijk and the toezeggingen (B26), public and staff
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", api_docs.docs, name="docs"),
    path("docs/probeer/", api_docs.probeer, name="docs_probeer"),
    re_path(r"^.*$", niet_gevonden),
]
