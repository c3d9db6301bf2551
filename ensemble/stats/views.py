from django.shortcuts import render

from ensemble.projects.models import Project

from . import selectors


def _render(request, territory):
    dashboard = selectors.dashboard_get(territory=territory)
    return render(request, "stats/dashboard.html", {
        "territory": territory, "dashboard": dashboard,
        "tables": selectors.tables(dashboard),
        "month_charts": selectors.month_charts(dashboard),
        "breakdown_charts": selectors.breakdown_charts(
            dashboard, stage_labels=dict(Project.Stage.choices)
        ),
    })  # fmt: skip


def network_stats(request):
    return _render(request, None)


def territory_stats(request):
    return _render(request, request.territory)
