"""Forms of the knowledge base: a resource, an attachment, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.needtypes.types import kind_choices
from ensemble.resources.attachments import ACCEPTED_EXTENSIONS, MAX_BYTES
from ensemble.resources.models import Resource
from ensemble.territories.selectors import theme_list

MARKDOWN_HELP = _("Markdown: **bold**, *italics*, lists, [links](https://…).")


class ResourceForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, max_length=500,
                             assume_scheme="https")  # fmt: skip

    class Meta:
        model = Resource
        fields = [
            "kind", "title", "summary", "body", "themes", "need_kind", "funder", "amount",
            "deadline", "address", "opening_hours", "phone", "email", "website",
        ]  # fmt: skip
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "body": MARKDOWN_HELP,
            "deadline": _("A funding call: shown as open until then, archived after."),
        }

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_list(territory=territory)
        self.fields["need_kind"] = forms.ChoiceField(
            label=_("Kind of need it helps with"), required=False,
            choices=[("", _("None in particular")), *kind_choices()],
        )  # fmt: skip

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = list(data["themes"])
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, image or office document, %(max)s MB at most.")
        % {"max": MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )


class ResourceFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    open = forms.BooleanField(label=_("Only open funding calls"), required=False)
    archived = forms.BooleanField(label=_("Archived funding calls"), required=False)

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *Resource.Kind.choices]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (t.slug, t.name) for t in theme_list(territory=territory)
        ]

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
