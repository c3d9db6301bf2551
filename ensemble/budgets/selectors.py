"""Reads of budgets: projects, one's ballot and its running totals, results, figures."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Sum

from ensemble.budgets.models import Ballot, Budget, BudgetProject, Turnout
from ensemble.contributions.models import Contribution


@dataclass
class EnvelopeTotal:
    """One envelope of a ballot: its amount, what the picks cost, what is left."""

    neighbourhood: object  # a Neighbourhood, or None for the territory-wide envelope
    amount: int
    spent: int = 0
    projects: list = field(default_factory=list)

    @property
    def left(self) -> int:
        return self.amount - self.spent

    @property
    def over(self) -> bool:
        return self.spent > self.amount


def budget_get(*, consultation) -> Budget | None:
    return (
        Budget.objects.prefetch_related("envelopes__neighbourhood")
        .filter(consultation=consultation)
        .first()
    )


def envelope_amounts(budget: Budget) -> dict:
    """{neighbourhood id (None: territory-wide): amount} (uses the prefetched envelopes)."""
    amounts = {None: budget.envelope}
    for envelope in budget.envelopes.all():
        amounts[envelope.neighbourhood_id] = envelope.amount
    return amounts


def project_list(*, budget: Budget):
    return (
        BudgetProject.objects.filter(budget=budget)
        .select_related("neighbourhood", "result__territory", "project")
        .prefetch_related(
            Prefetch("contributions", queryset=Contribution.objects.select_related("territory"))
        )
        .order_by("neighbourhood__position", "neighbourhood_id", "title", "pk")
    )


def ranked(projects) -> list:
    """Most votes first (online and paper), then the cheaper, then the older: the order of
    the winning rule (`services.results.winning_set`)."""
    return sorted(projects, key=lambda p: (-p.total_votes, p.cost, p.pk))


def projects_for_voter(projects, neighbourhood_id: int | None) -> list:
    """The projects a voter may choose: the territory's and their own neighbourhood's."""
    return [p for p in projects if p.neighbourhood_id in (None, neighbourhood_id)]


def ballot_get(*, user, budget: Budget) -> Ballot | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Ballot.objects.filter(budget=budget, user=user).prefetch_related("projects").first()


def ballot_totals(budget: Budget, projects, *, neighbourhood=None) -> list[EnvelopeTotal]:
    """The running totals of a choice of `projects`, one line per envelope concerned.

    The territory-wide envelope always shows; a neighbourhood's when the voter
    lives there (`neighbourhood`) or a chosen project belongs to it.
    """
    names = {e.neighbourhood_id: e.neighbourhood for e in budget.envelopes.all()}
    amounts = envelope_amounts(budget)
    totals = {None: EnvelopeTotal(None, budget.envelope)}
    if neighbourhood is not None and neighbourhood.pk in amounts:
        totals[neighbourhood.pk] = EnvelopeTotal(neighbourhood, amounts[neighbourhood.pk])
    for project in projects:
        key = project.neighbourhood_id
        if key not in totals:
            totals[key] = EnvelopeTotal(names.get(key), amounts.get(key, 0))
        totals[key].spent += project.cost
        totals[key].projects.append(project)
    return list(totals.values())


def results_visible(budget: Budget, user) -> bool:
    """Published results are public; agents see them from the close; everyone during the
    vote when the agents chose so."""
    if budget.is_published or (budget.results_visible_during_vote and not budget.is_closed):
        return True
    return budget.is_closed and user.has_perm("budgets.manage_budget", budget)


def turnout(*, budget: Budget) -> list[dict]:
    """Ballots per neighbourhood (online, paper) and the members living there, read from
    stored counts (`Turnout` lines moved with every ballot, each neighbourhood's
    `members_count`): two queries, whatever the number of ballots and members."""
    lines = {}
    for line in (
        Turnout.objects.filter(budget=budget)
        .select_related("neighbourhood")
        .order_by("neighbourhood__position", "neighbourhood__name")
    ):
        row = lines.setdefault(
            line.neighbourhood_id,
            {"neighbourhood": line.neighbourhood, "online": 0, "paper": 0},
        )
        row["online"] += line.online
        row["paper"] += line.paper
    rows = []
    for neighbourhood_id, row in lines.items():
        neighbourhood = row["neighbourhood"]
        if neighbourhood_id is None:
            living = _members_without_neighbourhood(budget.consultation.territory)
        else:
            # A neighbourhood of another territory (the voter's own) counts no member here.
            here = neighbourhood.territory_id == budget.consultation.territory_id
            living = neighbourhood.members_count if here else 0
        row["neighbourhood"] = getattr(neighbourhood, "name", None)
        row["members"] = living
        row["percent"] = round(100 * row["online"] / living, 1) if living else None
        row["ballots"] = row["online"] + row["paper"]
        rows.append(row)
    return rows


def _members_without_neighbourhood(territory) -> int:
    """The territory's members who live in none of its neighbourhoods (or did not say)."""
    living = territory.neighbourhoods.aggregate(n=Sum("members_count"))["n"] or 0
    return territory.members_count - living
