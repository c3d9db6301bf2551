"""What notifications hold about a person: the notifications and preferences, removed on
erasure; read notifications are purged after a while anyway (privacy's retention task)."""

from django.db.models import Value
from django.db.models.functions import Replace
from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Notification, NotificationPreference


def _erase(user) -> None:
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    # Other people's notifications name the person ("Camille wrote to you"): renamed.
    name, replacement = user.display_name, str(_("Deleted participant"))
    if name:
        for field in ("title", "body"):
            Notification.objects.filter(**{f"{field}__contains": name}).update(
                **{field: Replace(field, Value(name), Value(replacement))}
            )


notifications = PersonalData(
    key="notifications",
    label=_("Notifications and their preferences"),
    retention=_("notifications are deleted after the retention period shown above"),
    on_erasure=_("removed"),
    export=lambda user: {
        "notifications": rows(
            Notification.objects.filter(user=user),
            "kind",
            "title",
            "body",
            "url",
            "created_at",
            "read_at",
        ),
        "preferences": rows(NotificationPreference.objects.filter(user=user), "kind", "email"),
    },
    erase=_erase,
)
