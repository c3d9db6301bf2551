"""What events plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind

register_kind("registration_confirmed", _("A place frees up for you at an event"))
register_kind("event_cancelled", _("An event you registered for is cancelled"))
