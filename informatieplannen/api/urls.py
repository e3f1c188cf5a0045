"""The API routes of the I-strategie and the toezeggingen, included by config/api_urls.py (namespace ``api``)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .istrategie import ActieViewSet, ActualisatieViewSet, PubliekeStrategieView, PubliekeToezeggingenView, ToezeggingViewSet

router = SimpleRouter()
router.register("i-strategie/acties", ActieViewSet, basename="istrategie-actie")
router.register("i-strategie/actualisaties", ActualisatieViewSet, basename="istrategie-actualisatie")
router.register("toezeggingen", ToezeggingViewSet, basename="toezegging")

urlpatterns = [
    path("publiek/i-strategie/", PubliekeStrategieView.as_view(), name="publiek-istrategie"),
    path("publiek/toezeggingen/", PubliekeToezeggingenView.as_view(), name="publiek-toezeggingen"),
    *router.urls,
]
