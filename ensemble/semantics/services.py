"""Writing vectors: embed what changed, store it, forget what was deleted."""

import hashlib

import numpy as np
from django.contrib.contenttypes.models import ContentType

from . import encoders, selectors
from .models import Embedding
from .registry import label_of, registry


def digest(text: str) -> str:
    return hashlib.sha256(encoders.clean(text).encode()).hexdigest()


def embeddings_store(objects, *, text, space: str = encoders.SPACE, query: bool = True) -> int:
    """Embed the objects whose text changed since it was stored; how many were embedded.

    `objects` are instances of one model; `text(obj)` is what their vector means.
    """
    objects = list(objects)
    if not objects:
        return 0
    content_type = ContentType.objects.get_for_model(type(objects[0]))
    texts = {obj.pk: text(obj) for obj in objects}
    stored = dict(
        Embedding.objects.filter(
            content_type=content_type, space=space, object_id__in=list(texts)
        ).values_list("object_id", "digest")
    )
    changed = [pk for pk, value in texts.items() if stored.get(pk) != digest(value)]
    if not changed:
        return 0
    vectors = encoders.encode([texts[pk] for pk in changed], query=query)
    rows = [
        Embedding(
            content_type=content_type,
            object_id=pk,
            space=space,
            digest=digest(texts[pk]),
            vector=encoders.to_bytes(vector),
        )
        for pk, vector in zip(changed, vectors, strict=True)
    ]
    Embedding.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["content_type", "space", "object_id"],
        update_fields=["digest", "vector", "updated_at"],
    )
    return len(rows)


def embeddings_delete(model, ids) -> int:
    content_type = ContentType.objects.get_for_model(model)
    deleted, _ = Embedding.objects.filter(
        content_type=content_type, object_id__in=list(ids)
    ).delete()
    return deleted


def embeddings_refresh_now(label: str, ids=None, *, batch_size: int = 256) -> int:
    """Embed the registered model `label` (these ids, or all of them) in batches."""
    entry = registry.get(label.lower())
    queryset = entry.objects().order_by("pk")
    if ids is not None:
        ids = sorted(set(ids))
        found = {obj.pk for obj in queryset.filter(pk__in=ids).only("pk")}
        embeddings_delete(entry.model, [pk for pk in ids if pk not in found])
        queryset = queryset.filter(pk__in=ids)
    done = 0
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last)[:batch_size])
        if not batch:
            return done
        done += embeddings_store(batch, text=entry.text)
        last = batch[-1].pk


READ_TIME_LIMIT = 256  # texts embedded at most in one request when the task is late


def vectors_ensure(
    model, ids, *, label: str | None = None, limit: int = READ_TIME_LIMIT, found=None
) -> dict[int, np.ndarray]:
    """The vectors of these objects; those never embedded yet are embedded now and stored.

    The task embeds after each write; this is the fallback when it has not run yet (a
    need created a second ago). At most `limit` objects are embedded here, the rest wait
    for the task. `found` is what the caller already read (`selectors.vectors…`).
    """
    ids = list(ids)
    found = dict(found) if found is not None else selectors.vectors(model, ids)
    missing = [pk for pk in ids if pk not in found][:limit]
    if missing:
        entry = registry.get(label or label_of(model))
        objects = list(entry.objects().filter(pk__in=missing))
        embeddings_store(objects, text=entry.text)
        found.update(selectors.vectors(model, missing))
    return found


def vector_current(obj, *, label: str | None = None) -> np.ndarray:
    """The vector of `obj`'s current text: stored if its digest matches, else embedded now."""
    entry = registry.get(label or label_of(type(obj)))
    content_type = ContentType.objects.get_for_model(type(obj))
    row = (
        Embedding.objects.filter(content_type=content_type, space=encoders.SPACE, object_id=obj.pk)
        .values_list("digest", "vector")
        .first()
    )
    text = entry.text(obj)
    if row is not None and row[0] == digest(text):
        return encoders.from_bytes(row[1])
    embeddings_store([obj], text=entry.text)
    return selectors.vectors(type(obj), [obj.pk])[obj.pk]
