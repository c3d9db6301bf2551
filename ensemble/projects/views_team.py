"""Team pages: invite by email, remove, leave, transfer ownership, accept an invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.forms import form_add_service_errors

from . import selectors, services
from .forms import InviteForm
from .models import ProjectMember
from .team import invitation_get_pending
from .views import _project


def team(request, pk: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    project = _project(request, pk)
    if not request.user.has_perm("projects.leave_project", project):
        raise PermissionDenied
    form = InviteForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("projects.manage_team", project):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.project_member_invite(
                    actor=request.user, project=project, email=form.cleaned_data["email"],
                    base_url=request.build_absolute_uri("/"),
                )  # fmt: skip
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The invitation was sent."))
                return redirect("projects:team", territory_slug=request.territory.slug, pk=pk)
    return render(
        request,
        "projects/team.html",
        {
            "project": project,
            "form": form,
            "team": list(selectors.team_list(project=project)),
            "invitations": list(selectors.pending_invitation_list(project=project)),
            "can_manage": request.user.has_perm("projects.manage_team", project),
        },
        status=400 if form.errors else 200,
    )


def _membership(project, request):
    membership = (
        ProjectMember.objects.filter(project=project, pk=request.POST.get("membership"))
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    membership.project = project
    return membership


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
    project = _project(request, pk, "projects.manage_team")
    try:
        services.project_member_remove(actor=request.user, membership=_membership(project, request))
    except ValidationError as error:
        return _done(request, project, error=error)
    return _done(request, project, _("The person was removed from the team."))


@require_POST
@login_required
def team_transfer(request, pk: int):
    project = _project(request, pk, "projects.transfer_ownership")
    membership = _membership(project, request)
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
    project = _project(request, pk, "projects.leave_project")
    try:
        services.project_leave(user=request.user, project=project)
    except ValidationError as error:
        return _done(request, project, error=error)
    messages.success(request, _("You have left the team."))
    return redirect(project.get_absolute_url() if project.status != "draft" else "/")


def invitation_accept(request, token: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    invitation = invitation_get_pending(token=token)
    if invitation is None or invitation.project.territory_id != request.territory.pk:
        raise Http404
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
