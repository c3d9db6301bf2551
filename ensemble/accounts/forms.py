from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ensemble.territories.models import Neighbourhood, Theme

from . import services
from .avatars import avatar_process
from .languages import language_remember
from .models import User


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("How other members will see you, e.g. “Camille D.”"),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    avatar = forms.FileField(
        label=_("Avatar (optional)"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP, 2 MB at most; it will be cropped to a square."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    field_order = ["display_name", "email", "password1", "password2", "avatar"]

    def clean_avatar(self):
        """Validate and re-encode before the account exists: a bad image creates nothing."""
        uploaded = self.cleaned_data.get("avatar")
        if not uploaded:
            return None
        try:
            return avatar_process(uploaded)
        except ValidationError as error:
            raise ValidationError(error.message_dict["avatar"]) from None

    def signup(self, request, user) -> None:
        """Called by allauth once the account exists: the service completes it."""
        services.user_signup_complete(
            user=user,
            display_name=self.cleaned_data["display_name"],
            avatar=self.cleaned_data.get("avatar"),
        )
        # The language they signed up in becomes their account's, for every email.
        language_remember(user=user, code=getattr(request, "LANGUAGE_CODE", ""))


def _neighbourhoods_by_territory(neighbourhoods) -> list:
    """Choices grouped by territory (one optgroup each), names in order within each."""
    groups: dict[str, list] = {}
    for neighbourhood in sorted(neighbourhoods, key=lambda n: (n.territory.name, n.name)):
        groups.setdefault(neighbourhood.territory.name, []).append(
            (neighbourhood.pk, neighbourhood.name)
        )
    return [("", "---------"), *groups.items()]


class ProfileForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("I am"), required=False, choices=User.Kind.choices,
        widget=forms.CheckboxSelectMultiple, help_text=_("As many as fit you."),
    )  # fmt: skip
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas, e.g. carpentry, accounting, web design."),
    )
    avatar = forms.FileField(
        label=_("Avatar"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP, 2 MB at most; it will be cropped to a square."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    class Meta:
        model = User
        fields = ["display_name", "bio", "kinds", "skills", "interests", "neighbourhood",
                  "profile_visibility", "contactable", "language"]  # fmt: skip
        widgets = {
            "interests": forms.CheckboxSelectMultiple,
            "profile_visibility": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            territory__memberships__user=self.instance, territory__is_active=True
        ).select_related("territory")
        self.fields["neighbourhood"].choices = _neighbourhoods_by_territory(
            self.fields["neighbourhood"].queryset
        )
        self.fields["interests"].queryset = Theme.objects.filter(territory__isnull=True)
        if not self.is_bound:
            self.initial["kinds"] = self.instance.kinds or [self.instance.kind]
            self.initial["skills"] = ", ".join(self.instance.skills or [])
