"""Reads of the statistics: snapshots only, one query whatever the size of the territory."""

from dataclasses import dataclass, field

from django.utils.formats import date_format

from . import charts, labels
from .figures import BREAKDOWNS, SCALARS
from .models import Snapshot

MONTHS_SHOWN = 24


@dataclass
class Dashboard:
    snapshots: list[Snapshot]
    current: dict = field(default_factory=dict)
    computed_at: object = None

    @property
    def months(self) -> list[str]:
        return [snapshot.month.strftime("%Y-%m") for snapshot in self.snapshots]


def dashboard_get(*, territory=None) -> Dashboard:
    """The last months of the territory's (None: the network's) figures."""
    snapshots = list(Snapshot.objects.filter(territory=territory).order_by("-month")[:MONTHS_SHOWN])
    snapshots.reverse()
    if not snapshots:
        return Dashboard(snapshots=[])
    latest = snapshots[-1]
    return Dashboard(snapshots=snapshots, current=latest.figures, computed_at=latest.computed_at)


def tables(dashboard: Dashboard) -> list[tuple[str, list[tuple[str, object]]]]:
    """The current figures grouped as on the page: [(group, [(label, value)])]."""
    return [
        (group, [(labels.LABELS[key], dashboard.current.get(key)) for key in keys])
        for group, keys in labels.GROUPS
    ]


def month_charts(dashboard: Dashboard) -> list[charts.Chart]:
    return [
        charts.bar_chart(
            key,
            labels.LABELS[key],
            [
                (date_format(snapshot.month, "M Y"), snapshot.figures.get(key))
                for snapshot in dashboard.snapshots
            ],
        )
        for key in labels.CHARTED
    ]


def breakdown_charts(dashboard: Dashboard, *, stage_labels: dict) -> list[charts.Chart]:
    from django.utils.translation import gettext as _

    by_stage = dashboard.current.get("projects_by_stage", {})
    by_theme = dashboard.current.get("projects_by_theme", {})
    return [
        charts.bar_chart("projects_by_stage", _("Projects by stage"),
                         [(str(stage_labels.get(k, k)), v) for k, v in by_stage.items()]),
        charts.bar_chart("projects_by_theme", _("Projects by theme"), list(by_theme.items())),
    ]  # fmt: skip


def rows(dashboard: Dashboard) -> list[dict]:
    """Every figure of every month, flat, for the JSON months list and the CSV."""
    out = []
    for snapshot in dashboard.snapshots:
        month = snapshot.month.strftime("%Y-%m")
        for key in SCALARS:
            out.append({"month": month, "figure": key, "value": snapshot.figures.get(key)})
        for key in BREAKDOWNS:
            for part, value in snapshot.figures.get(key, {}).items():
                out.append({"month": month, "figure": f"{key}.{part}", "value": value})
    return out
