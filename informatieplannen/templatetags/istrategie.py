"""Template filters of the I-strategie pages."""

import datetime

from django import template

from informatieplannen.models import Actie, Toezegging

register = template.Library()


@register.filter
def te_laat(obj, vandaag: datetime.date) -> bool:
    """An action not afgerond, or a commitment not afgedaan, whose date has passed."""
    if isinstance(obj, Actie):
        return obj.status != Actie.Status.AFGEROND and obj.termijn < vandaag
    if isinstance(obj, Toezegging):
        return obj.status != Toezegging.Status.AFGEDAAN and obj.termijn is not None and obj.termijn < vandaag
    return False
