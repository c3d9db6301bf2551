"""The periodic computation of the statistics (see `manage.py compute_stats`)."""

from django_tasks import task

from . import services


@task()
def compute_snapshots(*, months: int = 1) -> int:
    return services.snapshots_compute(months=months)
