"""The werkvoorraad's tasks of the I-strategie Rijk (hook ``werkvoorraad``, cio_stelsel/haken.py).

* an action whose date has passed, for its holder (who reports its progress);
* the yearly update (B26) when it is overdue, and commitments past their date, for the CIO Rijk.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht
from oordelen.selectors import Taak

from . import istrategie
from .istrategie_leesmodel import strategie


def taken_voor(user, op=None) -> list[Taak]:
    op = op or timezone.localdate()
    taken = []
    beheren = istrategie.mag_beheren(user)
    te_laat = istrategie.acties_te_laat(op).select_related("houder_ministerie", "houder_overlegorgaan")
    eigen = scope(user, Recht.PORTFOLIO_BEWERKEN)
    if not beheren:
        te_laat = te_laat.filter(houder_ministerie__in=eigen.ministerie_ids) if not eigen.leeg else te_laat.none()
    for a in te_laat:
        if istrategie.mag_voortgang_melden(user, a):
            taken.append(
                Taak(
                    "istrategie_actie",
                    _("Actie van de I-strategie over de termijn: %(a)s") % {"a": a},
                    reverse("istrategie:actie", args=[a.pk]),
                    a.termijn,
                    te_laat=True,
                )
            )
    if beheren:
        s = strategie()
        if s is not None and istrategie.actualisatie_te_laat(s, op):
            laatste = s.actualisaties.order_by("-verzonden_op").first()
            taken.append(
                Taak(
                    "istrategie_actualisatie",
                    _("Jaarlijkse actualisatie van de I-strategie is te laat (B26): %(s)s") % {"s": s},
                    reverse("istrategie:actualisatie_nieuw", args=[s.pk]),
                    laatste.verzonden_op if laatste else None,
                    te_laat=True,
                )
            )
    return taken


def werkvoorraad(user) -> dict:
    return {"istrategie_taken": taken_voor(user)}
