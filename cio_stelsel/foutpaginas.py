"""The server error handler (config/urls.py ``handler500``): a lost database is a 503, not a 500.

Django calls the handler for every uncaught exception, from a view or from a
middleware (a session that cannot be saved), while the exception is being
handled, so ``sys.exc_info()`` says what happened. When the database went
away (a restart, a failover) the answer is 503 with Retry-After: the request's
transaction died with its connection, so nothing of it is half-written, and
Django replaces the broken connection at the next request
(``conn_health_checks``). Both pages render without the database. API
requests get RFC 9457 problem+json, like every API error.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER = "30"


def _probleem(request, status: int, detail: str) -> HttpResponse:
    from cio_stelsel.api.exceptions import probleem_json_response  # the body of every API error

    return probleem_json_response(request, status, detail)


@requires_csrf_token
def serverfout(request):
    fout = sys.exc_info()[1]
    api = request.path.startswith("/api/")
    if isinstance(fout, OperationalError | InterfaceError):
        if api:
            response = _probleem(
                request,
                503,
                _("De database is tijdelijk niet bereikbaar. Er is niets opgeslagen; probeer het over een halve minuut opnieuw."),
            )
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = RETRY_AFTER
        return response
    if api:
        return _probleem(request, 500, _("Door een technische fout kon het verzoek niet worden verwerkt. Het probleem is vastgelegd."))
    return HttpResponse(render_to_string("500.html"), status=500)
