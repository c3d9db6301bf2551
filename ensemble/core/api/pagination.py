"""`?page=N&page_size=M` (max 100) → {items, count, page, pages, next_cursor};
`?cursor=C&page_size=M` → the page after the one that gave `next_cursor` C.

`count` is the one a selector gave with `ensemble.core.pagination.with_known_count`
(a stored counter) when there is one, else `COUNT(*)`. A page past the last one
gives the last page (the `page` of the answer says which), whatever its size:
no offset beyond the list reaches the database. `next_cursor` (null on the last
page, and for the few lists whose order has no cursor) pages by keyset: the
same cost however deep (see `ensemble.core.pagination`); `page` then says
which page that is. A cursor that does not fit the list is a 400 on `cursor`.
"""

import math
from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from ensemble.core.pagination import Paginator, known_count


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Past the last page, the last page is given.")
    page_size: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=100)
    cursor: str | None = Field(
        None, max_length=2000,
        description="The `next_cursor` of the previous page: the next page, by keyset "
        "(takes precedence over `page`).",
    )  # fmt: skip


def page_of(
    queryset, *, page: int, page_size: int, count: int | None = None, cursor: str | None = None
) -> dict:
    """The page `page` of `queryset` (the last one when past it), or the page after
    `cursor`, as the API gives it."""
    if count is None:
        count = known_count(queryset)
    if count is None:
        count = queryset.count()
    pages = max(1, math.ceil(count / page_size))
    paginator = Paginator(queryset, page_size)
    paginator.count = count  # a cached_property: counted once, here
    found = paginator.cursor_page(cursor) if cursor else paginator.page(min(page, pages))
    return {
        "items": list(found.object_list),
        "count": count,
        "page": found.number,
        "pages": pages,
        "next_cursor": found.next_cursor,
    }


class PageNumber(PaginationBase):
    Input = PageParams

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        pages: int
        next_cursor: str | None = None

    def paginate_queryset(self, queryset, pagination: PageParams, request, **params):
        return page_of(
            queryset, page=pagination.page, page_size=pagination.page_size,
            count=self._items_count(queryset), cursor=pagination.cursor,
        )  # fmt: skip

    def _items_count(self, queryset) -> int:
        known = known_count(queryset)
        return super()._items_count(queryset) if known is None else known
