"""Small formatting filters for the templates of the CIO-stelsel.

Load with ``{% load cio %}``. Dates are shown as dd-mm-jjjj (the Dutch
government convention), wrapped by the templates in ``<time datetime=...>``
where a machine-readable value helps.
"""

import datetime
import json

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()


@register.filter
def datum(waarde, leeg=""):
    """A date (or datetime, or ISO date string) as dd-mm-jjjj; ``leeg`` when there is none."""
    if waarde in (None, ""):
        return leeg
    if isinstance(waarde, str):
        try:
            waarde = datetime.date.fromisoformat(waarde[:10])
        except ValueError:
            return waarde
    if isinstance(waarde, datetime.datetime):
        if timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)
        waarde = waarde.date()
    return waarde.strftime("%d-%m-%Y")


@register.filter
def tijdstip(waarde, leeg=""):
    """A datetime as dd-mm-jjjj uu:mm in the local time zone."""
    if waarde in (None, ""):
        return leeg
    if isinstance(waarde, datetime.datetime):
        if timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)
        return waarde.strftime("%d-%m-%Y %H:%M")
    return datum(waarde, leeg)


@register.filter
def iso(waarde):
    """The machine-readable value for ``<time datetime="...">``."""
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, datetime.datetime) and timezone.is_aware(waarde):
        waarde = timezone.localtime(waarde)
    return waarde.isoformat()


@register.filter
def rolstatus(toewijzing, op=None):
    """'toekomstig', 'actief' or 'beeindigd': a role assignment's state on ``op`` (default: today)."""
    op = op or timezone.localdate()
    if toewijzing.begindatum > op:
        return "toekomstig"
    if toewijzing.einddatum is not None and toewijzing.einddatum < op:
        return "beeindigd"
    return "actief"


@register.filter
def auditwaarde(waarde):
    """A value from an audit record's before/after snapshot, readable: empty, yes/no, list or JSON."""
    if waarde is None or waarde == "" or waarde == [] or waarde == {}:
        return "—"
    if waarde is True:
        return _("ja")
    if waarde is False:
        return _("nee")
    if isinstance(waarde, list) and all(not isinstance(w, (list, dict)) for w in waarde):
        return ", ".join(str(w) for w in waarde)
    if isinstance(waarde, (list, dict)):
        return json.dumps(waarde, ensure_ascii=False, indent=2, sort_keys=True)
    return str(waarde)


@register.filter
def is_gestructureerd(waarde):
    """Whether auditwaarde renders the value as a JSON block (to put it in <pre>)."""
    if isinstance(waarde, dict):
        return bool(waarde)
    if isinstance(waarde, list):
        return any(isinstance(w, (list, dict)) for w in waarde)
    return False


@register.filter
def gesorteerd(waarden):
    """A sorted list of a set (e.g. Art17Afwijking.regels), for stable output."""
    return sorted(waarden or [])


@register.filter
def voorzitter(leden):
    """The first chair among the (prefetched) active memberships of an overlegorgaan, or None."""
    return next((lid for lid in leden or [] if lid.functie == "voorzitter"), None)


# The structural rules of domain/besluit.md section 1 and the governance clock B24, for headings.
REGELNAMEN = {
    "S1": gettext_lazy("Departementale CIO onder de secretaris-generaal"),
    "S2": gettext_lazy("CIO lid van de bestuursraad"),
    "S3": gettext_lazy("CIO-office bij elke CIO"),
    "S4": gettext_lazy("Departementale CISO"),
    "S5": gettext_lazy("CIO en CISO van dienstonderdelen met een substantieel ICT-portfolio"),
    "S6": gettext_lazy("Eén CIO Rijk en één CISO Rijk"),
    "S7": gettext_lazy("Consultatie door de CIO Rijk bij benoeming en ontslag van een CIO"),
    "S8": gettext_lazy("Geen verplichte rollen bij zbo's"),
    "S9": gettext_lazy("Voorzitters en leden van de overlegorganen"),
    "S10": gettext_lazy("Afwijkingen op grond van artikel 17"),
    "B24": gettext_lazy("Handvest van het CIO-beraad"),
}


@register.filter
def regelnaam(regel):
    """The Dutch name of a structural rule id (S1-S10, B24)."""
    return REGELNAMEN.get(regel, "")


@register.filter
def kamerstuk_url(nummer):
    """The official publication of a Kamerstuk number (cio_stelsel/kamerstukken.py), or ''."""
    from cio_stelsel.kamerstukken import kamerstuk_url as url

    return url(str(nummer or "")) or ""
