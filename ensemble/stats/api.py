"""`GET /territories/{slug}/stats` and `GET /stats`: the dashboards' figures, JSON or CSV."""

import csv
from datetime import datetime

from django.http import HttpResponse
from ninja import Router, Schema

from ensemble.core.api.schemas import responses
from ensemble.territories.selectors import territory_get

from . import selectors
from .figures import BREAKDOWNS, SCALARS

router = Router(tags=["stats"])


class MonthOut(Schema):
    month: str
    figures: dict


class StatsOut(Schema):
    territory: str | None
    computed_at: datetime | None
    current: dict
    months: list[MonthOut]
    figures: list[str]


def _answer(dashboard, *, slug: str | None, fmt: str):
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="stats-{slug or "network"}.csv"'
        writer = csv.DictWriter(response, fieldnames=["month", "figure", "value"])
        writer.writeheader()
        writer.writerows(selectors.rows(dashboard))
        return response
    return {
        "territory": slug, "computed_at": dashboard.computed_at, "current": dashboard.current,
        "months": [{"month": s.month.strftime("%Y-%m"), "figures": s.figures}
                   for s in dashboard.snapshots],
        "figures": [*SCALARS, *BREAKDOWNS],
    }  # fmt: skip


@router.get("/stats", response=responses(StatsOut), auth=None, url_name="stats_network")
def network_stats(request, format: str = "json"):
    """The network's public figures, month by month; `?format=csv` for a spreadsheet."""
    return _answer(selectors.dashboard_get(territory=None), slug=None, fmt=format)


@router.get(
    "/territories/{slug}/stats", response=responses(StatsOut), auth=None,
    url_name="stats_territory",
)  # fmt: skip
def territory_stats(request, slug: str, format: str = "json"):
    """A territory's public figures, month by month; `?format=csv` for a spreadsheet."""
    territory = territory_get(slug=slug)
    return _answer(selectors.dashboard_get(territory=territory), slug=slug, fmt=format)
