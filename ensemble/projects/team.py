"""Writes on a project's team: invitations by email, leaving, removing, ownership."""

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

from ensemble.core.access import require
from ensemble.core.tasks import email_enqueue
from ensemble.core.validation import full_clean
from ensemble.territories.services import membership_join

from .models import Project, ProjectInvitation, ProjectMember
from .predicates import project_role_forget

Role = ProjectMember.Role


def _email_addresses(user) -> set[str]:
    emails = {user.email.lower()} if user.email else set()
    emails.update(
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return emails


def invitation_path(invitation: ProjectInvitation) -> str:
    return reverse(
        "projects:invitation_accept",
        kwargs={"territory_slug": invitation.project.territory.slug, "token": invitation.token},
    )


def _site_base_url() -> str:
    return f"https://{Site.objects.get_current().domain}"


def _send_invitation(invitation: ProjectInvitation, *, has_account: bool, base_url: str) -> None:
    context = {
        "invitation": invitation,
        "project": invitation.project,
        "inviter": invitation.invited_by,
        "url": f"{(base_url or _site_base_url()).rstrip('/')}{invitation_path(invitation)}",
        "has_account": has_account,
    }
    subject = _("You are invited to join “%(title)s”") % {"title": invitation.project.title}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("projects/email/invitation.txt", context),
        to=[invitation.email],
    )
    email_enqueue(message)


@transaction.atomic
def project_member_invite(
    *, actor, project: Project, email: str, base_url: str = ""
) -> ProjectInvitation:
    """Invite someone by email; the person accepts once signed in with that address.

    `base_url` ("https://example.org") makes the link in the email absolute;
    the current Site's domain is used without it.
    """
    require(actor, "projects.manage_team", project)
    email = (email or "").strip()
    invitation = ProjectInvitation(
        project=project, email=email, invited_by=actor, token=secrets.token_urlsafe(32)
    )
    full_clean(invitation, exclude=["token"], validate_constraints=False)
    User = get_user_model()
    user = (
        User.objects.filter(email__iexact=email).first()
        or User.objects.filter(emailaddress__email__iexact=email).first()
    )
    if user is not None and ProjectMember.objects.filter(project=project, user=user).exists():
        raise ValidationError({"email": _("This person is already in the team.")})
    pending = ProjectInvitation.objects.pending().filter(project=project, email__iexact=email)
    if pending.exists():
        raise ValidationError({"email": _("This person has already been invited.")})
    invitation.save()
    has_account = user is not None
    transaction.on_commit(
        lambda: _send_invitation(invitation, has_account=has_account, base_url=base_url)
    )
    return invitation


def invitation_get_pending(*, token: str) -> ProjectInvitation | None:
    return (
        ProjectInvitation.objects.pending()
        .filter(token=token)
        .select_related("project__territory", "invited_by")
        .first()
    )


@transaction.atomic
def project_invitation_accept(*, user, token: str) -> ProjectMember:
    invitation = invitation_get_pending(token=token)
    if invitation is None:
        raise ValidationError({"token": _("This invitation is no longer valid.")})
    if invitation.email.lower() not in _email_addresses(user):
        raise PermissionDenied(_("This invitation was sent to another email address."))
    if invitation.project.status == Project.Status.ARCHIVED:
        raise ValidationError({"token": _("This project is archived.")})
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    # Working on the project needs a place in its territory: joining the team joins it.
    membership_join(user=user, territory=invitation.project.territory)
    membership, _created = ProjectMember.objects.get_or_create(
        project=invitation.project, user=user, defaults={"role": Role.MEMBER}
    )
    project_role_forget(user)
    return membership


def _other_owner_exists(membership: ProjectMember) -> bool:
    return (
        ProjectMember.objects.filter(project=membership.project_id, role=Role.OWNER)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def project_member_remove(*, actor, membership: ProjectMember) -> None:
    require(actor, "projects.manage_team", membership.project)
    if membership.role == Role.OWNER and not _other_owner_exists(membership):
        raise ValidationError({"user": _("A project keeps at least one owner.")})
    membership.delete()
    project_role_forget(membership.user)
    project_role_forget(actor)


@transaction.atomic
def project_leave(*, user, project: Project) -> None:
    membership = ProjectMember.objects.filter(project=project, user=user).first()
    if membership is None:
        return
    if membership.role == Role.OWNER and not _other_owner_exists(membership):
        raise ValidationError(
            {"user": _("You are the last owner of this project; hand it over to someone first.")}
        )
    membership.delete()
    project_role_forget(user)


@transaction.atomic
def project_transfer_ownership(*, actor, project: Project, to_user) -> ProjectMember:
    """Make a team member the owner; the actor stays in the team as a member."""
    require(actor, "projects.transfer_ownership", project)
    target = ProjectMember.objects.filter(project=project, user=to_user).first()
    if target is None:
        raise ValidationError({"user": _("Only a team member can become the owner.")})
    if target.user_id == actor.pk:
        raise ValidationError({"user": _("You already own this project.")})
    target.role = Role.OWNER
    target.save(update_fields=["role", "updated_at"])
    ProjectMember.objects.filter(project=project, user=actor).update(role=Role.MEMBER)
    project_role_forget(actor)
    project_role_forget(to_user)
    return target
