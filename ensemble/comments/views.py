"""Comment actions as plain POST forms (they work without JavaScript).

Success sends the person back to the target's page at the comment; an error
shows a page with the form, what was typed and the message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.views import service_form
from ensemble.moderation import services as moderation_services

from . import selectors, services
from .access import comment_get_visible, comment_target_get_visible
from .forms import CommentForm, HideForm, ReplyForm, ReportForm

FORM_PAGE = "comments/comment_form_page.html"


def _back_to(comment) -> str:
    return selectors.comment_url(comment)


def _form_page(request, form, call, *, title: str, target, comment=None, success: str):
    """The comment form page: form → service → back to the comment, or the errors."""
    return service_form(
        request, form, call, template=FORM_PAGE,
        context={"title": title, "action": request.path, "target": target, "comment": comment},
        success_message=success, success_url=_back_to,
    )  # fmt: skip


def _comment(request, pk: int, perm: str | None = None):
    return comment_get_visible(user=request.user, pk=pk, territory=request.territory, perm=perm)


def _on_page(request, perm: str) -> str | None:
    """`perm` is checked before showing its form; a POST is left to the service, whose
    refusals are more precise (already reported, no longer editable…)."""
    return None if request.method == "POST" else perm


@require_POST
@login_required
def comment_add(request, kind: str, object_id: int):
    target = comment_target_get_visible(
        user=request.user, api_prefix=kind, object_id=object_id, territory=request.territory
    )
    return _form_page(
        request, CommentForm(request.POST),
        lambda data: services.comment_create(author=request.user, target=target, body=data["body"]),
        title=_("Comment"), target=target, success=_("Your comment was published."),
    )  # fmt: skip


@require_POST
@login_required
def comment_reply(request, pk: int):
    parent = _comment(request, pk)
    return _form_page(
        request, ReplyForm(request.POST),
        lambda data: services.comment_create(
            author=request.user, target=parent.target, body=data["body"], parent=parent
        ),
        title=_("Reply"), target=parent.target, comment=parent,
        success=_("Your reply was published."),
    )  # fmt: skip


@login_required
def comment_edit(request, pk: int):
    comment = _comment(request, pk, _on_page(request, "comments.change_comment"))
    return _form_page(
        request, CommentForm(request.POST or None, initial={"body": comment.body}),
        lambda data: services.comment_edit(actor=request.user, comment=comment, body=data["body"]),
        title=_("Edit your comment"), target=comment.target, comment=comment,
        success=_("Your comment was changed."),
    )  # fmt: skip


@login_required
def comment_delete(request, pk: int):
    comment = _comment(request, pk, _on_page(request, "comments.delete_comment"))
    if request.method == "POST":
        services.comment_delete(actor=request.user, comment=comment)
        messages.success(request, _("The comment was deleted."))
        return redirect(_back_to(comment))
    return render(
        request, "comments/comment_delete.html", {"comment": comment, "target": comment.target}
    )


@login_required
def comment_report(request, pk: int):
    comment = _comment(request, pk, _on_page(request, "comments.report_comment"))

    def report(data):
        moderation_services.report_create(reporter=request.user, target=comment, **data)
        return comment

    return _form_page(
        request, ReportForm(request.POST or None), report,
        title=_("Report a comment"), target=comment.target, comment=comment,
        success=_("Thank you: the moderators will review this comment."),
    )  # fmt: skip


@require_POST
@login_required
def comment_hide(request, pk: int):
    comment = _comment(request, pk, "comments.hide_comment")
    return _form_page(
        request, HideForm(request.POST),
        lambda data: services.comment_hide(
            actor=request.user, comment=comment, reason=data["reason"]
        ),
        title=_("Hide a comment"), target=comment.target, comment=comment,
        success=_("The comment is hidden."),
    )  # fmt: skip


@require_POST
@login_required
def comment_unhide(request, pk: int):
    comment = _comment(request, pk)
    services.comment_unhide(actor=request.user, comment=comment)
    messages.success(request, _("The comment is shown again."))
    return redirect(_back_to(comment))
