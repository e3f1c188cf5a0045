"""The API's permission classes: authentication and the token's reach, nothing else.

Business permissions are not decided here: reads go through ``zichtbaar_voor``
(404 for what a user may not see) and changes through the services, which raise
``PermissionDenied`` (403) exactly as they do for the pages.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from ..models import ApiToken


class TokenMagSchrijven(BasePermission):
    """A read-only token may only use safe methods (GET, HEAD, OPTIONS)."""

    message = _("Dit API-token is alleen-lezen: gebruik een token met schrijfrechten.")

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        token = request.auth
        return not (isinstance(token, ApiToken) and token.alleen_lezen)
