"""Where a person stands towards an event; each predicate takes (user, event)."""

import rules

from ensemble.territories.predicates import is_territory_agent, is_territory_member

from .models import Event


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
def has_published_consultation(user, event) -> bool:
    """The event belongs to a published consultation (a workshop of a live process)."""
    from ensemble.participation.models import Consultation

    event = _event(event)
    return (
        event is not None
        and event.consultation_id is not None
        and event.consultation.status == Consultation.Status.PUBLISHED
    )


@rules.predicate
def has_visible_consultation(user, event) -> bool:
    """An event of a consultation is seen by whoever sees the consultation."""
    event = _event(event)
    if event is None:
        return False
    if event.consultation_id is None:
        return True
    return user.has_perm("participation.view_consultation", event.consultation)


@rules.predicate
def is_workshop_of_consultation(user, event) -> bool:
    event = _event(event)
    return event is not None and event.consultation_id is not None
