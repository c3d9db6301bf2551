"""What matching holds about a person: their alerts for new needs, removed on erasure."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import MatchAlert

alerts = PersonalData(
    key="match_alerts",
    label=_("Alerts for new needs"),
    retention=_("until you turn them off"),
    on_erasure=_("removed"),
    export=lambda user: rows(
        MatchAlert.objects.filter(user=user),
        "organisation_id",
        "territory_id",
        "mode",
        "is_active",
    ),
    erase=lambda user: MatchAlert.objects.filter(user=user).delete(),
)
