"""One registry mechanism for every kind of "type" that apps plug into the platform.

Need and offer types, phase types, commentable and reportable models, search
documents, notification kinds and activity verbs are all a `Registry`: a
named table of entries, each with a unique key. A lower app owns the registry
(comments owns "commentables"); a higher app registers into it from its
`registrations.py` module, which `core` imports for every installed app at
start-up (Django admin's autodiscovery is the model). So a lower app never
imports a higher one to learn about it.

    commentables = Registry("commentables", key=lambda entry: entry.api_prefix)
    commentables.register(Commentable(model=Project, api_prefix="projects"))
    commentables.get("projects"), commentables.all(), commentables.choices()

A class can be registered with the decorator form; the registry keeps one
instance of it (need types, phase types):

    @need_types.register
    class Premises(NeedType): kind = "premises"

Registering a second entry under a known key is an error: two apps that
claim the same name would otherwise replace each other silently.
"""

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from django.utils.module_loading import autodiscover_modules

T = TypeVar("T")

REGISTRATIONS_MODULE = "registrations"


class AlreadyRegistered(Exception):
    """A key was registered twice."""


class NotRegistered(LookupError):
    """No entry has this key."""


def _default_key(entry) -> str:
    return entry.key


def _default_label(entry) -> str:
    return entry.label


class Registry(Generic[T]):
    def __init__(
        self,
        name: str,
        *,
        key: Callable[[T], str] = _default_key,
        label: Callable[[T], str] = _default_label,
    ) -> None:
        self.name = name
        self._key = key
        self._label = label
        self._entries: dict[str, T] = {}

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self._entries)} entries>"

    def register(self, entry):
        """Add `entry` (or one instance of a class, as a decorator); returns what was given."""
        instance = entry() if isinstance(entry, type) else entry
        key = self._key(instance)
        if key in self._entries:
            raise AlreadyRegistered(f"{self.name}: {key!r} is already registered")
        self._entries[key] = instance
        return entry

    def unregister(self, key: str) -> None:
        """Remove an entry (tests that register a temporary one clean up with this)."""
        self._entries.pop(key, None)

    def get(self, key: str) -> T:
        try:
            return self._entries[key]
        except KeyError:
            raise NotRegistered(f"{self.name}: nothing is registered as {key!r}") from None

    def find(self, key: str) -> T | None:
        return self._entries.get(key)

    def all(self) -> list[T]:
        return list(self._entries.values())

    def keys(self) -> list[str]:
        return list(self._entries)

    def choices(self) -> list[tuple[str, str]]:
        """`(key, label)` pairs in registration order, for form and model choices."""
        return [(key, self._label(entry)) for key, entry in self._entries.items()]

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)


def autodiscover() -> None:
    """Import `<app>.registrations` for every installed app that has one."""
    autodiscover_modules(REGISTRATIONS_MODULE)
