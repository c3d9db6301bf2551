"""One way to paginate a page: a bounded page size, a 404-free page number."""

from django.conf import settings
from django.core.paginator import Page, Paginator


def paginate(request, queryset, *, per_page: int | None = None) -> Page:
    """Return the requested page; a bad or out-of-range number gives the nearest page."""
    paginator = Paginator(queryset, per_page or settings.ENSEMBLE_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))
