"""Reads of the workbench: the "to answer" queue and what agents see of one contribution."""

from datetime import timedelta

from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.territories.models import Theme

from .models import AnswerDraft, Assignment, Department, PrivateNote

UNASSIGNED = "none"


def queue_consultations(*, territory) -> QuerySet[Consultation]:
    """The territory's published consultations (public and internal), for the queue."""
    return Consultation.objects.filter(
        territory=territory, status=Consultation.Status.PUBLISHED
    ).order_by("title")


def _overdue(consultations) -> Case:
    """True for a contribution older than its consultation's promise (one When each).

    The database form of `due_at(contribution) < now` (set on each row of a page).
    """
    now = timezone.now()
    whens = [
        When(consultation=c.pk, created_at__lt=now - timedelta(days=c.answer_within_days),
             then=Value(True))
        for c in consultations
    ]  # fmt: skip
    return Case(*whens, default=Value(False), output_field=BooleanField())


class Queue:
    """The queue as a sliceable sequence for the paginators.

    Counting and ordering read only the open contributions' partial index
    (consultation, answer_state, created_at, id); the rows of one page, with
    what they show, are loaded afterwards by their ids.
    """

    def __init__(self, keys: QuerySet):
        self.keys = keys

    def count(self) -> int:
        return self.keys.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item: slice) -> list[Contribution]:
        pks = list(self.keys[item])
        rows = {row.pk: row for row in _rows(pks)}
        now = timezone.now()
        for row in rows.values():
            row.due_at = due_at(row)
            row.is_overdue = row.due_at < now
        return [rows[pk] for pk in pks if pk in rows]


def _rows(pks: list[int]) -> QuerySet[Contribution]:
    return (
        Contribution.objects.filter(pk__in=pks)
        .select_related(
            "consultation", "neighbourhood", "workbench_assignment__agent",
            "workbench_assignment__department", "answer_draft",
        )
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "name")))
    )  # fmt: skip


def queue(*, territory, filters: dict | None = None) -> Queue:
    """Open contributions without an answer, overdue first, then the oldest first.

    `filters`: consultation, theme, neighbourhood (objects), assignee ("me" with `user`,
    "none", "agent:<pk>" or "department:<pk>").
    """
    filters = filters or {}
    consultations = list(queue_consultations(territory=territory).only("pk", "answer_within_days"))
    # By consultation (not territory): the open contributions' partial index serves it.
    keys = Contribution.objects.open().filter(
        consultation__in=[c.pk for c in consultations], answer_state=""
    )
    if filters.get("consultation"):
        keys = keys.filter(consultation=filters["consultation"])
    if filters.get("theme"):
        keys = keys.filter(themes=filters["theme"])
    if filters.get("neighbourhood"):
        keys = keys.filter(neighbourhood=filters["neighbourhood"])
    keys = _assignee_filter(keys, filters.get("assignee") or "", filters.get("user"))
    keys = keys.annotate(is_overdue=_overdue(consultations)).order_by(
        "-is_overdue", "created_at", "pk"
    )
    return Queue(keys.values_list("pk", flat=True))


def _assignee_filter(rows, assignee: str, user):
    assignments = Assignment.objects.values("contribution_id")
    if assignee == "me" and user is not None:
        mine = assignments.filter(Q(agent=user) | Q(department__members=user))
        return rows.filter(pk__in=mine)
    if assignee == UNASSIGNED:
        return rows.exclude(pk__in=assignments)
    kind, _sep, pk = assignee.partition(":")
    if kind == "agent" and pk.isdigit():
        return rows.filter(pk__in=assignments.filter(agent=int(pk)))
    if kind == "department" and pk.isdigit():
        return rows.filter(pk__in=assignments.filter(department=int(pk)))
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
