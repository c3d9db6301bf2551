"""What events plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.activity.verbs import ActivityVerb
from ensemble.activity.verbs import register as register_verb
from ensemble.events.search import EventProvider
from ensemble.events.services import EVENT_ANNOUNCED
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind
from ensemble.search.documents import register as register_search

register_kind(
    "registration_confirmed", _("A place frees up for you at an event"),
    text=_("A place is yours: %(title)s"),
    body=_("A place freed up and you were first on the waiting list: you are registered."),
    channel=Channel.IMMEDIATE,
)  # fmt: skip
register_kind(
    "event_cancelled", _("An event you registered for is cancelled"),
    text=_("Cancelled: %(title)s"), body=_("The event you registered for has been cancelled."),
    channel=Channel.IMMEDIATE,
)  # fmt: skip

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.registrations)
register_kind(
    "event_reminder", _("The day before an event you registered for"),
    text=_("Tomorrow: %(title)s"),
    body=_("You are registered. If you cannot come, cancel to free your place."),
    channel=Channel.IMMEDIATE,
)  # fmt: skip
register_verb(ActivityVerb(EVENT_ANNOUNCED, _("put an event on the calendar")))
register_search(EventProvider())
