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

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.organisations)
