"""The access module: what does not exist for a person (404) and what they may not do (403)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ensemble.projects import access, services
from ensemble.projects.models import ProjectLink
from ensemble.testing.factories import member

from .factories import ProjectFactory, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db


def test_project_is_found_by_whoever_may_see_it(territory):
    project = ProjectFactory(territory=territory)
    found = access.project_get_visible(user=AnonymousUser(), pk=project.pk, territory=territory)
    assert found == project
    owner = owner_of(project)
    assert (
        access.project_get_visible(user=owner, pk=str(project.pk), perm="projects.change_project")
        == project
    )


@pytest.mark.parametrize(
    "case", ["other territory", "draft of someone else", "draft, anonymous", "unknown", "not a pk"]
)
def test_project_refusals_are_404(case, territory, other_territory):
    published = ProjectFactory(territory=territory)
    draft = draft_project(territory=territory)
    user, pk, where = {
        "other territory": (member(other_territory), published.pk, other_territory),
        "draft of someone else": (member(territory), draft.pk, territory),
        "draft, anonymous": (AnonymousUser(), draft.pk, None),
        "unknown": (member(territory), 999999, territory),
        "not a pk": (member(territory), "x", territory),
    }[case]
    with pytest.raises(Http404):
        access.project_get_visible(user=user, pk=pk, territory=where)


@pytest.mark.parametrize(
    "perm",
    ["projects.change_project", "projects.manage_needs", "projects.manage_team",
     "projects.publish_project"],
)  # fmt: skip
def test_visible_but_not_allowed_is_403(perm, territory):
    project = ProjectFactory(territory=territory)
    with pytest.raises(PermissionDenied):
        access.project_get_visible(user=member(territory), pk=project.pk, perm=perm)


def test_a_team_member_sees_the_draft_but_may_not_publish_it(territory):
    draft = draft_project(territory=territory)
    helper = team_member(draft)
    assert access.project_get_visible(user=helper, pk=draft.pk) == draft
    with pytest.raises(PermissionDenied):
        access.project_get_visible(user=helper, pk=draft.pk, perm="projects.publish_project")


def _need(project):
    return services.need_create(
        actor=owner_of(project), project=project, kind="equipment", title="Brouette"
    )


def test_need_refusals(territory, other_territory):
    project = ProjectFactory(territory=territory)
    need = _need(project)
    draft = draft_project(territory=territory)
    hidden = _need(draft)
    assert access.need_get_visible(user=AnonymousUser(), pk=need.pk) == need
    for user, pk, kwargs in [
        (member(territory), hidden.pk, {}),  # a draft's need
        (member(other_territory), need.pk, {"territory": other_territory}),
        (owner_of(draft), need.pk, {"project": draft}),  # another project's need
        (owner_of(project), 999999, {}),
    ]:
        with pytest.raises(Http404):
            access.need_get_visible(user=user, pk=pk, **kwargs)
    with pytest.raises(PermissionDenied):
        access.need_get_visible(user=member(territory), pk=need.pk, perm="projects.manage_needs")
    assert (
        access.need_get_visible(
            user=owner_of(project), pk=need.pk, project=project, perm="projects.manage_needs"
        )
        == need
    )


def test_rows_of_a_project_are_scoped_by_the_project(territory):
    project, other = ProjectFactory(territory=territory), ProjectFactory(territory=territory)
    link = ProjectLink.objects.create(project=other, url="https://example.org", title="x")
    update = services.project_update_post(
        actor=owner_of(project), project=project, title="Nouvelles", body="La serre est montée."
    )
    owner = owner_of(project)
    with pytest.raises(Http404):
        access.project_link_get_visible(user=owner, pk=link.pk, project=project)
    with pytest.raises(Http404):
        access.project_member_get_visible(user=owner, pk="", project=project)
    with pytest.raises(PermissionDenied):
        access.project_update_get_visible(
            user=member(territory), pk=update.pk, project=project, perm="projects.post_update"
        )
    assert access.project_update_get_visible(user=owner, pk=update.pk, project=project) == update
    membership = access.project_member_get_visible(
        user=owner, pk=project.memberships.get().pk, project=project, perm="projects.manage_team"
    )
    assert membership.user == owner


def test_invitation_of_another_territory_is_404(territory, other_territory):
    project = ProjectFactory(territory=territory)
    invitation = services.project_member_invite(
        actor=owner_of(project), project=project, email="new@example.org"
    )
    assert access.invitation_get_pending_visible(token=invitation.token, territory=territory)
    for token, where in [(invitation.token, other_territory), ("nope", territory)]:
        with pytest.raises(Http404):
            access.invitation_get_pending_visible(token=token, territory=where)
