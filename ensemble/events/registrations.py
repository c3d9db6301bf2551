"""What events plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind

register_kind("registration_confirmed", _("A place frees up for you at an event"))
register_kind("event_cancelled", _("An event you registered for is cancelled"))

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.registrations)
