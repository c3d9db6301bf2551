"""What actors plug into the platform: their activity lines, organisations in the search."""

from ensemble.activity.sources import register as register_feed_source
from ensemble.activity.verbs import register as register_verb
from ensemble.search.documents import register as register_search

from . import activity
from .search import OrganisationProvider

for verb in activity.VERBS:
    register_verb(verb)
register_feed_source(activity.FEED_SOURCE)
register_search(OrganisationProvider())
