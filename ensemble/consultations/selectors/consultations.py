"""Reads of consultations, scoped to a territory; each list runs a fixed number of queries.

Reach one consultation through `access.consultation_get_visible`; lists here
show what the person may see: the published public ones, plus the internal
ones and the drafts for the territory's agents.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from ensemble.consultations import phases as phase_registry
from ensemble.consultations.models import CharterVersion, Consultation, Phase
from ensemble.territories.models import Territory, Theme
from ensemble.territories.predicates import is_territory_agent

STATES = ("open", "finished")


def phases_prefetch() -> Prefetch:
    return Prefetch("phases", queryset=Phase.objects.order_by("position", "starts_at", "pk"))


def _with_card_relations(consultations: QuerySet[Consultation]) -> QuerySet[Consultation]:
    return consultations.select_related("territory").prefetch_related(
        phases_prefetch(),
        Prefetch("themes", queryset=Theme.objects.order_by("position", "name")),
    )


def finished_q() -> Q:
    """Consultations whose phases are all over (one without phases is not finished)."""
    phases = Phase.objects.filter(consultation=OuterRef("pk"))
    return Exists(phases) & ~Exists(phases.filter(phase_registry.unfinished_phase_q()))


def consultation_list(*, territory: Territory, user, state: str | None = None):
    """The consultations `user` may see in `territory`, drafts first, then newest first.

    `state`: "open" (running, upcoming, or without phases yet), "finished", or None for all.
    """
    consultations = Consultation.objects.filter(territory=territory)
    if not is_territory_agent(user, territory):
        consultations = consultations.public()
    if state == "open":
        consultations = consultations.exclude(finished_q())
    elif state == "finished":
        consultations = consultations.filter(finished_q())
    return _with_card_relations(consultations).order_by(
        F("published_at").desc(nulls_first=True), "-pk"
    )


def open_consultation_list(*, territory: Territory, user, limit: int = 3) -> list[Consultation]:
    """A few running consultations for the territory's home page."""
    return list(consultation_list(territory=territory, user=user, state="open")[:limit])


def consultation_detail_relations(consultation: Consultation) -> dict:
    """Themes and neighbourhoods of one consultation (two queries)."""
    return {
        "themes": list(consultation.themes.order_by("position", "name")),
        "neighbourhoods": list(consultation.neighbourhoods.order_by("position", "name")),
    }


def charter_version_list(*, consultation: Consultation) -> QuerySet[CharterVersion]:
    """Every version, newest first, with its author (the public changelog)."""
    return CharterVersion.objects.filter(consultation=consultation).select_related("author")


def charter_current(*, consultation: Consultation) -> CharterVersion | None:
    return charter_version_list(consultation=consultation).first()
