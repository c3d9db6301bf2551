"""`{% load comments %}{% comment_thread target %}`: a target's thread and its forms.

The list of comments is a `{% fragment %}` (thread.html), kept per data version for the
viewers who see it the same: the same names (`names_audience`) and the same actions on
each comment (`selectors.thread_actions_audience`: a person who wrote or reported one of
its comments has their own). When it is kept, the thread's queries do not run at all. The
count is the target's stored counter; the form to comment stays live (the viewer's own
draft, errors and token).
"""

import rules
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode

from ensemble.accounts.display import names_audience, prime_visible_names, visible_name
from ensemble.accounts.predicates import has_verified_email
from ensemble.core.pagination import OpenPaginator

from .. import selectors
from ..forms import CommentForm
from ..models import Comment
from ..predicates import can_comment_target, can_view_target
from ..registry import commentable_for

register = template.Library()

PAGE_PARAMETER = "comments_page"


def _prepare(comment: Comment, *, target, viewer, can_comment: bool) -> None:
    Comment.target.set_cached_value(comment, target)  # no query per comment
    comment.territory = target.territory
    comment.public_text = selectors.comment_public_text(comment)
    comment.author_name = visible_name(comment.author, viewer, territory=comment.territory_id)
    live = not comment.is_deleted and not comment.is_hidden
    comment.can_reply = can_comment and live and comment.parent_id is None
    comment.can_edit = rules.has_perm("comments.change_comment", viewer, comment)
    comment.can_delete = rules.has_perm("comments.delete_comment", viewer, comment)
    comment.can_report = rules.has_perm("comments.report_comment", viewer, comment)
    comment.can_hide = rules.has_perm("comments.hide_comment", viewer, comment)


class Thread:
    """A page of a target's thread as one viewer sees it, read only when its fragment is
    not kept: one query per level (top-level comments, then their replies), none counted
    (the pagination says "Page 2" and whether a next one exists)."""

    def __init__(self, request, viewer, target, can_comment: bool):
        self.request, self.viewer, self.target = request, viewer, target
        self.can_comment = can_comment
        # The page links keep the page's other parameters: they are part of the key.
        self.query = request.GET.urlencode() if request else ""

    @cached_property
    def audience(self) -> str:
        actions = selectors.thread_actions_audience(
            viewer=self.viewer, target=self.target, can_comment=self.can_comment
        )
        return f"{names_audience(self.viewer, self.target.territory)}:{actions}"

    @cached_property
    def page(self):
        number = self.request.GET.get(PAGE_PARAMETER) if self.request else None
        page = OpenPaginator(
            selectors.comment_thread(target=self.target, viewer=self.viewer),
            getattr(settings, "ENSEMBLE_COMMENTS_PAGE_SIZE", 50),
        ).page(number)
        authors = selectors.thread_authors(page.object_list)
        prime_visible_names(authors, self.viewer, territory=self.target.territory_id)
        for comment in page.object_list:
            self._prepare(comment)
            for reply in comment.replies.all():
                self._prepare(reply)
        return page

    def _prepare(self, comment: Comment) -> None:
        _prepare(comment, target=self.target, viewer=self.viewer, can_comment=self.can_comment)


@register.inclusion_tag("comments/thread.html", takes_context=True)
def comment_thread(context, target):
    request = context.get("request")
    viewer = getattr(request, "user", None) or context.get("user")
    if not can_view_target(viewer, target):
        return {"visible": False}
    kind = commentable_for(target)
    can_comment = can_comment_target(viewer, target)
    slug = target.territory.slug
    return {
        "visible": True,
        "request": request,
        "target": target,
        "thread": Thread(request, viewer, target, can_comment),
        "kind": kind.api_prefix,
        "page_parameter": PAGE_PARAMETER,
        "count": getattr(target, "comments_count", None),
        "territory_slug": slug,
        "user": viewer,
        "csrf_token": context.get("csrf_token"),
        "can_comment": can_comment,
        "closed_reason": None if can_comment else kind.closed_reason_for(target),
        "form": context.get("comment_form") or CommentForm(auto_id="new-comment-%s"),
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
