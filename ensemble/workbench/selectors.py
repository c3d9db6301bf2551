"""Reads of the workbench: the "to answer" queue and what agents see of one contribution."""

from datetime import timedelta
from functools import cached_property

from django.db.models import Prefetch, Q, QuerySet
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


def _overdue(consultations) -> Q:
    """Older than its consultation's promise: one range per promise length.

    Consultations are grouped by `answer_within_days` (a city has few lengths), so
    the count reads the open contributions' partial index as a few ranges.
    """
    now = timezone.now()
    by_days: dict[int, list[int]] = {}
    for consultation in consultations:
        by_days.setdefault(consultation.answer_within_days, []).append(consultation.pk)
    overdue = Q(pk__in=[])
    for days, pks in by_days.items():
        overdue |= Q(consultation__in=pks, created_at__lt=now - timedelta(days=days))
    return overdue


class Queue:
    """The queue as a sliceable sequence for the paginators: the overdue, then the others.

    "Overdue first, then the oldest" is two lists each in creation order, read apart:
    a page is then an index walk of the territory's contributions by date (one or
    two LIMIT queries), where one ORDER BY over "is overdue" sorted every waiting
    contribution (60 ms for 40,000). The counts read the open contributions' partial
    index. The rows of one page, with what they show, are loaded afterwards by id.
    """

    def __init__(self, keys: QuerySet, overdue: Q, territory):
        self.counted = [keys.filter(overdue), keys.exclude(overdue)]
        # Unfiltered, a page walks the territory's contributions by date and stops
        # at its last row (the counts do better by consultation, on the open
        # contributions' partial index). A filter keeps few rows, read by its own index.
        by_date = Q(territory=territory) if territory else Q()
        self.parts = [part.filter(by_date).order_by("created_at", "pk") for part in self.counted]

    @cached_property
    def counts(self) -> list[int]:
        return [part.count() for part in self.counted]

    def count(self) -> int:
        return sum(self.counts)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item: slice) -> list[Contribution]:
        start, stop = item.start or 0, item.stop
        pks: list[int] = []
        for part, size in zip(self.parts, self.counts, strict=True):
            if stop is not None and stop <= 0:
                break
            if start < size:
                pks += part[start : None if stop is None else min(stop, size)]
            start, stop = max(0, start - size), None if stop is None else stop - size
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
    unfiltered = not any(filters.get(key) for key in ("consultation", "theme", "neighbourhood"))
    unfiltered = unfiltered and not filters.get("assignee")
    if filters.get("consultation"):
        keys = keys.filter(consultation=filters["consultation"])
    if filters.get("theme"):
        keys = keys.filter(themes=filters["theme"])
    if filters.get("neighbourhood"):
        keys = keys.filter(neighbourhood=filters["neighbourhood"])
    keys = _assignee_filter(keys, filters.get("assignee") or "", filters.get("user"))
    keys = keys.values_list("pk", flat=True)
    return Queue(keys, _overdue(consultations), territory if unfiltered else None)


def _assignee_filter(rows, assignee: str, user):
    assignments = Assignment.objects.values("contribution_id")
    if assignee == "me" and user is not None:
        # The person's departments read first: with their ids written out, the planner
        # sees how few assignments match and reads them by index (a join or a
        # subquery here made it walk every waiting contribution).
        departments = list(
            Department.members.through.objects.filter(user=user).values_list(
                "department_id", flat=True
            )
        )
        mine = assignments.filter(Q(agent=user) | Q(department__in=departments))
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
