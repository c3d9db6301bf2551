"""Writes on needs. What a need may carry (a number of people, an amount, a skill)
is asked to its type in the registry, never tested kind by kind."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.core.access import require
from ensemble.core.validation import full_clean
from ensemble.needtypes.types import need_type
from ensemble.search.indexing import index_object
from ensemble.semantics.tasks import embed_on_commit

from .hooks import need_published
from .models import Need, Project

MANAGE_NEEDS = "projects.manage_needs"
NEED_FIELDS = frozenset({
    "kind", "title", "description", "skill", "quantity", "amount", "surface", "schedule",
    "deadline",
})  # fmt: skip


def need_check(need: Need) -> None:
    """Validate a need against its type; raise ValidationError naming the field."""
    try:
        kind = need_type(need.kind)
    except LookupError:
        raise ValidationError({"kind": _("Unknown kind of need.")}) from None
    kind.need_check(
        quantity=need.quantity, amount=need.amount, skill=need.skill, surface=need.surface,
        schedule=need.schedule,
    )  # fmt: skip


def _check_deadline(deadline: date | None) -> None:
    if deadline is not None and deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})


def _count_open(project: Project, delta: int) -> None:
    Project.objects.filter(pk=project.pk).update(open_needs_count=F("open_needs_count") + delta)


@transaction.atomic
def need_create(
    *, actor, project: Project, kind: str, title: str, description: str = "",
    skill: str = "", quantity: int | None = None, amount=None, surface: int | None = None,
    schedule: str = "", deadline: date | None = None,
) -> Need:  # fmt: skip
    require(actor, MANAGE_NEEDS, project)
    need = Need(
        project=project, territory_id=project.territory_id, kind=kind, title=title,
        description=description, skill=(skill or "").strip(), quantity=quantity,
        amount=amount, surface=surface, schedule=(schedule or "").strip(), deadline=deadline,
    )  # fmt: skip
    full_clean(need)
    need_check(need)
    _check_deadline(deadline)
    need.save()
    _count_open(project, +1)
    if project.status == Project.Status.PUBLISHED:
        activity_record(
            territory=project.territory, verb=Activity.Verb.NEED_ADDED, actor=actor,
            project=project, need=need, at=need.created_at,
        )  # fmt: skip
        need_published(need)  # match alerts, sent once the transaction commits
    index_object(need.project)  # open needs are part of the project's text
    embed_on_commit(need)
    return need


@transaction.atomic
def need_update(*, actor, need: Need, data: dict) -> Need:
    require(actor, MANAGE_NEEDS, need.project)
    for field, value in data.items():
        if field not in NEED_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(need, field, (value or "").strip() if field in ("skill", "schedule") else value)
    full_clean(need)
    need_check(need)
    if "deadline" in data and need.status == Need.Status.OPEN:
        _check_deadline(need.deadline)
    need.save()
    index_object(need.project)  # open needs are part of the project's text
    embed_on_commit(need)
    return need


@transaction.atomic
def need_fulfil(*, actor, need: Need) -> Need:
    """Mark a need as met (idempotent)."""
    require(actor, MANAGE_NEEDS, need.project)
    need = Need.objects.select_for_update().select_related("project__territory").get(pk=need.pk)
    if need.status == Need.Status.FULFILLED:
        return need
    need.status = Need.Status.FULFILLED
    need.fulfilled_at = timezone.now()
    need.save(update_fields=["status", "fulfilled_at", "updated_at"])
    _count_open(need.project, -1)
    if need.project.status == Project.Status.PUBLISHED:
        activity_record(
            territory=need.project.territory, verb=Activity.Verb.NEED_FULFILLED, actor=actor,
            project=need.project, need=need, at=need.fulfilled_at,
        )  # fmt: skip
    index_object(need.project)  # open needs are part of the project's text
    return need


@transaction.atomic
def need_reopen(*, actor, need: Need) -> Need:
    """Open a need again (idempotent)."""
    require(actor, MANAGE_NEEDS, need.project)
    need = Need.objects.select_for_update().select_related("project__territory").get(pk=need.pk)
    if need.status == Need.Status.OPEN:
        return need
    need.status = Need.Status.OPEN
    need.fulfilled_at = None
    need.save(update_fields=["status", "fulfilled_at", "updated_at"])
    _count_open(need.project, +1)
    index_object(need.project)  # open needs are part of the project's text
    return need


@transaction.atomic
def need_status_change(*, actor, need: Need, status: str) -> Need:
    """Open or fulfil a need, the one rule for pages and the API (idempotent)."""
    if status == Need.Status.FULFILLED:
        return need_fulfil(actor=actor, need=need)
    if status == Need.Status.OPEN:
        return need_reopen(actor=actor, need=need)
    raise ValidationError({"status": _("Unknown status.")})


@transaction.atomic
def need_edit(*, actor, need: Need, data: dict, status: str | None = None) -> Need:
    """Change a need's fields and then its status, all or nothing (page and API)."""
    if data:
        need = need_update(actor=actor, need=need, data=data)
    if status is not None:
        need = need_status_change(actor=actor, need=need, status=status)
    return need


@transaction.atomic
def need_delete(*, actor, need: Need) -> None:
    require(actor, MANAGE_NEEDS, need.project)
    if need.status == Need.Status.OPEN:
        _count_open(need.project, -1)
    project = need.project
    need.delete()
    index_object(project)
