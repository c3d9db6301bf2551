"""Comment actions as plain POST forms (they work without JavaScript).

Success sends the person back to the target's page at the comment; an error
shows a page with the form, what was typed and the message.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.forms import form_add_service_errors
from ensemble.moderation import services as moderation_services

from . import selectors, services
from .forms import CommentForm, HideForm, ReplyForm, ReportForm


def _back_to(comment) -> str:
    return selectors.comment_url(comment)


def _form_page(request, *, form, title: str, action: str, target, comment=None, status=400):
    return render(
        request,
        "comments/comment_form_page.html",
        {"form": form, "title": title, "action": action, "target": target, "comment": comment},
        status=status,
    )


@require_POST
@login_required
def comment_add(request, kind: str, object_id: int):
    target = selectors.comment_target_get(api_prefix=kind, object_id=object_id, viewer=request.user)
    if target.territory_id != request.territory.pk:
        raise Http404("Not in this territory")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_create(
                author=request.user, target=target, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your comment was published."))
            return redirect(_back_to(comment))
    return _form_page(request, form=form, title=_("Comment"), action=request.path, target=target)


def _comment(request, pk: int):
    return selectors.comment_get(pk=pk, viewer=request.user, territory=request.territory)


@require_POST
@login_required
def comment_reply(request, pk: int):
    parent = _comment(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_create(
                author=request.user, target=parent.target, body=form.cleaned_data["body"],
                parent=parent,
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your reply was published."))
            return redirect(_back_to(comment))
    return _form_page(
        request, form=form, title=_("Reply"), action=request.path, target=parent.target,
        comment=parent,
    )  # fmt: skip


@login_required
def comment_edit(request, pk: int):
    comment = _comment(request, pk)
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.comment_edit(
                actor=request.user, comment=comment, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your comment was changed."))
            return redirect(_back_to(comment))
    elif request.method != "POST" and not rules.has_perm(
        "comments.change_comment", request.user, comment
    ):
        raise PermissionDenied
    return _form_page(
        request, form=form, title=_("Edit your comment"), action=request.path,
        target=comment.target, comment=comment, status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
def comment_delete(request, pk: int):
    comment = _comment(request, pk)
    if request.method == "POST":
        services.comment_delete(actor=request.user, comment=comment)
        messages.success(request, _("The comment was deleted."))
        return redirect(_back_to(comment))
    if not rules.has_perm("comments.delete_comment", request.user, comment):
        raise PermissionDenied
    return render(
        request, "comments/comment_delete.html", {"comment": comment, "target": comment.target}
    )


@login_required
def comment_report(request, pk: int):
    comment = _comment(request, pk)
    form = ReportForm(request.POST or None)
    if request.method != "POST" and not rules.has_perm(
        "comments.report_comment", request.user, comment
    ):
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        try:
            moderation_services.report_create(
                reporter=request.user, target=comment, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: the moderators will review this comment."))
            return redirect(_back_to(comment))
    return _form_page(
        request, form=form, title=_("Report a comment"), action=request.path,
        target=comment.target, comment=comment, status=400 if form.errors else 200,
    )  # fmt: skip


@require_POST
@login_required
def comment_hide(request, pk: int):
    comment = _comment(request, pk)
    form = HideForm(request.POST)
    if form.is_valid():
        try:
            moderation_services.comment_hide(
                actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The comment is hidden."))
            return redirect(_back_to(comment))
    elif not rules.has_perm("comments.hide_comment", request.user, comment):
        raise PermissionDenied
    return _form_page(
        request, form=form, title=_("Hide a comment"), action=request.path,
        target=comment.target, comment=comment,
    )  # fmt: skip


@require_POST
@login_required
def comment_unhide(request, pk: int):
    comment = _comment(request, pk)
    moderation_services.comment_unhide(actor=request.user, comment=comment)
    messages.success(request, _("The comment is shown again."))
    return redirect(_back_to(comment))
