"""Forms of a workshop's report: people present, a contribution recorded for a group."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.consultations.services.workshops import MAX_PARTICIPANTS
from ensemble.contributions.models import Contribution


class ReportForm(forms.Form):
    participants_count = forms.IntegerField(
        label=_("People present"),
        min_value=0,
        max_value=MAX_PARTICIPANTS,
        help_text=_("Everyone who took part in the workshop, facilitators excluded."),
    )


class GroupContributionForm(forms.Form):
    """One contribution of a group, entered by the facilitator on its behalf."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=Contribution.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label=_("Title"), max_length=Contribution._meta.get_field("title").max_length
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=Contribution._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the group proposes, in its own words."),
    )
    group_size = forms.IntegerField(
        label=_("People in the group"), min_value=1, max_value=MAX_PARTICIPANTS
    )
