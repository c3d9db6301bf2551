"""Events in the API: a territory's calendar, an event, its changes, registrations.

An event is seen as the app that owns it decides (`policies`): a workshop of
an internal consultation is a 404 for residents and for other territories.
Workshops are created and reported on by `contributions.api.workshops`.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import ErrorOut
from ensemble.events import ical, selectors, services
from ensemble.events.models import Event
from ensemble.events.schemas import (
    AttendanceIn,
    EventIn,
    EventListOut,
    EventOut,
    EventPatch,
    MyRegistrationOut,
    RegistrationOut,
)
from ensemble.events.views import ics_response
from ensemble.projects.models import Need, Project
from ensemble.territories.selectors import neighbourhood_list, territory_get, theme_list

router = Router(tags=["events"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def event_get_visible(request, event_id: int, perm: str | None = None) -> Event:
    """The event if the person may see it (404), and do `perm` (403)."""
    event = selectors.event_get(pk=event_id)
    if event is None or not request.user.has_perm("events.view_event", event):
        raise Http404
    if perm and not request.user.has_perm(perm, event):
        raise PermissionDenied
    return event


def _registration_out(registration):
    registration.waitlist_position = selectors.waitlist_position(registration)
    return registration


class CalendarFilters(Schema):
    kind: str | None = None
    theme: str | None = None
    neighbourhood: str | None = None
    start: date | None = None
    end: date | None = None
    with_places: bool = False


def _filters(filters: CalendarFilters) -> dict:
    return {key: value for key, value in filters.dict().items() if value}


@router.get("/territories/{slug}/events", response=list[EventListOut])
@paginate(PageNumber)
def territory_events(request, slug: str, filters: Query[CalendarFilters]):
    """The calendar: events not over yet, or those of `start`–`end` (dates, both included);
    `kind`, `theme`, `neighbourhood` (slugs) and `with_places` narrow it."""
    return selectors.calendar_events(
        territory_get(slug=slug), user=request.user, filters=_filters(filters)
    )


class FeedFilters(Schema):
    kind: str | None = None
    theme: str | None = None


@router.get("/territories/{slug}/events.ics", response={200: None, 404: ErrorOut})
def territory_events_ics(request, slug: str, filters: Query[FeedFilters]):
    """The calendar as iCalendar (RFC 5545), to subscribe to; `kind` and `theme` narrow it."""
    territory = territory_get(slug=slug)
    events = selectors.calendar_events(territory, user=request.user, filters=_filters(filters))
    return ics_response(
        request,
        events[: ical.FEED_SIZE],
        name=territory.name,
        filename=f"{territory.slug}-events.ics",
    )


@router.get("/events/{int:event_id}.ics", response={200: None, 404: ErrorOut})
def event_ics(request, event_id: int):
    event = event_get_visible(request, event_id)
    return ics_response(request, [event], name=event.title, filename=f"event-{event.pk}.ics")


def _one(queryset, pk, field: str, message: str):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: message})
    return found


def event_data(territory, data: dict) -> dict:
    """The payload's ids and slugs as objects of `territory` (an error names the field)."""
    if "description_markdown" in data:
        data["description"] = data.pop("description_markdown") or ""
    for field in ("address", "online_url"):
        if field in data:
            data[field] = data[field] or ""
    if "facilitators" in data:
        data["facilitators"] = facilitators_from_ids(data["facilitators"] or [])
    if data.get("neighbourhood"):
        data["neighbourhood"] = _by_slug(
            neighbourhood_list(territory=territory), data["neighbourhood"], "neighbourhood",
            _("Unknown neighbourhood in this territory."),
        )  # fmt: skip
    if "themes" in data:
        themes = {theme.slug: theme for theme in theme_list(territory=territory)}
        unknown = [slug for slug in data["themes"] or [] if slug not in themes]
        if unknown:
            raise ValidationError({"themes": _("Unknown theme in this territory.")})
        data["themes"] = [themes[slug] for slug in data["themes"] or []]
    linked = {
        "project": (Project.objects.filter(territory=territory), _("Unknown project.")),
        "organisation": (Organisation.objects.filter(territory=territory),
                         _("Unknown organisation.")),
        "need": (Need.objects.select_related("project").filter(territory=territory),
                 _("Unknown need.")),
        "offer": (Offer.objects.filter(territory=territory), _("Unknown offer.")),
    }  # fmt: skip
    for field, (queryset, message) in linked.items():
        if data.get(field) is not None:
            data[field] = _one(queryset, data[field], field, message)
    return data


