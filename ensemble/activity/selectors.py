"""Reads of the activity feeds: a territory's, and a person's own ("my feed").

Every line comes with its actor and the objects it names (and their
territories, for the links) in one query plus a few prefetches, so a page of
the feed runs a fixed number of queries whatever its length.

Which lines may show, and what a person follows, is said by the apps that own
the objects (`sources.py`): only lines about published projects show, lines
about a consultation only while it is public and published, and so on.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from ensemble.accounts.display import prime_visible_names, viewer_territory_ids
from ensemble.core.pagination import OpenPaginator

from .models import Activity
from .sources import registry as sources

PER_PAGE = 20
# Feeds page through their latest lines only: counting a territory's whole
# history costs more than anyone reads (50 pages of 20).
FEED_MAX = 1000
FEED_RELATED = ("territory", "actor")


def _fetched_apart(paths) -> list[Prefetch]:
    """The sources' `select_related` paths as one prefetch per linked object.

    Joining every linked object in the feed's query (about twenty tables) costs PostgreSQL
    far more to plan than to run (27 ms of planning for 0.5 ms of execution on a big
    territory); a small query per kind of object, by primary key, costs well under a
    millisecond each, and their number stays fixed whatever the length of the page.
    """
    by_field: dict[str, list[str]] = {}
    for path in paths:
        field, _, rest = path.partition("__")
        by_field.setdefault(field, [])
        if rest:
            by_field[field].append(rest)
    return [
        Prefetch(
            field,
            queryset=Activity._meta.get_field(field).related_model._base_manager.select_related(
                *rest
            ),
        )
        for field, rest in by_field.items()
    ]


def _visible(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    related, prefetched, conditions = [], [], []
    for source in sources:
        related.extend(source.related)
        prefetched.extend(source.prefetched)
        if source.visible is not None:
            conditions.append(source.visible())
    return (
        activities.filter(*conditions)
        .select_related(*FEED_RELATED)
        .prefetch_related(*_fetched_apart(related), *prefetched)
    )


def territory_activities(*, territory, viewer=None) -> QuerySet[Activity]:
    """The territory's public feed, newest first.

    `viewer` is accepted for symmetry with other selectors: the feed is the
    same for everybody (team members see their drafts on the project page).
    """
    return _visible(Activity.objects.filter(territory=territory)).order_by("-created_at", "-pk")


def territory_feed(*, territory, viewer=None, page=None, per_page: int = PER_PAGE) -> Page:
    activities = territory_activities(territory=territory, viewer=viewer)[:FEED_MAX]
    feed = Paginator(activities, per_page).get_page(page)
    prime_visible_names([line.actor for line in feed], viewer, territory=territory)
    return feed


def my_activities(*, user) -> QuerySet[Activity]:
    """What happened in what a person follows, across territories: each app says what
    that is (the projects they follow or work on, their organisations, the contributions
    they follow or support, the consultations and workshops of their territories…)."""
    if not getattr(user, "is_authenticated", False):
        return Activity.objects.none()
    territory_ids = viewer_territory_ids(user)  # memoised: the page's names reuse it
    followed = [
        condition
        for source in sources
        if source.followed is not None
        and (condition := source.followed(user, territory_ids)) is not None
    ]
    if not followed:
        return Activity.objects.none()
    anything_followed = followed[0]
    for condition in followed[1:]:
        anything_followed |= condition
    return _visible(Activity.objects.filter(anything_followed, territory__is_active=True)).order_by(
        "-created_at", "-pk"
    )


def my_feed(*, user, page=None, per_page: int = PER_PAGE) -> Page:
    # Not counted: what a person follows is spread over the whole table (see OpenPaginator).
    feed = OpenPaginator(my_activities(user=user)[:FEED_MAX], per_page).get_page(page)
    elsewhere = [line.actor for line in feed if line.territory_id not in viewer_territory_ids(user)]
    prime_visible_names(elsewhere, user)
    return feed
