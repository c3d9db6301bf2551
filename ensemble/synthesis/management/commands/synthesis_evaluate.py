"""ARI, V-measure and near-duplicate recall@3 of the themes on bench/synthesis."""

from django.core.management.base import BaseCommand

from ensemble.semantics import encoders
from ensemble.synthesis import evaluation


class Command(BaseCommand):
    help = "Measure the themes on the labelled set of bench/synthesis (make bench-synthesis)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--save-vectors", action="store_true",
            help="write the texts' vectors to bench/synthesis/vectors.npz",
        )  # fmt: skip
        parser.add_argument(
            "--timing", type=int, default=0, metavar="N",
            help="also time the grouping of N contributions (e.g. 5000)",
        )  # fmt: skip

    def handle(self, *args, save_vectors=False, timing=0, **options):
        evaluation.vectors_load()
        report = evaluation.evaluate()
        if save_vectors:
            encoders.memo_save(evaluation.VECTORS)
        self.stdout.write(
            f"contributions {report.contributions}, themes {report.themes}, "
            f"found {report.found}\n"
            f"ARI {report.ari:.3f}  V-measure {report.v_measure:.3f}\n"
            f"near-duplicates found in the top 3: {report.near_duplicates_found} of "
            f"{report.near_duplicates} ({report.recall_at_3:.2f})\n"
            f"grouping: {report.seconds:.2f} s"
        )
        if timing:
            self.stdout.write(f"grouping {timing} contributions: {evaluation.timing(timing):.1f} s")
