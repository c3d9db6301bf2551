from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from ensemble.demo.common import DEMO_LOGINS, DEMO_PASSWORD
from ensemble.demo.seeders import SEEDERS
from ensemble.demo.seeders.synthesis import seed_themes
from ensemble.territories.models import Territory


class Command(BaseCommand):
    help = "Load the demo network (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when territories already exist."
        )
        parser.add_argument(
            "--no-embed", action="store_true", help="Do not compute the texts' vectors now."
        )

    def handle(self, *args, if_empty: bool, no_embed: bool = False, **options):
        if if_empty and Territory.objects.exists():
            self.stdout.write("The database already has territories; demo data not loaded.")
            return
        context: dict = {}
        with transaction.atomic():
            for path in SEEDERS:
                import_string(path)(context)
        if not no_embed:  # matching and search compare texts by meaning: vectors now
            call_command("embed", verbosity=options.get("verbosity", 1), stdout=self.stdout)
            seed_themes()  # the demo consultation's themes (agents publish them)
        self.stdout.write(self.style.SUCCESS("Demo network loaded."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, description in DEMO_LOGINS:
            self.stdout.write(f"  {email:<34} {description}")
