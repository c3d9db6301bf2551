from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.moderation.models import Report

from .services import BODY_MAX_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown is accepted: **bold**, *italics*, [link](https://…)."),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this comment?"), choices=Report.Reason
    )
    details = forms.CharField(
        label=_("Details (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Public reason for hiding"), max_length=300,
        help_text=_("Shown in place of the comment."),
    )  # fmt: skip
