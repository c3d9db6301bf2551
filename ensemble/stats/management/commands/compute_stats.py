from django.core.management.base import BaseCommand

from ensemble.stats import services


class Command(BaseCommand):
    help = (
        "Compute the public statistics of every territory and of the network for the current "
        "month (run it daily from cron or a systemd timer); --months N recomputes N months."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=1)

    def handle(self, *args, months: int, **options):
        written = services.snapshots_compute(months=max(1, months))
        self.stdout.write(f"{written} snapshots written")
