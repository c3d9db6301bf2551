"""Reads of the search index: who may find what, ranked, one page at a time."""

import math
from dataclasses import dataclass, field

from django.core.paginator import Page
from django.db.models import Q

from ensemble.core.kept import kept
from ensemble.core.pagination import counted_page

from .backends import backend
from .documents import registry as providers
from .models import SearchEntry
from .query import query_parse

MAX_PAGE_SIZE = 100


@dataclass
class SearchResults:
    query: str
    items: list = field(default_factory=list)
    count: int = 0
    page: int = 1
    page_size: int = 20
    message: str = ""
    # What the ranked page depends on (viewer, territory, kinds, words, page): the key of
    # the kept ranking, and of the results' fragment in the page.
    key: str = ""

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def as_page(self) -> Page:
        """This page as a Django Page, for the shared pagination include."""
        return counted_page(count=self.count, number=self.page, per_page=self.page_size)

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.page_size + 1 if self.items else 0


def _any(conditions) -> Q | None:
    found = None
    for condition in conditions:
        if condition is not None:
            found = condition if found is None else found | condition
    return found


def _visible_to(viewer) -> Q:
    """Public entries, and those each kind shows to the viewer (people showing their
    profile to members, to who shares a territory)."""
    if not getattr(viewer, "is_authenticated", False):
        return Q(visibility=SearchEntry.Visibility.PUBLIC)
    if viewer.is_superuser and viewer.is_active:
        return Q()
    more = _any(provider.visible_to(viewer) for provider in providers)
    public = Q(visibility=SearchEntry.Visibility.PUBLIC)
    return public if more is None else public | more


def _viewer_key(viewer) -> str:
    """Who the visibility rules see: every anonymous visitor alike, each member apart."""
    return f"u{viewer.pk}" if getattr(viewer, "is_authenticated", False) else "anonymous"


def _ranked_page(entries, terms, offset, limit, *, scope, name) -> tuple[int, list]:
    """The count and the entries of one ranked page, the ranking kept once per data version
    (core.versions: any write moves it, so it is never stale) under `name`, which says
    everything the entries depend on: a common word in a territory ranks thousands of
    matches, the same for every anonymous visitor and every page reload between writes."""
    count, ids = kept(
        "search", [name], lambda: backend().ranked_ids(entries, terms, offset, limit, scope=scope)
    )
    return count, _in_order(entries, ids)


def _in_order(entries, ids) -> list:
    rows = entries.in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def search(
    *, query, viewer, territory=None, kinds=None, page: int = 1, page_size: int = 20
) -> SearchResults:
    """Ranked entries matching `query` that `viewer` may see, in 2 queries (1 between
    writes: the ranking is kept).

    An empty or too short query gives no result and a `message`, never an error.
    """
    parsed = query_parse(query)
    page = max(1, int(page or 1))
    page_size = min(max(1, int(page_size or 20)), MAX_PAGE_SIZE)
    results = SearchResults(query=parsed.text, page=page, page_size=page_size,
                            message=str(parsed.message))  # fmt: skip
    if not parsed.terms:
        return results
    entries = SearchEntry.objects.filter(_visible_to(viewer)).select_related("territory")
    # A territory's search is scoped inside the full-text index (`SearchEntry.scope`:
    # what it holds, its members, its partner organisations), not by a filter after it.
    if territory is None:
        entries = entries.filter(Q(territory__isnull=True) | Q(territory__is_active=True))
    kinds = [kind for kind in (kinds or []) if kind in providers]
    if kinds:
        entries = entries.filter(kind__in=kinds)
    scope = None if territory is None else territory.pk
    offset = (page - 1) * page_size
    results.key = f"{_viewer_key(viewer)}:{scope}:{','.join(kinds)}:{' '.join(parsed.terms)}:{offset}:{page_size}"  # noqa: E501
    results.count, results.items = _ranked_page(
        entries, parsed.terms, offset, page_size, scope=scope, name=results.key
    )
    return results


def similar(*, text, kind: str, object_ids, limit: int = 5) -> list[SearchEntry]:
    """Entries of `kind` among `object_ids` (ids or a values() subquery) sharing words with
    `text`, best first, in 2 queries: "did you mean one of these?" while typing a title.

    Any word may match (a new title rarely repeats every word of an old one).
    """
    parsed = query_parse(text)
    if not parsed.terms:
        return []
    entries = SearchEntry.objects.filter(kind=kind, object_id__in=object_ids)
    _count, ids = backend().ranked_ids(entries, parsed.terms, 0, limit, any_term=True)
    return _in_order(entries, ids)
