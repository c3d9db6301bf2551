"""Permission matrix: who × project state (draft, published, archived) × territory."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.projects.models import Project, ProjectMember
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

from .factories import ProjectFactory, team_member

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED, ARCHIVED = Project.Status.DRAFT, Project.Status.PUBLISHED, Project.Status.ARCHIVED
STATES = [DRAFT, PUBLISHED, ARCHIVED]

# Who, built from (project, territory, other_territory).
PEOPLE = {
    "anonymous": lambda p, t, o: AnonymousUser(),
    "outsider": lambda p, t, o: UserFactory(),
    "member": lambda p, t, o: member(t),
    "unverified member": lambda p, t, o: member(t, verified=False),
    "member of another territory": lambda p, t, o: member(o),
    "moderator": lambda p, t, o: member(t, Role.MODERATOR),
    "moderator of another territory": lambda p, t, o: member(o, Role.MODERATOR),
    "team member": lambda p, t, o: team_member(p),
    "owner": lambda p, t, o: team_member(p, ProjectMember.Role.OWNER),
    "network admin": lambda p, t, o: UserFactory(is_superuser=True),
}

# perm -> {state: people who hold it}; everyone else is refused.
MATRIX = {
    "projects.view_project": {
        DRAFT: {"team member", "owner", "network admin"},
        PUBLISHED: set(PEOPLE),
        ARCHIVED: set(PEOPLE),
    },
    "projects.change_project": {DRAFT: {"team member", "owner"},
                                PUBLISHED: {"team member", "owner"}, ARCHIVED: set()},
    "projects.manage_needs": {DRAFT: {"team member", "owner"},
                              PUBLISHED: {"team member", "owner"}, ARCHIVED: set()},
    "projects.post_update": {DRAFT: {"team member", "owner"},
                             PUBLISHED: {"team member", "owner"}, ARCHIVED: set()},
    "projects.manage_team": {DRAFT: {"owner"}, PUBLISHED: {"owner"}, ARCHIVED: set()},
    "projects.manage_partners": {DRAFT: {"owner"}, PUBLISHED: {"owner"}, ARCHIVED: set()},
    "projects.transfer_ownership": {DRAFT: {"owner"}, PUBLISHED: {"owner"}, ARCHIVED: set()},
    "projects.publish_project": {DRAFT: {"owner"}, PUBLISHED: set(), ARCHIVED: set()},
    "projects.archive_project": {DRAFT: {"owner", "moderator", "network admin"},
                                 PUBLISHED: {"owner", "moderator", "network admin"},
                                 ARCHIVED: set()},
    "projects.restore_project": {DRAFT: set(), PUBLISHED: set(),
                                 ARCHIVED: {"owner", "moderator", "network admin"}},
    "projects.follow_project": {
        DRAFT: set(), PUBLISHED: set(PEOPLE) - {"anonymous"}, ARCHIVED: set(),
    },
    "projects.comment_project": {
        DRAFT: set(),
        PUBLISHED: {"member", "moderator", "team member", "owner", "network admin"},
        ARCHIVED: set(),
    },
}  # fmt: skip


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("who", sorted(PEOPLE))
@pytest.mark.parametrize("perm", sorted(MATRIX))
def test_matrix(territory, other_territory, perm, who, state):
    project = ProjectFactory(territory=territory, status=state)
    user = PEOPLE[who](project, territory, other_territory)
    # Django grants every permission to an active superuser: the network admin.
    expected = who in MATRIX[perm][state] or who == "network admin"
    assert user.has_perm(perm, project) is expected


@pytest.mark.parametrize(
    "who, allowed",
    [("anonymous", False), ("outsider", False), ("member", True), ("unverified member", False),
     ("member of another territory", False), ("moderator", True), ("network admin", True)],
)  # fmt: skip
def test_create_in_a_territory(territory, other_territory, who, allowed):
    user = PEOPLE[who](None, territory, other_territory)
    assert user.has_perm("projects.add_project", territory) is allowed


@pytest.mark.parametrize("replicable", [True, False])
@pytest.mark.parametrize("state", STATES)
def test_replicate_needs_a_published_replicable_project(territory, state, replicable):
    project = ProjectFactory(territory=territory, status=state, is_replicable=replicable)
    user = member(territory)
    assert user.has_perm("projects.replicate_project", project) is (
        replicable and state == PUBLISHED
    )


def test_replicate_refused_to_anonymous_and_unverified(territory):
    project = ProjectFactory(territory=territory, is_replicable=True)
    assert not AnonymousUser().has_perm("projects.replicate_project", project)
    assert not member(territory, verified=False).has_perm("projects.replicate_project", project)


def test_leaving_is_for_team_members_only(territory):
    project = ProjectFactory(territory=territory)
    assert team_member(project).has_perm("projects.leave_project", project)
    assert not member(territory).has_perm("projects.leave_project", project)
    assert not AnonymousUser().has_perm("projects.leave_project", project)


def test_team_of_one_project_holds_nothing_on_another(territory):
    project, other = ProjectFactory(territory=territory), ProjectFactory(territory=territory)
    owner = team_member(project, ProjectMember.Role.OWNER)
    for perm in ("projects.change_project", "projects.manage_team", "projects.publish_project"):
        assert not owner.has_perm(perm, other)


def test_archiving_a_draft_does_not_make_it_public(territory):
    from ensemble.projects import services

    from .factories import draft_project, owner_of

    project = draft_project(territory=territory)
    services.project_archive(actor=owner_of(project), project=project)
    assert not member(territory).has_perm("projects.view_project", project)
    assert owner_of(project).has_perm("projects.view_project", project)


def test_a_carrier_who_left_the_territory_can_no_longer_edit(territory):
    from ensemble.territories.services import membership_leave

    from .factories import ProjectFactory, owner_of

    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    assert owner.has_perm("projects.change_project", project)
    membership_leave(user=owner, territory=territory)
    owner = type(owner).objects.get(pk=owner.pk)
    assert not owner.has_perm("projects.change_project", project)
    assert owner.has_perm("projects.view_project", project)
