"""contribution_follow / contribution_unfollow: idempotent, counter equal to rows, refusals."""

import pytest
from django.core.exceptions import PermissionDenied

from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, ContributionFollow
from ensemble.contributions.services.follows import contribution_follow, contribution_unfollow
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def _count(contribution):
    return Contribution.objects.get(pk=contribution.pk).followers_count


def test_follow_twice_counts_once_and_unfollow(territory):
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    user = UserFactory()
    assert contribution_follow(user=user, contribution=contribution)
    assert not contribution_follow(user=user, contribution=contribution)
    assert _count(contribution) == 1 == ContributionFollow.objects.count()
    assert contribution_unfollow(user=user, contribution=contribution)
    assert not contribution_unfollow(user=user, contribution=contribution)
    assert _count(contribution) == 0


def test_refused_to_unverified_and_on_internal_consultations(territory):
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    with pytest.raises(PermissionDenied):
        contribution_follow(user=UserFactory(verified=False), contribution=contribution)
    internal = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, visibility="agents")
    )
    with pytest.raises(PermissionDenied):
        contribution_follow(user=member(territory), contribution=internal)
    assert _count(contribution) == 0
