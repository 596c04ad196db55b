"""The ``reviewer`` role (issue 15): the human review queue."""

from django.db import migrations


def create_role(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("auth", "Group").objects.get_or_create(name="reviewer")


def remove_role(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("auth", "Group").objects.filter(name="reviewer").delete()


class Migration(migrations.Migration):
    dependencies = [("appliance", "0003_api_tokens")]
    operations = [migrations.RunPython(create_role, remove_role)]
