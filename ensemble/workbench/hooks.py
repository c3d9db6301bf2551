"""What the apps above the workbench add to its queue page, without the workbench
knowing them: a panel is a template and its context (`(territory, user) -> dict`, or
None to show nothing), computed in a fixed number of queries.

The synthesis app registers the themes' indicators (answered share, overdue)."""

from collections.abc import Callable
from dataclasses import dataclass

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class QueuePanel:
    key: str
    template: str
    context: Callable  # (territory, user) -> dict | None

    @property
    def label(self) -> str:
        return self.key


queue_panels: Registry[QueuePanel] = Registry("workbench queue panels")


def panels_of(territory, user) -> list[tuple[str, dict]]:
    found = []
    for panel in queue_panels:
        context = panel.context(territory, user)
        if context is not None:
            found.append((panel.template, context))
    return found
