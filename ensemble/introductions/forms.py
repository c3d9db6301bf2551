from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.actors.models import Organisation

from .models import MESSAGE_MAX_LENGTH


class IntroductionForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea,
        help_text=_("Say who you are, what you need and how they could help."),
    )  # fmt: skip


class HelpOfferForm(IntroductionForm):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), required=False,
        empty_label=_("Myself"),
    )  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = _("Say what you can offer and when.")
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user
        ).order_by("name")
