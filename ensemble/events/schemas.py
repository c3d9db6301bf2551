from datetime import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from ensemble.accounts.display import visible_name
from ensemble.core.markdown import render_markdown
from ensemble.events import policies
from ensemble.events.selectors import event_registration_open


class ParentRef(Schema):
    """What the event belongs to (see `policies`): a consultation, for a workshop."""

    id: int
    title: str


class NamedRef(Schema):
    id: int
    name: str


class EventOut(Schema):
    id: int
    kind: Literal["meeting", "skill_sharing", "project", "workshop", "network"]
    title: str
    description_markdown: str = Field(..., alias="description")
    description_html: str
    starts_at: datetime
    ends_at: datetime
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    online_url: str
    neighbourhood: str | None = Field(None, alias="neighbourhood.slug")
    themes: list[str]
    organiser: str | None
    project: NamedRef | None
    organisation: NamedRef | None
    need: int | None = Field(None, alias="need_id")
    offer: int | None = Field(None, alias="offer_id")
    registration_opens_at: datetime | None
    registration_open: bool
    capacity: int | None
    registered_count: int
    waitlist_count: int
    places_left: int | None
    participants_count: int | None
    is_cancelled: bool
    ics_url: str
    # The field keeps the name it had when every event was a consultation's workshop.
    consultation: ParentRef | None
    territory: str = Field(..., alias="territory.slug")
    url: str

    @staticmethod
    def resolve_consultation(obj) -> dict | None:
        parent = policies.parent(obj)
        return None if parent is None else {"id": parent.id, "title": parent.title}

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())

    @staticmethod
    def resolve_ics_url(obj, context) -> str:
        return context["request"].build_absolute_uri(f"/api/v1/events/{obj.pk}.ics")

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_organiser(obj, context) -> str | None:
        if obj.organiser_id is None:
            return None
        return visible_name(obj.organiser, context["request"].user, territory=obj.territory) or None

    @staticmethod
    def resolve_project(obj) -> dict | None:
        project = obj.project
        if project is None or project.status != "published":
            return None
        return {"id": project.pk, "name": project.title}

    @staticmethod
    def resolve_organisation(obj) -> dict | None:
        organisation = obj.organisation
        return None if organisation is None else {"id": organisation.pk, "name": organisation.name}

    @staticmethod
    def resolve_registration_open(obj) -> bool:
        return event_registration_open(obj)


class EventListOut(Schema):
    """A list row: no rendered Markdown."""

    id: int
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    address: str
    online_url: str
    neighbourhood: str | None = Field(None, alias="neighbourhood.slug")
    themes: list[str]
    registration_opens_at: datetime | None
    capacity: int | None
    registered_count: int
    waitlist_count: int
    places_left: int | None
    participants_count: int | None
    is_cancelled: bool
    consultation: int | None

    @staticmethod
    def resolve_consultation(obj) -> int | None:
        parent = policies.parent(obj)
        return None if parent is None else parent.id

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]


class EventFields(Schema):
    """What an event may say besides its dates; ids and slugs of the same territory."""

    model_config = ConfigDict(extra="forbid")

    address: str | None = Field(None, max_length=250)
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    online_url: str | None = Field(None, max_length=500)
    neighbourhood: str | None = None
    themes: list[str] | None = Field(None, max_length=20)
    capacity: int | None = Field(None, ge=1)
    registration_opens_at: datetime | None = None
    project: int | None = None
    organisation: int | None = None
    need: int | None = None
    offer: int | None = None
    facilitators: list[int] | None = Field(None, max_length=50)


class EventIn(EventFields):
    """A new event. With `consultation`, a workshop of that consultation (its agents);
    otherwise an event a person organises (`kind`: meeting, skill_sharing, project,
    network)."""

    kind: Literal["meeting", "skill_sharing", "project", "workshop", "network"] = "meeting"
    consultation: int | None = None
    title: str = Field(..., max_length=150)
    description_markdown: str = Field("", max_length=10000)
    starts_at: datetime
    ends_at: datetime


class EventPatch(EventFields):
    """Only the fields sent change; `capacity: null` means no limit."""

    title: str | None = Field(None, max_length=150)
    description_markdown: str | None = Field(None, max_length=10000)
    starts_at: datetime | None = None
    ends_at: datetime | None = None


class AttendanceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    present: list[int] = Field(default_factory=list, max_length=1000)


class MyRegistrationOut(Schema):
    event: EventListOut
    territory: str = Field(..., alias="event.territory.slug")
    status: Literal["registered", "waitlisted"]
    attended: bool | None
    created_at: datetime


class RegistrationOut(Schema):
    event: int = Field(..., alias="event_id")
    status: Literal["registered", "waitlisted"]
    waitlist_position: int | None = None
    created_at: datetime
