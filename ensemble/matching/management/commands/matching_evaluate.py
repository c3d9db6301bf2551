"""Print precision@3 and MRR of matching on bench/matching/dataset.py, in a fresh test database."""

from django.core.management.base import BaseCommand
from django.db import connection

from ensemble.matching import evaluation


class Command(BaseCommand):
    help = "Evaluate matching on the labelled set (precision@3, MRR) in a fresh test database."

    def add_arguments(self, parser):
        parser.add_argument("--misses", action="store_true", help="List needs missed at rank 1.")

    def handle(self, *args, **options):
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            dataset = evaluation.dataset_module()
            results = evaluation.evaluate(evaluation.load(dataset))
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        self.stdout.write(
            f"needs: {results['needs']}  precision@3: {results['precision_at_3']:.3f}  "
            f"MRR: {results['mrr']:.3f}"
        )
        if options["misses"]:
            for title, top in results["misses"]:
                self.stdout.write(f"  miss: {title} -> {top}")
