from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MatchAlert


class AlertForm(forms.Form):
    target = forms.ChoiceField(label=_("For"), choices=())
    mode = forms.ChoiceField(
        label=_("When"), choices=MatchAlert.Mode.choices, initial=MatchAlert.Mode.IMMEDIATE
    )
    is_active = forms.BooleanField(
        label=_("Tell me about new needs that match these offers"), required=False, initial=True
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = targets
