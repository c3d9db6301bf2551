"""Forms of the event pages: an event, new or changed, and registration."""

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from ensemble.accounts.models import User
from ensemble.events.choices import event_form_choices
from ensemble.events.models import Event
from ensemble.territories.predicates import is_territory_member

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
MARKDOWN_HELP = _("Markdown: **bold**, *italics*, lists, [links](https://…).")


def _datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class EventForm(forms.ModelForm):
    """An event, new or changed; its facilitators are named by their email address, one a line."""

    facilitator_emails = forms.CharField(
        label=_("Facilitators"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Their email addresses, one a line. They must be members of the territory; they "
            "will see who registered and record what the groups propose."
        ),
    )

    sections = [
        (_("The event"), "", ["kind", "title", "description", "facilitator_emails"]),
        (_("When"), _("Dates and times are those of the territory."),
         ["starts_at", "ends_at", "registration_opens_at", "capacity"]),
        (_("Place"), "", ["address", "latitude", "longitude", "online_url", "neighbourhood"]),
        (_("Links"), "", ["themes", "project", "organisation", "need", "offer"]),
    ]  # fmt: skip

    class Meta:
        model = Event
        fields = ["title", "description", "starts_at", "ends_at", "address", "latitude",
                  "longitude", "capacity"]  # fmt: skip
        widgets = {
            "starts_at": _datetime_widget(),
            "ends_at": _datetime_widget(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {"description": MARKDOWN_HELP}

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs["min"] = 1
        if self.instance.pk and not self.is_bound:
            self.initial["facilitator_emails"] = "\n".join(
                self.instance.facilitators.values_list("email", flat=True)
            )

    def clean_facilitator_emails(self) -> list[User]:
        emails = [line.strip().lower() for line in self.cleaned_data["facilitator_emails"].split()]
        emails = list(dict.fromkeys(e for e in emails if e))
        for email in emails:
            try:
                validate_email(email)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(email)s” is not an email address."), params={"email": email}
                ) from None
        users = {user.email.lower(): user for user in User.objects.filter(email__in=emails)}
        # Who may facilitate is the services' rule (members, network admins): asked, not copied.
        unknown = [
            email
            for email in emails
            if email not in users or not is_territory_member(users[email], self.territory)
        ]
        if unknown:
            raise forms.ValidationError(
                _("Nobody in the territory uses these addresses: %(emails)s."),
                params={"emails": ", ".join(unknown)},
            )
        return [users[email] for email in emails]

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must come after the start."))
        return data

    def service_data(self) -> dict:
        data = {field: self.cleaned_data[field] for field in self.Meta.fields}
        data["facilitators"] = self.cleaned_data["facilitator_emails"]
        return data


class RegistrationForm(forms.Form):
    action = forms.ChoiceField(choices=[("register", "register"), ("cancel", "cancel")])


class CalendarEventForm(EventForm):
    """An event a person puts on the calendar: its kind, place or link, and what it is linked to.

    The choices are what the person may name (their projects, organisations and
    offers, the territory's open needs); the services check it again.
    """

    online_url = forms.URLField(
        label=_("Online link"), required=False, max_length=500, assume_scheme="https",
        help_text=_("For an event online or hybrid: the link to join it."),
    )  # fmt: skip

    class Meta(EventForm.Meta):
        fields = [
            "kind", "title", "description", "starts_at", "ends_at", "address", "latitude",
            "longitude", "online_url", "neighbourhood", "themes", "capacity",
            "registration_opens_at", "project", "organisation", "need", "offer",
        ]  # fmt: skip
        widgets = {
            **EventForm.Meta.widgets,
            "registration_opens_at": _datetime_widget(),
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, territory, user, **kwargs):
        super().__init__(*args, territory=territory, **kwargs)
        choices = event_form_choices(user=user, territory=territory, event=self.instance)
        self.fields["kind"].choices = choices.kinds
        for name in ("neighbourhood", "themes", "project", "organisation", "need", "offer"):
            self.fields[name].queryset = getattr(choices, name)
        self.fields["project"].help_text = _("A project you work on (for a project event).")
        self.fields["organisation"].help_text = _("The organisation you organise it for.")
        self.fields["need"].help_text = _("An open need of a project that this event answers.")
        self.fields["offer"].help_text = _(
            "“I offer an accounting workshop for associations”: the offer this event carries out."
        )

    def service_data(self) -> dict:
        data = super().service_data()
        data["themes"] = list(self.cleaned_data["themes"])
        return data


class CalendarFilterForm(forms.Form):
    """The calendar's filters (GET); a wrong value is dropped, never an error page."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    with_places = forms.BooleanField(label=_("Only with places left"), required=False)

    def __init__(self, *args, themes, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *Event.Kind.choices]
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in themes]
        self.fields["neighbourhood"].choices = [("", _("All neighbourhoods"))] + [
            (n.slug, n.name) for n in neighbourhoods
        ]

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(
        label=_("People present"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (str(row.user_id), row.name or _("A resident")) for row in registrations
        ]
        self.initial.setdefault(
            "present", [str(row.user_id) for row in registrations if row.attended]
        )
