"""Where a contribution stands; each predicate takes (user, contribution)."""

import rules

from ensemble.contributions.models import ACCEPTED_STATES, Contribution


@rules.predicate
def is_contribution_author(user, contribution) -> bool:
    return (
        isinstance(contribution, Contribution)
        and getattr(user, "is_authenticated", False)
        and contribution.author_id == user.pk
    )


@rules.predicate
def is_open_contribution(user, contribution) -> bool:
    """Neither hidden by moderation nor merged into another one."""
    return (
        isinstance(contribution, Contribution)
        and not contribution.is_hidden
        and contribution.merged_into_id is None
    )


@rules.predicate
def is_hidden_contribution(user, contribution) -> bool:
    return isinstance(contribution, Contribution) and contribution.is_hidden


@rules.predicate
def is_accepted(user, contribution) -> bool:
    return isinstance(contribution, Contribution) and contribution.answer_state in ACCEPTED_STATES
