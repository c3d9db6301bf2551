"""What events hold about a person: their registrations, removed on erasure (a place they
held goes to the first person waiting)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Event, Registration
from .services import registration_cancel


def _cancel_all(user) -> None:
    for registration in Registration.objects.filter(user=user).select_related("event"):
        if not registration.event.has_started():
            registration_cancel(user=user, event=registration.event)
            continue
        # A past event cannot be cancelled: the row goes, the counter follows it.
        counter = (
            "registered_count"
            if registration.status == Registration.Status.REGISTERED
            else "waitlist_count"
        )
        registration.delete()
        Event.objects.filter(pk=registration.event_id).update(**{counter: F(counter) - 1})


registrations = PersonalData(
    key="event_registrations",
    label=_("Event registrations"),
    retention=_("until you cancel or your account is deleted"),
    on_erasure=_("removed; your place goes to the first person waiting"),
    export=lambda user: rows(
        Registration.objects.filter(user=user),
        "event_id",
        "event__title",
        "event__starts_at",
        "status",
        "created_at",
    ),
    erase=_cancel_all,
)
