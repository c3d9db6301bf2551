from datetime import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from ensemble.contributions.schemas import reader_may_see
from ensemble.core.markdown import render_markdown

AnswerStateIn = Literal[
    "under_study", "accepted", "partially_accepted", "rejected", "already_done", "merged"
]


class AnswerIn(Schema):
    state: AnswerStateIn
    # Required and long enough: checked by the service, which names `explanation`.
    explanation: str = Field("", max_length=10000)
    decided_by: str = Field("", max_length=200)
    cost: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    timeline: str = Field("", max_length=200)


class ContributionRef(Schema):
    """The contribution answered; a hidden one's title only for moderators and agents."""

    id: int
    title: str
    url: str

    @staticmethod
    def resolve_title(obj, context) -> str:
        return obj.title if reader_may_see(obj, context) else ""

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class AnswerOut(Schema):
    id: int
    contribution: ContributionRef
    version: int
    state: str
    state_label: str
    explanation_markdown: str = Field(..., alias="explanation")
    explanation_html: str
    decided_by: str
    cost: Decimal | None
    timeline: str
    author_role: str
    revised: bool
    created_at: datetime

    @staticmethod
    def resolve_state_label(obj) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_explanation_html(obj) -> str:
        return render_markdown(obj.explanation)

    @staticmethod
    def resolve_revised(obj) -> bool:
        return obj.version > 1


class DecisionFilters(Schema):
    state: AnswerStateIn | None = None
