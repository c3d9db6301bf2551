"""`?page=N&page_size=M` (max 100) → {items, count, page, pages}.

`count` is the one a selector gave with `ensemble.core.pagination.with_known_count`
(a stored counter) when there is one, else `COUNT(*)`. A page past the last one
gives the last page (the `page` of the answer says which), whatever its size:
no offset beyond the list reaches the database.
"""

import math
from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from ensemble.core.pagination import known_count


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Past the last page, the last page is given.")
    page_size: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=100)


def page_of(queryset, *, page: int, page_size: int, count: int | None = None) -> dict:
    """The page `page` of `queryset` (the last one when past it), as the API gives it."""
    if count is None:
        count = known_count(queryset)
    if count is None:
        count = queryset.count()
    pages = max(1, math.ceil(count / page_size))
    page = min(page, pages)
    offset = (page - 1) * page_size
    return {
        "items": queryset[offset : offset + page_size],
        "count": count,
        "page": page,
        "pages": pages,
    }


class PageNumber(PaginationBase):
    Input = PageParams

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        pages: int

    def paginate_queryset(self, queryset, pagination: PageParams, request, **params):
        return page_of(
            queryset, page=pagination.page, page_size=pagination.page_size,
            count=self._items_count(queryset),
        )  # fmt: skip

    def _items_count(self, queryset) -> int:
        known = known_count(queryset)
        return super()._items_count(queryset) if known is None else known
