"""The public I-plan pages, without log-in (informatieplannen/publiek.py). Mounted at ``i-plannen/`` (config/urls.py)."""

from django.urls import path

from . import publiek

app_name = "iplannen"

urlpatterns = [
    path("", publiek.lijst, name="lijst"),
    path("<slug:code>/", publiek.ministerie, name="ministerie"),
    path("<slug:code>/<int:pk>.pdf", publiek.plan_pdf, name="pdf"),
]
