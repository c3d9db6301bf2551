"""Team pages: invite by email, remove, leave, transfer ownership, accept an invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first, require
from ensemble.core.views import service_form

from . import selectors, services
from .access import invitation_get_pending_visible, project_get_visible, project_member_get_visible
from .forms import InviteForm


def team(request, pk: int):
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.leave_project"
    )
    if request.method == "POST":
        require(request.user, "projects.manage_team", project)
    return service_form(
        request,
        InviteForm(request.POST or None),
        lambda data: services.project_member_invite(
            actor=request.user, project=project, email=data["email"],
            base_url=request.build_absolute_uri("/"),
        ),
        template="projects/team.html",
        context={
            "project": project,
            "team": list(selectors.team_list(project=project)),
            "invitations": list(selectors.pending_invitation_list(project=project)),
            "can_manage": request.user.has_perm("projects.manage_team", project),
        },
        success_message=_("The invitation was sent."),
        success_url=reverse(
            "projects:team", kwargs={"territory_slug": request.territory.slug, "pk": pk}
        ),
    )  # fmt: skip


def _membership(request, project):
    return project_member_get_visible(
        user=request.user, pk=request.POST.get("membership"), project=project
    )


def _done(request, project, message=None, error=None):
    if error is not None:
        for text in error.messages:
            messages.error(request, text)
    elif message:
        messages.success(request, message)
    return redirect("projects:team", territory_slug=request.territory.slug, pk=project.pk)


@require_POST
@login_required
def team_remove(request, pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.manage_team"
    )
    try:
        services.project_member_remove(actor=request.user, membership=_membership(request, project))
    except ValidationError as error:
        return _done(request, project, error=error)
    return _done(request, project, _("The person was removed from the team."))


@require_POST
@login_required
def team_transfer(request, pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.transfer_ownership"
    )
    membership = _membership(request, project)
    try:
        services.project_transfer_ownership(
            actor=request.user, project=project, to_user=membership.user
        )
    except ValidationError as error:
        return _done(request, project, error=error)
    return _done(request, project, _("The project has a new owner."))


@require_POST
@login_required
def team_leave(request, pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.leave_project"
    )
    try:
        services.project_leave(user=request.user, project=project)
    except ValidationError as error:
        return _done(request, project, error=error)
    messages.success(request, _("You have left the team."))
    return redirect(project.get_absolute_url() if project.status != "draft" else "/")


def invitation_accept(request, token: str):
    if response := login_first(request):
        return response
    invitation = invitation_get_pending_visible(token=token, territory=request.territory)
    error = None
    if request.method == "POST":
        try:
            services.project_invitation_accept(user=request.user, token=token)
        except (ValidationError, PermissionDenied) as exc:
            error = " ".join(getattr(exc, "messages", None) or [str(exc)])
        else:
            messages.success(request, _("Welcome to the team!"))
            return redirect(invitation.project.get_absolute_url())
    return render(
        request,
        "projects/invitation_accept.html",
        {"invitation": invitation, "project": invitation.project, "error": error},
        status=400 if error else 200,
    )
