"""What the practice library plugs into the apps below it (autodiscovered at start-up)."""

from ensemble.activity.sources import register as register_feed_source
from ensemble.activity.verbs import register as register_verb
from ensemble.practices.activity import FEED_SOURCE, VERB
from ensemble.practices.search import PracticeProvider
from ensemble.search.documents import register as register_search

register_search(PracticeProvider())

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.practices)
register_verb(VERB)
register_feed_source(FEED_SOURCE)
