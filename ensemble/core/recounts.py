"""Stored counters counted again from their rows: a repair (`manage.py recount`), never
needed while the services move the counters with the rows they count.

Each app that keeps counters registers, from its `registrations.py`, how to count one of
its objects again (in one transaction, under that object's lock):

    recounts.register(Recount(key="budgets", model="budgets.Budget",
                              recount=lambda pk: counts.recount(budget_pk=pk)))
"""

from collections.abc import Callable
from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class Recount:
    key: str
    #: "app_label.Model": the objects whose counters are counted again.
    model: str
    recount: Callable[[int], object]


registry: Registry[Recount] = Registry("recounts", label=lambda entry: entry.key)


def register(entry: Recount) -> Recount:
    registry.register(entry)
    return entry
