from ninja import Router
from ninja.pagination import paginate

from ensemble.api.auth import authenticated
from ensemble.api.pagination import PageNumber
from ensemble.territories.selectors import territory_get

from . import selectors
from .schemas import ActivityOut

router = Router(tags=["activity"])


@router.get("/territories/{slug}/activity", response=list[ActivityOut])
@paginate(PageNumber)
def territory_activity(request, slug: str):
    """The territory's activity feed, newest first (published projects only; latest 1000)."""
    territory = territory_get(slug=slug)
    return selectors.territory_activities(territory=territory, viewer=request.user)[
        : selectors.FEED_MAX
    ]


@router.get("/me/feed", response=list[ActivityOut], auth=authenticated)
@paginate(PageNumber)
def my_feed(request):
    """What is new in the projects the person follows or works on, and their organisations."""
    return selectors.my_activities(user=request.user)[: selectors.FEED_MAX]
