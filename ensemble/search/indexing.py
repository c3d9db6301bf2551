"""The one entry point other apps call to keep the search index true.

Services call `index_object(obj)` after creating or changing a searchable
object (project, organisation, person's profile…) and `unindex_object(obj)`
after deleting it or hiding it. Objects that must not be found (drafts,
hidden profiles) are removed by `index_object` itself. Both run in the
caller's transaction. Objects of other models are ignored.
"""

from django.db import transaction

from .backends import backend
from .documents import Document, provider_for
from .documents import registry as providers
from .models import SearchEntry

BATCH_SIZE = 1000


def scope_of(document: Document) -> str:
    """`SearchEntry.scope`: "@<id>" per territory whose search finds the document."""
    ids = {document.territory_id, *document.territory_ids} - {None}
    return " ".join(f"@{pk}" for pk in sorted(ids))


def _fields(document: Document) -> dict:
    return {
        "territory_id": document.territory_id,
        "scope": scope_of(document),
        "title": document.title[:300],
        "summary": document.summary[:500],
        "body": document.body,
        "visibility": document.visibility,
    }


def _remove(kind: str, object_ids: list[int]) -> None:
    entries = SearchEntry.objects.filter(kind=kind, object_id__in=object_ids)
    entry_ids = list(entries.values_list("pk", flat=True))
    if entry_ids:
        backend().unindex(entry_ids)
        SearchEntry.objects.filter(pk__in=entry_ids).delete()


@transaction.atomic
def index_object(obj) -> None:
    """(Re)index `obj`, or remove it when it must not be found."""
    provider = provider_for(obj)
    if provider is None or obj.pk is None:
        return
    document = provider.document(obj)
    if document is None:
        _remove(provider.kind, [obj.pk])
        return
    entry, _created = SearchEntry.objects.update_or_create(
        kind=document.kind, object_id=document.object_id, defaults=_fields(document)
    )
    backend().index([entry.pk])


@transaction.atomic
def unindex_objects(model, object_ids) -> None:
    """Remove many objects of `model` at once (a consultation that became internal…)."""
    provider = provider_for(model)
    if provider is None:
        return
    object_ids = list(object_ids)
    for start in range(0, len(object_ids), BATCH_SIZE):
        _remove(provider.kind, object_ids[start : start + BATCH_SIZE])


@transaction.atomic
def unindex_object(obj) -> None:
    """Remove `obj` from the index (call it before or after deleting `obj`)."""
    provider = provider_for(obj)
    if provider is None or obj.pk is None:
        return
    _remove(provider.kind, [obj.pk])


@transaction.atomic
def reindex_all(*, batch_size: int = BATCH_SIZE, log=None) -> dict[str, int]:
    """Rebuild the whole index: rows in batches, then one full-text statement.

    Readers keep seeing the old index until the transaction commits.
    """
    SearchEntry.objects.all().delete()
    counts = {}
    for provider in providers:
        counts[provider.kind] = 0
        batch = []
        for obj in provider.queryset().iterator(chunk_size=batch_size):
            document = provider.document(obj)
            if document is None:
                continue
            batch.append(SearchEntry(kind=document.kind, object_id=document.object_id,
                                     **_fields(document)))  # fmt: skip
            if len(batch) >= batch_size:
                counts[provider.kind] += len(SearchEntry.objects.bulk_create(batch))
                batch = []
        if batch:
            counts[provider.kind] += len(SearchEntry.objects.bulk_create(batch))
        if log:
            log(f"{provider.kind}: {counts[provider.kind]} entries")
    backend().rebuild()
    return counts
