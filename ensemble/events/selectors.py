"""Reads of the events app: an event, the events of a territory, registrations."""

from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from ensemble.accounts.display import visible_name
from ensemble.events import policies
from ensemble.events.models import Event, Registration


def territory_events(territory, *, user) -> QuerySet[Event]:
    """Events of a territory that `user` may see, in date order.

    An event is public unless the app that owns it says otherwise (a workshop
    follows its consultation's visibility: see `policies`).
    """
    queryset = Event.objects.filter(territory=territory).filter(policies.visible_q(user, territory))
    return policies.with_relations(queryset.select_related("territory")).order_by("starts_at", "pk")


def event_get(*, pk: int, territory=None) -> Event | None:
    """An event with its territory and what its owner's policy reads (no query per check)."""
    queryset = policies.with_relations(Event.objects.select_related("territory"))
    if territory is not None:
        queryset = queryset.filter(territory=territory)
    return queryset.filter(pk=pk).first()


def registration_get(*, user, event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first person waiting; None when registered."""
    if registration is None or registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def event_registrations(event) -> QuerySet[Registration]:
    """Registered people first, then the waiting list, each in order of arrival.

    Each row carries `rank`: its place among the registrations of the same
    status (for a waiting person, their position on the waiting list).
    """
    return (
        Registration.objects.filter(event=event)
        .select_related("user")
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("status")], order_by=[F("created_at"), F("pk")]
            )
        )
        .order_by("status", "created_at", "pk")
    )


def registrations_named(registrations, *, event, viewer) -> list[Registration]:
    """The registrations with `name`: what `viewer` may see of each person's name.

    Facilitators learn who comes, not how to reach them: no email address, and
    the name only as the person's profile visibility allows ("" otherwise).
    `waitlist_position` is set for the people waiting. One query at most (the
    viewer's membership, memoised).
    """
    rows = list(registrations)
    for row in rows:
        row.name = visible_name(row.user, viewer, territory=event.territory)
        row.waitlist_position = row.rank if row.status == Registration.Status.WAITLISTED else None
    return rows


def event_registration_open(event, now=None) -> bool:
    """Not cancelled, not started, and open for the app that owns the event (`policies`)."""
    if event.is_cancelled or event.has_started(now):
        return False
    return policies.registration_refusal(event) is None
