"""E-mail notifications of the informatieplannen, sent by a Celery task after the transaction commits.

Who gets what follows the rights of rechten.py: the ministry's CISO is asked for the section on
information security (B11), the minister to decide the plan (B12), the CIO-office hears that the plan
was sent back, decided or reviewed, and the CIO Rijk that a vastgesteld plan awaits its toets (art 11 i).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.utils.translation import gettext as _

from cio_stelsel import wachtrij
from cio_stelsel.permissions import heeft_rijksbreed_recht
from cio_stelsel.rechten import Recht, RijksbreedRecht
from oordelen.meldingen import gebruikers_met_recht

from .models import Informatieplan


def _rijksbreed(recht: str):
    kandidaten = (
        get_user_model()
        .objects.filter(groups__permissions__codename=recht, is_active=True)
        .exclude(Q(email="") | Q(email__isnull=True))
        .distinct()
    )
    return [u for u in kandidaten if heeft_rijksbreed_recht(u, recht)]


def _ontvangers_en_tekst(soort: str, pk: int):
    plan = Informatieplan.objects.select_related("ministerie").get(pk=pk)
    m = plan.ministerie_id
    if soort == "ciso_paragraaf_gevraagd":
        return (
            gebruikers_met_recht(Recht.CISOBIJDRAGE_LEVEREN, m),
            _("Paragraaf informatiebeveiliging gevraagd: %(p)s") % {"p": plan.titel},
            _(
                "Het informatieplan '%(p)s' is in concept. Zonder uw paragraaf informatiebeveiliging kan het niet worden aangeboden (B11, art 7 d)."
            )
            % {"p": plan.titel},
        )
    if soort == "plan_vast_te_stellen":
        return (
            gebruikers_met_recht(Recht.INFORMATIEPLAN_VASTSTELLEN, m),
            _("Informatieplan ter vaststelling: %(p)s") % {"p": plan.titel},
            _("Het informatieplan '%(p)s' is u ter vaststelling aangeboden (B12).") % {"p": plan.titel},
        )
    if soort == "plan_teruggestuurd":
        return (
            gebruikers_met_recht(Recht.INFORMATIEPLAN_OPSTELLEN, m),
            _("Informatieplan teruggestuurd: %(p)s") % {"p": plan.titel},
            _("De minister heeft het informatieplan '%(p)s' teruggestuurd; de reden staat in de audittrail van het plan.")
            % {"p": plan.titel},
        )
    if soort == "plan_te_toetsen":
        return (
            _rijksbreed(RijksbreedRecht.INFORMATIEPLAN_TOETSEN),
            _("Informatieplan vastgesteld, kwaliteitstoets gevraagd: %(p)s (%(m)s)") % {"p": plan.titel, "m": plan.ministerie.afkorting},
            _("De minister heeft het informatieplan '%(p)s' vastgesteld. Toets het aan het kwaliteitskader (art 11 i).")
            % {"p": plan.titel},
        )
    if soort == "plan_getoetst":
        return (
            gebruikers_met_recht(Recht.INFORMATIEPLAN_OPSTELLEN, m),
            _("Kwaliteitstoets van het informatieplan: %(p)s") % {"p": plan.titel},
            _("De CIO Rijk heeft het informatieplan '%(p)s' getoetst aan het kwaliteitskader.") % {"p": plan.titel},
        )
    raise ValueError(f"Onbekende melding: {soort}")


def melding_verzenden(soort: str, pk: int) -> int:
    """Send one notification by e-mail; returns the number of messages sent."""
    ontvangers, onderwerp, tekst = _ontvangers_en_tekst(soort, pk)
    berichten = [(onderwerp, tekst + "\n\n— CIO-stelsel Rijksdienst", settings.DEFAULT_FROM_EMAIL, [u.email]) for u in ontvangers]
    return send_mass_mail(berichten, fail_silently=False) if berichten else 0


def versturen(soort: str, pk: int) -> None:
    """Queue a notification (call from transaction.on_commit)."""
    wachtrij.versturen("informatieplannen.tasks.melding_versturen", soort, pk)  # by name: the task imports this module
