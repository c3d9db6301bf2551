"""comment_get_visible and comment_target_get_visible: 404 for what is not seen, 403 after."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ensemble.comments import services
from ensemble.comments.access import comment_get_visible, comment_target_get_visible
from ensemble.projects.models import Project
from ensemble.testing.factories import UserFactory

from .conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(project, resident):
    return services.comment_create(author=resident, target=project, body="Bonne idée")


def test_whoever_sees_the_target_reaches_its_comment(comment, project, resident, neighbour):
    for user in (resident, neighbour, AnonymousUser()):
        assert comment_get_visible(user=user, pk=comment.pk, territory=project.territory) == comment
    assert comment_get_visible(user=resident, pk=comment.pk, perm="comments.change_comment")
    target = comment_target_get_visible(user=neighbour, api_prefix="projects", object_id=project.pk)
    assert target == project


@pytest.mark.parametrize("pk", [0, "abc", None])
def test_a_missing_or_malformed_pk_is_404(comment, resident, pk):
    with pytest.raises(Http404):
        comment_get_visible(user=resident, pk=pk)


def test_another_territory_is_404(comment, project, resident, other_territory):
    with pytest.raises(Http404):
        comment_get_visible(user=resident, pk=comment.pk, territory=other_territory)
    with pytest.raises(Http404):
        comment_target_get_visible(
            user=resident, api_prefix="projects", object_id=project.pk, territory=other_territory
        )


def test_a_comment_on_a_draft_of_someone_else_is_404(territory, resident):
    draft = make_project(territory, status=Project.Status.DRAFT, published_at=None)
    with pytest.raises(Http404):
        comment_target_get_visible(user=resident, api_prefix="projects", object_id=draft.pk)


def test_an_unknown_kind_is_404(project, resident):
    with pytest.raises(Http404):
        comment_target_get_visible(user=resident, api_prefix="nothing", object_id=project.pk)


def test_visible_but_not_allowed_is_403(comment, neighbour):
    with pytest.raises(PermissionDenied):
        comment_get_visible(user=neighbour, pk=comment.pk, perm="comments.change_comment")


def test_a_superuser_may_not_edit_someone_s_words(comment):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert comment_get_visible(user=admin, pk=comment.pk) == comment
    with pytest.raises(PermissionDenied):
        comment_get_visible(user=admin, pk=comment.pk, perm="comments.change_comment")
