import pytest

from ensemble.actors.models import Offer, Organisation
from ensemble.demo.seeders import actors as demo
from ensemble.demo.seeders import territories as territories_demo

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_keeps_counters_true():
    context: dict = {}
    territories_demo.seed(context)
    demo.seed(context)
    counts = (Organisation.objects.count(), Offer.objects.count())
    territories_demo.seed(context)
    demo.seed(context)
    assert (Organisation.objects.count(), Offer.objects.count()) == counts
    assert counts[0] == len(demo.ORGANISATIONS) == len(context["organisations"])
    assert Organisation.objects.filter(is_verified=True, verified_by__isnull=False).count() >= 4
    for organisation in Organisation.objects.all():
        assert organisation.offers_count == organisation.offers.filter(is_active=True).count()
        assert organisation.members_count == organisation.memberships.count()
    assert Offer.objects.filter(user__isnull=False, skill="menuiserie").exists()
