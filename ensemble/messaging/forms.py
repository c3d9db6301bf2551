from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.moderation.models import Report

from .models import BODY_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=BODY_MAX_LENGTH,
        help_text=_("Markdown is accepted: **bold**, *italics*, lists and links."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip


class NewConversationForm(MessageForm):
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    field_order = ["subject", "body"]


class MessageReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this message?"), choices=Report.Reason
    )
    details = forms.CharField(
        label=_("Details (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
