"""Print hit@1, hit@3 and MRR of matching on both sets of bench/matching, in a fresh test
database, through the code path of `GET /needs/{id}/matches`."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from ensemble.matching import evaluation
from ensemble.semantics import encoders


class Command(BaseCommand):
    help = "Evaluate matching on the labelled sets (hit@1, hit@3, MRR) in a fresh test database."

    def add_arguments(self, parser):
        parser.add_argument("--misses", action="store_true", help="List needs missed at rank 1.")
        parser.add_argument("--set", choices=sorted(evaluation.SETS), action="append")
        parser.add_argument(
            "--save-vectors", action="store_true",
            help=f"Save the texts' vectors to {evaluation.VECTORS} (the test reads them).",
        )  # fmt: skip
        parser.add_argument(
            "--fresh", action="store_true", help="Embed every text again (ignore the saved file)."
        )

    def handle(self, *args, **options):
        if not options["fresh"]:
            evaluation.vectors_load()
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            for name in options["set"] or list(evaluation.SETS):
                started = time.monotonic()
                dataset = evaluation.dataset_module(evaluation.SETS[name])
                results = evaluation.evaluate(evaluation.load(dataset))
                self._report(name, results, time.monotonic() - started, options["misses"])
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        if options["save_vectors"]:
            count = encoders.memo_save(evaluation.VECTORS)
            self.stdout.write(f"{count} vectors saved to {evaluation.VECTORS}")

    def _report(self, name, results, seconds, misses):
        line = (
            f"{name}: needs {results['needs']}  hit@1 {results['hit_at_1']:.3f}  "
            f"hit@3 {results['hit_at_3']:.3f}  MRR {results['mrr']:.3f}  "
            f"candidates without a reason {results['without_reason']}"
        )
        if results["nobody"]:
            line += f"  rightly empty {results['rightly_empty']:.2f} of {results['nobody']}"
        self.stdout.write(f"{line}  ({seconds:.0f} s)")
        if misses:
            for title, top in results["misses"]:
                self.stdout.write(f"  miss: {title} -> {top}")
