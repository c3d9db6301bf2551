"""Who may do what with comments.

Reading and posting are asked to the target's own rules (see registry.py);
the rest depends on the comment and on the roles in the comment's territory.
Predicates avoid per-comment queries: a thread annotates `viewer_has_reported`.
"""

import rules

from ensemble.accounts.display import viewer_territory_ids
from ensemble.accounts.predicates import has_verified_email
from ensemble.moderation.selectors import report_open_exists
from ensemble.territories.predicates import is_network_admin, is_territory_moderator

from .registry import commentable_for


def _target_allows(user, target, perm: str) -> bool:
    if target is None or not (rules.perm_exists(perm) or getattr(user, "is_superuser", False)):
        return False
    return user.has_perm(perm, target)


def can_view_target(user, target) -> bool:
    return _target_allows(user, target, commentable_for(target).view_perm)


def can_comment_target(user, target) -> bool:
    return _target_allows(user, target, commentable_for(target).comment_perm)


@rules.predicate
def may_view_comment_target(user, comment) -> bool:
    return comment is not None and can_view_target(user, comment.target)


@rules.predicate
def may_comment_target(user, comment) -> bool:
    return comment is not None and can_comment_target(user, comment.target)


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return (
        comment is not None
        and getattr(user, "is_authenticated", False)
        and comment.author_id == user.pk
    )


@rules.predicate
def is_comment_live(user, comment) -> bool:
    """Neither deleted nor hidden: it can still be edited, answered or reported."""
    return comment is not None and not comment.is_deleted and not comment.is_hidden


@rules.predicate
def is_comment_deleted(user, comment) -> bool:
    return comment is not None and comment.is_deleted


@rules.predicate
def moderates_comment_territory(user, comment) -> bool:
    return comment is not None and is_territory_moderator(user, comment.territory)


@rules.predicate
def is_network_member(user) -> bool:
    """A member of at least one territory of the network (the viewer's territories are read
    once per request, as names need them too)."""
    return bool(viewer_territory_ids(user))


@rules.predicate
def has_reported_comment(user, comment) -> bool:
    """An open report of this person on this comment (annotated by the thread selector)."""
    if comment is None or not getattr(user, "is_authenticated", False):
        return False
    annotated = getattr(comment, "viewer_has_reported", None)
    if annotated is not None:
        return annotated
    return report_open_exists(reporter=user, target=comment)


__all__ = ["has_verified_email", "is_network_admin"]
