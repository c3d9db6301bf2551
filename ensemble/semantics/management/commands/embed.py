"""`manage.py embed [label …] [--all]`: compute the vectors of registered models (backfill)."""

from django.core.management.base import BaseCommand, CommandError

from ensemble.core.registry import NotRegistered
from ensemble.semantics.registry import registry
from ensemble.semantics.services import embeddings_refresh_now


class Command(BaseCommand):
    help = "Compute the sentence embeddings of the registered models whose text changed."

    def add_arguments(self, parser):
        parser.add_argument("labels", nargs="*", help="app_label.model (default: all)")

    def handle(self, *args, labels, **options):
        for label in labels or registry.keys():
            try:
                done = embeddings_refresh_now(label)
            except NotRegistered as error:
                raise CommandError(f"{label}: not an embeddable model") from error
            self.stdout.write(f"{label}: {done} embedded")
