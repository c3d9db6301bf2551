from django import forms
from django.utils.translation import gettext_lazy as _


class AccountDeleteForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type your email address to confirm"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )  # fmt: skip
