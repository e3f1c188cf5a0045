"""Strict input for the write serializers of the API: a field the write does not take is a 400 that names it.

DRF drops unknown keys and read-only fields from a request body without a word,
so ``PATCH {"status": "afgerond"}`` answered 200 and changed nothing (issue 20,
finding 4): the client believes a change happened that did not. ``StrikteInvoer``
refuses such a body, per field: unknown (a typing error, a field of another
version) or read-only (part of the output, changed elsewhere or never).
"""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from rest_framework import serializers


class StrikteInvoer:
    # Mixin for a (Model)Serializer used for input: put it first in the bases.
    # ``alleen_lezen``: names that appear in the output but are not written here, each with
    # an optional hint where they are changed ({"status": "POST …/status/"}); any other
    # unknown name is reported as unknown. (Comments, not a docstring: a serializer's
    # docstring is its description in the schema, in Dutch, and getdoc() inherits it.)

    alleen_lezen: Mapping[str, str] | tuple = ()

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            schrijfbaar = {naam for naam, veld in self.fields.items() if not veld.read_only}
            fouten = {}
            for naam in data:
                if naam in schrijfbaar:
                    continue
                fouten[naam] = [self._melding(str(naam))]
            if fouten:
                raise serializers.ValidationError(fouten)
        return super().to_internal_value(data)

    def _melding(self, naam: str) -> str:
        hints = self.alleen_lezen if isinstance(self.alleen_lezen, Mapping) else dict.fromkeys(self.alleen_lezen, "")
        if naam in hints or (naam in self.fields and self.fields[naam].read_only):
            if hint := hints.get(naam):
                return _("Dit veld is hier alleen-lezen en wordt niet gewijzigd; wijzig het met %(hint)s.") % {"hint": hint}
            return _("Dit veld is alleen-lezen en kan hier niet worden gewijzigd.")
        return _("Onbekend veld: dit verzoek kent het niet.")


class CodeVeld(serializers.SlugRelatedField):
    """A SlugRelatedField that refuses a NUL character before it reaches the database.

    DRF's CharField has a validator for it, a related field not: PostgreSQL refuses a
    NUL byte in a query with a DataError, which surfaced as a 500 (found by schemathesis).
    """

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)
