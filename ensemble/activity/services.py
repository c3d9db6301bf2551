"""Writes of the activity feed: the services of other apps record what happened.

The app recording a line decides first whether it may be public (participation
records nothing about a draft or internal consultation).
"""

from django.utils import timezone

from .models import Activity


def activity_record(
    *, territory, verb: str, actor=None, project=None, need=None, update=None,
    organisation=None, consultation=None, contribution=None, answer=None, result=None,
    result_update=None, event=None, resource=None, practice=None, at=None,
) -> Activity:  # fmt: skip
    return Activity.objects.create(
        territory=territory, verb=verb, actor=actor, project=project, need=need,
        update=update, organisation=organisation, consultation=consultation,
        contribution=contribution, answer=answer, result=result, result_update=result_update,
        event=event, resource=resource, practice=practice, created_at=at or timezone.now(),
    )  # fmt: skip
