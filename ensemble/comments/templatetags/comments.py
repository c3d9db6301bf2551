"""`{% load comments %}{% comment_thread target %}`: a target's thread and its forms."""

import rules
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from ensemble.accounts.display import prime_visible_names, visible_name
from ensemble.accounts.predicates import has_verified_email
from ensemble.core.pagination import paginate

from .. import selectors
from ..forms import CommentForm, HideForm, ReplyForm, ReportForm
from ..models import Comment
from ..predicates import can_comment_target, can_view_target
from ..registry import commentable_for

register = template.Library()

PAGE_PARAMETER = "comments_page"


class _PageRequest:
    """Lets `paginate` read the thread's own page parameter, not the page's."""

    def __init__(self, request):
        self.GET = {"page": request.GET.get(PAGE_PARAMETER)} if request else {}


def _prepare(comment: Comment, *, target, viewer, can_comment: bool) -> None:
    Comment.target.set_cached_value(comment, target)  # no query per comment
    comment.public_text = selectors.comment_public_text(comment)
    comment.author_name = visible_name(comment.author, viewer, territory=comment.territory_id)
    live = not comment.is_deleted and not comment.is_hidden
    comment.can_reply = can_comment and live and comment.parent_id is None
    comment.can_edit = rules.has_perm("comments.change_comment", viewer, comment)
    comment.can_delete = rules.has_perm("comments.delete_comment", viewer, comment)
    comment.can_report = rules.has_perm("comments.report_comment", viewer, comment)
    comment.can_hide = rules.has_perm("comments.hide_comment", viewer, comment)


@register.inclusion_tag("comments/thread.html", takes_context=True)
def comment_thread(context, target):
    request = context.get("request")
    viewer = getattr(request, "user", None) or context.get("user")
    if not can_view_target(viewer, target):
        return {"visible": False}
    kind = commentable_for(target)
    can_comment = can_comment_target(viewer, target)
    page = paginate(
        _PageRequest(request),
        selectors.comment_thread(target=target, viewer=viewer),
        per_page=getattr(settings, "ENSEMBLE_COMMENTS_PAGE_SIZE", 50),
    )
    authors = selectors.thread_authors(page.object_list)
    prime_visible_names(authors, viewer, territory=target.territory_id)
    for comment in page.object_list:
        _prepare(comment, target=target, viewer=viewer, can_comment=can_comment)
        for reply in comment.replies.all():
            _prepare(reply, target=target, viewer=viewer, can_comment=can_comment)
    slug = target.territory.slug
    return {
        "visible": True,
        "target": target,
        "page": page,
        "page_parameter": PAGE_PARAMETER,
        "count": getattr(target, "comments_count", None),
        "territory_slug": slug,
        "user": viewer,
        "csrf_token": context.get("csrf_token"),
        "can_comment": can_comment,
        "closed_reason": None if can_comment else kind.closed_reason_for(target),
        "form": context.get("comment_form") or CommentForm(auto_id="new-comment-%s"),
        "reply_form": ReplyForm(),
        "report_form": ReportForm(),
        "hide_form": HideForm(),
        "add_url": reverse(
            "comments:add",
            kwargs={"territory_slug": slug, "kind": kind.api_prefix, "object_id": target.pk},
        ),
        "login_url": reverse("account_login")
        + "?"
        + urlencode({"next": f"{target.get_absolute_url()}#comments"}),
        "email_url": reverse("account_email"),
        "verified": _is_verified(viewer),
    }


def _is_verified(user) -> bool:
    return bool(has_verified_email(user))
