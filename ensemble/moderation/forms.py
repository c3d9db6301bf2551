from django import forms
from django.utils.translation import gettext_lazy as _


class ReportDecisionForm(forms.Form):
    DECISIONS = [("uphold", _("Uphold: hide the content")), ("dismiss", _("Dismiss"))]

    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS)
    reason = forms.CharField(
        label=_("Public reason"), max_length=300, required=False,
        help_text=_("Required to hide: shown in place of the content."),
    )  # fmt: skip
