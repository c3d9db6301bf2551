"""Access to comments and to what they are on: the only way views and the API reach them.

A comment exists for a person only if they may see what it is on (the target's
own rule), scoped by the territory of the URL when there is one: otherwise
Http404. With `perm`, a person who sees it but may not do that gets
PermissionDenied (403). That `perm` is asked to the rules alone (`rules.has_perm`,
not `user.has_perm`): a superuser must not edit or report someone's words.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ensemble.core.access import check_visible

from .models import Comment
from .predicates import can_view_target
from .registry import commentable_by_prefix

VIEW_COMMENT = "comments.view_comment"


def comment_get_visible(*, user, pk, territory=None, perm: str | None = None) -> Comment:
    """The comment with its author, territory and target."""
    comments = Comment.objects.select_related("author", "territory", "content_type")
    if territory is not None:
        comments = comments.filter(territory=territory)
    try:
        comment = comments.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        comment = None
    if comment is None or comment.target is None:
        raise Http404("No such comment")
    check_visible(user, comment, view_perm=VIEW_COMMENT)
    if perm and not rules.has_perm(perm, user, comment):
        raise PermissionDenied
    return comment


def comment_target_get_visible(*, user, api_prefix: str, object_id, territory=None):
    """What comments of kind `api_prefix` are on, if `user` may see it (else 404)."""
    try:
        kind = commentable_by_prefix(api_prefix)
    except LookupError:
        raise Http404("No such kind") from None
    targets = kind.model._default_manager.select_related("territory")
    if territory is not None:
        targets = targets.filter(territory=territory)
    try:
        target = targets.filter(pk=int(object_id)).first()
    except (TypeError, ValueError):
        target = None
    if target is None or not can_view_target(user, target):
        raise Http404("No such object")
    return target
