from typing import Literal

from django.conf import settings
from ninja import Field, Query, Router, Schema

from ensemble.core.api.schemas import responses
from ensemble.territories.selectors import territory_get

from . import selectors
from .schemas import SearchPageOut, search_item

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = Field(..., description="Words to find; at least 2 characters, cut at 200.")
    territory: str | None = Field(
        None, description="A territory's slug; the whole network if absent."
    )
    type: Literal["project", "organisation", "person", "contribution"] | None = None
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=100)


@router.get("/search", response=responses(SearchPageOut))
def search(request, params: Query[SearchParams]):
    """Full-text search of projects, organisations, people and contributions, best first."""
    territory = territory_get(slug=params.territory) if params.territory else None
    results = selectors.search(
        query=params.q,
        viewer=request.user,
        territory=territory,
        kinds=[params.type] if params.type else None,
        page=params.page,
        page_size=params.page_size,
    )
    return {
        "items": [search_item(entry, request) for entry in results.items],
        "count": results.count,
        "page": results.page,
        "pages": results.pages,
    }
