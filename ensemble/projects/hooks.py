"""What other apps do when a need is published, without projects importing them.

An app above projects (matching) registers a listener from its
`registrations.py`; the project services call `need_published(need)` in their
transaction, and each listener decides when to act (matching sends its alerts
once the transaction commits).
"""

from collections.abc import Callable
from dataclasses import dataclass

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class NeedListener:
    key: str
    # published(need): a need became visible (added to a published project, or its
    # project was published with it open).
    published: Callable[[object], None]


need_listeners: Registry[NeedListener] = Registry("need listeners")


def need_published(need) -> None:
    for listener in need_listeners:
        listener.published(need)
