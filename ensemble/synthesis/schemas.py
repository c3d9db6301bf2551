from ninja import Field, Schema

from ensemble.contributions.models import AnswerState


class ThemeOut(Schema):
    id: int
    label: str
    keywords: list[str]
    contribution_ids: list[int]
    size: int
    supports: int
    answered: int
    overdue: int
    locked: bool
    status: str
    figures: dict


class ComputeOut(Schema):
    status: str = Field(description="`done` (200) or `queued` (202)")
    themes: int


class ThemePatchIn(Schema):
    label: str | None = Field(None, max_length=200)
    locked: bool | None = None


class MergeIn(Schema):
    themes: list[int] = Field(description="ids of the themes merged into this one")


class MoveIn(Schema):
    contribution: int


class PublishIn(Schema):
    published: bool = True


class ThemeAnswerIn(Schema):
    state: AnswerState
    explanation: str = Field(max_length=10000)
    notes: dict[int, str] = Field(default_factory=dict, description="contribution id → note")


class ThemeAnswerOut(Schema):
    answered: int


class SimilarOut(Schema):
    id: int
    title: str
    score: float
    url: str


class RelatedOfferOut(Schema):
    id: int
    title: str
    kind: str


class RelatedOut(Schema):
    kind: str = Field(description="`project`, `organisation` or `practice`")
    id: int
    title: str
    url: str
    score: float
    reasons: list[str]
    offers: list[RelatedOfferOut] = Field(description="an organisation's offers that fit")
