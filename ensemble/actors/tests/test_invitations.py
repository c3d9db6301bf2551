"""Nobody joins or owns an organisation without saying yes: invitations, notified in the
invited person's language, accepted or declined on the site and in the API."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from ensemble.actors import services
from ensemble.actors.models import Organisation, OrganisationInvitation, OrganisationMember
from ensemble.notifications.models import Notification
from ensemble.testing.factories import member

from .helpers import org_member, organisation, owner_of
from .test_api import _api, _send

pytestmark = pytest.mark.django_db
API = "/api/v1/me/organisation-invitations"
Role = OrganisationMember.Role


def _get(url, user=None):
    client, headers = _api(user)
    return client.get(url, **headers)


def test_the_invited_person_is_notified_in_their_language_and_appears_only_after_accepting(
    client, territory,
):  # fmt: skip
    org = organisation(territory)
    someone = member(territory, language="en")
    invitation = services.organisation_member_invite(
        actor=owner_of(org), organisation=org, email=someone.email
    )
    notification = Notification.objects.get(user=someone, kind="organisation_invitation")
    with translation.override("en"):
        assert notification.text == f"{owner_of(org).display_name} invites you to join “{org.name}”"
    with translation.override("fr"):
        assert "vous invite" in notification.text
    assert "invites you to join" in mail.outbox[-1].subject  # immediately, in English
    assert mail.outbox[-1].to == [someone.email]
    assert not org.memberships.filter(user=someone).exists()
    assert someone.display_name not in client.get(org.get_absolute_url()).content.decode()
    services.organisation_invitation_accept(user=someone, invitation=invitation)
    assert org.memberships.filter(user=someone, role=Role.MEMBER).exists()


def test_a_declined_invitation_leaves_no_trace_on_the_organisation(territory):
    org = organisation(territory)
    someone = member(territory)
    invitation = services.organisation_member_invite(
        actor=owner_of(org), organisation=org, email=someone.email, role=Role.OWNER
    )
    services.organisation_invitation_decline(user=someone, invitation=invitation)
    assert not org.memberships.filter(user=someone).exists()
    assert Organisation.objects.get().members_count == 1
    with pytest.raises(ValidationError):
        services.organisation_invitation_accept(user=someone, invitation=invitation)
    # Declined: the owner may ask again later.
    assert services.organisation_member_invite(
        actor=owner_of(org), organisation=org, email=someone.email
    ) != invitation  # fmt: skip


def test_someone_else_cannot_accept_an_invitation(territory):
    org = organisation(territory)
    someone, intruder = member(territory), member(territory)
    invitation = services.organisation_member_invite(
        actor=owner_of(org), organisation=org, email=someone.email
    )
    with pytest.raises(ValidationError):
        services.organisation_invitation_accept(user=intruder, invitation=invitation)
    assert not org.memberships.filter(user=intruder).exists()


def test_becoming_an_owner_needs_the_members_consent(territory):
    org = organisation(territory)
    owner = owner_of(org)
    someone = org_member(org)
    membership = org.memberships.get(user=someone)
    services.organisation_member_set_role(actor=owner, membership=membership, role=Role.OWNER)
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER  # not yet
    invitation = OrganisationInvitation.objects.pending().get(user=someone)
    assert invitation.role == Role.OWNER
    # Inviting an existing member as owner by email is the same invitation.
    assert services.organisation_member_invite(
        actor=owner, organisation=org, email=someone.email, role=Role.OWNER
    ) == invitation  # fmt: skip
    services.organisation_invitation_accept(user=someone, invitation=invitation)
    membership.refresh_from_db()
    assert membership.role == Role.OWNER
    assert Organisation.objects.get().members_count == 2


def test_an_unknown_address_gives_no_invitation_and_no_error(territory):
    org = organisation(territory)
    assert services.organisation_member_invite(
        actor=owner_of(org), organisation=org, email="nobody@example.org"
    ) is None  # fmt: skip
    assert not OrganisationInvitation.objects.exists()


def test_api_lists_accepts_and_declines_my_invitations_only(territory):
    org = organisation(territory)
    other = organisation(territory, name="Autre")
    someone, intruder = member(territory), member(territory)
    first = services.organisation_member_invite(
        actor=owner_of(org), organisation=org, email=someone.email
    )
    second = services.organisation_member_invite(
        actor=owner_of(other), organisation=other, email=someone.email
    )
    assert _get(API).status_code == 401
    listed = _get(API, someone).json()
    assert {row["id"] for row in listed["items"]} == {first.pk, second.pk}
    assert listed["items"][0]["organisation_name"] in {"Autre", org.name}
    assert _get(API, intruder).json()["items"] == []
    assert _send("post", f"{API}/{first.pk}/accept", intruder).status_code == 404
    assert _send("post", f"{API}/{first.pk}/decline", intruder).status_code == 404
    response = _send("post", f"{API}/{first.pk}/accept", someone)
    assert response.status_code == 200
    assert response.json() == {"organisation": org.pk, "role": "member"}
    assert _send("post", f"{API}/{first.pk}/accept", someone).status_code == 404  # answered
    assert _send("post", f"{API}/{second.pk}/decline", someone).status_code == 204
    assert not other.memberships.filter(user=someone).exists()
    assert _get(API, someone).json()["items"] == []
    assert _send("post", f"{API}/99999999999999999999/accept", someone).status_code in {404, 422}


def test_my_invitations_page_and_api_have_flat_query_counts(client, territory):
    from ensemble.accounts.services import api_token_create
    from ensemble.testing.queries import assert_flat_queries

    someone = member(territory)

    def grow(n):
        while OrganisationInvitation.objects.filter(user=someone).count() < n:
            org = organisation(territory, name=f"Asso {OrganisationInvitation.objects.count()}")
            OrganisationInvitation.objects.create(
                organisation=org, user=someone, invited_by=owner_of(org)
            )

    client.force_login(someone)
    assert_flat_queries(client, "/me/organisations/invitations/", grow, small=2, large=8)
    client.logout()
    token = api_token_create(user=someone)
    assert_flat_queries(
        client, f"{API}?page_size=100", grow, small=8, large=12,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip
