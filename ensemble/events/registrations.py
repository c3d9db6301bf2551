"""What events plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind

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
