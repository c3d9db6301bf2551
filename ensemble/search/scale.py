"""Scale data of this app (see ensemble/core/scale.py): the index of everything
the earlier generators created, built with bulk inserts and one full-text
statement per database."""

from ensemble.core.scale import ScaleContext

from .indexing import reindex_all


def generate(context: ScaleContext) -> None:
    counts = reindex_all(batch_size=context.batch_size)
    context.data["search_entries"] = sum(counts.values())
    context.step("search index: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()))
