"""What privacy plugs in: the identity layer's personal data and the "archive ready" notice."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import register as register_personal_data
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind

from . import personal_data

register_kind(
    "data_export_ready", _("Your data is ready to download"),
    text=_("Your data is ready to download"),
    body=_("The link works once, for %(hours)d hours, and only when you are signed in."),
    channel=Channel.IMMEDIATE,
)  # fmt: skip
for entry in (personal_data.profile, personal_data.sign_in, personal_data.memberships):
    register_personal_data(entry)
