from django import forms

from . import kinds as kind_registry
from .kinds import Channel


class PreferencesForm(forms.Form):
    """One choice per registered kind: immediately, daily digest, weekly digest or never."""

    def __init__(self, *args, initial_prefs: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kind_registry.kinds():
            self.fields[f"channel_{kind.kind}"] = forms.ChoiceField(
                label=kind.label,
                choices=[(c.value, c.label) for c in Channel if c.value in kind.channels],
                initial=initial_prefs.get(kind.kind, kind.channel),
            )

    def channel_by_kind(self) -> dict[str, str]:
        return {name.removeprefix("channel_"): value for name, value in self.cleaned_data.items()}
