from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership, Territory
from .roles import Role


class TerritorySettingsForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Territory
        fields = ["name", "kind", "description", "languages", "map_latitude", "map_longitude",
                  "map_zoom"]  # fmt: skip

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


class NeighbourhoodForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    slug = forms.SlugField(label=_("Address (slug)"), max_length=120)


class ThemeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    slug = forms.SlugField(label=_("Address (slug)"), max_length=80)
