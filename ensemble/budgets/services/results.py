"""Closing the vote, the winning set, publishing the results, and what the winners become.

The winning set (`winning_set`) is computed **greedily by votes within each
envelope**, the rule most participatory budgets use:

1. The projects are sorted by votes (online and paper), most first; on a tie,
   the cheaper first, then the older (lower number) first.
2. Going down that list, a project is retained when its cost fits in what is
   left of its envelope (its neighbourhood's, or the territory-wide one), and
   that envelope shrinks by its cost; a project that no longer fits is skipped
   and the next ones are still tried, so a cheaper one further down can fit.
3. A project with no vote is never retained.

Each envelope is filled on its own: what is left in one never pays for
another's projects.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ensemble.budgets.models import Budget, BudgetProject
from ensemble.budgets.selectors import envelope_amounts, ranked
from ensemble.contributions.models import ACCEPTED_STATES
from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.projects.models import Project
from ensemble.projects.services import project_create
from ensemble.results.services import result_create

MANAGE = "budgets.manage_budget"


def winning_set(projects, amounts: dict) -> set[int]:
    """The ids of the projects retained (see the module's docstring for the rule).

    `projects`: objects with `pk`, `cost`, `neighbourhood_id` and `total_votes`;
    `amounts`: {neighbourhood id, None for the territory-wide envelope: euros}.
    """
    left = dict(amounts)
    retained = set()
    for project in ranked(projects):
        envelope = project.neighbourhood_id
        if project.total_votes > 0 and project.cost <= left.get(envelope, 0):
            retained.add(project.pk)
            left[envelope] -= project.cost
    return retained


@transaction.atomic
def budget_close(*, actor, budget: Budget) -> Budget:
    """Close the vote (no ballot after) and compute the winning set from the counted votes."""
    require(actor, MANAGE, budget)
    locked = Budget.objects.select_for_update().get(pk=budget.pk)
    if locked.is_closed:
        raise Conflict(_("The vote is already closed."))
    projects = list(BudgetProject.objects.filter(budget=budget))
    retained = winning_set(projects, envelope_amounts(budget))
    for project in projects:
        project.selected = project.pk in retained
    BudgetProject.objects.bulk_update(projects, ["selected"])
    budget.closed_at = timezone.now()
    budget.save(update_fields=["closed_at", "updated_at"])
    return budget


@transaction.atomic
def budget_results_publish(*, actor, budget: Budget, explanations: dict[int, str]) -> Budget:
    """Publish the results; every project not retained needs an explanation, or nothing is
    stored. The retained projects become results tracked in the follow-up."""
    require(actor, MANAGE, budget)
    locked = Budget.objects.select_for_update().get(pk=budget.pk)
    if not locked.is_closed:
        raise Conflict(_("Close the vote before publishing its results."))
    if locked.is_published:
        raise Conflict(_("The results are already published."))
    projects = {p.pk: p for p in BudgetProject.objects.filter(budget=budget).order_by("pk")}
    if unknown := set(explanations) - set(projects):
        raise ValidationError(
            {
                "explanations": _("Unknown projects: %(ids)s.")
                % {"ids": ", ".join(map(str, sorted(unknown)))}
            }
        )
    missing = []
    for pk, project in projects.items():
        text = (explanations.get(pk) or project.explanation or "").strip()
        if not project.selected and not text:
            missing.append(project.title)
        project.explanation = text
    if missing:
        raise ValidationError(
            {
                "explanations": _("Explain why these projects are not retained: %(titles)s.")
                % {"titles": ", ".join(missing)}
            }
        )
    for project in projects.values():
        if project.selected and project.result_id is None:
            project.result = _result_for(actor, budget, project)
    BudgetProject.objects.bulk_update(projects.values(), ["explanation", "result"])
    budget.published_at = timezone.now()
    budget.save(update_fields=["published_at", "updated_at"])
    return budget


def _result_for(actor, budget: Budget, project: BudgetProject):
    """A retained project becomes a result tracked with progress (the results follow-up)."""
    accepted = [c for c in project.contributions.all() if c.answer_state in ACCEPTED_STATES]
    return result_create(
        author=actor,
        consultation=budget.consultation,
        title=project.title,
        description=project.description,
        contributions=accepted,
    )


SUMMARY_LENGTH = Project._meta.get_field("summary").max_length


@transaction.atomic
def budget_project_make_project(*, actor, project: BudgetProject) -> Project:
    """A retained project becomes a (draft) project of the territory, carried by `actor`."""
    budget = project.budget
    require(actor, MANAGE, budget)
    if not (budget.is_published and project.selected):
        raise Conflict(_("Only a retained project of published results becomes a project."))
    if project.project_id is not None:
        raise Conflict(_("This project was already created."))
    summary = " ".join(project.description.split()) or project.title
    created = project_create(
        actor=actor,
        territory=budget.consultation.territory,
        title=project.title,
        summary=Truncator(summary).chars(SUMMARY_LENGTH),
        description=project.description,
        neighbourhood=project.neighbourhood,
        address=project.address,
        latitude=project.latitude,
        longitude=project.longitude,
    )
    project.project = created
    project.save(update_fields=["project", "updated_at"])
    return created
