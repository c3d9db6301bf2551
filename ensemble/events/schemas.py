from datetime import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from ensemble.core.markdown import render_markdown
from ensemble.events import policies


class ParentRef(Schema):
    """What the event belongs to (see `policies`): a consultation, for a workshop."""

    id: int
    title: str


class EventOut(Schema):
    id: int
    kind: str
    title: str
    description_markdown: str = Field(..., alias="description")
    description_html: str
    starts_at: datetime
    ends_at: datetime
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    capacity: int | None
    registered_count: int
    waitlist_count: int
    places_left: int | None
    participants_count: int | None
    is_cancelled: bool
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


class EventListOut(Schema):
    """A list row: no rendered Markdown."""

    id: int
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    address: str
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


class EventPatch(Schema):
    """Only the fields sent change; `capacity: null` means no limit."""

    title: str | None = Field(None, max_length=150)
    description_markdown: str | None = Field(None, max_length=10000)
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    address: str | None = Field(None, max_length=250)
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    capacity: int | None = Field(None, ge=1)
    facilitators: list[int] | None = Field(None, max_length=50)


class RegistrationOut(Schema):
    event: int = Field(..., alias="event_id")
    status: Literal["registered", "waitlisted"]
    waitlist_position: int | None = None
    created_at: datetime
