"""Forms of the event pages: an event, new or changed, and registration."""

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from ensemble.accounts.models import User
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

    class Meta:
        model = Event
        fields = ["title", "description", "starts_at", "ends_at", "address", "capacity"]
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
