"""`/<api_prefix>/{id}/comments` for every registered kind, `/comments/{id}` for one comment.

The routes of each kind are added when this module is imported (after every
app's `ready()` has registered its kinds).
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.moderation.schemas import ReportIn, ReportOut
from ensemble.moderation.services import report_create

from . import selectors, services
from .access import comment_get_visible, comment_target_get_visible
from .models import Comment
from .registry import Commentable, commentables
from .schemas import CommentEditIn, CommentIn, CommentOut

router = Router(tags=["comments"])


def _parent_get(parent_id: int | None, target) -> Comment | None:
    if parent_id is None:
        return None
    parent = Comment.objects.filter(pk=parent_id).first()
    if parent is None:
        raise ValidationError({"parent": ["No such comment."]})
    return parent


def _add_kind_routes(kind: Commentable) -> None:
    prefix = kind.api_prefix

    @router.get(
        f"/{prefix}/{{int:object_id}}/comments",
        response=responses(list[CommentOut]),
        operation_id=f"{prefix}_comment_list",
        summary=f"Comments on {kind.model._meta.verbose_name_plural}",
    )
    @paginate(PageNumber)
    def comment_list(request, object_id: int):
        target = comment_target_get_visible(
            user=request.user, api_prefix=prefix, object_id=object_id
        )
        return selectors.comment_thread(target=target, viewer=request.user)

    @router.post(
        f"/{prefix}/{{int:object_id}}/comments",
        response=responses(CommentOut, 201),
        auth=authenticated,
        operation_id=f"{prefix}_comment_create",
        summary=f"Comment on {kind.model._meta.verbose_name_plural}",
    )
    def comment_create(request, object_id: int, payload: CommentIn):
        target = comment_target_get_visible(
            user=request.user, api_prefix=prefix, object_id=object_id
        )
        try:
            comment = services.comment_create(
                author=request.user, target=target, body=payload.body,
                parent=_parent_get(payload.parent, target),
            )  # fmt: skip
        except services.CommentRateLimited as error:
            return Status(429, {"detail": " ".join(error.messages), "errors": error.message_dict})
        return Status(201, comment)


for _kind in commentables():
    _add_kind_routes(_kind)


@router.patch("/comments/{int:comment_id}", response=responses(CommentOut), auth=authenticated)
def comment_edit(request, comment_id: int, payload: CommentEditIn):
    comment = comment_get_visible(user=request.user, pk=comment_id)
    comment = services.comment_edit(actor=request.user, comment=comment, body=payload.body)
    return _with_replies(comment)


@router.delete("/comments/{int:comment_id}", response=responses(None, 204), auth=authenticated)
def comment_delete(request, comment_id: int):
    comment = comment_get_visible(user=request.user, pk=comment_id)
    services.comment_delete(actor=request.user, comment=comment)
    return Status(204, None)


@router.post(
    "/comments/{int:comment_id}/report",
    response=responses(ReportOut, 201),
    auth=authenticated,
    tags=["moderation"],
)
def comment_report(request, comment_id: int, payload: ReportIn):
    comment = comment_get_visible(user=request.user, pk=comment_id)
    report = report_create(
        reporter=request.user, target=comment, reason=payload.reason, details=payload.details
    )
    return Status(201, report)


def _with_replies(comment: Comment) -> Comment:
    fresh = (
        Comment.objects.select_related("author")
        .prefetch_related("replies__author")
        .filter(pk=comment.pk)
        .first()
    )
    if fresh is None:
        raise Http404
    return fresh
