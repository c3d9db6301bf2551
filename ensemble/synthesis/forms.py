from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.contributions.models import AnswerState


class ThemeEditForm(forms.Form):
    label = forms.CharField(label=_("Name of the theme"), max_length=200)
    locked = forms.BooleanField(
        label=_("Locked (kept as it is when themes are computed again)"), required=False
    )


class ThemeMergeForm(forms.Form):
    other = forms.TypedChoiceField(label=_("Merge into this theme"), coerce=int)

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].choices = [(theme.pk, theme.label) for theme in themes]


class ThemeMoveForm(forms.Form):
    contribution = forms.IntegerField(label=_("Number of the contribution to move here"))


class ThemeAnswerForm(forms.Form):
    state = forms.ChoiceField(label=_("Answer"), choices=AnswerState.choices)
    explanation = forms.CharField(
        label=_("Explanation for the whole theme"), widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        help_text=_("Each contribution of the theme gets its own public answer with this text."),
    )  # fmt: skip

    def __init__(self, *args, contributions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.contributions = list(contributions)
        for contribution in self.contributions:
            self.fields[f"note_{contribution.pk}"] = forms.CharField(
                label=_("Specific note for “%(title)s” (optional)") % {"title": contribution.title},
                required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def notes(self) -> dict[int, str]:
        return {
            c.pk: self.cleaned_data.get(f"note_{c.pk}", "")
            for c in self.contributions
            if self.cleaned_data.get(f"note_{c.pk}")
        }
