"""Workshops were events with a `consultation`; now a Workshop row links them.

Copies every `events_event.consultation_id` into `consultations_workshop`
before events 0004 drops the column.
"""

from django.db import migrations


def copy_links(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Workshop = apps.get_model("consultations", "Workshop")
    db = schema_editor.connection.alias
    links = Event.objects.using(db).filter(consultation__isnull=False).values_list(
        "pk", "consultation_id"
    )
    Workshop.objects.using(db).bulk_create(
        [Workshop(event_id=event_id, consultation_id=consultation_id) for event_id, consultation_id in links.iterator()],
        batch_size=1000,
        ignore_conflicts=True,
    )


def copy_back(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Workshop = apps.get_model("consultations", "Workshop")
    db = schema_editor.connection.alias
    for workshop in Workshop.objects.using(db).iterator():
        Event.objects.using(db).filter(pk=workshop.event_id).update(
            consultation_id=workshop.consultation_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("events", "0003_event_consultation_app"),
    ]

    operations = [migrations.RunPython(copy_links, copy_back)]
