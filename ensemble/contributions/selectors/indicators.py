"""Transparency indicators: how many contributions are answered, how fast, how many are late.

Every figure counts the open contributions only (neither hidden nor merged).
Each function runs a fixed number of queries, whatever the number of
contributions, and the same SQL on SQLite and PostgreSQL.

Counts come from stored counters and the (consultation, answer_state,
created_at) index. The median delay needs every answered contribution sorted,
so it is kept in the cache for MEDIAN_CACHE_SECONDS: a figure that moves by
hours, shown on pages read all day.
"""

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import reduce

from django.core.cache import cache
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.territories.models import Territory

ANSWERED_STATES = [state for state in AnswerState.values if state]
MEDIAN_CACHE_SECONDS = 600


@dataclass(frozen=True)
class Indicators:
    contributions: int
    answered: int
    median_days: float | None  # median days to a first answer; None while nothing is answered
    overdue: int  # waiting for an answer longer than the charter promises

    @property
    def answered_share(self) -> float | None:
        """Answered contributions in percent, or None when there is none at all."""
        if not self.contributions:
            return None
        return round(100 * self.answered / self.contributions, 1)


def _open_contributions() -> QuerySet[Contribution]:
    return Contribution.objects.open()


def overdue_cutoff(answer_within_days: int, now=None):
    """Contributions created before this moment and still unanswered are overdue."""
    return (now or timezone.now()) - timedelta(days=answer_within_days)


def overdue_q(consultation: Consultation, now=None) -> Q:
    """Open contributions of `consultation` waiting longer than its charter promises.

    Usable to filter a contributions queryset, or to annotate a badge:
    `.annotate(is_overdue=ExpressionWrapper(overdue_q(c), output_field=BooleanField()))`.
    The filter follows the index (consultation, answer_state, created_at).
    """
    return Q(
        consultation=consultation.pk,
        answer_state="",
        created_at__lt=overdue_cutoff(consultation.answer_within_days, now),
        is_hidden=False,
        merged_into__isnull=True,
    )


def _median_days(contributions: QuerySet[Contribution]) -> float | None:
    """The median of `first_answered_at - created_at` in days: one count, one slice."""
    answered = contributions.filter(
        answer_state__in=ANSWERED_STATES, first_answered_at__isnull=False
    )
    total = answered.count()
    if not total:
        return None
    delays = list(
        answered.annotate(
            delay=ExpressionWrapper(
                F("first_answered_at") - F("created_at"), output_field=DurationField()
            )
        )
        .order_by("delay")
        .values_list("delay", flat=True)[(total - 1) // 2 : total // 2 + 1]
    )
    seconds = sum(delay.total_seconds() for delay in delays) / len(delays)
    return round(seconds / 86400, 1)


def _cached_median(key: str, contributions: QuerySet[Contribution]) -> float | None:
    return cache.get_or_set(
        f"contributions:median-days:{key}",
        lambda: _median_days(contributions),
        MEDIAN_CACHE_SECONDS,
    )


def consultation_indicators(consultation: Consultation, now=None) -> Indicators:
    """The indicators of one consultation (three queries)."""
    contributions = _open_contributions().filter(consultation=consultation)
    return Indicators(
        contributions=consultation.contributions_count,
        answered=consultation.answered_count,
        median_days=_cached_median(f"consultation:{consultation.pk}", contributions),
        overdue=_open_contributions().filter(overdue_q(consultation, now)).count(),
    )


def consultation_overdue_counts(consultations: Iterable[Consultation], now=None) -> dict[int, int]:
    """{consultation id: overdue contributions} for a page of consultations, in one query.

    The consultations are grouped by the delay their charter promises (usually a
    single one), so that the index (consultation, answer_state, created_at) bounds
    the scan instead of testing one condition per consultation on every contribution.
    """
    consultations = list(consultations)
    if not consultations:
        return {}
    now = now or timezone.now()
    by_delay: dict[int, list[int]] = {}
    for consultation in consultations:
        by_delay.setdefault(consultation.answer_within_days, []).append(consultation.pk)
    late = [
        Q(consultation__in=pks, created_at__lt=overdue_cutoff(days, now))
        for days, pks in sorted(by_delay.items())
    ]
    rows = (
        _open_contributions()
        .filter(
            reduce(operator.or_, late),
            consultation__in=[consultation.pk for consultation in consultations],
            answer_state="",
        )
        .order_by()
        .values("consultation")
        .annotate(overdue=Count("pk"))
    )
    return {row["consultation"]: row["overdue"] for row in rows}


def territory_indicators(territory: Territory, now=None) -> Indicators:
    """The indicators over the territory's public, published consultations.

    Two queries (three when the median is not cached): the consultations with
    their stored counters, then the overdue contributions of each through the index.
    """
    consultations = list(
        Consultation.objects.public()
        .filter(territory=territory)
        .only("pk", "answer_within_days", "contributions_count", "answered_count")
    )
    overdue = sum(consultation_overdue_counts(consultations, now).values())
    contributions = _open_contributions().filter(
        consultation__in=[consultation.pk for consultation in consultations]
    )
    return Indicators(
        contributions=sum(consultation.contributions_count for consultation in consultations),
        answered=sum(consultation.answered_count for consultation in consultations),
        median_days=_cached_median(f"territory:{territory.pk}", contributions),
        overdue=overdue,
    )


def page_indicators(consultations: Iterable[Consultation], now=None) -> dict[int, Indicators]:
    """{consultation id: indicators} for a page of a list, in one query: no median there."""
    consultations = list(consultations)
    overdue = consultation_overdue_counts(consultations, now)
    return {
        consultation.pk: Indicators(
            contributions=consultation.contributions_count,
            answered=consultation.answered_count,
            median_days=None,
            overdue=overdue.get(consultation.pk, 0),
        )
        for consultation in consultations
    }
