"""Writes of results: what accepted contributions became, tracked with a status and a progress.

Who: agents and admins of the territory (`participation.manage_results`).

When: results can be prepared, edited and progressed at any time, so that the
administration can get ready during arbitration. Telling people is another
matter: the followers, authors and supporters of the linked contributions are
notified of progress only while the consultation allows `FOLLOW_RESULTS`
(the follow-up phase, or once every phase is over): before that, the timeline
is recorded silently.

A parent result's progress is the mean of its children's, kept by these
services whenever a child changes, recursively up; it is never set directly.
`children_count` and `consultation.results_count` (every result, at any
level) are kept with F().
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, F
from django.utils.translation import gettext as _

from ensemble.activity.models import Activity
from ensemble.consultations.activity import consultation_activity_record
from ensemble.consultations.models import Consultation
from ensemble.consultations.phases import Feature
from ensemble.contributions.models import ACCEPTED_STATES, Contribution
from ensemble.core.access import require
from ensemble.core.validation import full_clean
from ensemble.projects.models import Project
from ensemble.results.models import Result, ResultUpdate
from ensemble.results.tasks import result_progressed_notify

EDITABLE_FIELDS = frozenset({
    "title", "description", "parent", "starts_on", "ends_on", "contributions", "projects",
    "position",
})  # fmt: skip
MAX_DEPTH = 5


def _check_progress(progress) -> int:
    try:
        value = int(progress)
    except (TypeError, ValueError):
        raise ValidationError({"progress": _("Give a whole number from 0 to 100.")}) from None
    if not 0 <= value <= 100:
        raise ValidationError({"progress": _("The progress is a percentage, from 0 to 100.")})
    return value


def _check_status(status: str) -> str:
    if status not in Result.Status.values:
        raise ValidationError({"status": _("Choose one of the statuses offered.")})
    return status


def _ancestors(result: Result) -> list[Result]:
    """The parents of `result`, nearest first (one query per level, levels are few)."""
    chain, seen = [], {result.pk}
    parent_id = result.parent_id
    while parent_id is not None and parent_id not in seen:
        parent = Result.objects.get(pk=parent_id)
        chain.append(parent)
        seen.add(parent.pk)
        parent_id = parent.parent_id
    return chain


def _check_parent(consultation: Consultation, result: Result | None, parent: Result | None):
    if parent is None:
        return
    if parent.consultation_id != consultation.pk:
        raise ValidationError({"parent": _("This result is not one of this consultation's.")})
    ancestors = _ancestors(parent)
    if result is not None and result.pk in {parent.pk, *(r.pk for r in ancestors)}:
        raise ValidationError({"parent": _("A result cannot be part of itself.")})
    if len(ancestors) + 1 >= MAX_DEPTH:
        raise ValidationError(
            {"parent": _("Results nest %(max)s levels deep at most.") % {"max": MAX_DEPTH}}
        )


def _check_contributions(consultation: Consultation, contributions: Iterable) -> list:
    contributions = list(contributions)
    for contribution in contributions:
        if contribution.consultation_id != consultation.pk:
            raise ValidationError(
                {"contributions": _("“%(title)s” is not a contribution of this consultation.")
                 % {"title": contribution.title}}
            )  # fmt: skip
        if contribution.answer_state not in ACCEPTED_STATES:
            raise ValidationError(
                {"contributions": _("“%(title)s” was not accepted: only accepted or partially "
                                    "accepted contributions become results.")
                 % {"title": contribution.title}}
            )  # fmt: skip
    return contributions


def _check_projects(consultation: Consultation, projects: Iterable) -> list:
    projects = list(projects)
    for project in projects:
        if (
            project.territory_id != consultation.territory_id
            or project.status != Project.Status.PUBLISHED
        ):
            raise ValidationError(
                {"projects": _("“%(title)s” is not a published project of this territory.")
                 % {"title": project.title}}
            )  # fmt: skip
    return projects


def _recompute_up(parent_id: int | None) -> list[Result]:
    """Set each ancestor's progress to the mean of its children's, from `parent_id` up."""
    changed, seen = [], set()
    while parent_id is not None and parent_id not in seen:
        seen.add(parent_id)
        mean = Result.objects.filter(parent_id=parent_id).aggregate(mean=Avg("progress"))["mean"]
        parent = Result.objects.select_for_update().get(pk=parent_id)
        progress = round(mean) if mean is not None else parent.progress
        if progress != parent.progress:
            parent.progress = progress
            parent.save(update_fields=["progress", "updated_at"])
            changed.append(parent)
        parent_id = parent.parent_id
    return changed


def _move_child(old_parent_id: int | None, new_parent_id: int | None) -> None:
    if old_parent_id == new_parent_id:
        return
    if old_parent_id is not None:
        Result.objects.filter(pk=old_parent_id).update(children_count=F("children_count") - 1)
        _recompute_up(old_parent_id)
    if new_parent_id is not None:
        Result.objects.filter(pk=new_parent_id).update(children_count=F("children_count") + 1)
        _recompute_up(new_parent_id)


@transaction.atomic
def result_create(
    *, author, consultation: Consultation, title: str, description: str = "",
    parent: Result | None = None, status: str = Result.Status.PLANNED, progress: int = 0,
    starts_on: date | None = None, ends_on: date | None = None,
    contributions: Iterable[Contribution] = (), projects: Iterable[Project] = (),
) -> Result:  # fmt: skip
    """A new result of `consultation`, optionally part of `parent` (whose progress follows)."""
    require(author, "results.manage_results", consultation)
    _check_parent(consultation, None, parent)
    contributions = _check_contributions(consultation, contributions)
    projects = _check_projects(consultation, projects)
    result = Result(
        consultation=consultation, territory_id=consultation.territory_id, parent=parent,
        title=title, description=description, status=_check_status(status),
        progress=_check_progress(progress), starts_on=starts_on, ends_on=ends_on,
    )  # fmt: skip
    _check_dates(result)
    full_clean(result)
    result.save()
    result.contributions.set(contributions)
    result.projects.set(projects)
    Consultation.objects.filter(pk=consultation.pk).update(results_count=F("results_count") + 1)
    _move_child(None, result.parent_id)
    return result


def _check_dates(result: Result) -> None:
    if result.starts_on and result.ends_on and result.ends_on < result.starts_on:
        raise ValidationError({"ends_on": _("The planned end must come after the start.")})


@transaction.atomic
def result_update(*, author, result: Result, data: dict) -> Result:
    """Edit what a result is (not its progress: see `result_progress`)."""
    require(author, "results.manage_results", result.consultation)
    consultation = result.consultation
    contributions = projects = None
    # Read from the database: a ModelForm has already put the new parent on the instance.
    old_parent_id = Result.objects.values_list("parent_id", flat=True).get(pk=result.pk)
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if field == "contributions":
            contributions = _check_contributions(consultation, value)
        elif field == "projects":
            projects = _check_projects(consultation, value)
        elif field == "parent":
            _check_parent(consultation, result, value)
            result.parent = value
        else:
            setattr(result, field, value)
    _check_dates(result)
    full_clean(result)
    result.save()
    if contributions is not None:
        result.contributions.set(contributions)
    if projects is not None:
        result.projects.set(projects)
    _move_child(old_parent_id, result.parent_id)
    result.refresh_from_db(fields=["progress", "children_count"])
    return result


@transaction.atomic
def result_progress(
    *, author, result: Result, status: str, progress: int | None, title: str, body: str = ""
) -> ResultUpdate:
    """A timeline entry: what happened, and the result's status and progress after it.

    The progress of a result with children is computed from them: give None
    (or the computed value); any other value is refused on `progress`.
    """
    require(author, "results.manage_results", result.consultation)
    result = Result.objects.select_for_update().get(pk=result.pk)
    status = _check_status(status)
    if result.children_count:
        if progress is not None and _check_progress(progress) != result.progress:
            raise ValidationError(
                {"progress": _("This result's progress is computed from its parts: "
                               "update their progress instead.")}
            )  # fmt: skip
        progress = result.progress
    else:
        progress = result.progress if progress is None else _check_progress(progress)
    update = ResultUpdate(
        result=result, title=title, body=body, status=status, progress=progress, author=author
    )
    full_clean(update)
    update.save()
    result.status, result.progress = status, progress
    result.save(update_fields=["status", "progress", "updated_at"])
    changed = _recompute_up(result.parent_id)
    consultation = Consultation.objects.prefetch_related("phases").get(pk=result.consultation_id)
    if consultation.allows(Feature.FOLLOW_RESULTS):
        _notify_on_commit(update, [result.pk, *(parent.pk for parent in changed)])
        # Like the notifications, the feeds hear of progress only in the follow-up.
        consultation_activity_record(
            consultation=consultation, verb=Activity.Verb.RESULT_PROGRESSED, actor=author,
            result=result, result_update=update, at=update.created_at,
        )  # fmt: skip
    return update


def _notify_on_commit(update: ResultUpdate, result_ids: list[int]) -> None:
    transaction.on_commit(
        lambda: result_progressed_notify.enqueue(update_id=update.pk, result_ids=result_ids)
    )
