"""What notifications declare themselves: the digest's own kind, and what they hold about
a person (a higher app adds its own unsubscribe topics, such as newsletters)."""

from ensemble.core.personal_data import register as register_personal_data

from . import personal_data
from .digests import NEWS_KIND, NEWS_LABEL
from .kinds import DIGEST_CHANNELS, Channel, register

# Not a notification of its own: whether digests carry the new projects, needs and events.
register(NEWS_KIND, NEWS_LABEL, channel=Channel.WEEKLY, channels=(*DIGEST_CHANNELS, Channel.NEVER))

# What this app holds about a person, for its export and the erasure of its account.
register_personal_data(personal_data.notifications)
