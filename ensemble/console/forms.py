from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ensemble.consultations import phases as phase_registry
from ensemble.territories.models import Territory
from ensemble.territories.opening import template_list


class TerritoryOpenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    slug = forms.SlugField(
        label=_("Address"), max_length=60,
        help_text=_("Lower-case letters, digits and hyphens; the territory lives at /address/."),
    )  # fmt: skip
    country = forms.ChoiceField(label=_("Country"), choices=Territory.Country.choices)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=(), widget=forms.CheckboxSelectMultiple, initial=["fr"]
    )
    custom_domain = forms.CharField(
        label=_("Custom domain (optional)"), max_length=253, required=False,
        help_text=_("e.g. participer.ville-exemple.fr"),
    )  # fmt: skip
    template = forms.ModelChoiceField(
        label=_("Template"), queryset=None, to_field_name="slug",
        help_text=_("The new territory receives its themes, neighbourhoods, pages, charter "
                    "and consultation blueprint, none of its content."),
    )  # fmt: skip
    first_admin_email = forms.EmailField(
        label=_("First administrator's email address"),
        help_text=_("They receive an invitation and land in the territory console."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = settings.LANGUAGES
        self.fields["template"].queryset = template_list()


class ConsultationDefaultsForm(forms.ModelForm):
    """What a new consultation of the territory starts from."""

    consultation_blueprint = forms.ChoiceField(label=_("Phases of a new consultation"),
                                               required=False)  # fmt: skip

    class Meta:
        model = Territory
        fields = ["charter_template", "answer_within_days", "consultation_blueprint"]
        widgets = {"charter_template": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation_blueprint"].choices = [
            ("", _("The platform's default")),
            *phase_registry.blueprint_choices(),
        ]
