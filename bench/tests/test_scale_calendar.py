import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from ensemble.events.models import Event
from ensemble.practices.models import Practice
from ensemble.resources.models import Resource

pytestmark = pytest.mark.django_db

SIZES = {"members": 120, "territories": 2, "neighbourhoods_per_territory": 2,
         "events": 60, "resources": 40, "practices": 30}  # fmt: skip


def test_calendar_knowledge_base_and_practices_with_true_counters():
    call_command("seed_scale", seed=4, verbosity=0, **SIZES)
    assert (Event.objects.count(), Resource.objects.count(), Practice.objects.count()) == (
        60, 40, 30,
    )  # fmt: skip
    counted = Event.objects.annotate(
        registered=Count("registrations", filter=Q(registrations__status="registered")),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
    )
    for event in counted:
        assert (event.registered_count, event.waitlist_count) == (event.registered, event.waiting)
        assert event.capacity is None or event.registered_count <= event.capacity
    assert Event.objects.filter(waitlist_count__gt=0).exists()
    assert Resource.objects.open().exists() and Resource.objects.archived().exists()
    for practice in Practice.objects.all():
        assert practice.bookmarks_count == practice.bookmarks.count()
        assert practice.authors.exists()
