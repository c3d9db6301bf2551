"""The kinds of notification, declared by the app that sends them in its `registrations.py`.

    from ensemble.notifications.kinds import register
    register("introduction_requested", _("Someone asks you for an introduction"))

The preferences page lists them in registration order.
"""

from dataclasses import dataclass

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class Kind:
    kind: str
    label: str


registry: Registry[Kind] = Registry("notification kinds", key=lambda entry: entry.kind)


def register(kind: str, label) -> Kind:
    """Declare a kind; a kind registered twice is an error (two apps claiming one name)."""
    entry = Kind(kind=kind, label=label)
    registry.register(entry)
    return entry


def kinds() -> list[Kind]:
    return registry.all()


def is_registered(kind: str) -> bool:
    return kind in registry


def label(kind: str):
    entry = registry.find(kind)
    return entry.label if entry is not None else kind
