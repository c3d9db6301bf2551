"""Access to projects and what hangs on them: the only way views and the API reach them.

Each function returns the object only if the person may see its project, scoped
by the territory of the URL when there is one, and raises Http404 otherwise: a
draft of someone else's team, or a project of another territory, does not exist
for them. With `perm`, a person who may see it but not do that gets
PermissionDenied (403). The rows of a project (needs, images, links, team
memberships) are looked up inside a project already reached through here.
"""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from ensemble.core.access import check_visible, get_visible
from ensemble.territories.models import Theme

from .models import (
    Need,
    Project,
    ProjectImage,
    ProjectInvitation,
    ProjectLink,
    ProjectMember,
    ProjectUpdate,
)

VIEW_PROJECT = "projects.view_project"


def themes_prefetch() -> Prefetch:
    """A project's themes in their order (the selectors' cards use it too)."""
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def _row(queryset: QuerySet, pk):
    """The row `pk` of `queryset`, or 404 (a pk that is not a number included)."""
    try:
        row = queryset.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        row = None
    if row is None:
        raise Http404
    return row


def project_get_visible(
    *, user, pk, territory=None, perm: str | None = None, full: bool = False
) -> Project:
    """The project with its territory, place and origin; `full` adds its needs, team, partners."""
    projects = Project.objects.select_related(
        "territory", "neighbourhood", "replicated_from__territory", "created_by",
        "origin_contribution__consultation__territory", "origin_contribution__territory",
    ).prefetch_related(themes_prefetch())  # fmt: skip
    if full:
        projects = projects.prefetch_related(
            Prefetch("needs", queryset=Need.objects.order_by("status", "deadline", "pk")),
            Prefetch(
                "memberships",
                queryset=ProjectMember.objects.select_related("user").order_by("-role", "pk"),
            ),
            "partners",
        )
    return get_visible(
        projects, user=user, pk=pk, territory=territory, view_perm=VIEW_PROJECT, perm=perm
    )


def need_get_visible(
    *, user, pk, territory=None, project: Project | None = None, perm: str | None = None
) -> Need:
    """A need of a visible project (of `project` when given: another project's need is a 404).

    `perm` is asked on the need's project (`projects.manage_needs`…)."""
    if project is not None:
        need = _row(Need.objects.filter(project=project), pk)
        need.project = project
    else:
        needs = Need.objects.select_related("project__territory")
        if territory is not None:
            needs = needs.filter(territory=territory)
        need = _row(needs, pk)
    check_visible(user, need.project, view_perm=VIEW_PROJECT, perm=perm)
    return need


def project_update_get_visible(
    *, user, pk, project: Project, perm: str | None = None
) -> ProjectUpdate:
    """A piece of news of a visible project."""
    update = _row(ProjectUpdate.objects.filter(project=project).select_related("author"), pk)
    check_visible(user, project, view_perm=VIEW_PROJECT, perm=perm)
    update.project = project
    return update


def project_image_get_visible(*, user, pk, project: Project, perm: str | None = None):
    """An image of `project` (a project reached through `project_get_visible`)."""
    return _child(ProjectImage.objects.filter(project=project), user, pk, project, perm)


def project_link_get_visible(*, user, pk, project: Project, perm: str | None = None):
    """A link of `project`."""
    return _child(ProjectLink.objects.filter(project=project), user, pk, project, perm)


def project_member_get_visible(*, user, pk, project: Project, perm: str | None = None):
    """A place in the team of `project`, with its person."""
    memberships = ProjectMember.objects.filter(project=project).select_related("user")
    return _child(memberships, user, pk, project, perm)


def project_partner_get_visible(*, user, pk, project: Project, perm: str | None = None):
    """A partner organisation of `project`."""
    check_visible(user, project, view_perm=VIEW_PROJECT, perm=perm)
    return _row(project.partners.select_related("territory"), pk)


def _child(queryset: QuerySet, user, pk, project: Project, perm: str | None):
    check_visible(user, project, view_perm=VIEW_PROJECT, perm=perm)
    row = _row(queryset, pk)
    row.project = project
    return row


def invitation_get_pending_visible(*, token: str, territory=None) -> ProjectInvitation:
    """A pending invitation to a project (of `territory` when given), by its secret token.

    The token is the access: whoever holds it may see the invitation; accepting it
    checks the person's email addresses (`project_invitation_accept`)."""
    invitations = (
        ProjectInvitation.objects.pending()
        .filter(token=token)
        .select_related("project__territory", "invited_by")
    )
    if territory is not None:
        invitations = invitations.filter(project__territory=territory)
    invitation = invitations.first()
    if invitation is None:
        raise Http404
    return invitation
