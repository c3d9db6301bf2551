"""Vectors are computed outside the request: a save queues `embeddings_refresh`."""

from django.db import transaction
from django_tasks import task

from .registry import label_of
from .services import embeddings_refresh_now


@task()
def embeddings_refresh(*, label: str, ids: list[int] | None = None) -> int:
    return embeddings_refresh_now(label, ids)


def embed_on_commit(obj) -> None:
    """After the transaction that saved (or deleted) `obj`, embed it again (or forget it)."""
    label, pk = label_of(type(obj)), obj.pk
    transaction.on_commit(lambda: embeddings_refresh.enqueue(label=label, ids=[pk]))
