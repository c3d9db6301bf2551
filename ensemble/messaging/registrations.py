"""What messaging plugs into the platform: a notification kind, reportable messages."""

from django.utils.translation import gettext_lazy as _

from ensemble.moderation.registry import register as register_reportable
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind

from . import selectors, services
from .models import Message

register_kind(
    "message", _("A new private message"), text=_("New message from %(name)s"),
    channel=Channel.IMMEDIATE,
)  # fmt: skip
register_reportable(
    Message, excerpt=selectors.message_excerpt, url=selectors.message_moderation_url,
    hide=services.message_hide, queryset=selectors.messages_for_moderation,
)  # fmt: skip

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.messages)
register_personal_data(personal_data.blocks)
