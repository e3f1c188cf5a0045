"""On PostgreSQL the database itself refuses UPDATE and DELETE on the audit log."""

from django.db import migrations

TRIGGER = """
CREATE OR REPLACE FUNCTION cio_auditlog_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Het auditlog is alleen-toevoegen (%% geweigerd)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER cio_auditlog_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON cio_stelsel_auditrecord
    FOR EACH ROW EXECUTE FUNCTION cio_auditlog_alleen_toevoegen();
"""

TERUG = """
DROP TRIGGER IF EXISTS cio_auditlog_alleen_toevoegen ON cio_stelsel_auditrecord;
DROP FUNCTION IF EXISTS cio_auditlog_alleen_toevoegen();
"""


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER)


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TERUG)


class Migration(migrations.Migration):
    dependencies = [("cio_stelsel", "0002_groepen")]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
