"""What to offer when nobody fits a need: a registry other apps fill.

    from ensemble.matching.hooks import NoMatchHelper, no_match_helpers
    no_match_helpers.register(NoMatchHelper(
        key="funding_calls", kinds={"funding"},
        items=lambda need, viewer: [HelpItem(label=..., url=..., description=...)],
    ))

Matching registers two helpers itself (post on the territory's feed, let the community
answer « I can help »). The knowledge base (`ensemble.resources`) is expected to register
`funding_calls`: the open funding calls for a funding need.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class HelpItem:
    label: str
    url: str
    description: str = ""


@dataclass(frozen=True)
class NoMatchHelper:
    key: str
    items: Callable[[object, object], list[HelpItem]]  # (need, viewer) → items
    kinds: frozenset[str] | set[str] = field(default_factory=frozenset)  # empty: every kind
    position: int = 100


no_match_helpers: Registry[NoMatchHelper] = Registry(
    "matching no-match helpers", key=lambda entry: entry.key
)


def help_when_nobody_fits(need, viewer) -> list[HelpItem]:
    """What every registered helper offers for this need, in their order."""
    helpers = sorted(no_match_helpers.all(), key=lambda entry: (entry.position, entry.key))
    items: list[HelpItem] = []
    for helper in helpers:
        if helper.kinds and need.kind not in helper.kinds:
            continue
        items.extend(helper.items(need, viewer))
    return items
