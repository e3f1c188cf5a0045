"""``manage.py backup_maken <map>``: the database and the media with a checksum manifest (cio_stelsel.backup)."""

from django.core.management.base import BaseCommand, CommandError

from cio_stelsel import backup


class Command(BaseCommand):
    help = "Maakt een backup van de database en de opgeslagen bestanden, met een manifest van controlegetallen."

    def add_arguments(self, parser):
        parser.add_argument("map", help="Een nieuwe (of lege) map voor de backup.")

    def handle(self, *args, **opties):
        try:
            manifest = backup.maken(opties["map"])
        except backup.BackupFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Backup gemaakt in {opties['map']}: {len(manifest['bestanden'])} bestanden, manifest.json met SHA-256.")
        )
