"""Forms of the consultation pages: the consultation, its phases and its charter."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ensemble.consultations import phases as phase_registry
from ensemble.consultations.models import CharterVersion, Consultation, Phase
from ensemble.territories.selectors import neighbourhood_list, theme_list

MARKDOWN_HELP = _("Markdown: **bold**, *italics*, lists, [links](https://…).")
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ConsultationForm(forms.ModelForm):
    """Edit a consultation; its themes and neighbourhoods are the territory's."""

    sections = [
        (_("The consultation"), "", ["title", "question", "description"]),
        (_("Who and what it is about"), "", ["themes", "neighbourhoods", "visibility"]),
        (_("Rules"), "", ["supports_per_person", "explanation_min_length"]),
    ]

    class Meta:
        model = Consultation
        fields = [
            "title", "question", "description", "themes", "neighbourhoods", "visibility",
            "supports_per_person", "explanation_min_length",
        ]  # fmt: skip
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "neighbourhoods": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {"description": MARKDOWN_HELP}

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_list(territory=territory)
        self.fields["neighbourhoods"].queryset = neighbourhood_list(territory=territory)
        self.fields["supports_per_person"].min_value = 1
        self.fields["supports_per_person"].widget.attrs["min"] = 1


# A starting point that agents adapt: the three questions every charter answers.
CHARTER_TEMPLATE = _(
    "## Who may take part\n\n"
    "Every member of the territory: residents, associations, businesses and public agents.\n\n"
    "## What will be done with the contributions\n\n"
    "Every problem and idea is read. Workshops put us in the users' shoes; the municipality "
    "then decides, and every contribution gets a public answer with its reasons in the "
    "decision journal. Accepted ones are tracked on the results page.\n\n"
    "## When answers come\n\n"
    "Within the delay below, counted from the day a contribution is posted.\n\n"
    "## Respect\n\n"
    "Contributions that insult, reveal private data or advertise are hidden, with the reason "
    "given publicly."
)


class ConsultationCreateForm(ConsultationForm):
    """A new consultation: the same fields, its phases from a blueprint and its charter."""

    blueprint = forms.ChoiceField(
        label=_("Phases"),
        choices=lambda: [
            *phase_registry.blueprint_choices(),
            ("", _("No phase yet: I will add them")),
        ],
        required=False,
        initial="co-creation",
        widget=forms.RadioSelect,
        help_text=_("The phases start now, one after the other; you can date them afterwards."),
    )
    charter_body = forms.CharField(
        label=_("Charter"),
        initial=CHARTER_TEMPLATE,
        max_length=CharterVersion._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The rules of the consultation: who may take part, what will be done with the "
            "contributions, when answers come. Markdown."
        ),
    )
    answer_within_days = forms.IntegerField(
        label=_("Answer within (days)"),
        min_value=1,
        max_value=730,
        initial=60,
        help_text=_("The charter's promise: every contribution gets an answer within this delay."),
    )

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, territory=territory, **kwargs)
        # The territory's defaults (its console, or the template it was opened from).
        self.fields["answer_within_days"].initial = territory.answer_within_days
        if territory.charter_template:
            self.fields["charter_body"].initial = territory.charter_template
        if territory.consultation_blueprint in phase_registry.BLUEPRINTS:
            self.fields["blueprint"].initial = territory.consultation_blueprint


class PhaseForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=phase_registry.kind_choices)

    class Meta:
        model = Phase
        fields = ["kind", "title", "starts_at", "ends_at", "description"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class CharterForm(forms.Form):
    body = forms.CharField(
        label=CharterVersion._meta.get_field("body").verbose_name.capitalize(),
        max_length=CharterVersion._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=CharterVersion._meta.get_field("body").help_text,
    )
    changes = forms.CharField(
        label=_("What changed"),
        max_length=CharterVersion._meta.get_field("changes").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown in the public changelog."),
    )
    answer_within_days = forms.IntegerField(
        label=_("Answer within (days)"),
        min_value=1,
        max_value=730,
        help_text=_("The charter's promise: every contribution gets an answer within this delay."),
    )


class ConsultationFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", pgettext_lazy("consultations", "All")),
            ("open", pgettext_lazy("consultations", "Open")),
            ("finished", pgettext_lazy("consultations", "Finished")),
        ],
    )
