"""Writes of ballots: a person's choice, kept until they submit it, then counted once.

Exactness under concurrent requests follows `contributions.services.supports`:
each write locks the person's row first (`select_for_update`), so one person's
requests are serialised, then their ballot's row; the unique constraint
(one ballot per person and budget) is the last guard. Submitting moves the
stored counts in the same transaction (`counts.count_ballot`: the project rows
in the order of their ids, so two voters never wait for each other in opposite
orders, then the budget's row and its turnout line under that row's lock).

A ballot that breaks the rules (past an envelope, a project of another
neighbourhood, too many projects) is refused with a ValidationError naming
`projects`, and nothing of it is stored: the check runs before any write.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ensemble.budgets.models import Ballot, Budget, BudgetProject
from ensemble.budgets.selectors import ballot_totals
from ensemble.budgets.services import counts
from ensemble.consultations.phases import Feature
from ensemble.core.access import require
from ensemble.core.exceptions import Conflict

VOTE = "budgets.vote"


def _check_vote_open(user, budget: Budget) -> None:
    if not user.has_perm(VOTE, budget):
        raise PermissionDenied(_("You may not vote in this budget."))
    if budget.is_closed or not budget.consultation.allows(Feature.VOTE):
        raise Conflict(_("The vote is not open."))


def _euros(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u202f") + "\u00a0€"


def check_choice(budget: Budget, projects: list[BudgetProject], *, neighbourhood) -> None:
    """Refuse a choice that breaks the budget's rules, with a message saying why."""
    neighbourhood_id = getattr(neighbourhood, "pk", None)
    for project in projects:
        if project.budget_id != budget.pk:
            raise ValidationError({"projects": _("Unknown project in this budget.")})
        if project.neighbourhood_id not in (None, neighbourhood_id):
            raise ValidationError(
                {
                    "projects": _(
                        "“%(title)s” is in another neighbourhood's envelope: you vote "
                        "in your own neighbourhood's and the whole territory's."
                    )
                    % {"title": project.title}
                }
            )
    if len({p.pk for p in projects}) != len(projects):
        raise ValidationError({"projects": _("A project is chosen only once.")})
    if budget.rule == Budget.Rule.ENVELOPE:
        for total in ballot_totals(budget, projects, neighbourhood=neighbourhood):
            if total.over:
                raise ValidationError(
                    {
                        "projects": _(
                            "This choice costs %(spent)s, past the envelope of "
                            "%(amount)s by %(over)s: remove a project first."
                        )
                        % {
                            "spent": _euros(total.spent),
                            "amount": _euros(total.amount),
                            "over": _euros(total.spent - total.amount),
                        }
                    }
                )
    elif budget.rule == Budget.Rule.PICK_N and len(projects) > budget.rule_count:
        raise ValidationError(
            {
                "projects": ngettext(
                    "Choose %(count)d project at most.",
                    "Choose %(count)d projects at most.",
                    budget.rule_count,
                )
                % {"count": budget.rule_count}
            }
        )


def _check_complete(budget: Budget, projects: list) -> None:
    if not projects:
        raise ValidationError({"projects": _("Choose at least one project before submitting.")})
    if budget.rule == Budget.Rule.APPROVAL and len(projects) < budget.rule_count:
        raise ValidationError(
            {
                "projects": ngettext(
                    "Approve at least %(count)d project.",
                    "Approve at least %(count)d projects.",
                    budget.rule_count,
                )
                % {"count": budget.rule_count}
            }
        )


def _lock_person(user) -> None:
    """Serialise one person's ballot writes (see supports._lock_person for `no_key`)."""
    list(
        get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk")
    )


def _locked_ballot(user, budget: Budget) -> Ballot:
    ballot = Ballot.objects.select_for_update().filter(budget=budget, user=user).first()
    if ballot is not None:
        return ballot
    try:
        with transaction.atomic():  # a savepoint: the unique constraint is the last guard
            Ballot.objects.create(budget=budget, user=user)
    except IntegrityError:
        pass
    return Ballot.objects.select_for_update().get(budget=budget, user=user)


def ballot_save(*, user, budget: Budget, projects: Iterable[BudgetProject]) -> Ballot:
    """Replace the person's choice (a draft until submitted); refused past the envelope."""
    _check_vote_open(user, budget)
    projects = list(projects)
    check_choice(budget, projects, neighbourhood=user.neighbourhood)
    with transaction.atomic():
        _lock_person(user)
        ballot = _locked_ballot(user, budget)
        if ballot.is_submitted:
            raise Conflict(_("Your ballot is already submitted: it can no longer change."))
        ballot.projects.set(projects)
        ballot.save(update_fields=["updated_at"])
    return ballot


def ballot_submit(*, user, budget: Budget) -> Ballot:
    """Submit the person's ballot: counted once, never changed after. Conflict (409) after."""
    _check_vote_open(user, budget)
    with transaction.atomic():
        _lock_person(user)
        ballot = Ballot.objects.select_for_update().filter(budget=budget, user=user).first()
        if ballot is not None and ballot.is_submitted:
            raise Conflict(_("Your ballot is already submitted."), code="already_submitted")
        projects = list(ballot.projects.all()) if ballot is not None else []
        _check_complete(budget, projects)
        check_choice(budget, projects, neighbourhood=user.neighbourhood)
        ballot.submitted_at = timezone.now()
        ballot.neighbourhood = user.neighbourhood
        ballot.save(update_fields=["submitted_at", "neighbourhood", "updated_at"])
        counts.count_ballot(budget, projects, neighbourhood_id=ballot.neighbourhood_id, paper=False)
    return ballot


@transaction.atomic
def paper_ballot_add(
    *, actor, budget: Budget, projects: Iterable[BudgetProject], neighbourhood=None
) -> Ballot:
    """A paper ballot cast in person, entered by an agent: counted apart, with who entered it."""
    require(actor, "budgets.manage_budget", budget)
    if budget.is_closed:
        raise Conflict(_("The vote is closed."))
    projects = list(projects)
    check_choice(budget, projects, neighbourhood=neighbourhood)
    _check_complete(budget, projects)
    ballot = Ballot.objects.create(
        budget=budget,
        channel=Ballot.Channel.PAPER,
        entered_by=actor,
        neighbourhood=neighbourhood,
        submitted_at=timezone.now(),
    )
    ballot.projects.set(projects)
    counts.count_ballot(budget, projects, neighbourhood_id=ballot.neighbourhood_id, paper=True)
    return ballot