def facilitators_from_ids(ids: list[int]) -> list[User]:
    """The people behind the ids; whether they may facilitate is the service's rule."""
    users = list(User.objects.filter(pk__in=ids))
    if len(users) != len(set(ids)):
        raise ValidationError({"facilitators": _("Facilitators must be members of the territory.")})
    return users


@router.get("/events/{int:event_id}", response={200: EventOut, 404: ErrorOut})
def event_detail(request, event_id: int):
    return event_get_visible(request, event_id)


@router.patch("/events/{int:event_id}", response={200: EventOut, **ERRORS}, auth=authenticated)
def event_patch(request, event_id: int, payload: EventPatch):
    """Change the fields sent (its organiser, agents of the territory); 409 once cancelled."""
    event = event_get_visible(request, event_id, "events.change_event")
    data = event_data(event.territory, payload.dict(exclude_unset=True))
    services.event_update(actor=request.user, event=event, data=data)
    return selectors.event_get(pk=event.pk)


def event_organise(request, territory, payload: EventIn) -> Event:
    """A new event that a person organises (not a workshop), as on the calendar's page."""
    data = event_data(territory, payload.dict(exclude_unset=True, exclude={"consultation"}))
    kind = data.pop("kind", Event.Kind.MEETING)
    return services.event_organise(actor=request.user, territory=territory, kind=kind, **data)


@router.post(
    "/events/{int:event_id}/attendance", response={200: EventOut, **ERRORS}, auth=authenticated
)
def event_attendance(request, event_id: int, payload: AttendanceIn):
    """Who came among the people registered (organisers, facilitators, agents), once started."""
    event = event_get_visible(request, event_id, "events.record_attendance")
    services.attendance_record(actor=request.user, event=event, present_user_ids=payload.present)
    return selectors.event_get(pk=event.pk)


@router.get("/me/registrations", response=list[MyRegistrationOut], auth=authenticated)
@paginate(PageNumber)
def my_registrations(request, past: bool = False):
    """The events I am registered or waiting for: upcoming first (`past=true`: the past ones,
    latest first)."""
    return selectors.my_registrations(user=request.user, past=past).prefetch_related(
        "event__themes"
    )


@router.post(
    "/events/{int:event_id}/cancel", response={200: EventOut, **ERRORS}, auth=authenticated
)
def event_cancel(request, event_id: int):
    """Cancel an event that has not started; the people registered or waiting are told."""
    event = event_get_visible(request, event_id, "events.change_event")
    services.event_cancel(actor=request.user, event=event)
    return selectors.event_get(pk=event.pk)


@router.post(
    "/events/{int:event_id}/registrations",
    response={201: RegistrationOut, **ERRORS},
    auth=authenticated,
)
def registration_create(request, event_id: int):
    event = event_get_visible(request, event_id)
    registration = services.registration_create(user=request.user, event=event)
    return Status(201, _registration_out(registration))


@router.delete(
    "/events/{int:event_id}/registrations", response={204: None, **ERRORS}, auth=authenticated
)
def registration_cancel(request, event_id: int):
    event = event_get_visible(request, event_id)
    services.registration_cancel(user=request.user, event=event)
    return Status(204, None)


def _by_slug(queryset, slug: str, field: str, message: str):
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise ValidationError({field: message})
    return found
