"""``/.well-known/security.txt`` (RFC 9116): where to report a vulnerability in this site.

Contact and the policy page come from settings (SECURITY_TXT_CONTACT, an
e-mail or https address); Expires is always one year minus a day ahead of the
moment of the request, rounded to the day, so a deployment never publishes an
expired file and never promises more than a year (RFC 9116 section 2.5.5).
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def _velden(request) -> list[tuple[str, str]]:
    verloopt = (timezone.now() + datetime.timedelta(days=364)).replace(hour=0, minute=0, second=0, microsecond=0)
    return [
        ("Contact", settings.SECURITY_TXT_CONTACT),
        ("Expires", verloopt.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")),
        ("Preferred-Languages", "nl, en"),
        ("Canonical", request.build_absolute_uri(reverse("security_txt"))),
        ("Policy", request.build_absolute_uri(reverse("dashboard:kwetsbaarheid"))),
    ]


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def security_txt(request):
    tekst = "".join(f"{veld}: {waarde}\n" for veld, waarde in _velden(request))
    return HttpResponse(tekst, content_type="text/plain; charset=utf-8")
