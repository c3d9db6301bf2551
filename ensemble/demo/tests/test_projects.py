import pytest

from ensemble.demo.seeders import actors as actors_demo
from ensemble.demo.seeders import projects as demo
from ensemble.demo.seeders import territories as territories_demo
from ensemble.projects.models import Need, Project

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_keeps_counters_true():
    context: dict = {}
    territories_demo.seed(context)
    actors_demo.seed(context)
    demo.seed(context)
    counts = (Project.objects.count(), Need.objects.count())
    demo.seed(context)
    assert (Project.objects.count(), Need.objects.count()) == counts
    assert counts[0] == len(demo.PROJECTS) + len(demo.REPLICATIONS)
    for project in Project.objects.all():
        assert project.status == Project.Status.PUBLISHED
        assert project.open_needs_count == project.needs.filter(status="open").count()
        assert project.followers_count == project.follows.count()
        assert project.updates_count == project.updates.count()
        assert project.replications_count == project.replications.count()
        assert project.memberships.filter(role="owner").exists()
    copy = Project.objects.get(territory__slug="lyon", title="Repair café de Sceaux")
    assert copy.replicated_from.territory.slug == "sceaux"
    assert Project.objects.filter(partners__isnull=False).exists()


def test_seed_without_organisations():
    context: dict = {}
    territories_demo.seed(context)
    demo.seed(context)
    assert Project.objects.count() == len(demo.PROJECTS) + len(demo.REPLICATIONS)
