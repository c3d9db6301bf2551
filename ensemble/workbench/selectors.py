"""Reads of the workbench: the "to answer" queue and what agents see of one contribution."""

from datetime import timedelta

from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.territories.models import Theme

from .models import AnswerDraft, Department, PrivateNote

UNASSIGNED = "none"


def queue_consultations(*, territory) -> QuerySet[Consultation]:
    """The territory's published consultations (public and internal), for the queue."""
    return Consultation.objects.filter(
        territory=territory, status=Consultation.Status.PUBLISHED
    ).order_by("title")


def _overdue(consultations) -> Case:
    """True for a contribution older than its consultation's promise (one When each)."""
    now = timezone.now()
    whens = [
        When(consultation=c.pk, created_at__lt=now - timedelta(days=c.answer_within_days),
             then=Value(True))
        for c in consultations
    ]  # fmt: skip
    return Case(*whens, default=Value(False), output_field=BooleanField())


def queue(*, territory, filters: dict | None = None) -> QuerySet[Contribution]:
    """Open contributions without an answer, overdue first, then the oldest first.

    `filters`: consultation, theme, neighbourhood (objects), assignee ("me" with `user`,
    "none", "agent:<pk>" or "department:<pk>").
    """
    filters = filters or {}
    consultations = list(queue_consultations(territory=territory).only("pk", "answer_within_days"))
    rows = Contribution.objects.open().filter(
        territory=territory, answer_state="", consultation__in=[c.pk for c in consultations]
    )
    if filters.get("consultation"):
        rows = rows.filter(consultation=filters["consultation"])
    if filters.get("theme"):
        rows = rows.filter(themes=filters["theme"])
    if filters.get("neighbourhood"):
        rows = rows.filter(neighbourhood=filters["neighbourhood"])
    rows = _assignee_filter(rows, filters.get("assignee") or "", filters.get("user"))
    return (
        rows.annotate(is_overdue=_overdue(consultations))
        .select_related(
            "consultation", "neighbourhood", "workbench_assignment__agent",
            "workbench_assignment__department", "answer_draft",
        )
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "name")))
        .order_by("-is_overdue", "created_at", "pk")
    )  # fmt: skip


def _assignee_filter(rows, assignee: str, user):
    if assignee == "me" and user is not None:
        return rows.filter(
            Q(workbench_assignment__agent=user) | Q(workbench_assignment__department__members=user)
        ).distinct()
    if assignee == UNASSIGNED:
        return rows.filter(workbench_assignment__isnull=True)
    kind, _sep, pk = assignee.partition(":")
    if kind == "agent" and pk.isdigit():
        return rows.filter(workbench_assignment__agent=int(pk))
    if kind == "department" and pk.isdigit():
        return rows.filter(workbench_assignment__department=int(pk))
    return rows


def due_at(contribution: Contribution):
    """When the charter's promise falls due for this contribution."""
    return contribution.created_at + timedelta(days=contribution.consultation.answer_within_days)


def department_list(*, territory, include_retired: bool = False) -> QuerySet[Department]:
    departments = Department.objects.filter(territory=territory)
    if not include_retired:
        departments = departments.filter(is_retired=False)
    return departments.order_by("name")


def note_list(*, contribution) -> QuerySet[PrivateNote]:
    return PrivateNote.objects.filter(contribution=contribution).select_related("author")


def draft_get(*, contribution) -> AnswerDraft | None:
    return (
        AnswerDraft.objects.filter(contribution=contribution).select_related("prepared_by").first()
    )
