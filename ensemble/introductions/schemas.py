from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from .models import MESSAGE_MAX_LENGTH


class IntroductionIn(Schema):
    need: int
    kind: Literal["request", "offer"] = "request"
    to_organisation: int | None = None
    to_user: int | None = None
    organisation: int | None = None  # an offer made on behalf of this organisation
    message: str = Field(..., max_length=MESSAGE_MAX_LENGTH)


class IntroductionPatch(Schema):
    status: Literal["accepted", "declined", "withdrawn"] | None = None
    outcome: Literal["helped"] | None = None


class IntroductionOut(Schema):
    id: int
    kind: str
    need: int = Field(..., alias="need_id")
    project: int = Field(..., alias="need.project_id")
    requested_by: int = Field(..., alias="requested_by_id")
    requested_by_name: str = Field(..., alias="requested_by.display_name")
    to_organisation: int | None = Field(None, alias="to_organisation_id")
    to_user: int | None = Field(None, alias="to_user_id")
    from_organisation: int | None = Field(None, alias="from_organisation_id")
    message: str
    status: str
    outcome: str
    conversation: int | None = Field(None, alias="conversation_id")
    created_at: datetime
    answered_at: datetime | None
