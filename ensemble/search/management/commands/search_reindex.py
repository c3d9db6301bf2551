"""Rebuild the whole search index from the database (in batches, one transaction)."""

import time

from django.core.management.base import BaseCommand

from ensemble.search.indexing import BATCH_SIZE, reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index: projects, organisations and visible profiles."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="Objects read per batch."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        log = None if options["verbosity"] < 2 else self.stdout.write
        counts = reindex_all(batch_size=options["batch_size"], log=log)
        total = sum(counts.values())
        details = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {total} entries ({details}) in {time.monotonic() - started:.1f}s."
            )
        )
