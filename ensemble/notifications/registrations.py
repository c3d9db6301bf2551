"""What notifications declare themselves: the digest's own kind, the one-click unsubscribe
of digests (a higher app adds its own topics, such as newsletters)."""

from .digests import NEWS_KIND, NEWS_LABEL
from .kinds import DIGEST_CHANNELS, Channel, register

# Not a notification of its own: whether digests carry the new projects, needs and events.
register(NEWS_KIND, NEWS_LABEL, channel=Channel.WEEKLY, channels=(*DIGEST_CHANNELS, Channel.NEVER))
