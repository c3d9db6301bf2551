"""Queue the day-before reminders of the events of the next day (idempotent: for cron)."""

from django.core.management.base import BaseCommand

from ensemble.events.tasks import event_reminders_send, reminders_due


class Command(BaseCommand):
    help = "Queue the reminders of the events that start within a day (each person once)."

    def handle(self, *args, **options):
        event_ids = reminders_due()
        for event_id in event_ids:
            event_reminders_send.enqueue(event_id=event_id)
        self.stdout.write(f"{len(event_ids)} event(s) with reminders queued.")
