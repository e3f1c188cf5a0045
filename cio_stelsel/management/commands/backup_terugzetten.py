"""``manage.py backup_terugzetten <map>``: check a backup's manifest, then replace database content and media by it."""

from django.core.management.base import BaseCommand, CommandError

from cio_stelsel import backup


class Command(BaseCommand):
    help = (
        "Zet een backup van backup_maken terug in een lege installatie van dezelfde versie. Controleert eerst "
        "alle controlegetallen en de migraties; pas daarna wordt iets vervangen."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", help="De map met de backup (met manifest.json).")
        parser.add_argument("--overschrijven", action="store_true", help="Ook als deze installatie al gegevens bevat (die gaan verloren).")

    def handle(self, *args, **opties):
        try:
            manifest = backup.terugzetten(opties["map"], overschrijven=opties["overschrijven"])
        except backup.BackupFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Backup van {manifest['gemaakt_op']} teruggezet ({len(manifest['bestanden'])} bestanden gecontroleerd).")
        )
