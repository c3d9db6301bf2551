"""Send the daily or weekly digests; safe to run twice (nobody gets the same digest twice).

    manage.py send_digests --frequency weekly [--dry-run]

Run it from a timer (systemd, cron): daily every morning, weekly on Monday.
The emails go through the task queue, one task per batch of people.
"""

from django.core.management.base import BaseCommand

from ensemble.notifications.digests import digest_send, recipients
from ensemble.notifications.kinds import DIGEST_CHANNELS
from ensemble.notifications.tasks import digests_send


class Command(BaseCommand):
    help = "Send the daily or weekly digests (what is new for each person)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency", choices=[c.value for c in DIGEST_CHANNELS], required=True
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count who would get a digest; send nothing."
        )

    def handle(self, *args, frequency: str, dry_run: bool, **options):
        if dry_run:
            people = sum(
                1 for user in recipients(frequency) if digest_send(user, frequency, dry_run=True)
            )
            self.stdout.write(f"{people} digest(s) would be sent ({frequency}).")
            return
        digests_send.enqueue(frequency=frequency)
        self.stdout.write(f"Digests ({frequency}) queued.")
