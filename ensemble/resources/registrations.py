"""What the knowledge base plugs into the apps below it (autodiscovered by core at start-up)."""

from ensemble.activity.sources import register as register_feed_source
from ensemble.activity.verbs import register as register_verb
from ensemble.resources.activity import FEED_SOURCE, VERB
from ensemble.resources.search import ResourceProvider
from ensemble.search.documents import register as register_search

register_search(ResourceProvider())
register_verb(VERB)
register_feed_source(FEED_SOURCE)
