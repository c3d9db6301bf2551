import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def email_to_channel(apps, schema_editor):
    """Who had turned a kind's emails off keeps them off; the others get the kind's default."""
    Preference = apps.get_model("notifications", "NotificationPreference")
    Preference.objects.filter(email=False).update(channel="never")
    Preference.objects.filter(email=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("territories", "0002_membership_newest_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="params",
            field=models.JSONField(blank=True, null=True, verbose_name="parameters"),
        ),
        migrations.AlterField(
            model_name="notification",
            name="title",
            field=models.CharField(blank=True, max_length=200, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="notification",
            name="key",
            field=models.CharField(blank=True, max_length=150, verbose_name="event key"),
        ),
        migrations.AddField(
            model_name="notification",
            name="channel",
            field=models.CharField(
                choices=[("immediately", "Immediately by email"), ("daily", "In a daily digest"),
                         ("weekly", "In a weekly digest"), ("never", "Never by email")],
                default="never", max_length=12, verbose_name="channel",
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="digested_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="sent in a digest at"),
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                condition=models.Q(("channel__in", ("daily", "weekly")), ("digested_at__isnull", True)),
                fields=["user", "channel"], name="notif_digest_pending",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.UniqueConstraint(
                condition=models.Q(("key", ""), _negated=True), fields=("user", "key"),
                name="notif_unique_event",
            ),
        ),
        migrations.AddField(
            model_name="notificationpreference",
            name="channel",
            field=models.CharField(
                choices=[("immediately", "Immediately by email"), ("daily", "In a daily digest"),
                         ("weekly", "In a weekly digest"), ("never", "Never by email")],
                default="never", max_length=12, verbose_name="channel",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="notificationpreference",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated at"),
        ),
        migrations.RunPython(email_to_channel, migrations.RunPython.noop),
        migrations.RemoveField(model_name="notificationpreference", name="email"),
        migrations.CreateModel(
            name="Digest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("frequency", models.CharField(choices=[("daily", "In a daily digest"), ("weekly", "In a weekly digest")], max_length=10, verbose_name="frequency")),
                ("period", models.CharField(max_length=10, verbose_name="period")),
                ("items", models.PositiveIntegerField(default=0, verbose_name="items")),
                ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="sent at")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="digests", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "digest",
                "verbose_name_plural": "digests",
                "indexes": [models.Index(fields=["user", "frequency", "-sent_at"], name="digest_last")],
                "constraints": [models.UniqueConstraint(fields=("user", "frequency", "period"), name="digest_once_per_period")],
            },
        ),
    ]
