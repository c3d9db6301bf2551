from django import forms

from .models import Licence


class LicenceForm(forms.Form):
    licence = forms.ChoiceField(choices=Licence.choices)
