"""Shortcuts for the actors tests: organisations made through the services."""

from ensemble.actors import services
from ensemble.actors.models import Organisation, OrganisationMember
from ensemble.testing.factories import member


def organisation(territory, owner=None, **fields) -> Organisation:
    owner = owner or member(territory)
    fields.setdefault("name", "Les Jardiniers des Blagis")
    fields.setdefault("kind", Organisation.Kind.ASSOCIATION)
    return services.organisation_create(creator=owner, territory=territory, **fields)


def owner_of(organisation: Organisation):
    return (
        organisation.memberships.filter(role=OrganisationMember.Role.OWNER)
        .select_related("user")
        .first()
        .user
    )


def org_member(organisation: Organisation, role=OrganisationMember.Role.MEMBER):
    user = member(organisation.territory)
    invitation = services.organisation_member_invite(
        actor=owner_of(organisation), organisation=organisation, email=user.email, role=role
    )
    services.organisation_invitation_accept(user=user, invitation=invitation)
    return user
