"""The API's shapes for participatory budgets."""

from typing import Literal

from ninja import Field, Schema

from ensemble.core.markdown import render_markdown


class BudgetIn(Schema):
    envelope: int = Field(..., ge=0, description="The territory-wide envelope, in euros")
    neighbourhood_envelopes: dict[str, int] = Field(
        default_factory=dict, description="{neighbourhood slug: euros}; replaces them all"
    )
    rule: Literal["envelope", "pick_n", "approval"] | None = None
    rule_count: int | None = Field(None, ge=1)
    results_visible_during_vote: bool | None = None


class EnvelopeOut(Schema):
    neighbourhood: str | None = Field(None, description="Its slug; null: territory-wide")
    amount: int


class ProjectIn(Schema):
    title: str = Field(..., max_length=150)
    cost: int = Field(..., ge=1, description="Euros")
    description_markdown: str = Field("", max_length=10000)
    neighbourhood: str | None = Field(None, description="Slug; null: the whole territory")
    contributions: list[int] = Field(default_factory=list)
    address: str = Field("", max_length=250)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)


class ProjectOut(Schema):
    id: int
    title: str
    cost: int
    description_markdown: str = Field(..., alias="description")
    description_html: str
    neighbourhood: str | None
    contributions: list[int]
    latitude: float | None
    longitude: float | None
    image: str | None

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_neighbourhood(obj) -> str | None:
        return obj.neighbourhood.slug if obj.neighbourhood_id else None

    @staticmethod
    def resolve_contributions(obj) -> list[int]:
        return [c.pk for c in obj.contributions.all()]

    @staticmethod
    def resolve_image(obj) -> str | None:
        return obj.image.url if obj.image else None


class BudgetOut(Schema):
    envelope: int
    neighbourhood_envelopes: list[EnvelopeOut]
    rule: str
    rule_count: int | None
    results_visible_during_vote: bool
    closed: bool
    published: bool
    ballots_count: int
    paper_ballots_count: int
    projects: list[ProjectOut]


class BallotIn(Schema):
    projects: list[int]


class TotalOut(Schema):
    neighbourhood: str | None
    amount: int
    spent: int
    left: int


class BallotOut(Schema):
    projects: list[int]
    submitted: bool
    submitted_at: str | None
    totals: list[TotalOut]


class PublishIn(Schema):
    explanations: dict[int, str] = Field(default_factory=dict)


class ResultProjectOut(Schema):
    id: int
    title: str
    cost: int
    neighbourhood: str | None
    votes: int
    online_votes: int
    paper_votes: int
    selected: bool | None = Field(None, description="null until the vote is closed")
    explanation: str
    result: int | None


class ResultsOut(Schema):
    closed: bool
    published: bool
    ballots_count: int
    paper_ballots_count: int
    projects: list[ResultProjectOut]
