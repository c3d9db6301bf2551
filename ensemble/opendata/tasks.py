"""Open data files are built here, never on a request (see `manage.py build_opendata`)."""

from django_tasks import task

from ensemble.territories.models import Territory

from . import services


@task()
def build_datasets(*, territory_id: int | None = None) -> int:
    if territory_id is None:
        return services.datasets_build_all()
    territory = Territory.objects.filter(pk=territory_id, is_active=True).first()
    return services.datasets_build(territory=territory) if territory else 0
