"""Forms of contributions: post or edit, filter the list, hide, merge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.contributions.models import AnswerState, Contribution
from ensemble.contributions.selectors.contributions import OVERDUE, SORTS, UNANSWERED
from ensemble.contributions.services.moderation import REASON_MAX_LENGTH
from ensemble.moderation.models import Report
from ensemble.territories.selectors import neighbourhood_list, theme_list

KIND_CHOICES = [
    (
        Contribution.Kind.PROBLEM,
        _("A problem: something that does not work, that you or others live with."),
    ),
    (Contribution.Kind.IDEA, _("An idea: something to do, to create or to change.")),
]
MARKDOWN_HELP = _("Markdown: **bold**, *italics*, lists, [links](https://…).")


class ContributionForm(forms.ModelForm):
    """Post or edit a problem or an idea; themes and neighbourhoods are the territory's."""

    kind = forms.ChoiceField(label=_("What do you bring?"), choices=KIND_CHOICES,
                             widget=forms.RadioSelect)  # fmt: skip
    image = forms.FileField(
        label=_("Image"), required=False, help_text=_("Optional. JPEG, PNG, GIF or WebP."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )  # fmt: skip

    class Meta:
        model = Contribution
        fields = [
            "kind", "title", "body", "themes", "neighbourhood", "address", "image", "image_alt",
        ]  # fmt: skip
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "body": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "title": _("In a few words. Similar contributions are suggested as you type."),
            "body": MARKDOWN_HELP,
            "address": _("Optional: a street, a place."),
        }

    def __init__(self, *args, territory, similar_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_list(territory=territory)
        self.fields["neighbourhood"].queryset = neighbourhood_list(territory=territory)
        self.fields["image_alt"].help_text = _(
            "Required with an image: what it shows, for people who cannot see it."
        )
        if similar_url:
            # htmx, when present, suggests similar contributions as the title is typed.
            self.fields["title"].widget.attrs.update({
                "hx-get": similar_url, "hx-trigger": "keyup changed delay:400ms",
                "hx-target": "#similar-contributions", "hx-swap": "innerHTML",
                "name": "title", "autocomplete": "off",
            })  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Describe what the image shows."))
        return data


class ContributionFilterForm(forms.Form):
    """The list's filters (GET); unknown values are ignored, never an error page."""

    SORT_CHOICES = [
        ("supports", _("Most supported")), ("newest", _("Newest")),
        ("comments", _("Most commented")), ("answer", _("Answer")),
    ]  # fmt: skip

    kind = forms.ChoiceField(
        label=_("Kind"), required=False,
        choices=[("", _("Problems and ideas")), *Contribution.Kind.choices],
    )  # fmt: skip
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    answer = forms.ChoiceField(
        label=_("Answer"), required=False,
        choices=[
            ("", _("All")), (UNANSWERED, _("Waiting for an answer")),
            (OVERDUE, _("Overdue (later than the charter promises)")),
            *[(value, label) for value, label in AnswerState.choices],
        ],
    )  # fmt: skip
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)
    hidden = forms.BooleanField(
        label=_("Only the contributions hidden by moderation"), required=False,
        help_text=_("Only moderators and agents see this choice and these contributions."),
    )  # fmt: skip

    def __init__(self, *args, territory, can_moderate: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_moderate:
            del self.fields["hidden"]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (t.slug, t.name) for t in theme_list(territory=territory)
        ]
        self.fields["neighbourhood"].choices = [("", _("All neighbourhoods"))] + [
            (n.slug, n.name) for n in neighbourhood_list(territory=territory)
        ]

    def filters(self) -> tuple[dict, str]:
        """The valid filters and the sort; an invalid field is dropped, not reported."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value}
        sort = data.pop("sort", "supports")
        return data, sort if sort in SORTS else "supports"


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Public reason"), max_length=REASON_MAX_LENGTH,
        help_text=_("Shown in place of the contribution."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Number of the contribution to merge into"), min_value=1,
        help_text=_("Its number is shown on its page (#123); similar ones are listed below."),
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Public reason"), max_length=REASON_MAX_LENGTH,
        help_text=_("Shown on the duplicate, with a link to the contribution it is merged into."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this contribution?"), choices=Report.Reason
    )
    details = forms.CharField(
        label=_("Details (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
