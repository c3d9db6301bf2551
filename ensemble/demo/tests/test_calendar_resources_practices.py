import pytest
from django.utils import timezone

from ensemble.demo.seeders import actors as actors_demo
from ensemble.demo.seeders import calendar as calendar_demo
from ensemble.demo.seeders import practices as practices_demo
from ensemble.demo.seeders import resources as resources_demo
from ensemble.demo.seeders import territories as territories_demo
from ensemble.events.models import Event
from ensemble.practices.models import Practice
from ensemble.resources.models import Resource

pytestmark = pytest.mark.django_db


def _seed(context):
    for seeder in (calendar_demo, resources_demo, practices_demo):
        seeder.seed(context)


def test_demo_calendar_knowledge_base_and_practices_are_idempotent():
    context: dict = {}
    territories_demo.seed(context)
    actors_demo.seed(context)
    _seed(context)
    counts = (Event.objects.count(), Resource.objects.count(), Practice.objects.count())
    _seed(context)
    assert (Event.objects.count(), Resource.objects.count(), Practice.objects.count()) == counts

    now = timezone.localtime()
    session = Event.objects.get(territory__slug="sceaux", kind="skill_sharing",
                                title__startswith="Atelier")  # fmt: skip
    starts = timezone.localtime(session.starts_at)
    if now.day <= 27:  # "this month", unless the month ends within hours
        assert (starts.year, starts.month) == (now.year, now.month)
    assert session.places_left > 0 and session.starts_at > timezone.now()
    assert Resource.objects.open().filter(territory__slug="sceaux").exists()
    published = Practice.objects.published()
    assert published.count() == 5
    assert published.values("territory").distinct().count() == 3
    assert published.filter(replicated_from__isnull=False).exists()
