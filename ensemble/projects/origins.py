"""Where a project may be born from: a registry that the apps above fill.

A project can be born from a consultation's contribution (`origin_contribution`).
The projects app does not know contributions: the contributions app registers
how to reach one the person may see (from its `registrations.py`), and the
projects API asks it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class ProjectOrigin:
    key: str  # the field's name without "origin_": "contribution"
    # (user=, pk=, territory=) -> the object if the person may see it; Http404 otherwise.
    get_visible: Callable

    @property
    def label(self) -> str:
        return self.key


origins: Registry[ProjectOrigin] = Registry("project origins")
