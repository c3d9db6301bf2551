"""What actors plug into the platform: their activity lines."""

from ensemble.activity.sources import register as register_feed_source
from ensemble.activity.verbs import register as register_verb

from . import activity

for verb in activity.VERBS:
    register_verb(verb)
register_feed_source(activity.FEED_SOURCE)
