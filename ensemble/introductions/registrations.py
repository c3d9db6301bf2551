"""What introductions plug into the platform: their notification kinds."""

from django.utils.translation import gettext_lazy as _

from ensemble.notifications.kinds import register as register_kind

register_kind("introduction_requested", _("Someone asks to be introduced to you"))
register_kind("introduction_answered", _("An answer to your introduction request"))
register_kind("help_offered", _("Someone offers help on one of your needs"))

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.introductions)
