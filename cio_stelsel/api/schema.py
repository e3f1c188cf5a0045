"""drf-spectacular additions: the problem+json error responses and the token security scheme.

``SPECTACULAR_SETTINGS`` and ``REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]`` point here.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from .exceptions import PROBLEEM_MEDIA_TYPE


class ProbleemSerializer(serializers.Serializer):
    """Een fout (RFC 9457 problem details), in het Nederlands."""

    type = serializers.CharField(help_text=_("URI die de soort fout aanduidt."))
    title = serializers.CharField(help_text=_("Korte omschrijving van de soort fout."))
    status = serializers.IntegerField(help_text=_("De HTTP-statuscode."))
    detail = serializers.CharField(help_text=_("Uitleg bij deze fout."))
    instance = serializers.CharField(help_text=_("Het adres van het verzoek."))
    fouten = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("Per veld de meldingen ('algemeen' voor meldingen die niet bij één veld horen)."),
    )

    class Meta:
        ref_name = "Probleem"


FOUTOMSCHRIJVINGEN = {
    "400": _("Ongeldige invoer: zie 'fouten' per veld."),
    "401": _("Niet of niet geldig geauthenticeerd (geen, een verlopen of een ingetrokken token)."),
    "403": _("Geen toestemming: uw rol staat dit niet toe, of het token is alleen-lezen."),
    "404": _("Niet gevonden, of u mag dit niet inzien."),
    "409": _("Iemand anders heeft intussen opgeslagen (versie)."),
    "429": _("Te veel verzoeken."),
    "default": _("Een andere fout, als problem+json."),
}


class ApiSchema(AutoSchema):
    """Adds the problem+json responses to every operation, and 304 to conditional (public) GETs.

    Descriptions come only from ``extend_schema`` (the docstrings are for developers, in English).
    """

    def get_description(self):
        return ""

    def map_renderers(self, attribute):
        # problem+json is for errors only; a 200 is application/json.
        return [m for m in super().map_renderers(attribute) if m != PROBLEEM_MEDIA_TYPE]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = ["400", "404", "429"]
        if getattr(self.view, "permission_classes", None) and not getattr(self.view, "publiek", False):
            codes[1:1] = ["401", "403"]
        if self.method in ("POST", "PUT", "PATCH") and getattr(self.view, "met_versie", False):
            codes.append("409")
        for code in [*codes, "default"]:
            if code not in responses:
                antwoord = self._get_response_for_code(ProbleemSerializer, code, [PROBLEEM_MEDIA_TYPE], direction)
                antwoord["description"] = str(FOUTOMSCHRIJVINGEN[code])
                responses[code] = antwoord
        if self.method == "GET" and getattr(self.view, "publiek", False):
            responses["304"] = {"description": str(_("Niet gewijzigd sinds de ETag of datum in If-None-Match / If-Modified-Since."))}
        return dict(sorted(responses.items(), key=lambda kv: (kv[0] == "default", kv[0])))


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "cio_stelsel.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _(
                    "Persoonlijk API-token, aan te maken op de pagina API-tokens: 'Authorization: Token <token>' "
                    "(of 'Bearer <token>'). Het token geeft nooit meer rechten dan uw eigen rollen."
                )
            ),
        }


class GeverifieerdeSessieScheme(OpenApiAuthenticationExtension):
    """The browser session after the second factor: the same ``cookieAuth`` scheme as DRF's SessionAuthentication."""

    target_class = "cio_stelsel.api.authentication.GeverifieerdeSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
