"""Reading vectors: one query for any number of objects, and the similarities between them."""

import numpy as np
from django.contrib.contenttypes.models import ContentType

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
