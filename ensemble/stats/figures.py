"""The public figures of a territory (or of the whole network) at the end of a month.

Computed by a periodic task (`tasks.compute_snapshots`) and stored in `Snapshot` rows:
the pages and the API read those rows, never the tables they count. Every count is "as of"
a moment (`until`): rows created before it; a state with its own date (verified, fulfilled,
answered) is taken at that date, one without (a project's stage, a result's progress) is
today's. Only public things are counted: published projects, public consultations and their
open contributions, events that are not workshops of an internal consultation.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from statistics import median

from django.contrib.auth.models import AnonymousUser
from django.db.models import Avg, Count, F, Q, Sum

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.consultations.models import Consultation, Participant
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.selectors.indicators import ANSWERED_STATES
from ensemble.events.models import Event
from ensemble.events.policies import visible_q
from ensemble.introductions.models import Introduction
from ensemble.projects.models import Need, Project
from ensemble.results.models import Result
from ensemble.territories.models import Membership

#: The figures, in the order of the tables: (key, unit). Labels live in `labels.py`.
SCALARS = [
    "members", "organisations", "organisations_verified", "projects", "needs_opened",
    "needs_fulfilled", "needs_median_days", "introductions_asked", "introductions_accepted",
    "introductions_helpful", "events", "events_registrations", "events_attendance",
    "consultations", "contributions", "supports", "participants_online",
    "participants_in_person", "answer_rate", "answer_median_days", "overdue", "results",
    "results_done", "results_progress",
]  # fmt: skip
BREAKDOWNS = ["projects_by_stage", "projects_by_theme"]


def _days(delays: Iterable) -> float | None:
    values = [delay.total_seconds() / 86400 for delay in delays if delay is not None]
    return round(median(values), 1) if values else None


def compute(*, territory_ids: list[int] | None, until: datetime) -> dict:
    """The figures of the territories `territory_ids` (None: the whole network) at `until`."""
    scope = Q() if territory_ids is None else Q(territory_id__in=territory_ids)
    before = Q(created_at__lt=until)
    figures: dict = {}
    figures["members"] = _members(territory_ids, until)
    figures.update(_organisations(scope & before, until))
    figures.update(_projects(scope, until))
    figures.update(_needs(scope, until))
    figures.update(_introductions(territory_ids, until))
    figures.update(_events(scope, until))
    figures.update(_consultations(scope, until))
    figures.update(_results(scope & before))
    return figures


def _members(territory_ids, until) -> int:
    if territory_ids is None:  # the network: people, once each, whatever their territories
        return User.objects.filter(
            date_joined__lt=until, is_active=True, erased_at__isnull=True
        ).count()
    return (
        Membership.objects.filter(territory_id__in=territory_ids, created_at__lt=until)
        .values("user").distinct().count()
    )  # fmt: skip


def _organisations(where: Q, until) -> dict:
    counts = Organisation.objects.filter(where).aggregate(
        organisations=Count("pk"),
        organisations_verified=Count("pk", filter=Q(is_verified=True, verified_at__lt=until)),
    )
    return counts


def _projects(scope: Q, until) -> dict:
    projects = Project.objects.published().filter(scope, published_at__lt=until)
    by_stage = dict(projects.order_by().values_list("stage").annotate(n=Count("pk")))
    by_theme = dict(
        projects.filter(themes__isnull=False).order_by().values_list("themes__name")
        .annotate(n=Count("pk"))
    )  # fmt: skip
    return {
        "projects": sum(by_stage.values()),
        "projects_by_stage": {stage: by_stage.get(stage, 0) for stage in Project.Stage.values},
        "projects_by_theme": dict(sorted(by_theme.items())),
    }


def _needs(scope: Q, until) -> dict:
    needs = Need.objects.filter(
        scope, project__in=Project.objects.published(), created_at__lt=until
    )
    fulfilled = needs.filter(fulfilled_at__isnull=False, fulfilled_at__lt=until)
    delays = fulfilled.annotate(delay=F("fulfilled_at") - F("created_at")).values_list(
        "delay", flat=True
    )
    return {
        "needs_opened": needs.count(),
        "needs_fulfilled": fulfilled.count(),
        "needs_median_days": _days(delays),
    }


def _introductions(territory_ids, until) -> dict:
    where = Q(created_at__lt=until)
    if territory_ids is not None:
        where &= Q(need__territory_id__in=territory_ids)
    return Introduction.objects.filter(where).aggregate(
        introductions_asked=Count("pk"),
        introductions_accepted=Count("pk", filter=Q(status=Introduction.Status.ACCEPTED)),
        introductions_helpful=Count("pk", filter=Q(outcome=Introduction.Outcome.HELPED)),
    )


def _events(scope: Q, until) -> dict:
    # What anyone sees of the calendar: not the workshops of an internal consultation.
    events = Event.objects.filter(
        scope, visible_q(AnonymousUser(), None), is_cancelled=False, ends_at__lte=until
    )
    figures = events.aggregate(
        events=Count("pk"),
        events_registrations=Sum("registered_count"),
        events_attendance=Sum("participants_count"),
    )
    return {key: value or 0 for key, value in figures.items()}


def _consultations(scope: Q, until) -> dict:
    consultations = Consultation.objects.public().filter(scope, published_at__lt=until)
    contributions = Contribution.objects.open().filter(
        consultation__in=consultations, created_at__lt=until
    )
    answered = contributions.filter(answer_state__in=ANSWERED_STATES, first_answered_at__lt=until)
    total, answered_count = contributions.count(), answered.count()
    in_person = Event.objects.filter(
        workshop__consultation__in=consultations, is_cancelled=False, ends_at__lte=until
    ).aggregate(n=Sum("participants_count"))["n"]
    overdue = sum(
        contributions.filter(
            consultation=consultation,
            created_at__lt=until - timedelta(days=consultation.answer_within_days),
        )
        .exclude(first_answered_at__lt=until)
        .count()
        for consultation in consultations.only("pk", "answer_within_days")
    )
    return {
        "consultations": consultations.count(),
        "contributions": total,
        "supports": Support.objects.filter(
            contribution__in=contributions, created_at__lt=until
        ).count(),
        "participants_online": Participant.objects.filter(
            consultation__in=consultations, created_at__lt=until
        ).count(),
        "participants_in_person": in_person or 0,
        "answer_rate": round(100 * answered_count / total, 1) if total else None,
        "answer_median_days": _days(
            answered.annotate(delay=F("first_answered_at") - F("created_at")).values_list(
                "delay", flat=True
            )
        ),
        "overdue": overdue,
    }


def _results(where: Q) -> dict:
    results = Result.objects.filter(
        where, consultation__in=Consultation.objects.public(), parent__isnull=True
    )
    figures = results.aggregate(
        results=Count("pk"),
        results_done=Count("pk", filter=Q(status=Result.Status.DONE)),
        results_progress=Avg("progress"),
    )
    progress = figures["results_progress"]
    figures["results_progress"] = round(progress, 1) if progress is not None else None
    return figures
