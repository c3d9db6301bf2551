"""Writes of agents preparing a budget: envelopes, projects, the territory's vote settings.

Projects and envelopes are fixed once the first ballot is submitted: changing
what people vote on while they vote would make their ballots mean something else.
"""

import math
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ensemble.budgets.models import (
    Ballot,
    Budget,
    BudgetProject,
    NeighbourhoodEnvelope,
    VerifiedResident,
    VoteSettings,
)
from ensemble.consultations.models import Consultation
from ensemble.contributions.models import ACCEPTED_STATES, Contribution
from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.core.validation import full_clean
from ensemble.territories.models import Neighbourhood, Territory
from ensemble.territories.validation import check_neighbourhood

MANAGE = "budgets.manage_budget"


def _check_open_for_changes(budget: Budget) -> None:
    if budget.is_closed:
        raise Conflict(_("The vote is closed: the budget can no longer change."))
    if Ballot.objects.filter(budget=budget).submitted().exists():
        raise Conflict(
            _("Ballots were already submitted: the envelopes and projects can no longer change.")
        )


def _check_amount(field: str, value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError({field: _("Give a whole number of euros, 0 or more.")})
    return value


@transaction.atomic
def budget_set(
    *,
    actor,
    consultation: Consultation,
    envelope: int,
    neighbourhood_envelopes: dict[Neighbourhood, int] | None = None,
    rule: str | None = None,
    rule_count: int | None = None,
    results_visible_during_vote: bool | None = None,
) -> Budget:
    """Create or change the consultation's budget; `neighbourhood_envelopes` replaces them all."""
    require(actor, MANAGE, consultation)
    budget, _created = Budget.objects.select_for_update().get_or_create(consultation=consultation)
    _check_open_for_changes(budget)
    budget.envelope = _check_amount("envelope", envelope)
    if rule is not None:
        budget.rule = rule
    if rule_count is not None or rule is not None:
        budget.rule_count = rule_count
    if results_visible_during_vote is not None:
        budget.results_visible_during_vote = results_visible_during_vote
    if budget.rule != Budget.Rule.ENVELOPE and not budget.rule_count:
        raise ValidationError({"rule_count": _("Give the number of projects of this rule.")})
    full_clean(budget, exclude=["consultation"])
    budget.save()
    if neighbourhood_envelopes is not None:
        rows = []
        for neighbourhood, amount in neighbourhood_envelopes.items():
            check_neighbourhood(consultation.territory, neighbourhood)
            amount = _check_amount("neighbourhood_envelopes", amount)
            rows.append(
                NeighbourhoodEnvelope(budget=budget, neighbourhood=neighbourhood, amount=amount)
            )
        NeighbourhoodEnvelope.objects.filter(budget=budget).delete()
        NeighbourhoodEnvelope.objects.bulk_create(rows)
    return budget


def _check_contributions(budget: Budget, contributions: Iterable[Contribution]) -> list:
    contributions = list(contributions)
    for contribution in contributions:
        if contribution.consultation_id != budget.consultation_id:
            raise ValidationError(
                {
                    "contributions": _("“%(title)s” is not a contribution of this consultation.")
                    % {"title": contribution.title}
                }
            )
    return contributions


@transaction.atomic
def budget_project_add(
    *,
    actor,
    budget: Budget,
    title: str,
    cost: int,
    description: str = "",
    neighbourhood: Neighbourhood | None = None,
    contributions: Iterable[Contribution] = (),
    address: str = "",
    latitude=None,
    longitude=None,
    image=None,
    image_alt: str = "",
) -> BudgetProject:
    """A project put to the vote, entered by an agent or taken from contributions."""
    require(actor, MANAGE, budget)
    Budget.objects.select_for_update().filter(pk=budget.pk).first()
    _check_open_for_changes(budget)
    territory = budget.consultation.territory
    if neighbourhood is not None:
        check_neighbourhood(territory, neighbourhood)
        if not budget.envelopes.filter(neighbourhood=neighbourhood).exists():
            raise ValidationError(
                {
                    "neighbourhood": _(
                        "This neighbourhood has no envelope of its own: set one "
                        "first, or leave the project to the whole territory."
                    )
                }
            )
    contributions = _check_contributions(budget, contributions)
    project = BudgetProject(
        budget=budget,
        title=(title or "").strip(),
        description=description or "",
        cost=cost,
        neighbourhood=neighbourhood,
        address=address or "",
        latitude=latitude,
        longitude=longitude,
        image=image or "",
        image_alt=(image_alt or "").strip(),
        added_by=actor,
    )
    full_clean(project, exclude=["budget"])
    if project.image and not project.image_alt:
        raise ValidationError({"image_alt": _("Say what the image shows.")})
    project.save()
    project.contributions.set(contributions)
    return project


def budget_project_from_contribution(
    *, actor, budget: Budget, contribution: Contribution
) -> BudgetProject:
    """Put a studied contribution to the vote: it must be feasible (accepted) and costed."""
    answer = contribution.answer
    if contribution.answer_state not in ACCEPTED_STATES or answer is None:
        raise ValidationError(
            {
                "contribution": _(
                    "Only a contribution the administration found feasible "
                    "(accepted) can be put to the vote."
                )
            }
        )
    if answer.cost is None or answer.cost <= 0:
        raise ValidationError(
            {"contribution": _("Give this contribution an estimated cost in its answer first.")}
        )
    envelope_neighbourhoods = set(budget.envelopes.values_list("neighbourhood_id", flat=True))
    neighbourhood = (
        contribution.neighbourhood
        if contribution.neighbourhood_id in envelope_neighbourhoods
        else None
    )
    return budget_project_add(
        actor=actor,
        budget=budget,
        title=contribution.title,
        description=f"{contribution.body}\n\n{answer.explanation}",
        cost=math.ceil(answer.cost),
        neighbourhood=neighbourhood,
        contributions=[contribution],
        address=contribution.address,
        latitude=contribution.latitude,
        longitude=contribution.longitude,
    )


@transaction.atomic
def vote_settings_set(*, actor, territory: Territory, verified_residents_only: bool):
    require(actor, "budgets.verify_residents", territory)
    settings, _created = VoteSettings.objects.update_or_create(
        territory=territory, defaults={"verified_residents_only": verified_residents_only}
    )
    return settings


@transaction.atomic
def resident_verify(*, actor, territory: Territory, user) -> VerifiedResident:
    """An agent checked that `user` lives in the territory (idempotent)."""
    require(actor, "budgets.verify_residents", territory)
    if not user.memberships.filter(territory=territory).exists():
        raise ValidationError({"user": _("This person is not a member of the territory.")})
    resident, _created = VerifiedResident.objects.get_or_create(
        territory=territory, user=user, defaults={"verified_by": actor}
    )
    return resident
