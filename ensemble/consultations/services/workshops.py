"""Workshops of a consultation: events of its territory, linked from the consultation side.

A workshop is an `events.Event` (registration, capacity, waiting list stay
generic) with a `Workshop` row naming its consultation. Its facilitators record
how many people came; the groups' contributions are recorded by
`contributions.services.workshops`.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ensemble.activity.models import Activity
from ensemble.consultations.activity import consultation_activity_record
from ensemble.consultations.models import Workshop
from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.events.models import Event
from ensemble.events.services import event_create

MAX_PARTICIPANTS = 100_000


def _check_during_consultation(consultation, starts_at) -> None:
    """A workshop takes place while its consultation runs: from the day of its first phase to
    the day its last one ends (days of the territory's time zone)."""
    phases = consultation.ordered_phases
    if not phases or starts_at is None:
        return
    opens = min(phase.starts_at for phase in phases)
    ends = [phase.ends_at for phase in phases]
    closes = None if None in ends else max(ends)
    day = timezone.localdate(starts_at)
    if day < timezone.localdate(opens) or (closes is not None and day > timezone.localdate(closes)):
        raise ValidationError({
            "starts_at": _("The workshop must take place while the consultation runs, "
                           "from %(opens)s to %(closes)s.")
            % {
                "opens": formats.date_format(opens, "DATE_FORMAT"),
                "closes": formats.date_format(closes, "DATE_FORMAT") if closes else "…",
            }
        })  # fmt: skip


@transaction.atomic
def workshop_create(
    *, author, consultation, title: str, description: str = "", starts_at, ends_at,
    address: str = "", latitude=None, longitude=None, capacity: int | None = None,
    facilitators: Iterable = (),
) -> Event:  # fmt: skip
    """A workshop of `consultation`, created by an agent of its territory."""
    require(author, "consultations.add_workshop", consultation)
    _check_during_consultation(consultation, starts_at)
    event = event_create(
        created_by=author, territory=consultation.territory, kind=Event.Kind.WORKSHOP,
        title=title, description=description, starts_at=starts_at, ends_at=ends_at,
        address=address, latitude=latitude, longitude=longitude, capacity=capacity,
        facilitators=facilitators,
    )  # fmt: skip
    Workshop.objects.create(event=event, consultation=consultation)
    consultation_activity_record(
        consultation=consultation, verb=Activity.Verb.WORKSHOP_ANNOUNCED, actor=author, event=event
    )
    return event


def workshop_check_recordable(event: Event) -> None:
    """What happened at a workshop is recorded once it has started, never when it was cancelled.

    The one place of this rule: the report, and the groups' contributions
    (`contributions.services.contributions.contribution_create` with a workshop).
    """
    if event.is_cancelled:
        raise Conflict(_("This event has been cancelled."), code="cancelled")
    if not event.has_started():
        raise Conflict(
            _("The report can be written once the workshop has started."), code="not_started"
        )


@transaction.atomic
def workshop_report(*, actor, event: Event, participants_count: int) -> Event:
    """Record how many people were present (facilitators and agents, once it has started)."""
    require(actor, "consultations.record_workshop", event)
    workshop_check_recordable(event)
    if participants_count is None or not 0 <= participants_count <= MAX_PARTICIPANTS:
        raise ValidationError({
            "participants_count": _("Enter a number between 0 and %(max)s.")
            % {"max": MAX_PARTICIPANTS}
        })  # fmt: skip
    event.participants_count = participants_count
    event.save(update_fields=["participants_count", "updated_at"])
    return event
