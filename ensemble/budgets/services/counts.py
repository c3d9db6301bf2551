"""The stored counts of a budget's vote: moved by each ballot, counted again on demand.

`count_ballot` runs in the transaction that submits a ballot (online or on paper).
It locks the budget's row first, as closing the vote does (`results.budget_close`):
a ballot is counted before the vote closes, or refused (Conflict) once it is
closed, never counted after the winning set was computed; ballots wait for each
other, never in opposite orders. Under that lock the chosen projects' rows and
the budget's counters move with F(), and the ballot's neighbourhood line of
`Turnout` is created or moved: never created twice, no count lost. `recount`
takes the same lock and counts everything again from the ballots (a repair; the
data migration and the scale data use it too).
"""

from django.apps import apps as django_apps
from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ensemble.budgets.models import Budget, BudgetProject, Turnout
from ensemble.core.exceptions import Conflict

CHANNELS = {False: ("online", "votes_count", "ballots_count")} | {
    True: ("paper", "paper_votes_count", "paper_ballots_count")
}


def count_ballot(budget: Budget, projects: list, *, neighbourhood_id, paper: bool) -> None:
    channel, votes, ballots = CHANNELS[paper]
    locked = Budget.objects.select_for_update().filter(pk=budget.pk).values_list("closed_at")
    if locked.get()[0] is not None:
        raise Conflict(_("The vote is closed."))
    for pk in sorted(p.pk for p in projects):
        BudgetProject.objects.filter(pk=pk).update(**{votes: F(votes) + 1})
    Budget.objects.filter(pk=budget.pk).update(**{ballots: F(ballots) + 1})
    line = Turnout.objects.filter(budget=budget, neighbourhood_id=neighbourhood_id).first()
    if line is None:
        Turnout.objects.create(budget=budget, neighbourhood_id=neighbourhood_id, **{channel: 1})
    else:
        Turnout.objects.filter(pk=line.pk).update(**{channel: F(channel) + 1})


def recount(*, budget_pk: int, models=django_apps) -> None:
    """Count the budget's votes, ballots and turnout again from its submitted ballots."""
    budgets = models.get_model("budgets", "Budget").objects
    projects = models.get_model("budgets", "BudgetProject").objects
    turnout = models.get_model("budgets", "Turnout").objects
    ballots = models.get_model("budgets", "Ballot").objects.filter(
        budget_id=budget_pk, submitted_at__isnull=False
    )
    through = projects.model.ballots.through.objects
    with transaction.atomic():
        list(budgets.select_for_update().filter(pk=budget_pk).values_list("pk"))
        counts = {}
        for channel, votes, ballots_counter in CHANNELS.values():
            chosen = (
                through.filter(
                    budgetproject=OuterRef("pk"),
                    ballot__channel=channel,
                    ballot__submitted_at__isnull=False,
                )
                .order_by()
                .values("budgetproject")
                .annotate(n=Count("pk"))
                .values("n")
            )
            projects.filter(budget_id=budget_pk).update(
                **{votes: Coalesce(Subquery(chosen), Value(0))}
            )
            counts[ballots_counter] = Count("pk", filter=Q(channel=channel))
        budgets.filter(pk=budget_pk).update(**ballots.aggregate(**counts))
        turnout.filter(budget_id=budget_pk).delete()
        turnout.bulk_create(
            turnout.model(budget_id=budget_pk, **row)
            for row in ballots.values("neighbourhood_id")
            .annotate(
                online=Count("pk", filter=Q(channel="online")),
                paper=Count("pk", filter=Q(channel="paper")),
            )
            .order_by()
        )
