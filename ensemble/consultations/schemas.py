"""API shapes of consultations, phases, charter versions and transparency indicators."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import field_validator

from ensemble.consultations import phases as phase_registry
from ensemble.core.markdown import render_markdown

Visibility = Literal["public", "agents"]
Status = Literal["draft", "published"]


class ThemeRef(Schema):
    slug: str
    name: str


class PhaseOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime | None
    position: int
    active: bool
    features: list[str]

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.phase_type.label)

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.display_title

    @staticmethod
    def resolve_active(obj) -> bool:
        return obj.state == phase_registry.PhaseState.ACTIVE

    @staticmethod
    def resolve_features(obj) -> list[str]:
        return sorted(str(feature) for feature in obj.phase_type.features)


class IndicatorsOut(Schema):
    answered_share: float | None = Field(None, description="Percent of contributions answered")
    median_days_to_answer: float | None = None
    overdue: int = Field(..., description="Waiting longer than the charter promises")


class CountersOut(Schema):
    contributions: int
    answered: int
    supports: int
    results: int


class ConsultationListOut(Schema):
    id: int
    territory: str = Field(..., alias="territory.slug")
    title: str
    question: str
    status: str
    visibility: str
    published_at: datetime | None
    charter_version: int
    answer_within_days: int
    supports_per_person: int | None
    themes: list[ThemeRef]
    phases: list[PhaseOut]
    active_phase: str | None
    features: list[str]
    counters: CountersOut
    indicators: IndicatorsOut
    url: str

    @staticmethod
    def resolve_themes(obj):
        return list(obj.themes.all())

    @staticmethod
    def resolve_phases(obj):
        return obj.ordered_phases

    @staticmethod
    def resolve_active_phase(obj) -> str | None:
        phase = obj.active_phase
        return phase.kind if phase else None

    @staticmethod
    def resolve_features(obj) -> list[str]:
        if obj.status != "published":
            return []
        return sorted(str(feature) for feature in obj.features)

    @staticmethod
    def resolve_counters(obj) -> dict:
        return {
            "contributions": obj.contributions_count, "answered": obj.answered_count,
            "supports": obj.supports_count, "results": obj.results_count,
        }  # fmt: skip

    @staticmethod
    def resolve_indicators(obj) -> dict:
        # Set by the endpoint: the full indicators on a detail, the cheap ones in a list.
        indicators = obj.indicators
        return {
            "answered_share": indicators.answered_share,
            "median_days_to_answer": indicators.median_days,
            "overdue": indicators.overdue,
        }

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class ConsultationOut(ConsultationListOut):
    description_markdown: str = Field(..., alias="description")
    description_html: str
    neighbourhoods: list[str]
    explanation_min_length: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_description_html(obj) -> str:
        return render_markdown(obj.description)

    @staticmethod
    def resolve_neighbourhoods(obj) -> list[str]:
        return [n.slug for n in obj.neighbourhoods.all()]


class ConsultationIn(Schema):
    title: str = Field(..., max_length=150)
    question: str = Field(..., max_length=300)
    description_markdown: str = Field("", max_length=20000)
    themes: list[str] = Field(default_factory=list, description="Theme slugs")
    neighbourhoods: list[str] = Field(default_factory=list, description="Neighbourhood slugs")
    visibility: Visibility = "public"
    status: Status = "draft"
    blueprint: str | None = Field(
        None,
        description='"co-creation" lays out the four usual phases, the first from now; '
        '"participatory-budget" (collect, study, vote, follow-up) and "budget-vote" '
        "(vote from now, follow-up) too",
    )
    charter: str = Field(..., max_length=20000, description="The charter's text (Markdown)")
    answer_within_days: int = Field(60, ge=1, le=730)
    supports_per_person: int | None = Field(None, ge=1)
    explanation_min_length: int = Field(50, ge=1, le=2000)

    @field_validator("blueprint")
    @classmethod
    def known_blueprint(cls, value: str | None) -> str | None:
        if value is not None and value not in phase_registry.BLUEPRINTS:
            raise ValueError(f"Unknown blueprint; one of: {', '.join(phase_registry.BLUEPRINTS)}")
        return value


class ConsultationPatch(Schema):
    title: str | None = Field(None, max_length=150)
    question: str | None = Field(None, max_length=300)
    description_markdown: str | None = Field(None, max_length=20000)
    themes: list[str] | None = None
    neighbourhoods: list[str] | None = None
    visibility: Visibility | None = None
    status: Status | None = None
    supports_per_person: int | None = Field(None, ge=1)
    explanation_min_length: int | None = Field(None, ge=1, le=2000)


class CharterVersionOut(Schema):
    version: int
    body_markdown: str = Field(..., alias="body")
    body_html: str
    changes: str
    answer_within_days: int
    published_at: datetime = Field(..., alias="created_at")

    @staticmethod
    def resolve_body_html(obj) -> str:
        return render_markdown(obj.body)


class CharterOut(Schema):
    current_version: int
    answer_within_days: int
    versions: list[CharterVersionOut]


class CharterIn(Schema):
    body: str = Field(..., max_length=20000)
    changes: str = Field("", max_length=2000)
    answer_within_days: int = Field(..., ge=1, le=730)


class PhaseIn(Schema):
    kind: str = Field(..., description="A registered phase kind: collect, workshops, …")
    title: str = Field("", max_length=150)
    description: str = Field("", max_length=5000)
    starts_at: datetime
    ends_at: datetime | None = None


class PhasePatch(Schema):
    kind: str | None = None
    title: str | None = Field(None, max_length=150)
    description: str | None = Field(None, max_length=5000)
    starts_at: datetime | None = None
    ends_at: datetime | None = None


class ConsultationPage(Schema):
    items: list[ConsultationListOut]
    count: int
    page: int
    pages: int
