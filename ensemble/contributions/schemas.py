"""The API's shapes for contributions."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import ValidationInfo, model_validator

from ensemble.contributions.models import GROUP_SIZE_MAX
from ensemble.contributions.selectors.contributions import may_read_hidden
from ensemble.core.markdown import render_markdown

KindIn = Literal["problem", "idea"]
SortIn = Literal["supports", "newest", "comments", "answer"]


class ThemeRef(Schema):
    slug: str
    name: str


class CurrentAnswer(Schema):
    state: str
    state_label: str
    version: int
    explanation_markdown: str = Field(..., alias="explanation")
    explanation_html: str
    created_at: datetime

    @staticmethod
    def resolve_state_label(obj) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_explanation_html(obj) -> str:
        return render_markdown(obj.explanation)


class WorkshopRef(Schema):
    id: int
    title: str


# What a hidden contribution shows to those who may not moderate it: id, kind,
# consultation, territory, url, `is_hidden` and `hidden_reason`; everything else empty.
WITHHELD = {
    "title": "", "body_markdown": "", "body_html": "", "address": "", "themes": [],
    "neighbourhood": None, "answer": None, "answer_state": None, "charter_version": None,
    "workshop": None, "group_size": None, "merged_into": None, "supports_count": None,
    "comments_count": None, "followers_count": None, "created_at": None,
}  # fmt: skip


def reader_may_see(contribution, context) -> bool:
    """Whether the person reading the response may see this contribution's content:
    always when it is not hidden, otherwise the territory's moderators and agents."""
    if not contribution.is_hidden:
        return True
    request = (context or {}).get("request")
    user = getattr(request, "user", None)
    return may_read_hidden(user=user, consultation=contribution.consultation_id)


class ContributionOut(Schema):
    """A contribution. When it is hidden by moderation, only the territory's moderators
    and agents get its content; everyone else gets its id, kind, consultation,
    `is_hidden` and `hidden_reason`, the other fields empty (`""`, `[]` or null)."""

    id: int
    consultation: int = Field(..., alias="consultation_id")
    territory: str = Field(..., alias="territory.slug")
    kind: str
    title: str
    body_markdown: str = Field(..., alias="body")
    body_html: str
    themes: list[ThemeRef]
    neighbourhood: str | None
    address: str
    supports_count: int | None
    comments_count: int | None
    followers_count: int | None
    answer: CurrentAnswer | None
    answer_state: str | None
    charter_version: int | None
    workshop: WorkshopRef | None
    group_size: int | None
    merged_into: int | None = Field(None, alias="merged_into_id")
    is_hidden: bool
    hidden_reason: str
    created_at: datetime | None
    url: str

    @staticmethod
    def resolve_body_html(obj, context) -> str:
        return render_markdown(obj.body) if reader_may_see(obj, context) else ""

    @staticmethod
    def resolve_themes(obj, context) -> list:
        return list(obj.themes.all()) if reader_may_see(obj, context) else []

    @staticmethod
    def resolve_neighbourhood(obj) -> str | None:
        return obj.neighbourhood.slug if obj.neighbourhood_id else None

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())

    @model_validator(mode="after")
    def _withhold_hidden(self, info: ValidationInfo):
        # After the fields are read: aliased fields (`body_markdown`) escape resolvers.
        if self.is_hidden:
            request = (info.context or {}).get("request")
            user = getattr(request, "user", None)
            if not may_read_hidden(user=user, consultation=self.consultation):
                for name, empty in WITHHELD.items():
                    setattr(self, name, empty)
        return self


class ContributionIn(Schema):
    kind: KindIn
    title: str = Field(..., max_length=150)
    body_markdown: str = Field(..., max_length=10000)
    themes: list[str] = []
    neighbourhood: str | None = None
    address: str = Field("", max_length=250)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    # A workshop's contribution, entered by its facilitator for a group of `group_size` people.
    workshop: int | None = None
    group_size: int | None = Field(None, ge=1, le=GROUP_SIZE_MAX)


class ContributionFilters(Schema):
    kind: KindIn | None = None
    theme: str | None = None
    neighbourhood: str | None = None
    answer: str | None = None
    sort: SortIn = "supports"
    # Contributions resembling this title (full text, best first; public consultations only).
    similar_to: str | None = Field(None, max_length=200)
    # The contributions hidden by moderation instead of the open ones (moderators and agents).
    hidden: bool = False


class ReasonIn(Schema):
    reason: str = Field(..., max_length=300)


class MergeIn(ReasonIn):
    target: int


class FollowOut(Schema):
    following: bool
    followers_count: int


class ReportIn(Schema):
    participants_count: int = Field(..., ge=0, le=100_000)
