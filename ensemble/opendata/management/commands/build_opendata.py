from django.core.management.base import BaseCommand

from ensemble.opendata import services


class Command(BaseCommand):
    help = "Build the open data files of every active territory (run it daily, e.g. from cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"{services.datasets_build_all()} rows written")
