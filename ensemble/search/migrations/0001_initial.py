import django.contrib.postgres.search
import django.db.models.deletion
import ensemble.search.documents
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("territories", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", ensemble.search.documents.KindField(max_length=20, verbose_name="kind")),
                ("object_id", models.BigIntegerField(verbose_name="object id")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("summary", models.CharField(blank=True, max_length=500, verbose_name="summary")),
                ("body", models.TextField(blank=True, verbose_name="body")),
                ("visibility", models.CharField(choices=[("public", "Everyone"), ("members", "People sharing a territory")], default="public", max_length=10, verbose_name="visible to")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ("territory", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="territories.territory", verbose_name="territory")),
            ],
            options={
                "verbose_name": "search entry",
                "verbose_name_plural": "search entries",
                "indexes": [models.Index(fields=["territory", "kind"], name="search_entry_territory_kind")],
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique")],
            },
        ),
    ]
