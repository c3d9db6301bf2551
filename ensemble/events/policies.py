"""What the apps that own events decide about them: a registry of event policies.

The events app keeps the calendar generic (registration, capacity, waiting
list, iCalendar) and knows nothing of consultations. An app that links events
to its own objects (a consultation's workshops) registers an `EventPolicy`
from its `registrations.py`; events asks every policy, and a policy answers
only for the events it owns (`owns`). With no policy, an event of the
territory is public and registration follows its dates alone.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from ensemble.core.exceptions import Conflict
from ensemble.core.registry import Registry


@dataclass(frozen=True)
class EventParent:
    """What an event belongs to, for the link back from its page and the API."""

    id: int
    title: str
    url: str
    label: str


class EventPolicy:
    """The default answers; a subclass overrides what its events need."""

    key = ""

    def with_relations(self, queryset: QuerySet) -> QuerySet:
        """`queryset` with what the other methods read (so they cost no query)."""
        return queryset

    def owns(self, event) -> bool:
        return False

    def may_view(self, user, event) -> bool:
        return True

    def visible_q(self, user, territory) -> Q:
        """The events of `territory` that `user` may see in a list (all by default)."""
        return Q()

    def registration_refusal(self, event) -> Conflict | None:
        """Why registration is closed now, besides dates and cancellation; None if open."""
        return None

    def parent(self, event) -> EventParent | None:
        return None

    def actions(self, user, event) -> list[tuple[str, str]]:
        """(url, label) of the pages the person may reach from the event's page."""
        return []


policies: Registry[EventPolicy] = Registry("event policies")


def with_relations(queryset: QuerySet) -> QuerySet:
    for policy in policies.all():
        queryset = policy.with_relations(queryset)
    return queryset


def policy_for(event) -> EventPolicy | None:
    return next((policy for policy in policies.all() if policy.owns(event)), None)


def may_view(user, event) -> bool:
    policy = policy_for(event)
    return policy is None or policy.may_view(user, event)


def visible_q(user, territory) -> Q:
    query = Q()
    for policy in policies.all():
        query &= policy.visible_q(user, territory)
    return query


def registration_refusal(event) -> Conflict | None:
    policy = policy_for(event)
    return None if policy is None else policy.registration_refusal(event)


def parent(event) -> EventParent | None:
    policy = policy_for(event)
    return None if policy is None else policy.parent(event)


def actions(user, event) -> list[tuple[str, str]]:
    policy = policy_for(event)
    return [] if policy is None else policy.actions(user, event)
