from django.db import migrations, models


class Migration(migrations.Migration):
    """A partial covering index for the public stand per peildatum (dashboard.selectors.stand)."""

    dependencies = [
        ("portfolio", "0003_versie_dashboardvelden"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="activiteitversie",
            index=models.Index(
                condition=models.Q(("status", "gepubliceerd")),
                fields=["activiteit", "-peildatum", "-versienummer", "id"],
                name="versie_gepubliceerd_stand",
            ),
        ),
    ]
