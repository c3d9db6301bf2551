"""Scale data of the feed: derived from what the earlier generators created.

See `ensemble.demo.feed` (the same derivation serves the demo). The consultation
lines need the consultations: list this generator after `bench.scale.participation`
in SCALE_GENERATORS.
"""

from ensemble.demo.feed import consultation_lines_add, lines_add

from . import ScaleContext


def generate(context: ScaleContext) -> None:
    territories = context.data.get("territories")
    territory_ids = [t.pk for t in territories] if territories else None
    created = lines_add(territory_ids, batch_size=context.batch_size)
    created += consultation_lines_add(territory_ids, batch_size=context.batch_size)
    context.step(f"{created:,} activity lines")
