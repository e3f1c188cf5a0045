"""The serialisation format of a backup: Django's JSON, but with times to the microsecond.

Django's JSON encoder cuts datetimes and times to milliseconds, so a
restored audit log would differ from the original. Registered as
``backupjson`` in settings.SERIALIZATION_MODULES; loaddata picks it by the
file name ``database.backupjson.gz``.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class VolledigeTijden(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            tekst = o.isoformat()
            return tekst[:-6] + "Z" if tekst.endswith("+00:00") else tekst
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = VolledigeTijden


Deserializer = django_json.Deserializer
