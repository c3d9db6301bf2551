"""Reads of the events app: an event, the events of a territory, registrations."""

from datetime import date, datetime, time, timedelta

from django.db.models import F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ensemble.accounts.display import visible_name
from ensemble.core.exceptions import Conflict
from ensemble.events import policies
from ensemble.events.models import Event, Registration, past_q
from ensemble.territories.models import Theme


def territory_events(territory, *, user) -> QuerySet[Event]:
    """Events of a territory that `user` may see, in date order.

    An event is public unless the app that owns it says otherwise (a workshop
    follows its consultation's visibility: see `policies`).
    """
    queryset = Event.objects.filter(territory=territory).filter(policies.visible_q(user, territory))
    return policies.with_relations(queryset.select_related("territory")).order_by("starts_at", "pk")


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def with_card_relations(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """What a card of the calendar shows, in a fixed number of queries."""
    themes = Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))
    # Who organises it is read apart (one query each when some event has one): joined,
    # those three tables made PostgreSQL plan for 8 ms a query it ran in under 1 ms.
    return policies.with_relations(
        queryset.select_related("territory", "neighbourhood")
    ).prefetch_related(themes, "organiser", "project", "organisation")


def calendar_events(territory, *, user, filters: dict | None = None) -> QuerySet[Event]:
    """The territory's calendar for `user`, in date order. Filters (all optional): kind,
    theme and neighbourhood (slugs), start and end (dates, both included), with_places.

    Without dates, the events not over yet.
    """
    filters = filters or {}
    events = Event.objects.filter(territory=territory).filter(policies.visible_q(user, territory))
    if kind := filters.get("kind"):
        events = events.filter(kind=kind)
    if theme := filters.get("theme"):
        events = events.filter(themes__slug=theme)
    if neighbourhood := filters.get("neighbourhood"):
        events = events.filter(neighbourhood__slug=neighbourhood)
    start, end = filters.get("start"), filters.get("end")
    if start is None and end is None:
        events = events.upcoming()
    else:
        events = events.between(
            _day_start(start) if start else None,
            _day_start(end + timedelta(days=1)) if end else None,
        )
    if filters.get("with_places"):
        events = events.with_places()
    return with_card_relations(events).order_by("starts_at", "pk")


def event_get(*, pk: int, territory=None) -> Event | None:
    """An event with its territory and what its owner's policy reads (no query per check)."""
    queryset = policies.with_relations(
        Event.objects.select_related(
            "territory",
            "neighbourhood",
            "organiser",
            "project",
            "organisation",
            "need",
            "need__project",
            "offer",
        )
    ).prefetch_related("themes")
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


def registration_opening_refusal(event: Event) -> Conflict | None:
    """Registration has a date and it has not come: say which (the one place of this rule)."""
    if not event.registration_not_open_yet():
        return None
    opens_at = formats.date_format(
        timezone.localtime(event.registration_opens_at), "DATETIME_FORMAT"
    )
    return Conflict(_("Registration opens on %(date)s.") % {"date": opens_at}, code="not_open_yet")


def registration_closed_reason(event, now=None) -> str:
    """Why registration is closed now ("" when open): cancelled, started, not open until a
    date, or closed by the app that owns the event (`policies`)."""
    if event.is_cancelled or event.has_started(now):
        return "closed"
    refusal = registration_opening_refusal(event) or policies.registration_refusal(event)
    return refusal.messages[0] if refusal is not None else ""


def event_registration_open(event, now=None) -> bool:
    """Not cancelled, not started, open for the app that owns the event and past its opening."""
    return registration_closed_reason(event, now) == ""


def my_registrations(*, user, past: bool = False, now=None) -> QuerySet[Registration]:
    """The person's registrations (and places on waiting lists), upcoming first in date order,
    or the past ones, latest first. Cancelled events stay listed, marked."""
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    registrations = Registration.objects.filter(user=user).select_related(
        "event", "event__territory", "event__neighbourhood"
    )
    if past:
        return registrations.filter(past_q(now, prefix="event__")).order_by(
            "-event__starts_at", "-pk"
        )
    return registrations.exclude(past_q(now, prefix="event__")).order_by("event__starts_at", "pk")
