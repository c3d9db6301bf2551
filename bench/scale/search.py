"""Scale data of this app (see bench/scale/__init__.py): the index of everything
the earlier generators created, built with bulk inserts and one full-text
statement per database."""

from ensemble.search.indexing import reindex_all

from . import ScaleContext


def generate(context: ScaleContext) -> None:
    counts = reindex_all(batch_size=context.batch_size)
    context.data["search_entries"] = sum(counts.values())
    context.step("search index: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()))
