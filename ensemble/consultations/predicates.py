"""Where a person stands towards a consultation; each predicate takes (user, obj).

`obj` is a consultation, or anything with a `consultation` (a contribution, a
result), so one predicate serves every rule of the consultation apps.
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.consultations.models import Consultation, workshop_of
from ensemble.consultations.phases import Feature
from ensemble.territories.predicates import (
    is_network_admin,
    is_territory_agent,
    is_territory_member,
    is_territory_moderator,
)


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
def is_workshop_of_published_consultation(user, event) -> bool:
    """The event is a workshop of a published consultation (a live process)."""
    workshop = workshop_of(event) if event is not None else None
    return workshop is not None and workshop.consultation.status == Consultation.Status.PUBLISHED


__all__ = [
    "consultation_of", "has_verified_email", "is_agent_of_territory", "is_member_of_territory",
    "is_moderator_of_territory", "is_network_admin", "is_public", "is_published",
    "is_workshop_of_published_consultation", "phase_allows_comments",
]  # fmt: skip
