"""Password reset by e-mail (issue 20, finding 5): Django's PasswordReset* views, rate-limited and audited.

- The answer is the same whether or not an address belongs to an account: the
  form always goes on to the "check your e-mail" page (Django's PasswordResetForm
  sends only to active accounts with that address and says nothing otherwise).
- Rate limits, counted in the cache (``settings.CACHES``; Redis in production):
  at most ``WACHTWOORDHERSTEL_PER_IP`` requests per hour from one IP address
  (more: 429, which says nothing about any address) and at most
  ``WACHTWOORDHERSTEL_PER_ADRES`` e-mails per hour to one address (more: the same
  answer, no e-mail, so the limit does not reveal the address either).
- Setting a new password through the link is audited (``account.wachtwoord_hersteld``)
  and lifts a lock-out of django-axes for that user: the way back into a locked account.
"""

import hashlib

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from . import audit

UUR = 60 * 60


def _teller(soort: str, sleutel: str) -> int:
    """Count one request for ``sleutel`` in the current hour window; returns the count including this one."""
    naam = f"wachtwoordherstel:{soort}:{hashlib.sha256(sleutel.encode()).hexdigest()}"
    cache.add(naam, 0, timeout=UUR)
    try:
        return cache.incr(naam)
    except ValueError:  # expired between add and incr
        cache.set(naam, 1, timeout=UUR)
        return 1


def _ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "onbekend"


class WachtwoordVergetenView(auth_views.PasswordResetView):
    """Ask for a reset link: the same answer for every address, limited per IP address and per address."""

    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        if _teller("ip", _ip(request)) > settings.WACHTWOORDHERSTEL_PER_IP:
            return render(
                request,
                "registration/password_reset_te_vaak.html",
                {"detail": _("Te veel verzoeken vanaf dit adres. Probeer het over een uur opnieuw.")},
                status=429,
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        adres = form.cleaned_data["email"].strip().lower()
        if _teller("adres", adres) > settings.WACHTWOORDHERSTEL_PER_ADRES:
            # No e-mail, the same answer: the limit does not tell whether the address exists.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class WachtwoordHerstellenView(auth_views.PasswordResetConfirmView):
    """Set a new password through the link in the e-mail: audited, and a lock-out of the account lifted."""

    success_url = reverse_lazy("password_reset_complete")

    @transaction.atomic
    def form_valid(self, form):
        antwoord = super().form_valid(form)
        gebruiker = form.user
        audit.vastleggen(
            actor=gebruiker,
            actie="account.wachtwoord_hersteld",
            obj=gebruiker,
            na={"gebruiker": gebruiker.get_username()},
            reden=_("Wachtwoord opnieuw ingesteld via de link per e-mail."),
        )
        # In the same transaction: the lock-out records of django-axes for this username go with the old password.
        axes_reset(username=gebruiker.get_username())
        return antwoord
