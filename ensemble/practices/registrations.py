"""What the practice library plugs into the apps below it (autodiscovered at start-up)."""

from ensemble.practices.search import PracticeProvider
from ensemble.search.documents import register as register_search

register_search(PracticeProvider())

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.practices)
