"""Events in the API: a territory's calendar, an event, its changes, registrations.

An event is seen as the app that owns it decides (`policies`): a workshop of
an internal consultation is a 404 for residents and for other territories.
Workshops are created and reported on by `contributions.api.workshops`.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.accounts.models import User
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import ErrorOut
from ensemble.events import selectors, services
from ensemble.events.models import Event
from ensemble.events.schemas import EventListOut, EventOut, EventPatch, RegistrationOut
from ensemble.territories.selectors import territory_get

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


@router.get("/territories/{slug}/events", response=list[EventListOut])
@paginate(PageNumber)
def territory_events(request, slug: str):
    return selectors.territory_events(territory_get(slug=slug), user=request.user)


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
    """Change the fields sent (agents of the territory); 409 once the event is cancelled."""
    event = event_get_visible(request, event_id, "events.change_event")
    data = payload.dict(exclude_unset=True)
    if "description_markdown" in data:
        data["description"] = data.pop("description_markdown") or ""
    if "address" in data:
        data["address"] = data["address"] or ""
    if "facilitators" in data:
        data["facilitators"] = facilitators_from_ids(data["facilitators"] or [])
    services.event_update(actor=request.user, event=event, data=data)
    return selectors.event_get(pk=event.pk)


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
