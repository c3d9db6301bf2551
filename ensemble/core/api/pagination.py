"""`?page=N&page_size=M` (max 100) → {items, count, page, pages}.

`count` is the one a selector gave with `ensemble.core.pagination.with_known_count`
(a stored counter) when there is one, else `COUNT(*)`.
"""

import math
from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from ensemble.core.pagination import known_count


class PageNumber(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1)
        page_size: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=100)

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        pages: int

    def paginate_queryset(self, queryset, pagination: Input, request, **params):
        count = self._items_count(queryset)
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "items": queryset[offset : offset + pagination.page_size],
            "count": count,
            "page": pagination.page,
            "pages": max(1, math.ceil(count / pagination.page_size)),
        }

    def _items_count(self, queryset) -> int:
        known = known_count(queryset)
        return super()._items_count(queryset) if known is None else known
