from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from ensemble.core.recounts import registry


class Command(BaseCommand):
    help = (
        "Count stored counters again from their rows (a repair): "
        "`recount budgets 12 13`, `recount questionnaires`, `recount` for every kind."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", nargs="?", help="what to count again (default: everything)")
        parser.add_argument("ids", nargs="*", type=int, help="which objects (default: all)")

    def handle(self, *args, kind, ids, **options):
        if kind is not None and kind not in registry:
            raise CommandError(f"Unknown kind {kind!r}: one of {', '.join(registry.keys())}.")
        for entry in [registry.get(kind)] if kind else registry.all():
            objects = apps.get_model(entry.model).objects.order_by("pk")
            for pk in (objects.filter(pk__in=ids) if ids else objects).values_list("pk", flat=True):
                entry.recount(pk)
            self.stdout.write(f"{entry.key}: counted again")
