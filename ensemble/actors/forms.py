from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.needtypes.types import kind_choices
from ensemble.territories.models import Territory
from ensemble.territories.selectors import neighbourhood_list, theme_list

from .models import Offer, Organisation, OrganisationMember


class OrganisationFilterForm(forms.Form):
    """The directory's filters, read from the query string (never an error page)."""

    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    offer_kind = forms.ChoiceField(label=_("Offers"), required=False)
    verified_only = forms.BooleanField(label=_("Verified organisations only"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False,
        choices=[("name", _("Name")), ("newest", _("Newest first"))],
    )  # fmt: skip

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["kind"].choices = anything + list(Organisation.Kind.choices)
        self.fields["theme"].choices = anything + [
            (t.slug, t.name) for t in theme_list(territory=territory)
        ]
        self.fields["neighbourhood"].choices = anything + [
            (n.slug, n.name) for n in neighbourhood_list(territory=territory)
        ]
        self.fields["offer_kind"].choices = anything + kind_choices()

    def filters(self) -> dict:
        """The valid filters; an invalid one is dropped rather than refused."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class OrganisationForm(forms.ModelForm):
    logo = forms.FileField(
        label=_("Logo"), required=False,
        help_text=_("JPEG, PNG, GIF or WebP, 2 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )  # fmt: skip
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    sections = [
        (_("The organisation"), "", ["name", "kind", "summary", "description", "logo", "themes"]),
        (_("Place"), _("Optional: where it welcomes people, to find it nearby and on the map."),
         ["neighbourhood", "address", "latitude", "longitude", "other_territories"]),
        (_("Contact"), "", ["website", "contact_email", "phone", "contactable"]),
    ]  # fmt: skip

    class Meta:
        model = Organisation
        fields = ["name", "kind", "summary", "description", "logo", "themes", "neighbourhood",
                  "address", "latitude", "longitude", "other_territories", "website",
                  "contact_email", "phone", "contactable"]  # fmt: skip
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "other_territories": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "description": _("Markdown: **bold**, *italics*, lists, links."),
            "other_territories": _("Other territories of the network where you also act."),
        }

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_list(territory=territory)
        self.fields["neighbourhood"].queryset = neighbourhood_list(territory=territory)
        self.fields["other_territories"].queryset = Territory.objects.filter(
            is_active=True
        ).exclude(pk=territory.pk)

    def _post_clean(self):
        # The logo goes through the service (validated, re-encoded), never straight in.
        logo = self.cleaned_data.pop("logo", None)
        super()._post_clean()
        self.cleaned_data["logo"] = logo


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of their account"),
        help_text=_(
            "The person receives an invitation and joins only if they accept; "
            "the same goes for becoming an owner."
        ),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=OrganisationMember.Role.choices,
        initial=OrganisationMember.Role.MEMBER,
    )  # fmt: skip


class OfferForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=())

    class Meta:
        model = Offer
        fields = ["kind", "title", "description", "skill", "availability"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "skill": _("For skills: which one (carpentry, accounting…)."),
            "availability": _("e.g. Saturday mornings, two evenings a month."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "---------"), *kind_choices()]

    def _post_clean(self):
        # The service validates the offer (kind, skill, lengths) with the actor it belongs to.
        pass
