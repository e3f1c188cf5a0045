"""Create the role Groups with their Dutch names and their rijksbrede (global) permissions.

The mapping is frozen here (a migration must not change when the code does);
tests/cio_stelsel/test_rechten.py checks it still equals rechten.GROEP_RECHTEN.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROEPEN = {
    "CIO-office medewerker": [],
    "Departementale CIO": [],
    "Departementale CISO": [],
    "CIO dienstonderdeel": [],
    "CISO dienstonderdeel": [],
    "CIO Rijk": [
        "rijksbreed_inzien",
        "stelsel_inzien",
        "stelsel_beheren",
        "peildatum_publiceren",
        "rapportagemodel_beheren",
        "jaarrapportage_opstellen",
        "audit_inzien",
    ],
    "CISO Rijk": ["stelsel_inzien"],
    "Secretaris-generaal": [],
    "Minister": [],
    "Beveiligingsautoriteit": [],
    "Lid bestuursraad": [],
    "Functioneel beheerder": ["stelsel_inzien", "stelsel_beheren"],
}


def groepen_aanmaken(apps, schema_editor):
    # Custom permissions are normally created after all migrations (post_migrate); make them now.
    app_config = apps.get_app_config("cio_stelsel")
    app_config.models_module = True  # the migration state's stub lacks it
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for naam, codenames in GROEPEN.items():
        groep, _ = Group.objects.get_or_create(name=naam)
        groep.permissions.set(
            Permission.objects.filter(content_type__app_label="cio_stelsel", content_type__model="ministerie", codename__in=codenames)
        )


def groepen_verwijderen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROEPEN).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cio_stelsel", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(groepen_aanmaken, groepen_verwijderen)]
