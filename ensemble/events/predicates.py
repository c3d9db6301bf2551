"""Where a person stands towards an event; each predicate takes (user, event)."""

import rules

from ensemble.events import policies
from ensemble.events.models import Event
from ensemble.territories.predicates import is_territory_agent, is_territory_member


def _event(obj) -> Event | None:
    return obj if isinstance(obj, Event) else None


@rules.predicate
def is_facilitator(user, event) -> bool:
    event = _event(event)
    if event is None or event.pk is None or not getattr(user, "is_authenticated", False):
        return False
    # Memoised on the event: a page asks several times.
    if "_facilitator_ids" not in event.__dict__:
        event.__dict__["_facilitator_ids"] = {f.pk for f in event.facilitators.all()}
    return user.pk in event.__dict__["_facilitator_ids"]


@rules.predicate
def is_agent_of_event_territory(user, event) -> bool:
    event = _event(event)
    return event is not None and is_territory_agent(user, event.territory)


@rules.predicate
def is_member_of_event_territory(user, event) -> bool:
    event = _event(event)
    return event is not None and is_territory_member(user, event.territory)


@rules.predicate
def may_view_event(user, event) -> bool:
    """As the app that owns the event decides (`policies`); an event of nobody is public."""
    event = _event(event)
    return event is not None and policies.may_view(user, event)


@rules.predicate
def is_organiser(user, event) -> bool:
    """The person who organises the event (a workshop has none: its consultation's agents do)."""
    event = _event(event)
    return (
        event is not None
        and event.organiser_id is not None
        and getattr(user, "pk", None) == event.organiser_id
    )
