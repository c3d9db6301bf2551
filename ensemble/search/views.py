from django.conf import settings
from django.shortcuts import render

from . import selectors
from .documents import kind_choices
from .documents import registry as providers


def _page_number(value) -> int:
    try:
        return max(1, min(int(value), 10_000))
    except (TypeError, ValueError):
        return 1


def _search_page(request, *, territory):
    query = request.GET.get("q", "")
    kind = request.GET.get("type", "")
    if kind not in providers:
        kind = ""
    results = None
    if query.strip():
        results = selectors.search(
            query=query,
            viewer=request.user,
            territory=territory,
            kinds=[kind] if kind else None,
            page=_page_number(request.GET.get("page")),
            page_size=settings.ENSEMBLE_PAGE_SIZE,
        )
    return render(
        request,
        "search/search.html",
        {
            "query": results.query if results else query.strip()[:200],
            "kind": kind,
            "kinds": kind_choices(),
            "results": results,
            "search_territory": territory,
        },
    )


def territory_search(request):
    """Search one territory: its projects, organisations and people."""
    return _search_page(request, territory=request.territory)


def network_search(request):
    """Search every territory of the network."""
    return _search_page(request, territory=None)
