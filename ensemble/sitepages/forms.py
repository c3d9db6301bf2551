from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PageKind, PageVersion

ACCESSIBILITY_FIELDS = ("conformity", "compliance_rate", "audited_on")


class PageForm(forms.ModelForm):
    class Meta:
        model = PageVersion
        fields = ["title", "body", "changes", *ACCESSIBILITY_FIELDS]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 20}),
            "audited_on": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "body": _("Markdown: **bold**, *italics*, lists, [links](https://…)."),
            "changes": _("Shown in the page's history."),
        }

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        if kind != PageKind.ACCESSIBILITY:
            for name in ACCESSIBILITY_FIELDS:
                del self.fields[name]
