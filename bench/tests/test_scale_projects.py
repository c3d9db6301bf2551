import pytest
from django.core.management import call_command

from ensemble.actors.models import Organisation
from ensemble.projects.models import Need, Project, ProjectMember

pytestmark = pytest.mark.django_db

SIZES = {"members": 150, "territories": 2, "neighbourhoods_per_territory": 3,
         "organisations": 20, "projects": 300}  # fmt: skip


def _seed(seed=3):
    call_command("seed_scale", seed=seed, verbosity=0, **SIZES)


def test_projects_with_true_counters():
    _seed()
    assert Project.objects.count() == 300
    assert Need.objects.values("kind").distinct().count() >= 6
    assert Need.objects.filter(status="fulfilled").exists()
    for project in Project.objects.all():
        assert project.open_needs_count == project.needs.filter(status="open").count()
        assert project.followers_count == project.follows.count()
        assert project.updates_count == project.updates.count()
        assert project.replications_count == project.replications.count()
        assert project.memberships.filter(role=ProjectMember.Role.OWNER).count() == 1
        assert all(n.territory_id == project.territory_id for n in project.needs.all())
    for organisation in Organisation.objects.all():
        assert organisation.projects_count == organisation.projects.count()


def test_reproducible():
    _seed(seed=5)
    first = list(Project.objects.order_by("pk").values_list("title", "stage", "followers_count"))
    Project.objects.all().delete()
    from ensemble.accounts.models import User
    from ensemble.territories.models import Territory

    Organisation.objects.all().delete()
    User.objects.all().delete()
    Territory.objects.all().delete()
    _seed(seed=5)
    assert (
        list(Project.objects.order_by("pk").values_list("title", "stage", "followers_count"))
        == first
    )
