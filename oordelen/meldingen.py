"""E-mail notifications of the oordelen workflow, sent by a Celery task after the transaction commits.

Who gets what follows the rights of rechten.py: the CISO is asked for a
contribution, the CIO to decide, the SG and minister hear of a negative
oordeel (art 5.3), the CIO of a received advice.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.utils.translation import gettext as _

from cio_stelsel import wachtrij
from cio_stelsel.models import DienstonderdeelUserObjectPermission, MinisterieUserObjectPermission
from cio_stelsel.rechten import Recht


def gebruikers_met_recht(recht: str, ministerie_id: int, dienstonderdeel_id: int | None = None):
    """Active users holding ``recht`` on the ministerie (or on the dienstonderdeel)."""
    ids = set(
        MinisterieUserObjectPermission.objects.filter(content_object_id=ministerie_id, permission__codename=recht).values_list(
            "user_id", flat=True
        )
    )
    if dienstonderdeel_id:
        ids |= set(
            DienstonderdeelUserObjectPermission.objects.filter(
                content_object_id=dienstonderdeel_id, permission__codename=recht
            ).values_list("user_id", flat=True)
        )
    return get_user_model().objects.filter(pk__in=ids, is_active=True).exclude(Q(email="") | Q(email__isnull=True))


def _ontvangers_en_tekst(soort: str, pk: int):
    from .models import Aanmelding, Afwijking, CioOordeel

    if soort in ("ciso_bijdrage_gevraagd", "oordeel_vast_te_stellen", "oordeel_vastgesteld"):
        oordeel = CioOordeel.objects.select_related("activiteit").get(pk=pk)
        a = oordeel.activiteit
        if soort == "ciso_bijdrage_gevraagd":
            return (
                gebruikers_met_recht(Recht.CISOBIJDRAGE_LEVEREN, a.ministerie_id, a.dienstonderdeel_id),
                _("Bijdrage informatiebeveiliging gevraagd: %(a)s") % {"a": a.naam},
                _(
                    "Er is een CIO-oordeel in voorbereiding over '%(a)s'. Zonder uw bijdrage over informatiebeveiliging kan de CIO het niet vaststellen (art 7 k)."
                )
                % {"a": a.naam},
            )
        if soort == "oordeel_vast_te_stellen":
            return (
                gebruikers_met_recht(Recht.OORDEEL_VASTSTELLEN, a.ministerie_id, a.dienstonderdeel_id),
                _("CIO-oordeel klaar om vast te stellen: %(a)s") % {"a": a.naam},
                _("De CISO heeft de bijdrage over informatiebeveiliging geleverd. Het oordeel over '%(a)s' kan worden vastgesteld.")
                % {"a": a.naam},
            )
        ontvangers = gebruikers_met_recht(Recht.OORDEEL_OPSTELLEN, a.ministerie_id, a.dienstonderdeel_id)
        if oordeel.uitkomst == CioOordeel.Uitkomst.NEGATIEF:
            ontvangers = ontvangers | gebruikers_met_recht(Recht.AFWIJKING_VASTLEGGEN, a.ministerie_id)
        return (
            ontvangers.distinct(),
            _("CIO-oordeel vastgesteld (%(u)s): %(a)s") % {"u": oordeel.get_uitkomst_display().lower(), "a": a.naam},
            _("Het CIO-oordeel over '%(a)s' is vastgesteld: %(u)s.") % {"a": a.naam, "u": oordeel.get_uitkomst_display().lower()},
        )
    if soort == "afwijking_vastgelegd":
        afwijking = Afwijking.objects.select_related("oordeel__activiteit").get(pk=pk)
        a = afwijking.oordeel.activiteit
        return (
            gebruikers_met_recht(Recht.OORDEEL_VASTSTELLEN, a.ministerie_id, a.dienstonderdeel_id),
            _("Afwijking van negatief CIO-oordeel: %(a)s") % {"a": a.naam},
            _("De %(door)s heeft met redenen omkleed afgeweken van het negatieve CIO-oordeel over '%(a)s' (art 5.3).")
            % {"door": afwijking.get_door_rol_display().lower(), "a": a.naam},
        )
    if soort == "advies_ontvangen":
        aanmelding = Aanmelding.objects.select_related("activiteit").get(pk=pk)
        a = aanmelding.activiteit
        return (
            gebruikers_met_recht(Recht.ACICT_AANMELDEN, a.ministerie_id),
            _("AcICT-advies ontvangen: %(a)s") % {"a": a.naam},
            _("Het Adviescollege ICT-toetsing heeft geadviseerd over '%(a)s'. Stel binnen vier weken de bestuurlijke reactie vast.")
            % {"a": a.naam},
        )
    raise ValueError(f"Onbekende melding: {soort}")


def melding_verzenden(soort: str, pk: int) -> int:
    """Send one notification by e-mail; returns the number of messages sent."""
    ontvangers, onderwerp, tekst = _ontvangers_en_tekst(soort, pk)
    berichten = [(onderwerp, tekst + "\n\n— CIO-stelsel Rijksdienst", settings.DEFAULT_FROM_EMAIL, [u.email]) for u in ontvangers]
    return send_mass_mail(berichten, fail_silently=False) if berichten else 0


def versturen(soort: str, pk: int) -> None:
    """Queue a notification (call from transaction.on_commit)."""
    wachtrij.versturen("oordelen.tasks.melding_versturen", soort, pk)  # by name: the task imports this module
