"""Reminders the day before an event, through the task queue.

When an event is created or moved, a task is queued to run a day before it
starts (`reminders_schedule`). The task sends each registered person one
reminder (`Registration.reminded_at`), so running it twice, or for an event
that moved again since, never sends twice; a moved event has its own task.
`manage.py send_event_reminders` does the same for every event of the next
day, for a backend that cannot defer tasks or a worker that was down.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from ensemble.events.models import Event, Registration
from ensemble.notifications.services import notify

REMINDER_AHEAD = timedelta(days=1)


@task()
def event_reminders_send(*, event_id: int) -> int:
    """Remind the people registered for an event that starts within a day; how many."""
    now = timezone.now()
    event = (
        Event.objects.select_related("territory")
        .filter(pk=event_id, is_cancelled=False, starts_at__gt=now)
        .first()
    )
    if event is None or event.starts_at > now + REMINDER_AHEAD:
        return 0  # cancelled, over, or moved later (its new task will come)
    registrations = list(
        Registration.objects.filter(
            event=event, status=Registration.Status.REGISTERED, reminded_at__isnull=True
        ).select_related("user")
    )
    for registration in registrations:
        notify(
            user=registration.user, kind="event_reminder", params={"title": event.title},
            url=event.get_absolute_url(), territory=event.territory,
            key=f"event:{event.pk}:reminder:{event.starts_at.isoformat()}",
        )  # fmt: skip
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(reminded_at=now)
    return len(registrations)


def reminders_schedule(event) -> None:
    """Queue the reminders for a day before the event starts, once the change is saved."""
    if not default_task_backend.supports_defer:
        return  # the command `send_event_reminders` does it (the immediate backend of tests)
    run_after = max(event.starts_at - REMINDER_AHEAD, timezone.now())
    event_id = event.pk
    transaction.on_commit(
        lambda: event_reminders_send.using(run_after=run_after).enqueue(event_id=event_id)
    )


def reminders_due(now=None) -> list[int]:
    """The events of the next day whose reminders may not have been sent (for the command)."""
    now = now or timezone.now()
    return list(
        Event.objects.filter(
            is_cancelled=False, starts_at__gt=now, starts_at__lte=now + REMINDER_AHEAD
        )
        .filter(
            registrations__status=Registration.Status.REGISTERED,
            registrations__reminded_at__isnull=True,
        )
        .values_list("pk", flat=True)
        .distinct()
    )
