import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from ensemble.actors.models import Offer, Organisation, OrganisationMember

pytestmark = pytest.mark.django_db


def _seed(seed=3):
    call_command("seed_scale", seed=seed, verbosity=0, members=120, territories=2,
                 neighbourhoods_per_territory=3, organisations=60)  # fmt: skip


def test_organisations_with_true_counters_and_owners():
    _seed()
    assert Organisation.objects.count() == 60
    checked = Organisation.objects.annotate(
        n_members=Count("memberships", distinct=True),
        n_offers=Count("offers", filter=Q(offers__is_active=True), distinct=True),
        n_owners=Count("memberships", filter=Q(memberships__role="owner"), distinct=True),
    )
    for organisation in checked:
        assert organisation.members_count == organisation.n_members >= 1
        assert organisation.offers_count == organisation.n_offers
        assert 1 <= organisation.n_offers <= 3 and organisation.n_owners == 1
    skills = Offer.objects.filter(kind="skills")
    assert not skills.filter(skill="").exists()
    # Members belong to the organisation's territory.
    for membership in OrganisationMember.objects.select_related("organisation"):
        assert membership.user.memberships.filter(
            territory=membership.organisation.territory_id
        ).exists()


def test_reproducible():
    _seed()
    first = list(Organisation.objects.order_by("pk").values_list("name", "kind", "territory__slug"))
    Organisation.objects.all().delete()
    from ensemble.accounts.models import User
    from ensemble.territories.models import Territory

    User.objects.all().delete()
    Territory.objects.all().delete()
    _seed()
    assert (
        list(Organisation.objects.order_by("pk").values_list("name", "kind", "territory__slug"))
        == first
    )
