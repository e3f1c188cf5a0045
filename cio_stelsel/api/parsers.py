"""The request parser of the API: JSON with a bounded nesting depth.

Python's json module recurses per level of nesting: ``{"a":`` × 5000 raised a
RecursionError, which DRF's JSONParser does not catch, so every write endpoint
answered 500 (issue 20, finding 2). This parser measures the depth before
decoding (the brackets outside strings counted, in linear time) and refuses a deeper body
with a ParseError: a 400 problem+json like every other malformed body.

``settings.API_JSON_MAX_DIEPTE`` (environment variable ``API_JSON_MAX_DIEPTE``,
default 32) is the largest depth accepted; the deepest body the API itself
expects is an activity with its initial baseline (depth 2).
"""

import io
import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# A complete string (skipped), a bracket, or a quote that opens no complete string (the rest is malformed).
_TEKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|"', re.DOTALL)


def max_diepte() -> int:
    return int(getattr(settings, "API_JSON_MAX_DIEPTE", 32))


def diepte(tekst: str) -> int:
    """The largest nesting depth of the arrays and objects in a JSON text (a malformed text: a best guess)."""
    hoogste = huidig = 0
    for m in _TEKEN.finditer(tekst):
        teken = m.group()
        if teken in ("[", "{"):
            huidig += 1
            hoogste = max(hoogste, huidig)
        elif teken in ("]", "}"):
            huidig -= 1
        elif teken == '"':
            # An unterminated string: stop here, linear time (the decoder refuses the text, RecursionError caught below).
            break
    return hoogste


class BegrensdeJSONParser(JSONParser):
    """DRF's JSONParser, refusing a body nested deeper than ``API_JSON_MAX_DIEPTE`` (400, never a RecursionError)."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        ruw = stream.read() if stream is not None else b""
        try:
            tekst = ruw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(_("De inhoud is geen geldige JSON: de tekens zijn niet te lezen als %(c)s.") % {"c": encoding}) from None
        grens = max_diepte()
        # Fewer opening brackets than the limit cannot nest deeper: most bodies skip the scan.
        if tekst.count("[") + tekst.count("{") > grens and diepte(tekst) > grens:
            raise ParseError(_("De JSON is te diep genest: hoogstens %(n)s niveaus.") % {"n": grens})
        try:
            return super().parse(io.BytesIO(ruw), media_type, parser_context)
        except RecursionError:
            raise ParseError(_("De JSON is te diep genest: hoogstens %(n)s niveaus.") % {"n": grens}) from None
