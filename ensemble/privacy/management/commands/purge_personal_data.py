from django.core.management.base import BaseCommand

from ensemble.privacy import retention


class Command(BaseCommand):
    help = (
        "Delete what is kept no longer than the retention periods: unconfirmed accounts, "
        "expired data exports, old notifications (run it daily, e.g. from cron)."
    )

    def handle(self, *args, **options):
        for what, count in retention.purge_all().items():
            self.stdout.write(f"{what}: {count}")
