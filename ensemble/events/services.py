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
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ensemble.activity.services import activity_record
from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.core.validation import full_clean
from ensemble.events import policies
from ensemble.events.links import check_links
from ensemble.events.models import Event, Registration
from ensemble.events.selectors import registration_opening_refusal
from ensemble.events.tasks import reminders_schedule
from ensemble.notifications.services import notify
from ensemble.search.indexing import index_object
from ensemble.territories.predicates import is_territory_member

EVENT_ANNOUNCED = "event_announced"
EDITABLE_FIELDS = frozenset({
    "title", "description", "starts_at", "ends_at", "address", "latitude", "longitude",
    "capacity", "facilitators", "online_url", "neighbourhood", "themes",
    "registration_opens_at", "project", "organisation", "need", "offer",
})  # fmt: skip
# What a person may put on the calendar themselves (workshops belong to consultations).
ORGANISED_KINDS = frozenset({
    Event.Kind.MEETING, Event.Kind.SKILL_SHARING, Event.Kind.PROJECT, Event.Kind.NETWORK,
})  # fmt: skip


def _check_not_past(starts_at) -> None:
    """An event put on the calendar starts in the future: nobody registers for what is over.

    A consultation's workshop may be recorded once held, within its consultation
    (`consultations.services.workshops`)."""
    if starts_at is not None and starts_at < timezone.now():
        raise ValidationError({"starts_at": _("The start is in the past: choose a date to come.")})


def _check_dates(event: Event) -> None:
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        raise ValidationError({"ends_at": _("The end must come after the start.")})
    if (
        event.registration_opens_at
        and event.starts_at
        and event.registration_opens_at >= event.starts_at
    ):
        raise ValidationError({
            "registration_opens_at": _("Registration must open before the event starts.")
        })  # fmt: skip


def _check_territory_vocabulary(event: Event, themes) -> list:
    """The neighbourhood and themes of the event's own territory (or the network's themes)."""
    if event.neighbourhood is not None and event.neighbourhood.territory_id != event.territory_id:
        raise ValidationError({"neighbourhood": _("Unknown neighbourhood in this territory.")})
    themes = list(themes)
    for theme in themes:
        if theme.territory_id not in (None, event.territory_id):
            raise ValidationError({"themes": _("Unknown theme in this territory.")})
    return themes


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


# --- Events ------------------------------------------------------------------


def event_create(
    *, created_by, territory, kind: str, title: str, description: str = "", starts_at, ends_at,
    address: str = "", latitude=None, longitude=None, capacity: int | None = None,
    facilitators: Iterable = (), themes: Iterable = (), **fields,
) -> Event:  # fmt: skip
    """An event of `territory`; the caller has checked who may create it (a workshop: its app).

    `fields`: the other fields of the model (online_url, neighbourhood,
    registration_opens_at, organiser, project, organisation, need, offer).
    """
    facilitators = _check_facilitators(territory, facilitators)
    event = Event(
        territory=territory, kind=kind, title=title, description=description,
        starts_at=starts_at, ends_at=ends_at, address=address, latitude=latitude,
        longitude=longitude, capacity=capacity, created_by=created_by, **fields,
    )  # fmt: skip
    full_clean(event)
    _check_dates(event)
    themes = _check_territory_vocabulary(event, themes)
    event.save()
    event.facilitators.set(facilitators)
    event.themes.set(themes)
    reminders_schedule(event)
    return event


@transaction.atomic
def event_organise(*, actor, territory, kind: str, **data) -> Event:
    """A person puts an event on the territory's calendar; they are its organiser.

    Meetings, know-how sessions and project events: verified members; network
    events: agents. A project event is organised for a project the person works
    on; the organisation, need and offer it names must be theirs to name
    (`links.check_links`). The feed announces it.
    """
    require(actor, "events.add_event", territory)
    if kind not in ORGANISED_KINDS:
        raise ValidationError({"kind": _("Workshops are created from their consultation.")})
    if kind == Event.Kind.NETWORK:
        require(actor, "events.add_network_event", territory)
    if kind == Event.Kind.PROJECT and data.get("project") is None:
        raise ValidationError({"project": _("A project event names its project.")})
    check_links(actor=actor, territory=territory, data=data)
    _check_not_past(data.get("starts_at"))
    event = event_create(created_by=actor, organiser=actor, territory=territory, kind=kind, **data)
    activity_record(territory=territory, verb=EVENT_ANNOUNCED, actor=actor, event=event)
    index_object(event)
    return event


@transaction.atomic
def event_update(*, actor, event: Event, data: dict) -> Event:
    """Change an event; a larger capacity lets the first people waiting in."""
    require(actor, "events.change_event", event)
    locked = _lock(event)
    _refresh_counters(event, locked)
    if event.is_cancelled:
        raise Conflict(_("This event has been cancelled."), code="cancelled")
    facilitators = themes = None
    starts_at = event.starts_at
    for field in data:
        if field not in EDITABLE_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
    check_links(actor=actor, territory=event.territory, data=data, event=event)
    for field, value in data.items():
        if field == "facilitators":
            facilitators = _check_facilitators(event.territory, value)
        elif field == "themes":
            themes = value
        else:
            setattr(event, field, value)
    full_clean(event, exclude=["created_by", "organiser"])  # may be empty when its author left
    if event.starts_at != starts_at and policies.policy_for(event) is None:
        _check_not_past(event.starts_at)  # a workshop may be recorded after it took place
    _check_dates(event)
    if themes is not None:
        themes = _check_territory_vocabulary(event, themes)
    else:
        _check_territory_vocabulary(event, ())
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
    if themes is not None:
        event.themes.set(themes)
    if event.starts_at != starts_at:
        reminders_schedule(event)
    index_object(event)
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
    index_object(event)
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
    if refusal := registration_opening_refusal(event) or policies.registration_refusal(event):
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


# --- After the event ---------------------------------------------------------


@transaction.atomic
def attendance_record(*, actor, event: Event, present_user_ids: Iterable[int]) -> Event:
    """Who came, among the people registered; the others did not. Once the event has started.

    `participants_count` becomes the number present (a workshop's report may
    set it again, with the people who came without registering).
    """
    require(actor, "events.record_attendance", event)
    if event.is_cancelled:
        raise Conflict(_("This event has been cancelled."), code="cancelled")
    if not event.has_started():
        raise Conflict(
            _("Attendance can be recorded once the event has started."), code="not_started"
        )
    present = set(present_user_ids)
    registered = Registration.objects.filter(event=event, status=Registration.Status.REGISTERED)
    unknown = present - set(registered.values_list("user_id", flat=True))
    if unknown:
        raise ValidationError({"present": _("Only registered people can be marked present.")})
    registered.filter(user_id__in=present).update(attended=True)
    registered.exclude(user_id__in=present).update(attended=False)
    # A workshop's report may count people who came without registering: never fewer.
    if event.participants_count is None or event.participants_count < len(present):
        event.participants_count = len(present)
        event.save(update_fields=["participants_count", "updated_at"])
    return event
