"""``Authorization: Token <geheim>`` (or ``Bearer <geheim>``) with a personal API token (cio_stelsel.models.ApiToken)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header

from ..models import ApiToken

SLEUTELWOORDEN = (b"token", b"bearer")
# Recording every use would write on every request; once per interval is enough to show "laatst gebruikt".
GEBRUIK_VASTLEGGEN_NA = datetime.timedelta(minutes=5)


class ApiTokenAuthentication(BaseAuthentication):
    """Authenticates as the token's user; ``request.auth`` is the ApiToken.

    Unknown, revoked or expired tokens and inactive users get a 401. The token
    carries no rights of its own: ``permissions.scope(user, ...)`` decides.
    """

    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() not in SLEUTELWOORDEN:
            return None
        if len(delen) != 2:
            raise exceptions.AuthenticationFailed(_("Ongeldige Authorization-header: gebruik 'Token <uw token>'."))
        try:
            geheim = delen[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Ongeldig token.")) from None
        token = ApiToken.objects.select_related("user").filter(sleutel_hash=ApiToken.hash_van(geheim)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Ongeldig token."))
        if token.is_ingetrokken:
            raise exceptions.AuthenticationFailed(_("Dit token is ingetrokken."))
        if token.is_verlopen:
            raise exceptions.AuthenticationFailed(_("Dit token is verlopen."))
        nu = timezone.now()
        if token.laatst_gebruikt_op is None or nu - token.laatst_gebruikt_op > GEBRUIK_VASTLEGGEN_NA:
            ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=nu)
            token.laatst_gebruikt_op = nu
        return token.user, token

    def authenticate_header(self, request):
        return 'Token realm="api"'


class GeverifieerdeSessionAuthentication(SessionAuthentication):
    """A browser session counts in the API only after the second factor (BIO 5.17.01, cio_stelsel/tweede_factor.py).

    A session that passed only the password is no log-in here (401), as on the
    staff pages. API tokens are unaffected: only a verified user can make one.
    """

    def authenticate(self, request):
        resultaat = super().authenticate(request)
        if resultaat is None:
            return None
        is_verified = getattr(request._request.user, "is_verified", None)
        if is_verified is None or not is_verified():
            return None
        return resultaat
