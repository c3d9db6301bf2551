from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from ensemble.contributions.schemas import reader_may_see
from ensemble.core.markdown import render_markdown

ResultStatus = Literal["planned", "in_progress", "done", "abandoned"]


class ContributionRef(Schema):
    id: int
    title: str

    @staticmethod
    def resolve_title(obj, context) -> str:
        # A contribution hidden by moderation is named to moderators and agents only.
        return obj.title if reader_may_see(obj, context) else ""


class ProjectRef(Schema):
    id: int
    title: str


class ResultUpdateOut(Schema):
    id: int
    title: str
    body_markdown: str = Field(..., alias="body")
    body_html: str
    status: str
    progress: int
    created_at: datetime

    @staticmethod
    def resolve_body_html(obj) -> str:
        return render_markdown(obj.body)


class ResultOut(Schema):
    id: int
    consultation_id: int
    parent: int | None = Field(None, alias="parent_id")
    title: str
    description_markdown: str = Field(..., alias="description")
    description_html: str
    status: str
    progress: int
    progress_computed: bool
    starts_on: date | None
    ends_on: date | None
    children: list[int]
    contributions: list[ContributionRef]
    projects: list[ProjectRef]
    url: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_progress_computed(obj) -> bool:
        return bool(obj.children_count)

    @staticmethod
    def resolve_children(obj) -> list[int]:
        return [child.pk for child in obj.children.all()]

    @staticmethod
    def resolve_contributions(obj):
        return list(obj.contributions.all())

    @staticmethod
    def resolve_projects(obj):
        # A linked project that went back to draft is not shown.
        return [project for project in obj.projects.all() if project.status != "draft"]

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class ResultDetailOut(ResultOut):
    timeline: list[ResultUpdateOut]

    @staticmethod
    def resolve_timeline(obj):
        return list(obj.updates.all())


class ResultIn(Schema):
    title: str = Field(..., max_length=150)
    description_markdown: str = Field("", max_length=10000)
    parent: int | None = None
    status: ResultStatus = "planned"
    progress: int = Field(0, ge=0, le=100)
    starts_on: date | None = None
    ends_on: date | None = None
    contributions: list[int] = Field(default_factory=list, description="Contribution ids")
    projects: list[int] = Field(default_factory=list, description="Project ids")


class ResultPatch(Schema):
    """Status and progress make a timeline entry (`update_title`, `update_body`) and notify."""

    title: str | None = Field(None, max_length=150)
    description_markdown: str | None = Field(None, max_length=10000)
    parent: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    contributions: list[int] | None = None
    projects: list[int] | None = None
    status: ResultStatus | None = None
    progress: int | None = Field(None, ge=0, le=100)
    update_title: str | None = Field(None, max_length=150)
    update_body: str = Field("", max_length=10000)
