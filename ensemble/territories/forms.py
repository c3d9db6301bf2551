from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership, Territory
from .roles import Role


class TerritorySettingsForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=(), widget=forms.CheckboxSelectMultiple
    )
    resource_publisher_roles = forms.MultipleChoiceField(
        label=_("Roles that may publish resources"), choices=Role.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    class Meta:
        model = Territory
        fields = [
            "name", "kind", "description", "logo", "accent_colour", "languages", "map_latitude",
            "map_longitude", "map_zoom", "resource_publisher_roles",
        ]  # fmt: skip
        widgets = {"accent_colour": forms.TextInput(attrs={"placeholder": "#1d4f91"})}
        help_texts = {"description": _("Markdown: **bold**, *italics*, lists, [links](https://…).")}

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = settings.LANGUAGES


class MembershipRoleForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory

    def clean_membership(self):
        membership = (
            Membership.objects.filter(pk=self.cleaned_data["membership"], territory=self.territory)
            .select_related("user", "territory")
            .first()
        )
        if membership is None:
            raise forms.ValidationError(_("This person is not a member of this territory."))
        return membership


class MemberFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or email address"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("Every role")), *Role.choices]
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class VocabularyChangeForm(forms.Form):
    """Rename, move or retire a theme or a neighbourhood of the territory."""

    name = forms.CharField(label=_("Name"), max_length=80)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=10000)
    is_retired = forms.BooleanField(label=_("Retired"), required=False)


class NeighbourhoodForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    slug = forms.SlugField(label=_("Address (slug)"), max_length=120)


class ThemeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    slug = forms.SlugField(label=_("Address (slug)"), max_length=80)
