"""Forms of the practice library: a sheet, the library's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.practices.models import Practice
from ensemble.projects.models import Project
from ensemble.territories.models import Territory, Theme
from ensemble.territories.selectors import theme_list

MARKDOWN_HELP = _("Markdown: **bold**, *italics*, lists, [links](https://…).")


class PracticeForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = [
            "title", "summary", "problem", "solution", "results", "cost", "cost_range",
            "territory_size", "partners", "contact", "replicable", "replication_notes", "themes",
            "projects", "replicated_from",
        ]  # fmt: skip
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "solution": forms.Textarea(attrs={"rows": 8}),
            "results": forms.Textarea(attrs={"rows": 5}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "replication_notes": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "problem": MARKDOWN_HELP, "solution": MARKDOWN_HELP,
            "results": _("With figures: people reached, money saved, tonnes avoided…"),
            "cost": _("In words: “€3,000 a year and two volunteers”."),
        }  # fmt: skip

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_list(territory=territory)
        self.fields["projects"].queryset = (
            Project.objects.published().filter(territory=territory).order_by("title")
        )
        self.fields["projects"].required = False
        self.fields["replicated_from"].queryset = (
            Practice.objects.published().exclude(pk=self.instance.pk).select_related("territory")
        )
        self.fields["replicated_from"].label_from_instance = lambda practice: (
            f"{practice.title} ({practice.territory.name})"
        )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["themes"] = list(data["themes"])
        data["projects"] = list(data["projects"])
        return data


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    territory_size = forms.ChoiceField(label=_("Size of the territory"), required=False)
    cost_range = forms.ChoiceField(label=_("Cost"), required=False)
    bookmarked = forms.BooleanField(label=_("Only my bookmarks"), required=False)
    mine = forms.BooleanField(label=_("Sheets I write (drafts included)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (t.slug, t.name) for t in Theme.objects.filter(territory__isnull=True)
        ]
        self.fields["country"].choices = [("", _("All countries")), *Territory.Country.choices]
        self.fields["territory_size"].choices = [
            ("", _("All sizes")),
            *Practice.TerritorySize.choices,
        ]
        self.fields["cost_range"].choices = [("", _("Any cost")), *Practice.Cost.choices]

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
