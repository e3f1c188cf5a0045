"""Helpers for data migrations that add a global permission to a role Group (0009 and later).

Frozen behaviour: a migration passes its own mapping {group name: [codenames]}.
"""

from django.contrib.auth.management import create_permissions


def toekennen(erbij: dict):
    def run(apps, schema_editor):
        app_config = apps.get_app_config("cio_stelsel")
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for naam, codenames in erbij.items():
            groep, _ = Group.objects.get_or_create(name=naam)
            groep.permissions.add(*Permission.objects.filter(
                content_type__app_label="cio_stelsel", content_type__model="ministerie", codename__in=codenames))

    return run


def intrekken(erbij: dict):
    def run(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for naam, codenames in erbij.items():
            for groep in Group.objects.filter(name=naam):
                groep.permissions.remove(*Permission.objects.filter(content_type__app_label="cio_stelsel", codename__in=codenames))

    return run
