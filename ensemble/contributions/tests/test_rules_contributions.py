"""The permission table for contributions: phase is state, not permission; role × visibility."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(territory, other_territory):
    return {
        "anonymous": AnonymousUser(),
        "unverified": member(territory, verified=False),
        "outsider": member(other_territory),
        "other_agent": member(other_territory, Role.AGENT),
        "member": member(territory),
        "moderator": member(territory, Role.MODERATOR),
        "agent": member(territory, Role.AGENT),
    }


ADD = {"member", "moderator", "agent"}
MODERATE = {"moderator", "agent"}


@pytest.mark.parametrize("phase", ["collect", "arbitration"])
def test_public_consultation(territory, people, phase):
    consultation = ConsultationFactory(territory=territory, phase=phase)
    contribution = ContributionFactory(consultation=consultation)
    for name, user in people.items():
        assert user.has_perm("contributions.view_contribution", contribution)
        assert user.has_perm("contributions.add_contribution", consultation) == (name in ADD)
        assert user.has_perm("contributions.moderate_contribution", contribution) == (
            name in MODERATE
        ), name
        assert not user.has_perm("contributions.change_contribution", contribution)
    assert contribution.author.has_perm("contributions.change_contribution", contribution)


def test_internal_consultation(territory, people):
    consultation = ConsultationFactory(territory=territory, visibility="agents")
    contribution = ContributionFactory(consultation=consultation)
    for name, user in people.items():
        assert user.has_perm("contributions.view_contribution", contribution) == (name == "agent")
        assert user.has_perm("contributions.add_contribution", consultation) == (name == "agent")
        assert user.has_perm("contributions.follow_contribution", contribution) == (name == "agent")


def test_hidden_or_merged_cannot_be_changed_even_by_its_author(territory):
    consultation = ConsultationFactory(territory=territory)
    author = UserFactory()
    for extra in (
        {"is_hidden": True},
        {"merged_into": ContributionFactory(consultation=consultation)},
    ):
        contribution = ContributionFactory(consultation=consultation, author=author, **extra)
        assert not author.has_perm("contributions.change_contribution", contribution)
