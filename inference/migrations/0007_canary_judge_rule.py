"""The canary's judge rule: roll back when its judge score falls behind the baseline's (issue 15)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inference", "0006_route_degraded_mode")]

    operations = [
        migrations.AddField(
            model_name="canary",
            name="min_judged",
            field=models.PositiveIntegerField(
                default=30,
                help_text="Judged answers each version needs before the judge's scores may roll the canary "
                "back.",
            ),
        ),
        migrations.AddField(
            model_name="canary",
            name="max_judge_drop",
            field=models.FloatField(
                default=0.5,
                help_text="Roll back when the canary's mean judge score (1-5) is more than this below the "
                "baseline's.",
            ),
        ),
    ]
