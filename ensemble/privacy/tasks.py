"""The work of privacy that leaves the request: building archives and the retention purges."""

from django_tasks import task

from . import retention, services


@task()
def build_export(*, export_id: int) -> bool:
    return services.export_build(export_id=export_id) is not None


@task()
def purge_expired_data() -> dict[str, int]:
    """The periodic retention purge (see `manage.py purge_personal_data`)."""
    return retention.purge_all()
