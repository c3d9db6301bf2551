from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ensemble.actors.models import Organisation
from ensemble.actors.selectors import organisation_list
from ensemble.needtypes.types import kind_choices, need_types
from ensemble.territories.selectors import neighbourhood_list, theme_list

from .models import Need, Project, ProjectImage, ProjectUpdate
from .selectors import SORTS


class ProjectForm(forms.ModelForm):
    """One form to create or edit a project; themes and neighbourhoods are the territory's."""

    sections = [
        (_("The project"), "", ["title", "summary", "description", "stage", "themes"]),
        (_("Place"), _("Optional: where it happens, to find it nearby and on the map."),
         ["neighbourhood", "address", "latitude", "longitude"]),
        (_("Sharing"), "", ["is_replicable"]),
    ]  # fmt: skip

    class Meta:
        model = Project
        fields = [
            "title", "summary", "description", "stage", "themes", "neighbourhood", "address",
            "latitude", "longitude", "is_replicable",
        ]  # fmt: skip
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 12}),
        }
        help_texts = {
            "description": _("Markdown: **bold**, *italics*, lists, [links](https://…)."),
            "latitude": _("Optional: places the project on the map."),
        }

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_list(territory=territory)
        self.fields["neighbourhood"].queryset = neighbourhood_list(territory=territory)


class NeedForm(forms.ModelForm):
    """A need; its details (how many, how much, what surface…) are those its type asks.

    Each detail says which kinds ask it (`data-show-for`): without JavaScript every
    detail is shown with the kinds it is for; `forms.js` shows only the chosen kind's.
    The type checks them again on the server (`NeedType.need_check`)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=kind_choices)
    DETAILS = ("skill", "quantity", "amount", "surface", "schedule")

    sections = [
        (_("The need"), "", ["kind", "title", "description", "deadline"]),
        (_("Details"), _("What this kind of need asks; all optional but the skill."), DETAILS),
    ]

    class Meta:
        model = Need
        fields = [
            "kind", "title", "description", "skill", "quantity", "amount", "surface", "schedule",
            "deadline",
        ]  # fmt: skip
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].widget.attrs["min"] = timezone.localdate().isoformat()
        for name in self.DETAILS:
            kinds = [need_type for need_type in need_types() if name in need_type.details]
            field = self.fields[name]
            field.widget.attrs["data-show-for"] = " ".join(kind.kind for kind in kinds)
            field.widget.attrs["data-show-field"] = "kind"
            field.help_text = _("For: %(kinds)s.") % {
                "kinds": ", ".join(str(kind.label) for kind in kinds)
            }


class ProjectUpdateForm(forms.ModelForm):
    class Meta:
        model = ProjectUpdate
        fields = ["title", "body"]
        help_texts = {"body": _("Markdown: **bold**, *italics*, lists, [links](https://…).")}


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person to invite"))


class ReplicateForm(forms.Form):
    territory = forms.ChoiceField(label=_("Territory where you want to start it"))

    def __init__(self, *args, territories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].choices = [(t.slug, t.name) for t in territories]


class ProjectFilterForm(forms.Form):
    """The directory's filters (GET); unknown values are ignored, never an error page."""

    SORT_CHOICES = [
        ("newest", _("Newest")), ("title", _("Title")), ("followed", _("Most followed")),
        ("needs", _("Most open needs")),
    ]  # fmt: skip

    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All stages")), *Project.Stage.choices]
    )
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    need_kind = forms.ChoiceField(label=_("Looking for"), required=False)
    open_needs_only = forms.BooleanField(label=_("Only projects with open needs"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (t.slug, t.name) for t in theme_list(territory=territory)
        ]
        self.fields["neighbourhood"].choices = [("", _("All neighbourhoods"))] + [
            (n.slug, n.name) for n in neighbourhood_list(territory=territory)
        ]
        self.fields["need_kind"].choices = [("", _("Any need")), *kind_choices()]

    def filters(self) -> tuple[dict, str]:
        """The valid filters and the sort; an invalid field is dropped, not reported."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value}
        sort = data.pop("sort", "newest")
        return data, sort if sort in SORTS else "newest"


class ImageForm(forms.Form):
    """A file checked and re-encoded by `project_image_add`, and what it shows."""

    image = forms.FileField(
        label=_("Image"),
        help_text=_("JPEG, PNG, GIF or WebP."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    alt_text = forms.CharField(
        label=capfirst(ProjectImage._meta.get_field("alt_text").verbose_name),
        max_length=250,
        help_text=ProjectImage._meta.get_field("alt_text").help_text,
    )


class LinkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    url = forms.URLField(
        label=_("Address"),
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A web address starting with https:// or http://."),
    )


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        error_messages={
            "invalid_choice": _("Choose one of the organisations acting in this territory.")
        },
    )

    def __init__(self, *args, territory, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisation_list(territory=territory)
            .select_related(None)
            .prefetch_related(None)
            .exclude(pk__in=project.partners.values("pk"))
            .only("pk", "name")
        )
