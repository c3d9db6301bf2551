"""Workshops of a consultation in the API: the list, a new workshop, the facilitators' report.

A new workshop is created with `POST /territories/{slug}/events`: the path of
the territory's calendar, whose `GET` is the events app's. The operation is
added to the events router (one path, one view in Django's URL conf); events
itself knows nothing of consultations.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.consultations.access import consultation_get_visible
from ensemble.consultations.selectors.workshops import consultation_workshops as workshops_of
from ensemble.consultations.services.workshops import workshop_create as workshop_create_service
from ensemble.consultations.services.workshops import workshop_report as workshop_report_service
from ensemble.contributions.schemas import ReportIn
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.events import selectors as event_selectors
from ensemble.events.api import ERRORS, event_get_visible, event_organise, facilitators_from_ids
from ensemble.events.api import router as events_router
from ensemble.events.schemas import EventIn, EventListOut, EventOut
from ensemble.territories.selectors import territory_get

router = Router(tags=["events"])


@router.get("/consultations/{int:consultation_id}/workshops", response=list[EventListOut])
@paginate(PageNumber)
def consultation_workshops(request, consultation_id: int):
    consultation = consultation_get_visible(user=request.user, pk=consultation_id)
    return event_selectors.with_card_relations(workshops_of(consultation))


@events_router.post(
    "/territories/{slug}/events", response={201: EventOut, **ERRORS}, auth=authenticated
)
def workshop_create(request, slug: str, payload: EventIn):
    """A workshop of `consultation`; without it, an event a person organises (events app)."""
    territory = territory_get(slug=slug)
    if payload.consultation is None:
        event = event_organise(request, territory, payload)
        return Status(201, event_selectors.event_get(pk=event.pk))
    try:
        consultation = consultation_get_visible(
            user=request.user, pk=payload.consultation, territory=territory
        )
    except Http404:
        raise ValidationError(
            {"consultation": _("Unknown consultation in this territory.")}
        ) from None
    event = workshop_create_service(
        author=request.user, consultation=consultation, title=payload.title,
        description=payload.description_markdown, starts_at=payload.starts_at,
        ends_at=payload.ends_at, address=payload.address or "", latitude=payload.latitude,
        longitude=payload.longitude, capacity=payload.capacity,
        facilitators=facilitators_from_ids(payload.facilitators or []),
    )  # fmt: skip
    return Status(201, event_selectors.event_get(pk=event.pk))


@router.post(
    "/events/{int:event_id}/report", response={200: EventOut, **ERRORS}, auth=authenticated
)
def workshop_report(request, event_id: int, payload: ReportIn):
    event = event_get_visible(request, event_id)
    workshop_report_service(
        actor=request.user, event=event, participants_count=payload.participants_count
    )
    return event_selectors.event_get(pk=event.pk)
