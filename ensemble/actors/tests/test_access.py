"""The access module: what does not exist for a person (404) and what they may not do (403)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ensemble.actors import access, services
from ensemble.territories.roles import Role
from ensemble.testing.factories import TerritoryFactory, UserFactory, member

from .helpers import org_member, organisation, owner_of

pytestmark = pytest.mark.django_db


def test_organisation_is_seen_where_it_acts(territory, other_territory):
    org = organisation(territory)
    anyone = AnonymousUser()
    assert access.organisation_get_visible(user=anyone, pk=org.pk, territory=territory) == org
    assert access.organisation_get_visible(user=anyone, pk=org.pk, full=True) == org
    with pytest.raises(Http404):  # not registered there, does not act there
        access.organisation_get_visible(user=anyone, pk=org.pk, territory=other_territory)
    services.organisation_update(
        actor=owner_of(org), organisation=org, data={}, other_territories=[other_territory]
    )
    assert access.organisation_get_visible(user=anyone, pk=org.pk, territory=other_territory)


@pytest.mark.parametrize("pk", [999999, "x", None])
def test_unknown_organisation_is_404(pk, territory):
    with pytest.raises(Http404):
        access.organisation_get_visible(user=member(territory), pk=pk, territory=territory)


def test_organisation_of_a_closed_territory_is_404_in_the_api():
    closed = TerritoryFactory()
    org = organisation(closed)
    closed.is_active = False
    closed.save(update_fields=["is_active"])
    with pytest.raises(Http404):
        access.organisation_get_visible(user=owner_of(org), pk=org.pk)


@pytest.mark.parametrize(
    "perm",
    ["actors.change_organisation", "actors.manage_organisation_members",
     "actors.manage_organisation_offers", "actors.verify_organisation"],
)  # fmt: skip
def test_visible_but_not_allowed_is_403(perm, territory, other_territory):
    org = organisation(territory)
    for user in [member(territory), member(other_territory), UserFactory()]:
        with pytest.raises(PermissionDenied):
            access.organisation_get_visible(user=user, pk=org.pk, territory=territory, perm=perm)


def test_membership_is_scoped_by_the_organisation(territory):
    org, other = organisation(territory), organisation(territory, name="Autre")
    owner = owner_of(org)
    foreign = other.memberships.get()
    with pytest.raises(Http404):
        access.organisation_member_get_visible(user=owner, pk=foreign.pk, organisation=org)
    with pytest.raises(PermissionDenied):
        access.organisation_member_get_visible(
            user=org_member(org), pk=org.memberships.get(user=owner).pk, organisation=org,
            perm="actors.manage_organisation_members",
        )  # fmt: skip


def _offer(org):
    return services.offer_create(
        actor=owner_of(org), organisation=org, kind="premises", title="Salle"
    )


def test_offer_refusals(territory, other_territory):
    org, other = organisation(territory), organisation(territory, name="Autre")
    offer = _offer(org)
    person = member(territory)
    own = services.offer_create(actor=person, territory=territory, kind="premises", title="Atelier")
    assert access.offer_get_visible(user=AnonymousUser(), pk=offer.pk) == offer
    for user, pk, kwargs in [
        (owner_of(other), offer.pk, {"organisation": other}),  # another organisation's offer
        (member(territory), own.pk, {"territory": territory, "mine": True}),  # someone else's
        (AnonymousUser(), own.pk, {"territory": territory, "mine": True}),
        (person, own.pk, {"territory": other_territory, "mine": True}),
        (person, 999999, {}),
    ]:
        with pytest.raises(Http404):
            access.offer_get_visible(user=user, pk=pk, **kwargs)
    with pytest.raises(PermissionDenied):
        access.offer_get_visible(user=member(territory), pk=offer.pk, perm="actors.change_offer")
    found = access.offer_get_visible(
        user=person, pk=own.pk, territory=territory, mine=True, perm="actors.change_offer"
    )
    assert found == own


def test_verification_set_is_for_territory_admins(territory):
    org = organisation(territory)
    with pytest.raises(PermissionDenied):
        services.organisation_verification_set(actor=owner_of(org), organisation=org, verified=True)
    admin = member(territory, Role.ADMIN)
    services.organisation_verification_set(actor=admin, organisation=org, verified=True)
    assert org.is_verified and org.verified_by == admin
    services.organisation_verification_set(actor=admin, organisation=org, verified=False)
    assert not org.is_verified and org.verified_by is None
