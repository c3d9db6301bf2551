"""Who stands where in a project; each predicate takes (user, project).

A person's role in a project's team is read once per request and memoised
on the user; services that change a team forget it (`project_role_forget`).
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.territories.predicates import (
    is_network_admin,
    is_territory_member,
    is_territory_moderator,
)

from .models import Project, ProjectMember

_MEMO = "_project_roles"


def project_role(user, project: Project) -> str | None:
    """ "owner", "member" or None for this person in this project's team."""
    if project is None or project.pk is None or not getattr(user, "is_authenticated", False):
        return None
    memo = user.__dict__.setdefault(_MEMO, {})
    if project.pk not in memo:
        memo[project.pk] = (
            ProjectMember.objects.filter(project=project, user=user)
            .values_list("role", flat=True)
            .first()
        )
    return memo[project.pk]


def project_role_forget(user) -> None:
    if user is not None:
        user.__dict__.pop(_MEMO, None)


@rules.predicate
def is_team_member(user, project) -> bool:
    return project_role(user, project) is not None


@rules.predicate
def is_project_owner(user, project) -> bool:
    return project_role(user, project) == ProjectMember.Role.OWNER


@rules.predicate
def is_published(user, project) -> bool:
    return project is not None and project.status == Project.Status.PUBLISHED


@rules.predicate
def is_draft(user, project) -> bool:
    return project is not None and project.status == Project.Status.DRAFT


@rules.predicate
def is_archived(user, project) -> bool:
    return project is not None and project.status == Project.Status.ARCHIVED


@rules.predicate
def was_published(user, project) -> bool:
    """Archived after being published: archiving a draft must not make it public."""
    return project is not None and project.published_at is not None


@rules.predicate
def is_replicable(user, project) -> bool:
    return project is not None and project.is_replicable


@rules.predicate
def is_member_of_project_territory(user, project) -> bool:
    return project is not None and is_territory_member(user, project.territory)


@rules.predicate
def is_moderator_of_project_territory(user, project) -> bool:
    return project is not None and is_territory_moderator(user, project.territory)


# Re-exported for rules.py: one import line per source of truth.
__all__ = [
    "has_verified_email", "is_archived", "is_draft", "is_member_of_project_territory",
    "is_moderator_of_project_territory", "is_network_admin", "is_project_owner",
    "is_published", "is_replicable", "is_team_member", "is_territory_member",
    "project_role", "project_role_forget",
]  # fmt: skip
