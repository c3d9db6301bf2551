"""The kinds of notification, declared by each app in its AppConfig.ready().

from ensemble.notifications.kinds import register
register("introduction_requested", _("Someone asks you for an introduction"))
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    kind: str
    label: str


_KINDS: dict[str, Kind] = {}


def register(kind: str, label) -> Kind:
    """Declare a kind (idempotent: registering it again replaces its label)."""
    _KINDS[kind] = Kind(kind=kind, label=label)
    return _KINDS[kind]


def kinds() -> list[Kind]:
    return list(_KINDS.values())


def is_registered(kind: str) -> bool:
    return kind in _KINDS


def label(kind: str):
    return _KINDS[kind].label if kind in _KINDS else kind
