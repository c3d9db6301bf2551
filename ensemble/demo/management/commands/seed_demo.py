from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from ensemble.demo.common import DEMO_LOGINS, DEMO_PASSWORD
from ensemble.demo.seeders import SEEDERS
from ensemble.territories.models import Territory


class Command(BaseCommand):
    help = "Load the demo network (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when territories already exist."
        )

    def handle(self, *args, if_empty: bool, **options):
        if if_empty and Territory.objects.exists():
            self.stdout.write("The database already has territories; demo data not loaded.")
            return
        context: dict = {}
        with transaction.atomic():
            for path in SEEDERS:
                import_string(path)(context)
        self.stdout.write(self.style.SUCCESS("Demo network loaded."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, description in DEMO_LOGINS:
            self.stdout.write(f"  {email:<34} {description}")
