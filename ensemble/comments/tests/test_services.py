import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from ensemble.comments.models import Comment
from ensemble.comments.services import (
    CommentRateLimited,
    comment_create,
    comment_delete,
    comment_edit,
    comment_hide,
    comment_unhide,
)
from ensemble.testing.factories import UserFactory, member

from .conftest import make_project

pytestmark = pytest.mark.django_db


def _count(project) -> int:
    project.refresh_from_db(fields=["comments_count"])
    return project.comments_count


def test_create_strips_the_body_and_counts(project, resident):
    comment = comment_create(author=resident, target=project, body="  Bravo !  ")
    assert comment.body == "Bravo !"
    assert comment.territory_id == project.territory_id
    assert comment.target == project
    assert _count(project) == 1


@pytest.mark.parametrize("body", ["", "   \n ", "x" * 5001])
def test_bad_body_names_the_field(project, resident, body):
    with pytest.raises(ValidationError) as error:
        comment_create(author=resident, target=project, body=body)
    assert "body" in error.value.message_dict
    assert _count(project) == 0


def test_body_of_5000_characters_is_accepted(project, resident):
    assert len(comment_create(author=resident, target=project, body="é" * 5000).body) == 5000


def test_a_reply_to_a_reply_joins_the_top_comment(project, resident, neighbour):
    top = comment_create(author=resident, target=project, body="Question ?")
    reply = comment_create(author=neighbour, target=project, body="Réponse", parent=top)
    deeper = comment_create(author=resident, target=project, body="Merci", parent=reply)
    assert reply.parent == top
    assert deeper.parent == top
    assert _count(project) == 3


def test_parent_must_be_on_the_same_target(territory, project, resident):
    other = make_project(territory, title="Repair café")
    parent = comment_create(author=resident, target=other, body="Ailleurs")
    with pytest.raises(ValidationError) as error:
        comment_create(author=resident, target=project, body="Ici", parent=parent)
    assert "parent" in error.value.message_dict


def test_deleted_or_hidden_comments_cannot_be_answered(project, resident, moderator):
    deleted = comment_create(author=resident, target=project, body="Oups")
    comment_delete(actor=resident, comment=deleted)
    hidden = comment_create(author=resident, target=project, body="Insulte")
    comment_hide(actor=moderator, comment=hidden, reason="Propos injurieux")
    for parent in (deleted, hidden):
        parent.refresh_from_db()
        with pytest.raises(ValidationError):
            comment_create(author=moderator, target=project, body="Non", parent=parent)


@override_settings(ENSEMBLE_COMMENTS_PER_MINUTE=3)
def test_rate_limit_per_person(project, resident, neighbour):
    for n in range(3):
        comment_create(author=resident, target=project, body=f"Message {n}")
    with pytest.raises(CommentRateLimited) as error:
        comment_create(author=resident, target=project, body="Encore")
    assert "body" in error.value.message_dict
    comment_create(author=neighbour, target=project, body="Moi aussi")  # others are not slowed
    assert _count(project) == 4


def test_refusals_to_post(territory, other_territory, project):
    from django.contrib.auth.models import AnonymousUser

    from ensemble.projects.models import Project

    draft = make_project(territory, status=Project.Status.DRAFT, published_at=None)
    unverified = member(territory, verified=False)
    outsider = member(other_territory)
    for author, target in [
        (AnonymousUser(), project),
        (unverified, project),
        (outsider, project),
        (UserFactory(), project),
        (member(territory), draft),
    ]:
        with pytest.raises(PermissionDenied):
            comment_create(author=author, target=target, body="Bonjour")
    assert Comment.objects.count() == 0


def test_edit_by_author_only(project, resident, neighbour, moderator):
    comment = comment_create(author=resident, target=project, body="Premier jet")
    edited = comment_edit(actor=resident, comment=comment, body=" Version finale ")
    assert edited.body == "Version finale" and edited.edited_at is not None
    for actor in (neighbour, moderator, UserFactory(is_superuser=True)):
        with pytest.raises(PermissionDenied):
            comment_edit(actor=actor, comment=comment, body="Falsifié")
    with pytest.raises(ValidationError) as error:
        comment_edit(actor=resident, comment=comment, body="")
    assert "body" in error.value.message_dict


