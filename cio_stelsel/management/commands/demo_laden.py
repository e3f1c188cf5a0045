"""Load the demo data for a local installation, in one transaction, and list the demo log-ins.

Idempotent: a second run adds nothing. Refuses to run in production
(settings.PRODUCTION) unless ``--ik-weet-het-zeker`` is given, because it
creates accounts with a shared, published password.

The loaders are those the apps registered for the hook ``demo_laden`` in
their ``AppConfig.ready`` (cio_stelsel/haken.py), in their order; each takes
``stdout`` and returns a dict with at least ``{"aangemaakt": {kind: number}}``.
So this command, in the bottom app, imports no app above it.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from cio_stelsel import haken
from cio_stelsel.demo import DEMO_TOTP_SLEUTEL, DEMO_WACHTWOORD, demo_inlogs, demo_totp_uri


class Command(BaseCommand):
    help = "Laadt demodata (organisatie, personen, rollen, demo-accounts) voor lokale demonstratie. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ik-weet-het-zeker",
            action="store_true",
            dest="ik_weet_het_zeker",
            help="Ook uitvoeren als settings.PRODUCTION waar is (maakt accounts met een openbaar wachtwoord!).",
        )

    def handle(self, *args, ik_weet_het_zeker=False, verbosity=1, **options):
        if getattr(settings, "PRODUCTION", False) and not ik_weet_het_zeker:
            raise CommandError(
                "Dit is een productie-omgeving (DJANGO_SETTINGS_MODE=production). Demodata maakt accounts met een "
                "openbaar wachtwoord; gebruik --ik-weet-het-zeker als u dat echt wilt."
            )
        uit = self.stdout if verbosity >= 1 else None
        # The demo's oordelen would otherwise send their notifications to the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            resultaten = [lader(stdout=uit) for lader in haken.functies("demo_laden")]
        if verbosity < 1:
            return
        totaal = sum(sum(r.get("aangemaakt", {}).values()) for r in resultaten)
        self.stdout.write(self.style.SUCCESS(f"Demodata geladen: {totaal} nieuwe objecten."))
        self._inlogs_tonen()

    def _inlogs_tonen(self) -> None:
        rijen = demo_inlogs()
        if not rijen:
            return
        kop = {"gebruikersnaam": "Gebruikersnaam", "rol": "Rol", "organisatie": "Organisatie", "naam": "Naam"}
        breedte = {k: max(len(kop[k]), *(len(r[k]) for r in rijen)) for k in kop}

        def regel(r):
            return "  ".join(r[k].ljust(breedte[k]) for k in kop).rstrip()

        self.stdout.write("")
        self.stdout.write("Demo-accounts:")
        self.stdout.write(regel(kop))
        self.stdout.write("  ".join("-" * breedte[k] for k in kop))
        for r in rijen:
            self.stdout.write(regel(r) + ("  (ook Django-beheer)" if r["beheer"] else ""))
        self.stdout.write("")
        self.stdout.write(f"Wachtwoord voor alle demo-accounts: {DEMO_WACHTWOORD}")
        self.stdout.write(f"Tweede factor (authenticator-app, TOTP) voor alle demo-accounts: sleutel {DEMO_TOTP_SLEUTEL}")
        self.stdout.write(f"  in een app: {demo_totp_uri()}")
        self.stdout.write("  of de code van dit moment: python manage.py demo_code")
        self.stdout.write(
            self.style.WARNING(
                "Let op: deze accounts zijn alleen voor lokale demonstratie. Het wachtwoord staat in de broncode; "
                "gebruik ze nooit op een gedeelde, test- of productieomgeving."
            )
        )
