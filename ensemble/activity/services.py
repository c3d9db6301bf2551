"""Writes of the activity feed: the services of other apps record what happened."""

from django.utils import timezone

from .models import Activity


def activity_record(
    *, territory, verb: str, actor=None, project=None, need=None, update=None,
    organisation=None, consultation=None, contribution=None, answer=None, result=None,
    result_update=None, event=None, at=None,
) -> Activity:  # fmt: skip
    return Activity.objects.create(
        territory=territory, verb=verb, actor=actor, project=project, need=need,
        update=update, organisation=organisation, consultation=consultation,
        contribution=contribution, answer=answer, result=result, result_update=result_update,
        event=event, created_at=at or timezone.now(),
    )  # fmt: skip


def consultation_is_public(consultation) -> bool:
    """Whether lines about `consultation` may reach the feeds: published and not internal."""
    from ensemble.participation.models import Consultation

    return (
        consultation.status == Consultation.Status.PUBLISHED
        and consultation.visibility == Consultation.Visibility.PUBLIC
    )


def consultation_activity_record(
    *, consultation, verb: str, actor=None, **objects
) -> Activity | None:
    """Record a line about `consultation` (or one of its answers, results, workshops).

    Privacy first: nothing is recorded for a draft or an internal consultation,
    so that no feed, export or future reader can leak it. Returns None then.
    """
    if not consultation_is_public(consultation):
        return None
    at = objects.pop("at", None)
    return Activity.objects.create(
        territory_id=consultation.territory_id, verb=verb, actor=actor,
        consultation=consultation, created_at=at or timezone.now(), **objects,
    )  # fmt: skip


def consultation_activities_delete(*, consultation) -> int:
    """Forget every line about `consultation` (it became internal); returns how many."""
    deleted, _by_model = Activity.objects.filter(consultation=consultation).delete()
    return deleted
