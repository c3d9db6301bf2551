"""Writes of the activity feed: the services of other apps record what happened."""

from django.utils import timezone

from .models import Activity


def activity_record(
    *, territory, verb: str, actor=None, project=None, need=None, update=None,
    organisation=None, at=None,
) -> Activity:  # fmt: skip
    return Activity.objects.create(
        territory=territory, verb=verb, actor=actor, project=project, need=need,
        update=update, organisation=organisation, created_at=at or timezone.now(),
    )  # fmt: skip
