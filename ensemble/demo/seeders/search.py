"""Demo data of this app (see ensemble/demo/seeders/__init__.py): index everything seeded before."""

from ensemble.search.indexing import reindex_all


def seed(context: dict) -> None:
    """Rebuild the index from scratch: running it twice gives the same index."""
    context["search"] = reindex_all()
