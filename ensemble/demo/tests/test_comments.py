import pytest

from ensemble.comments.models import Comment
from ensemble.comments.tests.conftest import make_project
from ensemble.demo.seeders.comments import COMMENTS, seed
from ensemble.testing.factories import member

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
