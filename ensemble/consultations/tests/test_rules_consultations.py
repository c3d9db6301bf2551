"""Who may see, create and change a consultation: the matrix, refusals first.

Roles × visibility (public, agents) × status (draft, published).
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "outsider", "member", "unverified_member", "moderator", "agent", "admin",
    "other_agent", "network_admin",
]  # fmt: skip
SEES_EVERYTHING = {"agent", "admin", "network_admin"}


def person(role, territory, other_territory):
    if role == "anonymous":
        return AnonymousUser()
    if role == "outsider":
        return UserFactory()
    if role == "unverified_member":
        return member(territory, verified=False)
    if role == "other_agent":
        return member(other_territory, "agent")
    if role == "network_admin":
        return UserFactory(is_superuser=True)
    return member(territory, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", ["public", "agents"])
@pytest.mark.parametrize("status", ["draft", "published"])
def test_view(role, visibility, status, territory, other_territory):
    consultation = ConsultationFactory(territory=territory, visibility=visibility, status=status)
    user = person(role, territory, other_territory)
    expected = role in SEES_EVERYTHING or (visibility == "public" and status == "published")
    assert user.has_perm("consultations.view_consultation", consultation) is expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", ["public", "agents"])
@pytest.mark.parametrize("status", ["draft", "published"])
def test_change(role, visibility, status, territory, other_territory):
    consultation = ConsultationFactory(territory=territory, visibility=visibility, status=status)
    user = person(role, territory, other_territory)
    expected = role in SEES_EVERYTHING
    assert user.has_perm("consultations.change_consultation", consultation) is expected


@pytest.mark.parametrize("role", ROLES)
def test_add_in_a_territory(role, territory, other_territory):
    user = person(role, territory, other_territory)
    assert user.has_perm("consultations.add_consultation", territory) is (role in SEES_EVERYTHING)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", ["public", "agents"])
@pytest.mark.parametrize("status", ["draft", "published"])
def test_take_part(role, visibility, status, territory, other_territory):
    consultation = ConsultationFactory(territory=territory, visibility=visibility, status=status)
    user = person(role, territory, other_territory)
    if role == "network_admin":
        expected = True  # Django gives an active superuser every permission
    elif status == "draft":
        expected = False
    elif visibility == "agents":
        expected = role in SEES_EVERYTHING
    else:
        expected = role in {"member", "moderator", "agent", "admin", "network_admin"}
    assert user.has_perm("contributions.add_contribution", consultation) is expected
