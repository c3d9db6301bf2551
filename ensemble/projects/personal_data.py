"""What projects hold about a person: projects and news they wrote stay (they belong to
the project), the person leaves teams, follows and invitations sent to their address."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Project, ProjectFollow, ProjectInvitation, ProjectMember, ProjectUpdate
from .services import project_unfollow


def _unfollow_all(user) -> None:
    for follow in ProjectFollow.objects.filter(user=user).select_related("project"):
        project_unfollow(user=user, project=follow.project)


projects = PersonalData(
    key="projects",
    label=_("Projects you created or belong to, and news you wrote"),
    retention=_("as long as the project; you leave its team when your account is deleted"),
    on_erasure=_("projects and news kept, shown from a deleted participant; you leave teams"),
    export=lambda user: {
        "created": rows(Project.objects.filter(created_by=user), "id", "title", "created_at"),
        "teams": rows(
            ProjectMember.objects.filter(user=user), "project_id", "project__title", "role"
        ),
        "news": rows(
            ProjectUpdate.objects.filter(author=user),
            "id",
            "project_id",
            "title",
            "body",
            "created_at",
        ),
        "invitations_to_you": rows(
            ProjectInvitation.objects.filter(email__iexact=user.email),
            "project_id",
            "created_at",
            "accepted_at",
        ),
    },
    erase=lambda user: (
        ProjectMember.objects.filter(user=user).delete(),
        ProjectInvitation.objects.filter(email__iexact=user.email).delete(),
    ),
)
project_follows = PersonalData(
    key="project_follows",
    label=_("Projects you follow"),
    retention=_("until you stop following"),
    on_erasure=_("removed"),
    export=lambda user: rows(ProjectFollow.objects.filter(user=user), "project_id"),
    erase=_unfollow_all,
)
