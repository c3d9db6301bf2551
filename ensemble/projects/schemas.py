from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from ensemble.core.markdown import render_markdown
from ensemble.needtypes.types import kind_choices

from .models import Project

NeedKind = Literal[
    "volunteers", "skills", "premises", "funding", "equipment", "expertise", "communication",
    "partnership",
]  # fmt: skip
StatusIn = Literal["draft", "published", "archived"]
StageIn = Literal["idea", "starting", "running", "completed", "paused"]


def _absolute(context, obj) -> str:
    return context["request"].build_absolute_uri(obj.get_absolute_url())


class ThemeRef(Schema):
    slug: str
    name: str


class NeedOut(Schema):
    id: int
    project: int = Field(..., alias="project_id")
    kind: str
    kind_label: str
    title: str
    description: str
    skill: str
    quantity: int | None
    amount: Decimal | None
    surface: int | None
    schedule: str
    deadline: date | None
    status: str
    fulfilled_at: datetime | None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(dict(kind_choices()).get(obj.kind, obj.kind))


class TeamMemberOut(Schema):
    id: int = Field(..., alias="user_id")
    display_name: str = Field(..., alias="user.display_name")
    role: str


class OrganisationRef(Schema):
    id: int
    name: str
    kind: str


class ProjectCounters(Schema):
    followers: int
    open_needs: int
    updates: int
    comments: int
    replications: int


class ProjectListOut(Schema):
    id: int
    territory: str = Field(..., alias="territory.slug")
    title: str
    summary: str
    stage: str
    status: str
    themes: list[ThemeRef]
    neighbourhood: str | None
    published_at: datetime | None
    counters: ProjectCounters
    url: str

    @staticmethod
    def resolve_themes(obj):
        return list(obj.themes.all())

    @staticmethod
    def resolve_neighbourhood(obj) -> str | None:
        return obj.neighbourhood.slug if obj.neighbourhood else None

    @staticmethod
    def resolve_counters(obj) -> dict:
        return {
            "followers": obj.followers_count, "open_needs": obj.open_needs_count,
            "updates": obj.updates_count, "comments": obj.comments_count,
            "replications": obj.replications_count,
        }  # fmt: skip

    @staticmethod
    def resolve_url(obj, context) -> str:
        return _absolute(context, obj)


class ReplicatedFromOut(Schema):
    id: int
    title: str
    territory: str = Field(..., alias="territory.slug")


class OriginContributionOut(Schema):
    id: int
    title: str
    consultation_id: int


class ProjectOut(ProjectListOut):
    description_markdown: str = Field(..., alias="description")
    description_html: str
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    is_replicable: bool
    replicated_from: ReplicatedFromOut | None
    origin_contribution: OriginContributionOut | None = None
    needs: list[NeedOut]
    team: list[TeamMemberOut]
    organisations: list[OrganisationRef]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_origin_contribution(obj, context):
        """The contribution it was born from, unless the reader may not see it (internal)."""
        contribution = obj.origin_contribution
        if contribution is None:
            return None
        if contribution.is_hidden:  # hidden by moderation: its title is not shown
            return None
        if not context["request"].user.has_perm("contributions.view_contribution", contribution):
            return None
        return contribution

    @staticmethod
    def resolve_needs(obj):
        return list(obj.needs.all())

    @staticmethod
    def resolve_team(obj):
        return list(obj.memberships.all())

    @staticmethod
    def resolve_organisations(obj):
        return list(obj.partners.all())


class ProjectIn(Schema):
    title: str = Field(..., max_length=150)
    summary: str = Field(..., max_length=300)
    description_markdown: str = Field("", max_length=20000)
    stage: StageIn = Project.Stage.IDEA.value
    status: Literal["draft", "published"] = "draft"
    themes: list[str] = Field(default_factory=list, description="Theme slugs")
    neighbourhood: str | None = Field(None, description="Neighbourhood slug")
    address: str = Field("", max_length=250)
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    longitude: Decimal | None = Field(None, ge=-180, le=180)
    is_replicable: bool = False
    origin_contribution: int | None = Field(
        None, description="Id of the accepted contribution the project is born from"
    )


class ProjectPatch(Schema):
    title: str | None = Field(None, max_length=150)
    summary: str | None = Field(None, max_length=300)
    description_markdown: str | None = Field(None, max_length=20000)
    stage: StageIn | None = None
    status: StatusIn | None = None
    themes: list[str] | None = None
    neighbourhood: str | None = None
    address: str | None = Field(None, max_length=250)
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    longitude: Decimal | None = Field(None, ge=-180, le=180)
    is_replicable: bool | None = None


class NeedIn(Schema):
    kind: NeedKind
    title: str = Field(..., max_length=150)
    description: str = Field("", max_length=5000)
    skill: str = Field("", max_length=80)
    quantity: int | None = None
    amount: Decimal | None = None
    surface: int | None = Field(None, ge=1, le=10_000_000)
    schedule: str = Field("", max_length=150)
    deadline: date | None = None


class NeedPatch(Schema):
    kind: NeedKind | None = None
    title: str | None = Field(None, max_length=150)
    description: str | None = Field(None, max_length=5000)
    skill: str | None = Field(None, max_length=80)
    quantity: int | None = None
    amount: Decimal | None = None
    surface: int | None = Field(None, ge=1, le=10_000_000)
    schedule: str | None = Field(None, max_length=150)
    deadline: date | None = None
    status: Literal["open", "fulfilled"] | None = None


class ReplicateIn(Schema):
    territory: str


class FollowOut(Schema):
    following: bool
    followers_count: int
