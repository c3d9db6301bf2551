from django import forms

from . import kinds as kind_registry


class PreferencesForm(forms.Form):
    """One checkbox per registered kind: receive it by email."""

    def __init__(self, *args, initial_prefs: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kind_registry.kinds():
            self.fields[f"email_{kind.kind}"] = forms.BooleanField(
                label=kind.label, required=False, initial=initial_prefs.get(kind.kind, True)
            )

    def email_by_kind(self) -> dict[str, bool]:
        return {name.removeprefix("email_"): value for name, value in self.cleaned_data.items()}
