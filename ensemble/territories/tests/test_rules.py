"""Permission matrix: role × own territory / another territory."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.territories.roles import Role
from ensemble.testing import rules
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db

ROLES = [Role.MEMBER, Role.AGENT, Role.MODERATOR, Role.ADMIN]

# permission -> roles that hold it in their own territory
OWN_TERRITORY = {
    "territories.change_territory": {Role.ADMIN},
    "territories.manage_members": {Role.ADMIN},
    "territories.view_members": {Role.MODERATOR, Role.ADMIN},
    "territories.leave_territory": set(ROLES),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", sorted(OWN_TERRITORY))
def test_role_in_own_territory(territory, role, perm):
    user = member(territory, role)
    assert user.has_perm(perm, territory) is (role in OWN_TERRITORY[perm])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("perm", sorted(OWN_TERRITORY))
def test_no_role_reaches_another_territory(territory, other_territory, role, perm):
    user = member(territory, role)
    assert not user.has_perm(perm, other_territory)


@pytest.mark.parametrize("perm", sorted(OWN_TERRITORY))
def test_anonymous_and_outsiders_hold_nothing(territory, perm):
    assert not AnonymousUser().has_perm(perm, territory)
    assert not UserFactory().has_perm(perm, territory)


@pytest.mark.parametrize("perm", sorted(set(OWN_TERRITORY) - {"territories.leave_territory"}))
def test_network_admin_holds_every_territory_power(territory, other_territory, perm):
    admin = UserFactory(is_superuser=True)
    assert admin.has_perm(perm, territory)
    assert admin.has_perm(perm, other_territory)


def test_inactive_network_admin_holds_nothing(territory):
    admin = UserFactory(is_superuser=True, is_active=False)
    assert not admin.has_perm("territories.change_territory", territory)


def test_join_only_when_not_already_member(territory, other_territory):
    user = member(territory)
    assert not user.has_perm("territories.join_territory", territory)
    assert user.has_perm("territories.join_territory", other_territory)
    assert not AnonymousUser().has_perm("territories.join_territory", territory)


def test_only_network_admins_create_territories():
    assert UserFactory(is_superuser=True).has_perm("territories.create_territory")
    assert not UserFactory().has_perm("territories.create_territory")


# A territory's page is public: the one permission everybody holds.
@pytest.mark.parametrize(
    rules.CASE,
    rules.matrix_cases(
        {"territories.view_territory": set(rules.TERRITORY_PEOPLE)},
        rules.TERRITORY_PEOPLE,
        balanced=False,
    ),
)
def test_everybody_sees_a_territory(territory, other_territory, perm, state, who, allowed):
    user = rules.TERRITORY_PEOPLE[who](rules.Cast(territory, other_territory, territory))
    rules.assert_perm(user, perm, territory, allowed)
