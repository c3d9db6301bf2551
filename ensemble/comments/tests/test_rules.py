"""Permission matrix on a comment: who may and — mostly — who may not."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from ensemble.comments.services import comment_create, comment_delete, comment_hide
from ensemble.moderation.services import report_create
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db

PERMS = [
    "comments.view_comment",
    "comments.reply_comment",
    "comments.change_comment",
    "comments.delete_comment",
    "comments.report_comment",
    "comments.hide_comment",
]

# who -> the permissions they hold on a live comment written by "author"
EXPECTED = {
    "anonymous": {"comments.view_comment"},
    "unverified_member": {"comments.view_comment"},
    "outsider": {"comments.view_comment", "comments.report_comment"},
    "author": {
        "comments.view_comment", "comments.reply_comment", "comments.change_comment",
        "comments.delete_comment",
    },
    "member": {"comments.view_comment", "comments.reply_comment", "comments.report_comment"},
    "agent": {"comments.view_comment", "comments.reply_comment", "comments.report_comment"},
    "moderator": {
        "comments.view_comment", "comments.reply_comment", "comments.report_comment",
        "comments.delete_comment", "comments.hide_comment",
    },
    "admin": {
        "comments.view_comment", "comments.reply_comment", "comments.report_comment",
        "comments.delete_comment", "comments.hide_comment",
    },
    "other_moderator": {"comments.view_comment", "comments.report_comment"},
    # Not a member of any territory: hides rather than reports.
    "network_admin": {
        "comments.view_comment", "comments.reply_comment", "comments.delete_comment",
        "comments.hide_comment",
    },
}  # fmt: skip


def _person(who, territory, other_territory, author):
    return {
        "anonymous": lambda: AnonymousUser(),
        "unverified_member": lambda: member(territory, verified=False),
        "outsider": lambda: member(other_territory),
        "author": lambda: author,
        "member": lambda: member(territory),
        "agent": lambda: member(territory, Role.AGENT),
        "moderator": lambda: member(territory, Role.MODERATOR),
        "admin": lambda: member(territory, Role.ADMIN),
        "other_moderator": lambda: member(other_territory, Role.MODERATOR),
        "network_admin": lambda: UserFactory(is_superuser=True),
    }[who]()


@pytest.fixture
def comment(project, resident):
    return comment_create(author=resident, target=project, body="Un avis")


@pytest.mark.parametrize("who", sorted(EXPECTED))
@pytest.mark.parametrize("perm", PERMS)
def test_matrix_on_a_live_comment(territory, other_territory, comment, resident, who, perm):
    user = _person(who, territory, other_territory, resident)
    assert rules.has_perm(perm, user, comment) is (perm in EXPECTED[who])


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_deleted_comment_can_only_be_read(territory, other_territory, comment, resident, who):
    comment_delete(actor=resident, comment=comment)
    comment.refresh_from_db()
    user = _person(who, territory, other_territory, resident)
    held = {perm for perm in PERMS if rules.has_perm(perm, user, comment)}
    assert held == {"comments.view_comment"}


@pytest.mark.parametrize("who", ["author", "member", "moderator"])
def test_hidden_comment_is_neither_edited_answered_nor_reported(
    territory, other_territory, comment, resident, moderator, who
):
    comment_hide(actor=moderator, comment=comment, reason="Hors sujet")
    comment.refresh_from_db()
    user = _person(who, territory, other_territory, resident)
    for perm in ("comments.change_comment", "comments.reply_comment", "comments.report_comment"):
        assert not rules.has_perm(perm, user, comment)


def test_report_once_while_open(comment, neighbour):
    assert rules.has_perm("comments.report_comment", neighbour, comment)
    report_create(reporter=neighbour, target=comment, reason="spam")
    assert not rules.has_perm("comments.report_comment", neighbour, comment)


def test_comments_on_a_draft_project_are_invisible(territory, comment, project, neighbour):
    project.status = "draft"
    project.save()
    comment.refresh_from_db()
    for user in (AnonymousUser(), neighbour, member(territory, Role.MODERATOR)):
        assert not rules.has_perm("comments.view_comment", user, comment)
        assert not rules.has_perm("comments.reply_comment", user, comment)


def test_queue_only_for_the_territory_moderators(territory, other_territory):
    allowed = [member(territory, Role.MODERATOR), member(territory, Role.ADMIN)]
    refused = [
        AnonymousUser(), member(territory), member(territory, Role.AGENT),
        member(other_territory, Role.MODERATOR), member(other_territory, Role.ADMIN),
    ]  # fmt: skip
    for user in allowed:
        assert rules.has_perm("moderation.view_queue", user, territory)
    for user in refused:
        assert not rules.has_perm("moderation.view_queue", user, territory)
