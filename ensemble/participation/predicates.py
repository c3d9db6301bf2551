"""Where a person stands towards a consultation; each predicate takes (user, obj).

`obj` is a consultation, or anything with a `consultation` (a contribution, a
result), so one predicate serves every rule of the app.
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.territories.predicates import (
    is_network_admin,
    is_territory_agent,
    is_territory_member,
    is_territory_moderator,
)

from .models import Consultation, Contribution
from .phases import Feature


def consultation_of(obj) -> Consultation | None:
    if obj is None:
        return None
    if isinstance(obj, Consultation):
        return obj
    return obj.consultation


@rules.predicate
def is_published(user, obj) -> bool:
    consultation = consultation_of(obj)
    return consultation is not None and consultation.status == Consultation.Status.PUBLISHED


@rules.predicate
def is_public(user, obj) -> bool:
    consultation = consultation_of(obj)
    return consultation is not None and consultation.visibility == Consultation.Visibility.PUBLIC


@rules.predicate
def is_agent_of_territory(user, obj) -> bool:
    consultation = consultation_of(obj)
    return consultation is not None and is_territory_agent(user, consultation.territory)


@rules.predicate
def is_member_of_territory(user, obj) -> bool:
    consultation = consultation_of(obj)
    return consultation is not None and is_territory_member(user, consultation.territory)


@rules.predicate
def is_moderator_of_territory(user, obj) -> bool:
    consultation = consultation_of(obj)
    return consultation is not None and is_territory_moderator(user, consultation.territory)


@rules.predicate
def phase_allows_comments(user, obj) -> bool:
    consultation = consultation_of(obj)
    return consultation is not None and consultation.allows(Feature.COMMENT)


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
    from .models import AnswerState

    return isinstance(contribution, Contribution) and contribution.answer_state in (
        AnswerState.ACCEPTED,
        AnswerState.PARTIALLY_ACCEPTED,
    )


__all__ = [
    "consultation_of", "has_verified_email", "is_accepted", "is_agent_of_territory",
    "is_contribution_author", "is_hidden_contribution", "is_member_of_territory",
    "is_moderator_of_territory", "is_network_admin", "is_open_contribution", "is_public",
    "is_published", "phase_allows_comments",
]  # fmt: skip
