"""Forms of the budget pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.budgets.models import Budget, BudgetProject


class BallotChangeForm(forms.Form):
    """Add or remove one project: the page shows the new running total without script."""

    project = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[("add", "add"), ("remove", "remove")])


class EmptyForm(forms.Form):
    pass


class BudgetForm(forms.Form):
    envelope = forms.IntegerField(label=_("Territory-wide envelope (euros)"), min_value=0)
    rule = forms.ChoiceField(label=_("Ballot rule"), choices=Budget.Rule.choices)
    rule_count = forms.IntegerField(
        label=_("Number of projects"),
        min_value=1,
        required=False,
        help_text=_("At most this many (choose a number), at least this many (approval)."),
    )
    results_visible_during_vote = forms.BooleanField(
        label=_("Show the votes while the vote runs"), required=False
    )

    def __init__(self, *args, neighbourhoods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.neighbourhoods = list(neighbourhoods)
        for neighbourhood in self.neighbourhoods:
            self.fields[f"envelope_{neighbourhood.pk}"] = forms.IntegerField(
                label=_("Envelope of %(name)s (euros)") % {"name": neighbourhood.name},
                min_value=0,
                required=False,
                help_text=_("Empty: this neighbourhood has no envelope of its own."),
            )

    def neighbourhood_envelopes(self) -> dict:
        return {
            n: self.cleaned_data[f"envelope_{n.pk}"]
            for n in self.neighbourhoods
            if self.cleaned_data.get(f"envelope_{n.pk}") is not None
        }


class ProjectForm(forms.ModelForm):
    class Meta:
        model = BudgetProject
        fields = [
            "title",
            "cost",
            "description",
            "neighbourhood",
            "image",
            "image_alt",
            "address",
            "latitude",
            "longitude",
        ]

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = territory.neighbourhoods.all()
        self.fields["description"].help_text = _("Markdown.")


class FromContributionForm(forms.Form):
    contribution = forms.IntegerField(widget=forms.HiddenInput)


class PaperBallotForm(forms.Form):
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood of the voter"), queryset=None, required=False
    )
    projects = forms.MultipleChoiceField(
        label=_("Projects chosen on the paper ballot"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, territory, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = territory.neighbourhoods.all()
        self.fields["projects"].choices = [(p.pk, f"{p.title} ({p.cost} €)") for p in projects]


class PublishForm(forms.Form):
    """One explanation per project not retained."""

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.projects = [p for p in projects if not p.selected]
        for project in self.projects:
            self.fields[f"explanation_{project.pk}"] = forms.CharField(
                label=_("Why “%(title)s” is not retained") % {"title": project.title},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=5000,
                initial=project.explanation,
            )

    def explanations(self) -> dict[int, str]:
        return {p.pk: self.cleaned_data.get(f"explanation_{p.pk}", "") for p in self.projects}
