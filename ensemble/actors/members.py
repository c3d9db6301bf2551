"""Writes on an organisation's members: invitations the person accepts or declines,
removing, leaving, roles. Re-exported by `services`, the one entry point."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.core.access import require
from ensemble.notifications.services import notify

from .models import Organisation, OrganisationInvitation, OrganisationMember
from .predicates import organisation_roles_forget


def _lock(organisation: Organisation) -> None:
    Organisation.objects.select_for_update().filter(pk=organisation.pk).values_list("pk").first()


def _other_owner_exists(membership: OrganisationMember) -> bool:
    return (
        OrganisationMember.objects.filter(
            organisation=membership.organisation_id, role=OrganisationMember.Role.OWNER
        )
        .exclude(pk=membership.pk)
        .exists()
    )


def _invitations_url() -> str:
    return reverse("organisation_invitations")


def _invite(*, actor, organisation: Organisation, user, role: str) -> OrganisationInvitation:
    """The pending invitation of `user` (its role updated), or a new one, notified."""
    pending = OrganisationInvitation.objects.pending().filter(organisation=organisation, user=user)
    invitation = pending.first()
    if invitation is not None:
        if invitation.role != role:
            invitation.role = role
            invitation.save(update_fields=["role", "updated_at"])
        return invitation
    invitation = OrganisationInvitation.objects.create(
        organisation=organisation, user=user, role=role, invited_by=actor
    )
    notify(
        user=user, kind="organisation_invitation", url=_invitations_url(),
        params={"person": actor.display_name, "organisation": organisation.name, "role": role},
        territory=organisation.territory, key=f"organisation_invitation:{invitation.pk}",
    )  # fmt: skip
    return invitation


@transaction.atomic
def organisation_member_invite(
    *, actor, organisation: Organisation, email: str, role: str = OrganisationMember.Role.MEMBER
) -> OrganisationInvitation | None:
    """Invite the person who has an account under `email`; they join once they accept.

    The caller learns nothing about the address: None when nobody has an account under
    it, or when there is nothing to ask (already a member with that role or more).
    """
    require(actor, "actors.manage_organisation_members", organisation)
    if role not in OrganisationMember.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    email = (email or "").strip()
    if not email:
        raise ValidationError({"email": _("This field is required.")})
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return None
    _lock(organisation)
    membership = OrganisationMember.objects.filter(organisation=organisation, user=user).first()
    if membership is not None and (
        membership.role == OrganisationMember.Role.OWNER or role == OrganisationMember.Role.MEMBER
    ):
        return None
    return _invite(actor=actor, organisation=organisation, user=user, role=role)


def _answer(invitation: OrganisationInvitation, status: str) -> None:
    invitation.status = status
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at", "updated_at"])


def _invitation_lock(*, user, invitation: OrganisationInvitation) -> OrganisationInvitation:
    locked = (
        OrganisationInvitation.objects.pending()
        .select_for_update()
        .filter(pk=invitation.pk, user=user)
        .first()
    )
    if locked is None:
        raise ValidationError({"invitation": _("This invitation is no longer valid.")})
    return locked


@transaction.atomic
def organisation_invitation_accept(
    *, user, invitation: OrganisationInvitation
) -> OrganisationMember:
    """The invited person joins (or becomes an owner, for an owner's invitation)."""
    invitation = _invitation_lock(user=user, invitation=invitation)
    organisation = invitation.organisation
    _lock(organisation)
    membership = OrganisationMember.objects.filter(organisation=organisation, user=user).first()
    if membership is None:
        membership = OrganisationMember.objects.create(
            organisation=organisation, user=user, role=invitation.role
        )
        Organisation.objects.filter(pk=organisation.pk).update(members_count=F("members_count") + 1)
    elif invitation.role == OrganisationMember.Role.OWNER:
        membership.role = OrganisationMember.Role.OWNER
        membership.save(update_fields=["role", "updated_at"])
    _answer(invitation, OrganisationInvitation.Status.ACCEPTED)
    organisation_roles_forget(user)
    return membership


@transaction.atomic
def organisation_invitation_decline(*, user, invitation: OrganisationInvitation) -> None:
    invitation = _invitation_lock(user=user, invitation=invitation)
    _answer(invitation, OrganisationInvitation.Status.DECLINED)


def _member_delete(membership: OrganisationMember) -> None:
    _lock(membership.organisation)
    if membership.role == OrganisationMember.Role.OWNER and not _other_owner_exists(membership):
        raise ValidationError(
            {"role": _("An organisation keeps at least one owner; name another one first.")}
        )
    membership.delete()
    Organisation.objects.filter(pk=membership.organisation_id).update(
        members_count=F("members_count") - 1
    )
    organisation_roles_forget(membership.user)


@transaction.atomic
def organisation_member_remove(*, actor, membership: OrganisationMember) -> None:
    require(actor, "actors.manage_organisation_members", membership.organisation)
    _member_delete(membership)
    organisation_roles_forget(actor)


@transaction.atomic
def organisation_member_leave(*, user, organisation: Organisation) -> None:
    membership = OrganisationMember.objects.filter(organisation=organisation, user=user).first()
    if membership is None:
        return
    membership.organisation = organisation
    _member_delete(membership)


@transaction.atomic
def organisation_member_set_role(
    *, actor, membership: OrganisationMember, role: str
) -> OrganisationMember:
    require(actor, "actors.manage_organisation_members", membership.organisation)
    if role not in OrganisationMember.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    _lock(membership.organisation)
    if (
        membership.role == OrganisationMember.Role.OWNER
        and role != OrganisationMember.Role.OWNER
        and not _other_owner_exists(membership)
    ):
        raise ValidationError({"role": _("An organisation keeps at least one owner.")})
    if role == OrganisationMember.Role.OWNER and membership.role != role:
        # Owning an organisation is accepted, never imposed: the member is invited.
        _invite(actor=actor, organisation=membership.organisation, user=membership.user, role=role)
        return membership
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    organisation_roles_forget(membership.user)
    return membership
