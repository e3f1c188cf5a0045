"""Throttles whose rates are read from settings at request time (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]).

DRF's own classes copy the rates when they are imported, so a changed setting
(a test, an environment variable per deployment) would not reach them.
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle


class _RatesUitSettings:
    def get_rate(self):
        rates = settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {})
        return rates.get(self.scope)


class AnoniemThrottle(_RatesUitSettings, AnonRateThrottle):
    """Per IP address, for requests without log-in ("anon")."""


class GebruikerThrottle(_RatesUitSettings, UserRateThrottle):
    """Per user, for authenticated requests ("user")."""


class ScopeThrottle(_RatesUitSettings, ScopedRateThrottle):
    """Per view group (``throttle_scope`` on the view, e.g. "publiek"), per user or IP."""
