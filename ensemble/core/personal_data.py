"""What each app holds about a person, for "download my data" and "delete my account".

The privacy app exports and erases a person's data without knowing every app: each app
that stores something about a person registers a `PersonalData` entry from its
`registrations.py`, and apps added later plug in the same way:

    from ensemble.core.personal_data import PersonalData, register
    register(PersonalData(
        key="event_registrations", label=_("Event registrations"),
        retention=_("until the event is deleted or you cancel"),
        export=lambda user: [...],          # JSON-ready data, one archive section
        erase=lambda user: ...,             # remove or anonymise, in the erasure transaction
    ))

`erase` runs inside the one transaction of the account's erasure, in registration
order; an entry without `erase` keeps its rows (contributions, messages…), which then
show the author as "deleted participant" because the account itself is anonymised.
The privacy information page lists every entry with its label and retention.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .registry import Registry


@dataclass(frozen=True)
class PersonalData:
    key: str
    label: Any
    retention: Any
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None
    #: What happens on erasure, said to the person on the deletion page.
    on_erasure: Any = ""


registry: Registry[PersonalData] = Registry("personal data")


def register(entry: PersonalData) -> PersonalData:
    registry.register(entry)
    return entry


def rows(queryset, *fields: str) -> list[dict]:
    """The person's rows as plain dicts for the archive (dates are written by the JSON
    encoder of the archive)."""
    return list(queryset.order_by("pk").values(*fields))
