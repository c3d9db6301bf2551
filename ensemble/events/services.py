"""Writes on events: create and change, cancel, registrations with a waiting list.

Every write checks its permission (PermissionDenied), validates with
full_clean, runs in a transaction and keeps `registered_count` /
`waitlist_count` equal to the rows: registrations lock the event row
(`select_for_update`), so concurrent registrations never overfill it.
States (a past or cancelled event, or registration closed by the app that owns
the event, see `policies`)
are refused with `Conflict` (409), not with a permission error.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.core.validation import full_clean
from ensemble.events import policies
from ensemble.events.models import Event, Registration
from ensemble.notifications.services import notify
from ensemble.territories.predicates import is_territory_member

EDITABLE_FIELDS = frozenset({
    "title", "description", "starts_at", "ends_at", "address", "latitude", "longitude",
    "capacity", "facilitators",
})  # fmt: skip


def _check_dates(event: Event) -> None:
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        raise ValidationError({"ends_at": _("The end must come after the start.")})


def _check_facilitators(territory, facilitators: Iterable) -> list:
    facilitators = list(facilitators)
    for person in facilitators:
        if not is_territory_member(person, territory):
            raise ValidationError(
                {"facilitators": _("Facilitators must be members of the territory.")}
            )
    return facilitators


def _check_open(event: Event) -> None:
    if event.is_cancelled:
        raise Conflict(_("This event has been cancelled."), code="cancelled")
    if event.has_started():
        raise Conflict(_("This event has already started."), code="started")


def _lock(event: Event) -> Event:
    """The event row, locked until the transaction ends (a no-op on SQLite, which serialises)."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _refresh_counters(event: Event, locked: Event) -> None:
    for field in ("registered_count", "waitlist_count", "is_cancelled", "participants_count"):
        setattr(event, field, getattr(locked, field))


# --- Workshops ---------------------------------------------------------------


def event_create(
    *, created_by, territory, kind: str, title: str, description: str = "", starts_at, ends_at,
    address: str = "", latitude=None, longitude=None, capacity: int | None = None,
    facilitators: Iterable = (),
) -> Event:  # fmt: skip
    """An event of `territory`; the caller has checked who may create it (a workshop: its app)."""
    facilitators = _check_facilitators(territory, facilitators)
    event = Event(
        territory=territory, kind=kind, title=title, description=description,
        starts_at=starts_at, ends_at=ends_at, address=address, latitude=latitude,
        longitude=longitude, capacity=capacity, created_by=created_by,
    )  # fmt: skip
    full_clean(event)
    _check_dates(event)
    event.save()
    event.facilitators.set(facilitators)
    return event


@transaction.atomic
def event_update(*, actor, event: Event, data: dict) -> Event:
    """Change an event; a larger capacity lets the first people waiting in."""
    require(actor, "events.change_event", event)
    locked = _lock(event)
    _refresh_counters(event, locked)
    if event.is_cancelled:
        raise Conflict(_("This event has been cancelled."), code="cancelled")
    facilitators = None
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if field == "facilitators":
            facilitators = _check_facilitators(event.territory, value)
        else:
            setattr(event, field, value)
    full_clean(event, exclude=["created_by"])  # may be empty when its author left
    _check_dates(event)
    if event.capacity is not None and event.capacity < event.registered_count:
        raise ValidationError({
            "capacity": ngettext(
                "%(count)s person is already registered: the capacity cannot be lower.",
                "%(count)s people are already registered: the capacity cannot be lower.",
                event.registered_count,
            ) % {"count": event.registered_count}
        })  # fmt: skip
    event.save()
    if facilitators is not None:
        event.facilitators.set(facilitators)
        event.__dict__.pop("_facilitator_ids", None)
    _fill_places(event)
    return event


@transaction.atomic
def event_cancel(*, actor, event: Event) -> Event:
    """Cancel an event that has not started; everyone registered or waiting is told."""
    require(actor, "events.change_event", event)
    locked = _lock(event)
    _refresh_counters(event, locked)
    _check_open(event)
    event.is_cancelled = True
    event.save(update_fields=["is_cancelled", "updated_at"])
    for registration in event.registrations.select_related("user"):
        notify(
            user=registration.user, kind="event_cancelled", params={"title": event.title},
            url=event.get_absolute_url(), territory=event.territory,
            key=f"event:{event.pk}:cancelled",
        )  # fmt: skip
    return event


# --- Registrations -----------------------------------------------------------


def _check_registration_allowed(event: Event) -> None:
    _check_open(event)
    if refusal := policies.registration_refusal(event):
        raise refusal


@transaction.atomic
def registration_create(*, user, event: Event) -> Registration:
    """Register `user`, or put them on the waiting list when the event is full.

    Idempotent: registering again returns the existing registration.
    """
    require(user, "events.register", event)
    locked = _lock(event)
    _refresh_counters(event, locked)
    existing = Registration.objects.filter(event=event, user=user).first()
    if existing is not None:
        return existing
    _check_registration_allowed(event)
    full = event.capacity is not None and event.registered_count >= event.capacity
    status = Registration.Status.WAITLISTED if full else Registration.Status.REGISTERED
    registration = Registration.objects.create(event=event, user=user, status=status)
    counter = "waitlist_count" if full else "registered_count"
    Event.objects.filter(pk=event.pk).update(**{counter: F(counter) + 1})
    setattr(event, counter, getattr(event, counter) + 1)
    return registration


@transaction.atomic
def registration_cancel(*, user, event: Event) -> None:
    """Free the person's place (or leave the waiting list); the first person waiting gets it.

    Idempotent: nothing happens when the person is not registered.
    """
    locked = _lock(event)
    _refresh_counters(event, locked)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is None:
        return
    if event.has_started():
        raise Conflict(_("This event has already started."), code="started")
    registration.delete()
    counter = (
        "registered_count"
        if registration.status == Registration.Status.REGISTERED
        else "waitlist_count"
    )
    Event.objects.filter(pk=event.pk).update(**{counter: F(counter) - 1})
    setattr(event, counter, getattr(event, counter) - 1)
    if not event.is_cancelled:
        _fill_places(event)


def _fill_places(event: Event) -> list[Registration]:
    """Promote people from the waiting list while there are places; call with the row locked."""
    if event.capacity is None:
        free = event.waitlist_count
    else:
        free = min(max(event.capacity - event.registered_count, 0), event.waitlist_count)
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.filter(event=event, status=Registration.Status.WAITLISTED)
        .select_related("user")
        .order_by("created_at", "pk")[:free]
    )
    if not promoted:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(
        status=Registration.Status.REGISTERED
    )
    Event.objects.filter(pk=event.pk).update(
        registered_count=F("registered_count") + len(promoted),
        waitlist_count=F("waitlist_count") - len(promoted),
    )
    event.registered_count += len(promoted)
    event.waitlist_count -= len(promoted)
    for registration in promoted:
        registration.status = Registration.Status.REGISTERED
        notify(
            user=registration.user, kind="registration_confirmed",
            params={"title": event.title}, url=event.get_absolute_url(),
            territory=event.territory, key=f"registration:{registration.pk}:confirmed",
        )  # fmt: skip
    return promoted
