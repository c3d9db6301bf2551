"""Writes on comments; each keeps the target's `comments_count` true.

`comments_count` counts the comments that are shown with their text: neither
deleted nor hidden by moderation.
"""

from datetime import timedelta

import rules
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.audit.services import record
from ensemble.core.limits import limit_guard
from ensemble.moderation.services import reason_clean

from .models import Comment
from .predicates import can_comment_target
from .registry import commentable_for

BODY_MAX_LENGTH = 5000


class CommentRateLimited(ValidationError):
    """Too many comments in the last minute (the API answers 429)."""


def comments_per_minute() -> int:
    return getattr(settings, "ENSEMBLE_COMMENTS_PER_MINUTE", 10)


def _require(user, perm: str, obj) -> None:
    # rules.has_perm, not user.has_perm: a superuser must not edit someone's words.
    if not rules.has_perm(perm, user, obj):
        raise PermissionDenied


def _clean_body(body: str | None) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write your comment.")]})
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(
            {
                "body": [
                    _("A comment has at most %(max)d characters (it has %(length)d).")
                    % {"max": BODY_MAX_LENGTH, "length": len(body)}
                ]
            }
        )
    return body


def _check_rate(author) -> None:
    """At most `comments_per_minute()` comments a minute, exactly under concurrent requests."""
    since = timezone.now() - timedelta(minutes=1)
    limit_guard(
        lock=get_user_model().objects.filter(pk=author.pk),
        used=lambda: Comment.objects.filter(author=author, created_at__gte=since).count(),
        limit=comments_per_minute(),
        error=CommentRateLimited(
            {"body": [_("You are commenting too fast: please wait a minute and try again.")]}
        ),
    )


def _count_add(comment: Comment, delta: int) -> None:
    """Move the target's counter by `delta` when its model keeps one."""
    kind = commentable_for(comment.content_type.model_class())
    if kind.has_counter:
        kind.model._default_manager.filter(pk=comment.object_id).update(
            comments_count=F("comments_count") + delta
        )


def _lock(comment: Comment) -> Comment:
    """The comment's current row, locked until the end of the transaction."""
    return Comment.objects.select_for_update().select_related("content_type").get(pk=comment.pk)


@transaction.atomic
def comment_create(*, author, target, body: str, parent: Comment | None = None) -> Comment:
    """Post a comment on `target`, or a reply; a reply to a reply joins the top comment.

    The target's kind may react in the same transaction (`Commentable.on_created`).
    """
    kind = commentable_for(target)
    if not can_comment_target(author, target):
        raise PermissionDenied
    body = _clean_body(body)
    content_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if parent.content_type_id != content_type.pk or parent.object_id != target.pk:
            raise ValidationError({"parent": [_("This comment belongs to another page.")]})
        if parent.is_deleted or parent.is_hidden:
            raise ValidationError({"parent": [_("This comment can no longer be answered.")]})
        if parent.parent_id is not None:
            parent = parent.parent
    _check_rate(author)
    comment = Comment(
        territory_id=target.territory_id, content_type=content_type, object_id=target.pk,
        parent=parent, author=author, body=body,
    )  # fmt: skip
    comment.full_clean()
    comment.save()
    _count_add(comment, +1)
    comment.target = target  # in the cache: `on_created` reads it without a query
    if kind.on_created is not None:
        kind.on_created(comment)
    return comment


@transaction.atomic
def comment_edit(*, actor, comment: Comment, body: str) -> Comment:
    current = _lock(comment)
    _require(actor, "comments.change_comment", current)
    current.body = _clean_body(body)
    current.edited_at = timezone.now()
    current.full_clean()
    current.save(update_fields=["body", "edited_at", "updated_at"])
    return current


@transaction.atomic
def comment_delete(*, actor, comment: Comment) -> Comment:
    """Soft delete: the comment keeps its place in the thread, without its text."""
    current = _lock(comment)
    _require(actor, "comments.delete_comment", current)
    current.is_deleted = True
    current.save(update_fields=["is_deleted", "updated_at"])
    if actor.pk != current.author_id:  # a moderator's deletion; an author's own is not audited
        record(
            actor=actor,
            action="comment.delete",
            territory=current.territory,
            target=current,
            label="",
        )
    if not current.is_hidden:
        _count_add(current, -1)
    return current


@transaction.atomic
def comment_set_hidden(*, comment: Comment, hidden: bool, reason: str = "") -> Comment:
    """Hide or show a comment; permission is the caller's (moderation services)."""
    current = _lock(comment)
    was_counted = not current.is_deleted and not current.is_hidden
    current.is_hidden = hidden
    current.hidden_reason = reason if hidden else ""
    current.full_clean()
    current.save(update_fields=["is_hidden", "hidden_reason", "updated_at"])
    now_counted = not current.is_deleted and not current.is_hidden
    if was_counted != now_counted:
        _count_add(current, +1 if now_counted else -1)
    return current


def comment_hide(*, actor, comment: Comment | None = None, reason: str, target=None) -> Comment:
    """Hide a comment with a public reason (territory moderators and network admins).

    Also the `hide` of comments in the moderation registry, called with `target`."""
    comment = comment or target
    if not rules.has_perm("comments.hide_comment", actor, comment):
        raise PermissionDenied
    hidden = comment_set_hidden(comment=comment, hidden=True, reason=reason_clean(reason))
    record(
        actor=actor,
        action="comment.hide",
        territory=hidden.territory,
        target=hidden,
        label="",
        reason=reason,
    )
    return hidden


def comment_unhide(*, actor, comment: Comment) -> Comment:
    if not rules.has_perm("comments.hide_comment", actor, comment):
        raise PermissionDenied
    shown = comment_set_hidden(comment=comment, hidden=False)
    record(actor=actor, action="comment.unhide", territory=shown.territory, target=shown, label="")
    return shown
