"""Permission matrix: who may act on an organisation or an offer, and who may not."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.actors import services
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

from .helpers import org_member, organisation, owner_of

pytestmark = pytest.mark.django_db

ORG_PERMS = [
    "actors.change_organisation",
    "actors.manage_organisation_members",
    "actors.manage_organisation_offers",
    "actors.leave_organisation",
    "actors.verify_organisation",
    "actors.delete_organisation",
]

# who -> the organisation permissions they hold (everything else is refused)
EXPECTED = {
    "anonymous": set(),
    "outsider": set(),
    "territory member": set(),
    "member of another territory": set(),
    "organisation member": {"actors.manage_organisation_offers", "actors.leave_organisation"},
    "organisation owner": {
        "actors.change_organisation",
        "actors.manage_organisation_members",
        "actors.manage_organisation_offers",
        "actors.leave_organisation",
        "actors.delete_organisation",
    },
    "territory agent": set(),
    "territory moderator": set(),
    "territory admin": {"actors.verify_organisation", "actors.delete_organisation"},
    "admin of another territory": set(),
    # Django gives a superuser every permission: the network admin can always step in.
    "network admin": set(ORG_PERMS),
}


def _person(who, org, territory, other_territory):
    return {
        "anonymous": lambda: AnonymousUser(),
        "outsider": lambda: UserFactory(),
        "territory member": lambda: member(territory),
        "member of another territory": lambda: member(other_territory),
        "organisation member": lambda: org_member(org),
        "organisation owner": lambda: owner_of(org),
        "territory agent": lambda: member(territory, Role.AGENT),
        "territory moderator": lambda: member(territory, Role.MODERATOR),
        "territory admin": lambda: member(territory, Role.ADMIN),
        "admin of another territory": lambda: member(other_territory, Role.ADMIN),
        "network admin": lambda: UserFactory(is_superuser=True),
    }[who]()


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_organisation_matrix(territory, other_territory, who):
    org = organisation(territory)
    user = _person(who, org, territory, other_territory)
    for perm in ORG_PERMS:
        assert user.has_perm(perm, org) is (perm in EXPECTED[who]), (who, perm)
    assert user.has_perm("actors.view_organisation", org)


def test_admin_of_a_territory_where_it_also_acts_cannot_verify(territory, other_territory):
    org = organisation(territory, other_territories=[other_territory])
    assert not member(other_territory, Role.ADMIN).has_perm("actors.verify_organisation", org)


@pytest.mark.parametrize("perm", ["actors.add_organisation", "actors.add_person_offer"])
def test_creating_needs_a_verified_member_of_the_territory(territory, other_territory, perm):
    assert member(territory).has_perm(perm, territory)
    assert member(territory, Role.ADMIN).has_perm(perm, territory)
    assert not AnonymousUser().has_perm(perm, territory)
    assert not UserFactory().has_perm(perm, territory)
    assert not member(other_territory).has_perm(perm, territory)
    assert not member(territory, verified=False).has_perm(perm, territory)


def test_organisation_offer_is_changed_by_its_members_only(territory, other_territory):
    org = organisation(territory)
    offer = services.offer_create(actor=owner_of(org), organisation=org, kind="premises",
                                  title="Une salle")  # fmt: skip
    assert owner_of(org).has_perm("actors.change_offer", offer)
    assert org_member(org).has_perm("actors.change_offer", offer)
    for refused in [AnonymousUser(), UserFactory(), member(territory), member(other_territory),
                    member(territory, Role.ADMIN)]:  # fmt: skip
        assert not refused.has_perm("actors.change_offer", offer)


def test_person_offer_is_changed_by_its_author_while_a_member(territory, other_territory):
    author = member(territory)
    offer = services.offer_create(actor=author, territory=territory, kind="skills",
                                  title="Menuiserie", skill="menuiserie")  # fmt: skip
    assert author.has_perm("actors.change_offer", offer)
    for refused in [AnonymousUser(), member(territory), member(other_territory),
                    member(territory, Role.ADMIN)]:  # fmt: skip
        assert not refused.has_perm("actors.change_offer", offer)
    from ensemble.territories.services import membership_leave

    membership_leave(user=author, territory=territory)
    assert not author.has_perm("actors.change_offer", offer)


@pytest.mark.parametrize(
    "who", ["anonymous", "unrelated", "member", "member elsewhere", "organisation owner"]
)
def test_an_offer_is_public_to_whoever_sees_its_territory(territory, other_territory, who):
    # `actors.view_offer` holds for everyone: what scopes an offer is its territory and
    # its organisation, which `actors.access.offer_get_visible` checks (404 elsewhere).
    org = organisation(territory)
    offer = services.offer_create(actor=owner_of(org), organisation=org, kind="premises",
                                  title="Une salle")  # fmt: skip
    person = {
        "anonymous": AnonymousUser,
        "unrelated": UserFactory,
        "member": lambda: member(territory),
        "member elsewhere": lambda: member(other_territory),
        "organisation owner": lambda: owner_of(org),
    }[who]()
    assert person.has_perm("actors.view_offer", offer)
