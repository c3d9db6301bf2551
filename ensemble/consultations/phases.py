"""Consultation phases: each phase type declares the features it turns on.

Views, permissions and the API ask "does the active phase allow supporting?"
(`consultation_allows`), never compare dates themselves. The dates of a phase
are compared here, and only here: `phase_state` in Python, `active_phase_q`
in the database. Adding a phase type is one class registered below.
"""

import enum
from dataclasses import dataclass
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ensemble.core.registry import Registry


class Feature(enum.StrEnum):
    PROPOSE = "propose"  # post a problem or an idea
    COMMENT = "comment"
    SUPPORT = "support"
    REGISTER = "register"  # register for the consultation's workshops
    ANSWER = "answer"  # agents answer contributions
    FOLLOW_RESULTS = "follow_results"  # results are tracked and published
    VOTE = "vote"  # vote on the projects of a participatory budget
    RESPOND = "respond"  # answer the consultation's questionnaire


# What each feature means for people, in plain words ("During this phase: …").
FEATURE_LABELS = {
    Feature.PROPOSE: _("post problems and ideas"),
    Feature.COMMENT: _("comment on contributions"),
    Feature.SUPPORT: _("support contributions"),
    Feature.REGISTER: _("register for workshops"),
    Feature.ANSWER: _("the administration answers contributions"),
    Feature.FOLLOW_RESULTS: _("follow the results"),
    Feature.VOTE: _("vote on the budget's projects"),
    Feature.RESPOND: _("answer the questionnaire"),
}


class PhaseState(enum.StrEnum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    PAST = "past"


# Once every phase is over, agents can still answer what is waiting and
# results keep being tracked: a consultation never leaves a question unanswered.
CLOSED_FEATURES = frozenset({Feature.ANSWER, Feature.FOLLOW_RESULTS})


class PhaseType:
    kind: str
    label = ""
    description = ""
    features: frozenset[Feature] = frozenset()
    # A tab of the consultation's pages for this phase's own page (a URL name
    # taking territory_slug and consultation_pk), or "" for none.
    tab_url_name = ""
    tab_label = ""

    def allows(self, feature: Feature) -> bool:
        return feature in self.features

    def __str__(self) -> str:
        return str(self.label)


registry: Registry[PhaseType] = Registry(
    "phase types", key=lambda phase: phase.kind, label=lambda phase: phase.label
)


def register(cls: type[PhaseType]) -> type[PhaseType]:
    """Declare a phase type (a class decorator): the registry keeps one instance."""
    return registry.register(cls)


def phase_type(kind: str) -> PhaseType:
    return registry.get(kind)


def phase_types() -> list[PhaseType]:
    return registry.all()


def kind_choices() -> list[tuple[str, str]]:
    return registry.choices()


class PhaseKindField(models.CharField):
    """A CharField whose choices are the registered phase types."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs["choices"] = kind_choices
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return name, path, args, kwargs


@register
class CollectPhase(PhaseType):
    kind = "collect"
    label = _("Collect problems and ideas")
    description = _("Everyone may post problems and ideas, comment and support them.")
    features = frozenset({Feature.PROPOSE, Feature.COMMENT, Feature.SUPPORT, Feature.ANSWER})


@register
class WorkshopsPhase(PhaseType):
    kind = "workshops"
    label = _("Workshops")
    description = _(
        "People meet in workshops to put themselves in the users' shoes; "
        "facilitators record what each group proposes."
    )
    features = frozenset({Feature.REGISTER, Feature.COMMENT, Feature.SUPPORT, Feature.ANSWER})


@register
class ArbitrationPhase(PhaseType):
    kind = "arbitration"
    label = _("Arbitration")
    description = _("The administration studies the contributions and answers each one.")
    features = frozenset({Feature.ANSWER, Feature.COMMENT})


@register
class FollowUpPhase(PhaseType):
    kind = "follow_up"
    label = _("Results follow-up")
    description = _("What was decided is carried out; its progress is published.")
    features = frozenset({Feature.ANSWER, Feature.COMMENT, Feature.FOLLOW_RESULTS})


# --- Dates: the only place where they are compared ---------------------------


def phase_state(starts_at, ends_at, now=None) -> PhaseState:
    """A phase runs from `starts_at` (included) to `ends_at` (excluded; None: open-ended)."""
    now = now or timezone.now()
    if now < starts_at:
        return PhaseState.UPCOMING
    if ends_at is not None and now >= ends_at:
        return PhaseState.PAST
    return PhaseState.ACTIVE


def active_phase_q(now=None, prefix: str = "") -> Q:
    """The database form of `phase_state(...) == ACTIVE`; `prefix` reaches phases ("phases__")."""
    now = now or timezone.now()
    return Q(**{f"{prefix}starts_at__lte": now}) & (
        Q(**{f"{prefix}ends_at__isnull": True}) | Q(**{f"{prefix}ends_at__gt": now})
    )


def unfinished_phase_q(now=None, prefix: str = "") -> Q:
    """The database form of `phase_state(...) != PAST`: an active or upcoming phase."""
    now = now or timezone.now()
    return Q(**{f"{prefix}ends_at__isnull": True}) | Q(**{f"{prefix}ends_at__gt": now})


def active_phase(phases, now=None):
    """The active phase among `phases` (an iterable of Phase), or None."""
    now = now or timezone.now()
    for phase in phases:
        if phase_state(phase.starts_at, phase.ends_at, now) == PhaseState.ACTIVE:
            return phase
    return None


def features_at(phases, now=None) -> frozenset[Feature]:
    """What a consultation with these phases allows at `now`."""
    now = now or timezone.now()
    phases = list(phases)
    phase = active_phase(phases, now)
    if phase is not None:
        return phase_type(phase.kind).features
    started = any(phase_state(p.starts_at, p.ends_at, now) != PhaseState.UPCOMING for p in phases)
    upcoming = any(phase_state(p.starts_at, p.ends_at, now) == PhaseState.UPCOMING for p in phases)
    if started and not upcoming:
        return CLOSED_FEATURES
    return frozenset()  # not started yet, or between two phases


# --- Blueprints: a consultation's usual phases in one step -------------------


@dataclass(frozen=True)
class BlueprintPhase:
    kind: str
    duration: timedelta | None  # None: open-ended


BLUEPRINTS: dict[str, list[BlueprintPhase]] = {
    # Collect → workshops → arbitration → results follow-up, the first one from now.
    "co-creation": [
        BlueprintPhase("collect", timedelta(weeks=6)),
        BlueprintPhase("workshops", timedelta(weeks=4)),
        BlueprintPhase("arbitration", timedelta(weeks=4)),
        BlueprintPhase("follow_up", None),
    ],
}
BLUEPRINT_LABELS = {"co-creation": _("Co-creation: collect, workshops, arbitration, follow-up")}


def register_blueprint(key: str, label, steps: list[BlueprintPhase]) -> None:
    """Offer another blueprint (from a higher app's `registrations.py`)."""
    if key in BLUEPRINTS:
        raise ValueError(f"The blueprint {key!r} is already registered.")
    BLUEPRINTS[key] = steps
    BLUEPRINT_LABELS[key] = label


def blueprint_choices() -> list[tuple[str, str]]:
    return list(BLUEPRINT_LABELS.items())
