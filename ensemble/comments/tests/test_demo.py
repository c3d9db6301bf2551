import pytest

from ensemble.comments.demo import COMMENTS, seed
from ensemble.comments.models import Comment
from ensemble.testing.factories import member

from .conftest import make_project

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_counts(territory):
    projects = [make_project(territory), make_project(territory, title="Repair café")]
    people = {email: member(territory) for _, email, _, _ in COMMENTS}
    seed({"people": people})
    seed({"people": people})
    assert Comment.objects.count() == len(COMMENTS)
    assert Comment.objects.filter(parent__isnull=False).count() == 1
    for project in projects:
        project.refresh_from_db()
        assert project.comments_count == Comment.objects.filter(object_id=project.pk).count()
