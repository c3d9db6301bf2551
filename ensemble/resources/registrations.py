"""What the knowledge base plugs into the apps below it (autodiscovered by core at start-up)."""

from ensemble.resources.search import ResourceProvider
from ensemble.search.documents import register as register_search

register_search(ResourceProvider())
