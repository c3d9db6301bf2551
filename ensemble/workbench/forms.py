from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.accounts.models import User
from ensemble.answers.forms import StateRadioSelect
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.core.forms import ListedModelChoiceField
from ensemble.core.widgets import LongSelect
from ensemble.territories.roles import POWERS
from ensemble.territories.selectors import neighbourhood_list, theme_list

from . import selectors
from .models import AnswerDraft, PrivateNote


def _agents(territory):
    return User.objects.filter(
        memberships__territory=territory, memberships__role__in=POWERS["agent"]
    ).order_by("display_name")


class AgentChoiceField(ListedModelChoiceField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, listed=("display_name",), **kwargs)

    def label_from_instance(self, obj) -> str:
        return obj.display_name


class QueueFilterForm(forms.Form):
    consultation = ListedModelChoiceField(
        label=_("Consultation"), queryset=None, required=False, listed=("title",)
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=None, required=False, widget=LongSelect
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=None, required=False, widget=LongSelect
    )
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False, widget=LongSelect)

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = selectors.queue_consultations(territory=territory)
        self.fields["theme"].queryset = theme_list(territory=territory)
        self.fields["neighbourhood"].queryset = neighbourhood_list(territory=territory)
        self.fields["assignee"].choices = [
            ("", _("Anyone")), ("me", _("Me or my departments")),
            (selectors.UNASSIGNED, _("No one yet")),
            *[(f"department:{d.pk}", d.name)
              for d in selectors.department_list(territory=territory)],
            *[(f"agent:{pk}", name)
              for pk, name in _agents(territory).values_list("pk", "display_name")],
        ]  # fmt: skip

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


class AssignForm(forms.Form):
    agent = AgentChoiceField(label=_("Agent"), queryset=None, required=False)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=None, required=False, widget=LongSelect
    )

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent"].queryset = _agents(territory)
        self.fields["department"].queryset = selectors.department_list(territory=territory)


class BulkAssignForm(AssignForm):
    contributions = forms.ModelMultipleChoiceField(
        label=_("Contributions"), queryset=None, widget=forms.MultipleHiddenInput
    )

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, territory=territory, **kwargs)
        self.fields["contributions"].queryset = Contribution.objects.open().filter(
            territory=territory, answer_state=""
        )


class NoteForm(forms.ModelForm):
    class Meta:
        model = PrivateNote
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"body": _("Private note (agents only)")}


class DraftForm(forms.ModelForm):
    state = forms.ChoiceField(
        label=_("Answer"), choices=AnswerState.choices, widget=StateRadioSelect
    )

    class Meta:
        model = AnswerDraft
        fields = ["state", "explanation", "decided_by", "cost", "timeline"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "explanation": _("Public once published; the consultation's minimum length applies "
                             "then."),
        }  # fmt: skip


class DepartmentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    members = forms.ModelMultipleChoiceField(
        label=_("Agents of the department"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    is_retired = forms.BooleanField(label=_("Retired"), required=False)

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = _agents(territory)
        self.fields["members"].label_from_instance = lambda user: user.display_name
