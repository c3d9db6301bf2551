from django.core.management.base import BaseCommand

from ensemble.budgets.models import Budget
from ensemble.budgets.services import counts


class Command(BaseCommand):
    help = (
        "Count the budgets' stored results (votes per project, ballots, turnout) again from "
        "their submitted ballots: a repair, never needed while the services count the ballots."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="budgets (default: all)")

    def handle(self, *args, ids, **options):
        budgets = Budget.objects.order_by("pk").values_list("pk", flat=True)
        for pk in budgets.filter(pk__in=ids) if ids else budgets:
            counts.recount(budget_pk=pk)
            self.stdout.write(f"budget {pk}: counted")
