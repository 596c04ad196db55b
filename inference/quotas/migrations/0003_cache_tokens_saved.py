from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("quotas", "0002_usage_excess_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="usagerecord",
            name="cache_tokens_saved",
            field=models.PositiveIntegerField(
                default=0,
                help_text="Answered from the semantic cache: the tokens the cached answer cost once.",
            ),
        ),
    ]
