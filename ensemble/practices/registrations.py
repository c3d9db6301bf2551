"""What the practice library plugs into the apps below it (autodiscovered at start-up)."""

from ensemble.practices.search import PracticeProvider
from ensemble.search.documents import register as register_search

register_search(PracticeProvider())
