from ninja import Router
from ninja.pagination import paginate

from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.core.pagination import with_kept_count
from ensemble.territories.selectors import territory_get

from . import selectors
from .schemas import ActivityOut

router = Router(tags=["activity"])


@router.get("/territories/{slug}/activity", response=responses(list[ActivityOut]))
@paginate(PageNumber)
def territory_activity(request, slug: str):
    """The territory's activity feed, newest first (latest 1000): published projects, their
    needs and news, organisations, and public consultations (opening, answers, results, workshops).
    """
    territory = territory_get(slug=slug)
    return selectors.territory_activities(territory=territory, viewer=request.user)[
        : selectors.FEED_MAX
    ]


@router.get("/me/feed", response=responses(list[ActivityOut]), auth=authenticated)
@paginate(PageNumber)
def my_feed(request):
    """What is new in the projects the person follows or works on, their organisations, the
    contributions they follow or support (answers, results), and the consultations and
    workshops of their territories."""
    activities = selectors.my_activities(user=request.user)[: selectors.FEED_MAX]
    # What a person follows is spread over the whole table: no index counts it cheaply.
    return with_kept_count(activities, f"my-feed:{request.user.pk}")
