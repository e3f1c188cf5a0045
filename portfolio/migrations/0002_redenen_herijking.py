"""The reasons for a herijking of the current reporting model of the Rijks ICT-dashboard."""

from django.db import migrations

REDENEN = [
    ("wetswijziging", "Wetswijziging"),
    ("wens-kamer", "Wens van de Tweede Kamer/Eerste Kamer"),
    ("aanpassing-doelen", "Aanpassing (business)doelen of eisen"),
    ("implementatie-organisatie", "Implementatie in organisatie"),
    ("scopewijziging", "Project-endogene scopewijzigingen"),
    ("tegenvallers", "Tegenvallers binnen project"),
    ("extern-advies", "Overnemen aanbeveling extern advies"),
    ("prijsontwikkeling", "Prijsontwikkeling"),
]


def aanmaken(apps, schema_editor):
    RedenHerijking = apps.get_model("portfolio", "RedenHerijking")
    for volgorde, (code, naam) in enumerate(REDENEN, start=1):
        RedenHerijking.objects.update_or_create(code=code, defaults={"naam": naam, "volgorde": volgorde})


def verwijderen(apps, schema_editor):
    apps.get_model("portfolio", "RedenHerijking").objects.filter(code__in=[c for c, _ in REDENEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0001_initial")]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
