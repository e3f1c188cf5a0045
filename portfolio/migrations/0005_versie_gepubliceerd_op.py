from django.db import migrations, models


class Migration(migrations.Migration):
    """An index for the newest publication (dashboard.selectors.publicatiestempel)."""

    dependencies = [
        ("portfolio", "0004_versie_gepubliceerd_stand"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="activiteitversie",
            index=models.Index(condition=models.Q(("status", "gepubliceerd")), fields=["gepubliceerd_op"], name="versie_gepubliceerd_op"),
        ),
    ]
