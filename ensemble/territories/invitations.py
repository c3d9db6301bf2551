"""Invitations to a territory by email, with a role: the console's and the first admin's."""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.audit.services import record
from ensemble.core.tasks import email_enqueue
from ensemble.core.validation import full_clean

from .models import Membership, Territory, TerritoryInvitation
from .roles import Role
from .services import membership_join


def invitation_path(invitation: TerritoryInvitation) -> str:
    return reverse(
        "territories:invitation_accept",
        kwargs={"territory_slug": invitation.territory.slug, "token": invitation.token},
    )


def _send(invitation: TerritoryInvitation, *, has_account: bool, base_url: str) -> None:
    base = (base_url or f"https://{Site.objects.get_current().domain}").rstrip("/")
    inviter = invitation.invited_by
    context = {
        "territory": invitation.territory,
        "inviter_name": inviter.display_name if inviter else _("The network's team"),
        "role": Role(invitation.role).label,
        "url": f"{base}{invitation_path(invitation)}",
        "has_account": has_account,
    }
    subject = _("You are invited to %(name)s") % {"name": invitation.territory.name}
    email_enqueue(
        EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("territories/email/invitation.txt", context),
            to=[invitation.email],
        )
    )


def _user_with_email(email: str):
    User = get_user_model()
    return (
        User.objects.filter(email__iexact=email).first()
        or User.objects.filter(emailaddress__email__iexact=email).first()
    )


@transaction.atomic
def territory_invite(
    *, actor, territory: Territory, email: str, role: str = Role.MEMBER, base_url: str = ""
) -> TerritoryInvitation:
    """Invite someone by email with `role`; they accept once signed in with that address."""
    if not actor.has_perm("territories.manage_members", territory):
        raise PermissionDenied
    invitation = invitation_send(
        actor=actor, territory=territory, email=email, role=role, base_url=base_url
    )
    record(actor=actor, action="membership.invite", territory=territory, target=invitation,
           label=Role(role).label, after={"role": role})  # fmt: skip
    return invitation


def invitation_send(
    *, actor, territory: Territory, email: str, role: str, base_url: str = ""
) -> TerritoryInvitation:
    """The invitation and its email, once the caller has checked who may invite."""
    email = (email or "").strip()
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    invitation = TerritoryInvitation(
        territory=territory, email=email, role=role, invited_by=actor,
        token=secrets.token_urlsafe(32),
    )  # fmt: skip
    full_clean(invitation, exclude=["token"], validate_constraints=False)
    user = _user_with_email(email)
    if (
        user is not None
        and Membership.objects.filter(territory=territory, user=user, role=role).exists()
    ):
        raise ValidationError({"email": _("This person already has this role here.")})
    if TerritoryInvitation.objects.pending().filter(territory=territory, email__iexact=email):
        raise ValidationError({"email": _("This person has already been invited.")})
    invitation.save()
    has_account = user is not None
    transaction.on_commit(lambda: _send(invitation, has_account=has_account, base_url=base_url))
    return invitation


def invitation_get_pending(*, token: str, territory: Territory) -> TerritoryInvitation | None:
    return (
        TerritoryInvitation.objects.pending()
        .filter(token=token, territory=territory)
        .select_related("territory", "invited_by")
        .first()
    )


def _email_addresses(user) -> set[str]:
    emails = {user.email.lower()} if user.email else set()
    emails.update(
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return emails


@transaction.atomic
def territory_invitation_accept(*, user, token: str, territory: Territory) -> Membership:
    """Join with the invitation's role; a member already there gets it, no one loses one."""
    invitation = invitation_get_pending(token=token, territory=territory)
    if invitation is None:
        raise ValidationError({"token": _("This invitation is no longer valid.")})
    if invitation.email.lower() not in _email_addresses(user):
        raise PermissionDenied(_("This invitation was sent to another email address."))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    membership = membership_join(user=user, territory=territory, role=invitation.role)
    if membership.role == Role.MEMBER and invitation.role != Role.MEMBER:
        membership.role = invitation.role
        membership.save(update_fields=["role", "updated_at"])
        user.__dict__.pop("_territory_memberships", None)
    return membership
