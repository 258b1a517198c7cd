"""Make heroslide translatable: rows take their page's locale and a fresh translation key."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def set_locale_from_page(apps, schema_editor):
    model = apps.get_model("core", "heroslide")
    for row in model.objects.select_related("page"):
        row.locale_id = row.page.locale_id
        row.translation_key = uuid.uuid4()
        row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="heroslide",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="heroslide",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(set_locale_from_page, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="heroslide",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="heroslide",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="heroslide",
            unique_together={("translation_key", "locale")},
        ),
    ]
