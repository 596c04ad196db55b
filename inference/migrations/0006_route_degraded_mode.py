"""Degraded mode of a route: a target for all its traffic while its local model is unwell (issue 15)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inference", "0005_routes_canaries_backend_checks")]

    operations = [
        migrations.AddField(
            model_name="route",
            name="degraded_model",
            field=models.ForeignKey(
                blank=True,
                help_text="Degraded-mode target: an external model, or the model of ``degraded_version``.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="inference.model",
            ),
        ),
        migrations.AddField(
            model_name="route",
            name="degraded_version",
            field=models.ForeignKey(
                blank=True,
                help_text="Degraded-mode target when it is a local model: which version.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="inference.modelversion",
            ),
        ),
        migrations.AddField(
            model_name="route",
            name="degraded_since",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="route",
            name="degraded_reason",
            field=models.CharField(blank=True, max_length=300),
        ),
    ]
