"""Reading themes and similar contributions, each in a fixed number of queries."""

from dataclasses import dataclass, field

import numpy as np
from django.utils import timezone

from ensemble.contributions.models import Contribution
from ensemble.contributions.selectors.indicators import overdue_cutoff
from ensemble.semantics import encoders
from ensemble.semantics.selectors import vectors_cached
from ensemble.semantics.services import vector_current, vectors_ensure

from . import related
from .models import Synthesis, Theme, ThemeMembership

SIMILAR = 5


@dataclass
class ThemeRow:
    theme: Theme
    contribution_ids: list[int] = field(default_factory=list)
    answered: int = 0
    overdue: int = 0

    @property
    def size(self) -> int:
        return len(self.contribution_ids)

    @property
    def answered_share(self) -> int:
        return round(100 * self.answered / self.size) if self.size else 0


def synthesis_get(consultation) -> Synthesis | None:
    return Synthesis.objects.filter(consultation=consultation).first()


def theme_rows(consultation, *, published_only: bool) -> list[ThemeRow]:
    """The themes with their contributions (most representative first): two queries."""
    themes = Theme.objects.filter(consultation=consultation)
    if published_only:
        themes = themes.published()
    return _rows(themes.order_by("position", "pk"), {consultation.pk: consultation})


def territory_theme_rows(territory) -> list[ThemeRow]:
    """Every theme of the territory's consultations, for the agents' workbench: the
    answered share and the overdue count of each (two queries)."""
    themes = list(
        Theme.objects.filter(consultation__territory=territory)
        .select_related("consultation__territory")
        .order_by("-consultation__created_at", "consultation_id", "position", "pk")
    )
    return _rows(themes, {theme.consultation_id: theme.consultation for theme in themes})


def _rows(themes, consultations: dict) -> list[ThemeRow]:
    rows = {theme.pk: ThemeRow(theme) for theme in themes}
    cutoffs = {pk: overdue_cutoff(c.answer_within_days) for pk, c in consultations.items()}
    memberships = (
        ThemeMembership.objects.filter(theme_id__in=list(rows))
        .filter(contribution__is_hidden=False, contribution__merged_into__isnull=True)
        .order_by("theme_id", "rank", "pk")
        .values_list("theme_id", "contribution_id", "contribution__answer_state",
                     "contribution__created_at", "contribution__consultation_id")
    )  # fmt: skip
    for theme_id, contribution_id, answer_state, created_at, consultation_id in memberships:
        row = rows[theme_id]
        row.contribution_ids.append(contribution_id)
        if answer_state:
            row.answered += 1
        elif created_at < cutoffs[consultation_id]:
            row.overdue += 1
    return list(rows.values())


def contributions_by_id(ids) -> dict[int, Contribution]:
    return {
        c.pk: c
        for c in Contribution.objects.filter(pk__in=list(ids)).select_related(
            "neighbourhood", "territory", "answer"
        )
    }


def _pool(consultation, exclude: int | None = None) -> list[int]:
    queryset = Contribution.objects.open().filter(consultation=consultation)
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude)
    return list(queryset.order_by("pk").values_list("pk", flat=True))


def _nearest(query: np.ndarray, ids: list[int], count: int) -> list[tuple[int, float]]:
    found = vectors_ensure(Contribution, ids, found=vectors_cached(Contribution, ids))
    kept = [pk for pk in ids if pk in found]
    if not kept:
        return []
    scores = np.vstack([found[pk] for pk in kept]) @ np.asarray(query, dtype=np.float32)
    order = np.argsort(-scores)[:count]
    return [(kept[row], round(float(scores[row]), 4)) for row in order]


def similar_contributions(contribution: Contribution, *, count: int = SIMILAR):
    """The open contributions of the same consultation closest in meaning, with a score."""
    query = vector_current(contribution)
    nearest = _nearest(query, _pool(contribution.consultation, exclude=contribution.pk), count)
    found = contributions_by_id(pk for pk, _score in nearest)
    return [(found[pk], score) for pk, score in nearest if pk in found]


SIMILAR_FLOOR = 0.5  # below, two contributions rarely say the same thing (bench/synthesis)


def similar_ids_to_text(consultation, text: str, exclude: int | None, limit: int) -> list[int]:
    """Contributions of `consultation` close in meaning to a text being typed, best first.

    Only contributions already embedded count (nothing is embedded while someone types);
    a consultation with none costs one query and no encoding."""
    text = " ".join((text or "").split())
    if len(text) < 8:
        return []
    ids = _pool(consultation, exclude=exclude)
    found = vectors_cached(Contribution, ids)
    if not found:
        return []
    kept = [pk for pk in ids if pk in found]
    query = encoders.encode([text], query=True)[0]
    scores = np.vstack([found[pk] for pk in kept]) @ query
    order = np.argsort(-scores)[:limit]
    return [kept[row] for row in order if scores[row] >= SIMILAR_FLOOR]


def is_fresh(synthesis: Synthesis | None) -> bool:
    return (
        synthesis is not None
        and synthesis.computed_at is not None
        and (synthesis.requested_at is None or synthesis.computed_at >= synthesis.requested_at)
        and synthesis.computed_at <= timezone.now()
    )


def related_to_contribution(contribution: Contribution, viewer) -> list[related.Related]:
    return related.related_to(
        query=vector_current(contribution), territory=contribution.territory, viewer=viewer,
        title=contribution.title, text=contribution.body,
    )  # fmt: skip


def related_to_theme(theme: Theme, viewer) -> list[related.Related]:
    ids = list(theme.memberships.order_by("rank").values_list("contribution_id", flat=True))
    found = vectors_ensure(Contribution, ids)
    kept = [pk for pk in ids if pk in found]
    if not kept:
        return []
    best = Contribution.objects.filter(pk=kept[0]).values_list("title", "body").first()
    return related.related_to(
        query=related.centre(np.vstack([found[pk] for pk in kept])),
        territory=theme.consultation.territory, viewer=viewer, title=best[0], text=best[1],
    )  # fmt: skip
