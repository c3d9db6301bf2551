"""What each app adds to the feeds' query, registered from its `registrations.py`.

The activity model names its objects with explicit foreign keys (a page of the
feed is a fixed number of queries); the apps owning those objects say how the
feed reads them:

* `related` / `prefetched`: the `select_related` paths and `prefetch_related`
  lookups of their objects;
* `visible()`: which lines may show (a draft project's lines never do);
* `followed(user, territory_ids)`: the lines of a person's own feed ("my feed":
  the projects they follow, the organisations they belong to…), or None when
  they follow nothing of this app. It may run queries: one or two per source.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class FeedSource:
    key: str
    related: tuple[str, ...] = ()
    prefetched: tuple = ()
    visible: Callable[[], Q] | None = None
    followed: Callable[..., Q | None] | None = None


registry: Registry[FeedSource] = Registry("activity feed sources")


def register(source: FeedSource) -> FeedSource:
    registry.register(source)
    return source
