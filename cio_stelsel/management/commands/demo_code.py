"""Print the current second-factor code of the demo accounts (their published TOTP key, cio_stelsel/demo.py)."""

from django.core.management.base import BaseCommand

from cio_stelsel.demo import DEMO_TOTP_SLEUTEL, demo_totp_code


class Command(BaseCommand):
    help = "Toont de code van dit moment voor de tweede factor van de demo-accounts (30 seconden geldig)."

    def handle(self, *args, **options):
        self.stdout.write(demo_totp_code())
        self.stderr.write(f"(sleutel {DEMO_TOTP_SLEUTEL}; de code wisselt elke 30 seconden)")
