"""Errors as RFC 9457 ``application/problem+json``, in Dutch, with the field errors in ``fouten``.

``REST_FRAMEWORK["EXCEPTION_HANDLER"]`` points here. Besides DRF's own
exceptions it maps what the services raise, so a refusal reads the same as on
the pages:

* ``django.core.exceptions.ValidationError`` → 400, ``fouten`` per field
  (a dict keyed by field, as the services raise them; other messages under
  ``algemeen``);
* ``cio_stelsel.fouten.Conflict`` (and a ValidationError with code
  ``conflict``) → 409: someone else saved first (optimistic locking);
* ``django.core.exceptions.PermissionDenied`` → 403 with the service's message;
* ``Http404`` → 404.

Anything else is a bug and stays a 500.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from ..fouten import Conflict

PROBLEEM_MEDIA_TYPE = "application/problem+json"
ALGEMEEN = "algemeen"

# status → (type, title)
PROBLEMEN = {
    400: ("urn:cio-stelsel:probleem:ongeldige-invoer", gettext_lazy("Ongeldige invoer")),
    401: ("urn:cio-stelsel:probleem:niet-geauthenticeerd", gettext_lazy("Niet geauthenticeerd")),
    403: ("urn:cio-stelsel:probleem:geen-toestemming", gettext_lazy("Geen toestemming")),
    404: ("urn:cio-stelsel:probleem:niet-gevonden", gettext_lazy("Niet gevonden")),
    405: ("urn:cio-stelsel:probleem:methode-niet-toegestaan", gettext_lazy("Methode niet toegestaan")),
    406: ("urn:cio-stelsel:probleem:niet-aanvaardbaar", gettext_lazy("Gevraagd formaat niet beschikbaar")),
    409: ("urn:cio-stelsel:probleem:conflict", gettext_lazy("Conflict met de huidige toestand")),
    415: ("urn:cio-stelsel:probleem:mediatype", gettext_lazy("Mediatype niet ondersteund")),
    429: ("urn:cio-stelsel:probleem:te-veel-verzoeken", gettext_lazy("Te veel verzoeken")),
}


class ProbleemRenderer(JSONRenderer):
    """Lets a client ask for ``Accept: application/problem+json``."""

    media_type = PROBLEEM_MEDIA_TYPE


def probleem_data(status_code: int, detail: str, *, instance: str = "", fouten: dict | None = None) -> dict:
    type_, titel = PROBLEMEN.get(status_code, ("about:blank", gettext_lazy("Fout")))
    data = {"type": type_, "title": str(titel), "status": status_code, "detail": detail, "instance": instance}
    if fouten:
        data["fouten"] = fouten
    return data


def probleem(status_code: int, detail: str, *, request=None, fouten: dict | None = None, headers: dict | None = None) -> Response:
    instance = request.get_full_path() if request is not None else ""
    return Response(
        probleem_data(status_code, detail, instance=instance, fouten=fouten),
        status=status_code,
        headers=headers,
        content_type=PROBLEEM_MEDIA_TYPE,
    )


def probleem_json_response(request, status_code: int, detail: str) -> JsonResponse:
    """The same body outside DRF (an address under /api/ that matches no endpoint)."""
    return JsonResponse(
        probleem_data(status_code, detail, instance=request.get_full_path()),
        status=status_code,
        content_type=PROBLEEM_MEDIA_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def _veldnaam(naam) -> str:
    return ALGEMEEN if naam in (NON_FIELD_ERRORS, api_settings.NON_FIELD_ERRORS_KEY, None) else str(naam)


def _plat(fouten, voorvoegsel: str, uit: dict) -> None:
    """DRF's nested error structure → {"veld" | "lijst.0.veld": [messages]}."""
    if isinstance(fouten, dict):
        for sleutel, waarde in fouten.items():
            naam = _veldnaam(sleutel)
            if voorvoegsel:
                naam = voorvoegsel if naam == ALGEMEEN else f"{voorvoegsel}.{naam}"
            _plat(waarde, naam, uit)
    elif isinstance(fouten, (list, tuple)):
        if all(not isinstance(f, (dict, list, tuple)) for f in fouten):
            uit.setdefault(voorvoegsel or ALGEMEEN, []).extend(force_str(f) for f in fouten)
        else:
            for i, f in enumerate(fouten):
                if f:
                    _plat(f, f"{voorvoegsel}.{i}" if voorvoegsel else str(i), uit)
    else:
        uit.setdefault(voorvoegsel or ALGEMEEN, []).append(force_str(fouten))


def _django_fouten(exc: DjangoValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        return {_veldnaam(veld): [force_str(m) for e in lijst for m in e.messages] for veld, lijst in exc.error_dict.items()}
    return {ALGEMEEN: [force_str(m) for m in exc.messages]}


def _is_conflict(exc: DjangoValidationError) -> bool:
    if isinstance(exc, Conflict):
        return True
    if hasattr(exc, "error_dict"):
        return False
    return any(getattr(e, "code", None) == "conflict" for e in exc.error_list)


def _samenvatting(fouten: dict) -> str:
    eerste = next(iter(fouten.values()), [])
    if len(fouten) == 1 and eerste:
        return eerste[0]
    return _("De invoer bevat fouten; zie 'fouten' per veld.")


def exception_handler(exc, context):
    antwoord = _antwoord(exc, context.get("request"))
    if antwoord is not None:
        set_rollback()
    return antwoord


def _antwoord(exc, request):
    if isinstance(exc, DjangoValidationError):
        fouten = _django_fouten(exc)
        if _is_conflict(exc):
            return probleem(status.HTTP_409_CONFLICT, " ".join(m for ms in fouten.values() for m in ms), request=request)
        return probleem(status.HTTP_400_BAD_REQUEST, _samenvatting(fouten), request=request, fouten=fouten)
    if isinstance(exc, DjangoPermissionDenied):
        detail = force_str(exc.args[0]) if exc.args and exc.args[0] else _("U heeft hiervoor niet de juiste rol.")
        return probleem(status.HTTP_403_FORBIDDEN, detail, request=request)
    if isinstance(exc, Http404):
        return probleem(status.HTTP_404_NOT_FOUND, _("Niet gevonden, of u mag dit niet inzien."), request=request)
    if isinstance(exc, exceptions.ValidationError):
        fouten: dict = {}
        _plat(exc.detail, "", fouten)
        return probleem(status.HTTP_400_BAD_REQUEST, _samenvatting(fouten), request=request, fouten=fouten)
    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        detail = exc.detail
        if isinstance(detail, (list, dict)):
            fouten: dict = {}
            _plat(detail, "", fouten)
            detail = _samenvatting(fouten)
        if isinstance(exc, exceptions.Throttled):
            detail = _("Te veel verzoeken; probeer het over %(s)s seconden opnieuw.") % {"s": int(exc.wait or 1)}
        return probleem(exc.status_code, force_str(detail), request=request, headers=headers)
    return None
