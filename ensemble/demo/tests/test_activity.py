import pytest

from ensemble.activity.models import Activity
from ensemble.consultations.models import Consultation
from ensemble.demo.seeders import activity as demo
from ensemble.demo.seeders import actors as actors_demo
from ensemble.demo.seeders import consultations as participation_demo
from ensemble.demo.seeders import projects as projects_demo
from ensemble.demo.seeders import territories as territories_demo

pytestmark = pytest.mark.django_db
Verb = Activity.Verb


def _seed() -> dict:
    context = {}
    for seeder in (territories_demo, actors_demo, projects_demo, participation_demo):
        seeder.seed(context)
    return context


def test_demo_consultations_reach_the_feed_once_and_internal_ones_never():
    context = _seed()
    demo.seed(context)
    count = Activity.objects.exclude(consultation=None).count()
    demo.seed(context)
    assert Activity.objects.exclude(consultation=None).count() == count > 0
    public = Consultation.objects.filter(status="published", visibility="public")
    assert set(
        Activity.objects.exclude(consultation=None).values_list("consultation", flat=True)
    ) == set(public.values_list("pk", flat=True))
    assert Consultation.objects.filter(visibility="agents").exists()
    assert set(Activity.objects.values_list("verb", flat=True)) >= {
        Verb.CONSULTATION_PUBLISHED, Verb.CONTRIBUTION_ANSWERED, Verb.RESULT_PROGRESSED,
        Verb.WORKSHOP_ANNOUNCED,
    }  # fmt: skip
