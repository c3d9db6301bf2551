import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.activity.models import Activity
from ensemble.actors import services
from ensemble.actors.models import Organisation, OrganisationMember
from ensemble.territories.roles import Role
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    TerritoryFactory,
    ThemeFactory,
    UserFactory,
    member,
)
from ensemble.testing.images import not_an_image, oversized_upload, png_upload

from .helpers import org_member, organisation, owner_of

pytestmark = pytest.mark.django_db


def test_create_makes_the_creator_owner_and_records_activity(territory):
    creator = member(territory)
    org = organisation(territory, creator, summary="On jardine ensemble")
    assert org.members_count == 1 == org.memberships.count()
    assert org.memberships.get().role == OrganisationMember.Role.OWNER
    assert org.created_by == creator
    activity = Activity.objects.get(organisation=org)
    assert activity.verb == Activity.Verb.ORGANISATION_CREATED and activity.actor == creator


@pytest.mark.parametrize("who", ["non-member", "other territory", "unverified"])
def test_create_is_refused_to_those_who_may_not(territory, other_territory, who):
    creator = {
        "non-member": lambda: UserFactory(),
        "other territory": lambda: member(other_territory),
        "unverified": lambda: member(territory, verified=False),
    }[who]()
    with pytest.raises(PermissionDenied):
        organisation(territory, creator)
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 151}, "name"),
        ({"kind": "cult"}, "kind"),
        ({"description": "x" * 20001}, "description"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"contact_email": "not an email"}, "contact_email"),
        ({"latitude": 95}, "latitude"),
    ],
)
def test_bad_fields_are_named(territory, fields, field):
    with pytest.raises(ValidationError) as error:
        organisation(territory, **fields)
    assert field in error.value.message_dict


def test_relations_must_belong_to_the_territory(territory, other_territory):
    closed = TerritoryFactory(name="Fermée", is_active=False)
    cases = {
        "neighbourhood": {"neighbourhood": NeighbourhoodFactory(territory=other_territory)},
        "themes": {"themes": [ThemeFactory(territory=other_territory)]},
        "other_territories": {"other_territories": [closed]},
    }
    for field, fields in cases.items():
        with pytest.raises(ValidationError) as error:
            organisation(territory, **fields)
        assert field in error.value.message_dict
    org = organisation(
        territory,
        neighbourhood=NeighbourhoodFactory(territory=territory),
        themes=[ThemeFactory(), ThemeFactory(territory=territory)],
        other_territories=[other_territory, territory],
    )
    assert org.themes.count() == 2
    assert list(org.other_territories.all()) == [other_territory]  # its own is dropped


def test_update_by_owner_only(territory, other_territory):
    org = organisation(territory)
    services.organisation_update(actor=owner_of(org), organisation=org, data={"name": "Nouveau"})
    assert Organisation.objects.get().name == "Nouveau"
    for refused in [org_member(org), member(territory), member(other_territory, Role.ADMIN)]:
        with pytest.raises(PermissionDenied):
            services.organisation_update(actor=refused, organisation=org, data={"name": "X"})
    with pytest.raises(ValidationError) as error:
        services.organisation_update(
            actor=owner_of(org), organisation=org, data={"is_verified": True}
        )
    assert "is_verified" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.organisation_update(
            actor=owner_of(org), organisation=org, data={},
            themes=[ThemeFactory(territory=other_territory)],
        )  # fmt: skip
    assert "themes" in error.value.message_dict


def test_logo_is_validated_and_reencoded(territory):
    org = organisation(territory)
    owner = owner_of(org)
    for bad in (not_an_image(), oversized_upload()):
        with pytest.raises(ValidationError) as error:
            services.organisation_logo_set(actor=owner, organisation=org, logo=bad)
        assert "logo" in error.value.message_dict
    services.organisation_logo_set(actor=owner, organisation=org, logo=png_upload())
    assert org.logo.name.endswith(".webp")
    with pytest.raises(PermissionDenied):
        services.organisation_logo_set(actor=member(territory), organisation=org, logo=None)


def test_members_join_only_by_accepting_and_keep_the_count(territory):
    org = organisation(territory)
    owner = owner_of(org)
    someone = member(territory)
    invitation = services.organisation_member_invite(
        actor=owner, organisation=org, email=someone.email.upper()
    )
    assert invitation.user == someone and invitation.status == "pending"
    assert Organisation.objects.get().members_count == 1  # not before accepting
    assert not org.memberships.filter(user=someone).exists()
    again = services.organisation_member_invite(actor=owner, organisation=org, email=someone.email)
    assert again == invitation  # one pending invitation per person
    assert services.organisation_member_invite(
        actor=owner, organisation=org, email="nobody@example.org"
    ) is None  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.organisation_member_invite(actor=someone, organisation=org, email=owner.email)
    membership = services.organisation_invitation_accept(user=someone, invitation=invitation)
    assert Organisation.objects.get().members_count == 2
    with pytest.raises(ValidationError):  # answered once
        services.organisation_invitation_accept(user=someone, invitation=invitation)
    with pytest.raises(PermissionDenied):
        services.organisation_member_remove(actor=someone, membership=membership)
    services.organisation_member_leave(user=someone, organisation=org)
    assert Organisation.objects.get().members_count == 1 == org.memberships.count()


def test_last_owner_cannot_leave_nor_be_demoted(territory):
    org = organisation(territory)
    owner = owner_of(org)
    with pytest.raises(ValidationError):
        services.organisation_member_leave(user=owner, organisation=org)
    with pytest.raises(ValidationError):
        services.organisation_member_set_role(
            actor=owner, membership=org.memberships.get(), role=OrganisationMember.Role.MEMBER
        )
    second = org_member(org, role=OrganisationMember.Role.OWNER)
    services.organisation_member_leave(user=owner, organisation=org)
    assert owner_of(org) == second
    assert Organisation.objects.get().members_count == 1


def test_verify_and_unverify(territory, other_territory):
    org = organisation(territory)
    admin = member(territory, Role.ADMIN)
    for refused in [owner_of(org), member(territory, Role.MODERATOR),
                    member(other_territory, Role.ADMIN)]:  # fmt: skip
        with pytest.raises(PermissionDenied):
            services.organisation_verify(actor=refused, organisation=org)
    services.organisation_verify(actor=admin, organisation=org)
    org.refresh_from_db()
    assert org.is_verified and org.verified_by == admin and org.verified_at
    services.organisation_unverify(actor=UserFactory(is_superuser=True), organisation=org)
    org.refresh_from_db()
    assert not org.is_verified and org.verified_by is None and org.verified_at is None


def test_delete_by_owner_or_territory_admin(territory, other_territory):
    org = organisation(territory)
    for refused in [org_member(org), member(other_territory, Role.ADMIN)]:
        with pytest.raises(PermissionDenied):
            services.organisation_delete(actor=refused, organisation=org)
    services.organisation_delete(actor=member(territory, Role.ADMIN), organisation=org)
    assert not Organisation.objects.exists()
