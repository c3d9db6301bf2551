from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.results.models import Result, ResultUpdate
from ensemble.results.selectors import (
    result_contribution_choices,
    result_parent_choices,
    result_project_choices,
)

MARKDOWN_HELP = _("Markdown: **bold**, *italics*, lists, [links](https://…).")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ResultForm(forms.ModelForm):
    """Create or edit a result; status and progress are asked only when creating."""

    class Meta:
        model = Result
        fields = [
            "title", "description", "parent", "status", "progress", "starts_on", "ends_on",
            "contributions", "projects",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "contributions": forms.CheckboxSelectMultiple,
            "projects": forms.CheckboxSelectMultiple,
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }
        help_texts = {
            "description": MARKDOWN_HELP,
            "parent": _("A result may be one part of a larger one, whose progress follows it."),
            "contributions": _(
                "Accepted or partially accepted contributions of this consultation."
            ),
            "projects": _("Published projects of the territory that carry this result."),
        }

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        editing = self.instance.pk is not None
        self.fields["parent"].queryset = result_parent_choices(
            consultation=consultation, exclude=self.instance if editing else None
        )
        self.fields["parent"].empty_label = _("None: a result of its own")
        self.fields["contributions"].queryset = result_contribution_choices(
            consultation=consultation
        )
        self.fields["projects"].queryset = result_project_choices(consultation=consultation)
        if editing:  # status and progress change through a timeline entry
            del self.fields["status"]
            del self.fields["progress"]


class ResultProgressForm(forms.ModelForm):
    """A timeline entry: what happened, and the status and progress after it."""

    class Meta:
        model = ResultUpdate
        fields = ["title", "body", "status", "progress"]
        widgets = {"progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1})}
        help_texts = {
            "title": _("For example: “Work has started”."),
            "body": MARKDOWN_HELP,
        }

    def __init__(self, *args, result: Result, **kwargs):
        kwargs.setdefault("initial", {"status": result.status, "progress": result.progress})
        super().__init__(*args, **kwargs)
        if result.children_count:
            self.fields["progress"].disabled = True
            self.fields["progress"].required = False
            self.fields["progress"].help_text = _(
                "Computed from the progress of its parts: update them instead."
            )


class ResultFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("All statuses")), *Result.Status.choices],
    )  # fmt: skip
