from datetime import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from ensemble.core.markdown import render_markdown

Status = Literal["draft", "published"]


class PracticeListOut(Schema):
    id: int
    territory: str = Field(..., alias="territory.slug")
    country: str = Field(..., alias="territory.country")
    status: Status
    title: str
    summary: str
    cost: str
    cost_range: str
    territory_size: str
    replicable: bool
    themes: list[str]
    bookmarks_count: int
    published_at: datetime | None

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]


class PracticeOut(PracticeListOut):
    problem_markdown: str = Field(..., alias="problem")
    problem_html: str
    solution_markdown: str = Field(..., alias="solution")
    solution_html: str
    results_markdown: str = Field(..., alias="results")
    results_html: str
    partners: str
    contact: str
    replication_notes: str
    projects: list[int]
    replicated_from: int | None = Field(None, alias="replicated_from_id")
    contribution: int | None
    url: str

    @staticmethod
    def resolve_problem_html(obj) -> str:
        return render_markdown(obj.problem)

    @staticmethod
    def resolve_solution_html(obj) -> str:
        return render_markdown(obj.solution)

    @staticmethod
    def resolve_results_html(obj) -> str:
        return render_markdown(obj.results)

    @staticmethod
    def resolve_projects(obj) -> list[int]:
        return [project.pk for project in obj.projects.all() if project.status == "published"]

    @staticmethod
    def resolve_contribution(obj, context) -> int | None:
        contribution = obj.contribution
        if contribution is None or not context["request"].user.has_perm(
            "contributions.view_contribution", contribution
        ):
            return None
        return contribution.pk

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class PracticeFields(Schema):
    model_config = ConfigDict(extra="forbid")

    summary: str | None = Field(None, max_length=300)
    results: str | None = Field(None, max_length=10000)
    cost: str | None = Field(None, max_length=200)
    cost_range: str | None = None
    territory_size: str | None = None
    partners: str | None = Field(None, max_length=3000)
    contact: str | None = Field(None, max_length=300)
    replicable: bool | None = None
    replication_notes: str | None = Field(None, max_length=10000)
    themes: list[str] | None = Field(None, max_length=20)
    projects: list[int] | None = Field(None, max_length=50)
    contribution: int | None = None
    replicated_from: int | None = None


class PracticeIn(PracticeFields):
    territory: str
    title: str = Field(..., max_length=200)
    problem: str = Field(..., max_length=10000)
    solution: str = Field(..., max_length=20000)
    status: Status = "draft"


class PracticePatch(PracticeFields):
    title: str | None = Field(None, max_length=200)
    problem: str | None = Field(None, max_length=10000)
    solution: str | None = Field(None, max_length=20000)
    status: Status | None = None