def test_deleted_or_hidden_comment_cannot_be_edited(project, resident, moderator):
    comment = comment_create(author=resident, target=project, body="Texte")
    comment_hide(actor=moderator, comment=comment, reason="Hors sujet")
    with pytest.raises(PermissionDenied):
        comment_edit(actor=resident, comment=comment, body="Autre")
    comment_unhide(actor=moderator, comment=comment)
    comment_delete(actor=resident, comment=comment)
    with pytest.raises(PermissionDenied):
        comment_edit(actor=resident, comment=comment, body="Autre")


def test_soft_delete_keeps_the_thread_and_the_counter_true(project, resident, neighbour):
    top = comment_create(author=resident, target=project, body="Haut")
    comment_create(author=neighbour, target=project, body="Réponse", parent=top)
    comment_delete(actor=resident, comment=top)
    top.refresh_from_db()
    assert top.is_deleted and top.replies.count() == 1
    assert _count(project) == 1
    with pytest.raises(PermissionDenied):  # twice is refused, the counter stays true
        comment_delete(actor=resident, comment=top)
    assert _count(project) == 1


def test_delete_by_author_or_territory_moderators(
    project, resident, neighbour, moderator, other_moderator
):
    comment = comment_create(author=resident, target=project, body="À modérer")
    for actor in (neighbour, other_moderator):
        with pytest.raises(PermissionDenied):
            comment_delete(actor=actor, comment=comment)
    comment_delete(actor=moderator, comment=comment)
    assert _count(project) == 0


def test_hide_and_unhide_keep_the_counter_true(project, resident, moderator, other_moderator):
    comment = comment_create(author=resident, target=project, body="Spam")
    with pytest.raises(PermissionDenied):
        comment_hide(actor=other_moderator, comment=comment, reason="Spam")
    with pytest.raises(PermissionDenied):
        comment_hide(actor=resident, comment=comment, reason="Spam")
    with pytest.raises(ValidationError) as error:
        comment_hide(actor=moderator, comment=comment, reason="  ")
    assert "reason" in error.value.message_dict
    comment_hide(actor=moderator, comment=comment, reason="Publicité")
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Publicité"
    assert _count(project) == 0
    comment_hide(actor=moderator, comment=comment, reason="Publicité répétée")  # no double count
    assert _count(project) == 0
    comment_unhide(actor=moderator, comment=comment)
    assert _count(project) == 1
    comment.refresh_from_db()
    assert not comment.is_hidden and comment.hidden_reason == ""


def test_counter_equals_the_visible_rows(project, resident, neighbour, moderator):
    comments = [
        comment_create(author=author, target=project, body="Texte")
        for author in (resident, neighbour, moderator)
    ]
    comment_delete(actor=resident, comment=comments[0])
    comment_hide(actor=moderator, comment=comments[1], reason="Hors sujet")
    visible = Comment.objects.filter(object_id=project.pk, is_deleted=False, is_hidden=False)
    assert _count(project) == visible.count() == 1


def test_on_created_runs_in_the_transaction_of_the_comment(project, resident, neighbour):
    """A registered kind's `on_created` sees the comment (its target cached), and a
    failure there takes the comment back with it."""
    from dataclasses import replace

    from ensemble.comments import registry

    kind = registry.commentable_for(project)
    seen = []

    def on_created(comment):
        seen.append((comment.pk, comment.target is project))
        if comment.author == neighbour:
            raise ValidationError({"body": ["Refused by the target's app."]})

    registry.registry.unregister(kind.api_prefix)
    registry.registry.register(replace(kind, on_created=on_created))
    try:
        comment = comment_create(author=resident, target=project, body="Bravo.")
        assert seen == [(comment.pk, True)]
        with pytest.raises(ValidationError):
            comment_create(author=neighbour, target=project, body="Non.")
    finally:
        registry.registry.unregister(kind.api_prefix)
        registry.registry.register(kind)
    assert list(Comment.objects.values_list("author", flat=True)) == [resident.pk]
    project.refresh_from_db()
    assert project.comments_count == 1
