"""The one entry point other apps call to keep the search index true.

Services call `index_object(obj)` after creating or changing a searchable
object (project, organisation, person's profile…) and `unindex_object(obj)`
after deleting it or hiding it. Objects that must not be found (drafts,
hidden profiles) are removed by `index_object` itself.
"""


def index_object(obj) -> None:
    """(Re)index `obj`; a no-op until the search backend is implemented."""


def unindex_object(obj) -> None:
    """Remove `obj` from the index; a no-op until the search backend is implemented."""
