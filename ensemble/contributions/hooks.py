"""What the apps above contributions add to them, without contributions knowing them.

* `page_parts`: what a contribution's page shows from another app (its answers,
  the results it feeds), each computed in a fixed number of queries.
* `creation_followers`: what follows a new contribution (its consultation's themes are
  computed again, debounced), called inside the creating transaction.
* `similar_finders`: contributions close to a text being typed, found another way than
  by shared words (the synthesis app: by meaning); their ids come first.
* `moderation_followers`: what must follow when moderation hides or shows a
  contribution again (the answers leave or rejoin the public journal), called
  inside the moderation's transaction, under the contribution's row lock.

The answers and results apps register here from their `registrations.py`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class PagePart:
    key: str  # read as `page.parts.<key>` by the contribution page's template
    compute: Callable  # (contribution) -> list

    @property
    def label(self) -> str:
        return self.key


@dataclass(frozen=True)
class ModerationFollower:
    key: str
    hidden: Callable  # (contribution_id) -> None
    shown: Callable  # (contribution_id) -> None

    @property
    def label(self) -> str:
        return self.key


@dataclass(frozen=True)
class CreationFollower:
    key: str
    created: Callable  # (contribution) -> None

    @property
    def label(self) -> str:
        return self.key


@dataclass(frozen=True)
class SimilarFinder:
    key: str
    find: Callable  # (consultation, text, exclude: int | None, limit) -> list[int]

    @property
    def label(self) -> str:
        return self.key


page_parts: Registry[PagePart] = Registry("contribution page parts")
moderation_followers: Registry[ModerationFollower] = Registry("contribution moderation followers")
creation_followers: Registry[CreationFollower] = Registry("contribution creation followers")
similar_finders: Registry[SimilarFinder] = Registry("similar contribution finders")
