"""One way to paginate a page: a bounded page size, a 404-free page number.

A list whose length a stored counter already holds (the open contributions of
a consultation: `contributions_count`) need not be counted again: mark the
queryset with `with_known_count(queryset, count)` and every paginator (pages
here, `ensemble.core.api.pagination.PageNumber` in the API) takes that figure
instead of running `COUNT(*)`. The mark lives on that queryset object only:
Django's clones (a further filter, ordering or slice) do not carry it, so a
refined list is always counted for real.
"""

from django.conf import settings
from django.core.paginator import Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

_KNOWN_COUNT = "_ensemble_known_count"


def with_known_count(queryset: QuerySet, count: int) -> QuerySet:
    """A copy of `queryset` whose paginators take `count` (a stored counter that equals
    its rows) as its length instead of running `COUNT(*)`."""
    queryset = queryset.all()
    setattr(queryset, _KNOWN_COUNT, max(0, int(count)))
    return queryset


def known_count(object_list) -> int | None:
    """The count given by `with_known_count`, or None: count the rows."""
    return getattr(object_list, _KNOWN_COUNT, None)


class Paginator(DjangoPaginator):
    """Django's paginator, which takes the count `with_known_count` gave when there is one."""

    @cached_property
    def count(self) -> int:
        known = known_count(self.object_list)
        return super().count if known is None else known


def paginate(request, queryset, *, per_page: int | None = None) -> Page:
    """Return the requested page; a bad or out-of-range number gives the nearest page."""
    paginator = Paginator(queryset, per_page or settings.ENSEMBLE_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def counted_page(*, count: int, number: int, per_page: int) -> Page:
    """A Page for a list paginated elsewhere (the search backend gives a count and a
    page number), so that the one pagination include draws its links too."""
    return DjangoPaginator(range(max(0, count)), max(1, per_page)).get_page(number)
