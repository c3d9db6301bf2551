"""A thread runs the same number of queries for 5 comments as for 50 (with replies), when
it is computed (fragments off: `{% fragment %}` would serve the kept list)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ensemble.comments.services import comment_create, comment_hide
from ensemble.moderation.services import report_create
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries

from .helpers import render_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def grow(settings, territory, project, moderator):
    settings.ENSEMBLE_COMMENTS_PER_MINUTE = 10_000
    settings.FRAGMENT_CACHE_SECONDS = 0
    people = [member(territory) for _ in range(3)]
    made = []

    def _grow(n):
        while len(made) < n:
            author = people[len(made) % 3]
            top = comment_create(author=author, target=project, body=f"Avis **{len(made)}**")
            comment_create(
                author=people[(len(made) + 1) % 3], target=project, body="Oui", parent=top
            )
            if len(made) % 7 == 0:
                comment_hide(actor=moderator, comment=top, reason="Hors sujet")
            elif len(made) % 5 == 0:
                report_create(reporter=people[(len(made) + 2) % 3], target=top, reason="spam")
            made.append(top)

    return _grow, people


def _count(project, user) -> int:
    with CaptureQueriesContext(connection) as context:
        render_thread(project, user)
    return len(context.captured_queries)


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator"])
def test_thread_tag_is_flat(grow, project, moderator, who):
    _grow, people = grow
    user = {"anonymous": None, "member": people[0], "moderator": moderator}[who]
    _grow(5)
    _count(project, user)
    small = _count(project, user)
    _grow(50)
    assert _count(project, user) == small
    assert small <= 12, small


def test_api_thread_is_flat(client, grow, project):
    _grow, people = grow
    client.force_login(people[1])
    assert_flat_queries(client, f"/api/v1/projects/{project.pk}/comments?page_size=100", _grow)
