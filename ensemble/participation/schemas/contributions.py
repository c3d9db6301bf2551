"""The API's shapes for contributions."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

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


class ContributionOut(Schema):
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
    supports_count: int
    comments_count: int
    followers_count: int
    answer: CurrentAnswer | None
    answer_state: str
    charter_version: int
    workshop: WorkshopRef | None
    group_size: int | None
    merged_into: int | None = Field(None, alias="merged_into_id")
    is_hidden: bool
    hidden_reason: str
    created_at: datetime
    url: str

    @staticmethod
    def resolve_body_html(obj) -> str:
        return "" if obj.is_hidden else render_markdown(obj.body)

    @staticmethod
    def resolve_body_markdown(obj) -> str:
        return "" if obj.is_hidden else obj.body

    @staticmethod
    def resolve_title(obj) -> str:
        return "" if obj.is_hidden else obj.title

    @staticmethod
    def resolve_themes(obj) -> list:
        return [] if obj.is_hidden else list(obj.themes.all())

    @staticmethod
    def resolve_neighbourhood(obj) -> str | None:
        return obj.neighbourhood.slug if obj.neighbourhood_id and not obj.is_hidden else None

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


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
    group_size: int | None = Field(None, ge=1)


class ContributionFilters(Schema):
    kind: KindIn | None = None
    theme: str | None = None
    neighbourhood: str | None = None
    answer: str | None = None
    sort: SortIn = "supports"
    # Contributions resembling this title (full text, best first; public consultations only).
    similar_to: str | None = Field(None, max_length=200)


class ReasonIn(Schema):
    reason: str = Field(..., max_length=300)


class MergeIn(ReasonIn):
    target: int


class FollowOut(Schema):
    following: bool
    followers_count: int
