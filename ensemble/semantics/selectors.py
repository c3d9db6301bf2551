"""Reading vectors: one query for any number of objects, and the similarities between them."""

from datetime import timedelta

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from . import encoders
from .models import Embedding


def vectors(model, ids, *, space: str = encoders.SPACE) -> dict[int, np.ndarray]:
    """The stored vectors of these objects of `model` (those not embedded yet are absent)."""
    content_type = ContentType.objects.get_for_model(model)
    rows = Embedding.objects.filter(
        content_type=content_type, space=space, object_id__in=list(ids)
    ).values_list("object_id", "vector")
    return {object_id: encoders.from_bytes(data) for object_id, data in rows}


def matrix(model, ids, *, space: str = encoders.SPACE) -> tuple[list[int], np.ndarray]:
    """The ids that have a vector, in the order given, and their vectors as rows."""
    found = vectors(model, ids, space=space)
    kept = [pk for pk in ids if pk in found]
    if not kept:
        return [], np.zeros((0, encoders.DIM), dtype=np.float32)
    return kept, np.vstack([found[pk] for pk in kept])


def similarities(query: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Cosine similarity of one vector with each row (vectors of `encode` are unit length)."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    return rows @ np.asarray(query, dtype=np.float32)


class _Cached:
    """Vectors of one model already read by this process, and up to when they are known."""

    def __init__(self):
        self.rows: dict[int, np.ndarray] = {}
        self.watermark = None


_cache: dict[tuple[int, str], _Cached] = {}
# Smaller pools are read from the database each time: 100 vectors are 350 kB to read, where
# the query for the rows changed since the last call reads next to nothing.
CACHE_MIN = 100
CACHE_OVERLAP = timedelta(seconds=60)  # rows committed late with an earlier timestamp


def cache_clear() -> None:
    _cache.clear()


def vectors_cached(model, ids, *, space: str = encoders.SPACE) -> dict[int, np.ndarray]:
    """`vectors()` for large pools, kept in this process and refreshed incrementally.

    One query reads the rows changed since the last call (by `updated_at`, with an
    overlap); a second reads the ids this process has not seen yet. Deleted rows may stay
    in memory: callers choose the ids from their own current query.
    """
    ids = list(ids)
    if len(ids) < CACHE_MIN:
        return vectors(model, ids, space=space)
    content_type = ContentType.objects.get_for_model(model)
    state = _cache.setdefault((content_type.pk, space), _Cached())
    rows = Embedding.objects.filter(content_type=content_type, space=space)
    now = timezone.now()
    if state.watermark is not None:
        changed = rows.filter(updated_at__gte=state.watermark - CACHE_OVERLAP)
        for object_id, data in changed.values_list("object_id", "vector"):
            state.rows[object_id] = encoders.from_bytes(data)
    unseen = [pk for pk in ids if pk not in state.rows]
    if unseen:
        for object_id, data in rows.filter(object_id__in=unseen).values_list("object_id", "vector"):
            state.rows[object_id] = encoders.from_bytes(data)
    if state.watermark is None:
        state.watermark = now
    else:
        state.watermark = max(state.watermark, now)
    return {pk: state.rows[pk] for pk in ids if pk in state.rows}
