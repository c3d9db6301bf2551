"""What accounts plug into the platform: people can be found by the search."""

from ensemble.search.documents import register as register_search

from .search import PersonProvider

register_search(PersonProvider())
