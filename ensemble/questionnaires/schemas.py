"""The API's shapes for questionnaires."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema


class QuestionOut(Schema):
    id: int
    kind: str
    text: str
    help_text: str
    required: bool
    options: list[str]
    rows: list[str]
    max_choices: int | None
    scale_max: int
    show_if: int | None = Field(None, alias="show_if_id")
    show_if_value: str


class QuestionnaireOut(Schema):
    id: int
    title: str
    introduction_markdown: str = Field(..., alias="introduction")
    is_anonymous: bool
    is_open: bool
    responses_count: int
    questions: list[QuestionOut]
    my_answers: dict[str, Any] | None = Field(
        None, description="One's answers (null: none, or an anonymous questionnaire)"
    )


class QuestionIn(Schema):
    kind: str
    text: str = Field(..., max_length=300)
    help_text: str = Field("", max_length=300)
    required: bool = False
    options: list[str] = Field(default_factory=list)
    rows: list[str] = Field(default_factory=list)
    max_choices: int | None = Field(None, ge=1)
    scale_max: int = Field(5, ge=2, le=10)
    show_if: int | None = Field(None, description="Index of an earlier question in this list")
    show_if_value: str = Field("", max_length=200)


class QuestionnaireIn(Schema):
    title: str = Field(..., max_length=150)
    introduction_markdown: str = Field("", max_length=5000)
    is_anonymous: bool = False
    questions: list[QuestionIn]


class ResponseIn(Schema):
    answers: dict[str, Any] = Field(
        ...,
        description="{question id: answer}: an option, a list of options (multiple; "
        "ranking, first first), 1..N (scale), a text, a number, YYYY-MM-DD, {row: option}",
    )


class BarOut(Schema):
    label: str
    count: int
    percent: float
    mean_rank: float | None = None


class MatrixRowOut(Schema):
    row: str
    bars: list[BarOut]


class QuestionResultOut(Schema):
    question: int
    text: str
    kind: str
    answered: int
    bars: list[BarOut]
    matrix: list[MatrixRowOut]
    mean: float | None
    min: float | None
    max: float | None
    texts: list[str]


class ResultsOut(Schema):
    responses_count: int
    questions: list[QuestionResultOut]


class CreatedOut(Schema):
    id: str
    updated_at: datetime | None = None
