"""What notifications hold about a person: the notifications, preferences and digests,
removed on erasure; read notifications are purged after a while anyway (privacy's
retention task)."""

import json

from django.db.models import Q, TextField, Value
from django.db.models.functions import Cast, Replace
from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Digest, Notification, NotificationPreference


def _renamed(value, name: str, replacement: str):
    if isinstance(value, str):
        return value.replace(name, replacement)
    if isinstance(value, list):
        return [_renamed(item, name, replacement) for item in value]
    if isinstance(value, dict):
        return {key: _renamed(item, name, replacement) for key, item in value.items()}
    return value


def _erase(user) -> None:
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    Digest.objects.filter(user=user).delete()
    # Other people's notifications name the person ("Camille wrote to you"): renamed,
    # in what was stored as written and in the parameters the sentences are made of.
    name, replacement = user.display_name, str(_("Deleted participant"))
    if not name:
        return
    for field in ("title", "body"):
        Notification.objects.filter(**{f"{field}__contains": name}).update(
            **{field: Replace(field, Value(name), Value(replacement))}
        )
    escaped = json.dumps(name)[1:-1]  # how a JSON column may store an accented name
    naming = Notification.objects.annotate(params_text=Cast("params", TextField())).filter(
        Q(params_text__contains=name) | Q(params_text__contains=escaped)
    )
    for notification in naming.only("pk", "params").iterator():
        notification.params = _renamed(notification.params, name, replacement)
        notification.save(update_fields=["params"])


def _notification_row(notification) -> dict:
    """As the person reads it (in their language), not the stored parameters."""
    return {
        "kind": notification.kind,
        "text": notification.text,
        "body": notification.body_text,
        "url": notification.url,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
    }


def _notification_row(notification) -> dict:
    """As the person reads it (in their language), not the stored parameters."""
    return {
        "kind": notification.kind,
        "text": notification.text,
        "body": notification.body_text,
        "url": notification.url,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
    }


def _export(user) -> dict:
    notifications = Notification.objects.filter(user=user).order_by("pk")
    return {
        "notifications": [_notification_row(n) for n in notifications],
        "preferences": rows(NotificationPreference.objects.filter(user=user), "kind", "channel"),
        "digests": rows(Digest.objects.filter(user=user), "frequency", "period", "sent_at"),
    }


notifications = PersonalData(
    key="notifications",
    label=_("Notifications and their preferences"),
    retention=_("notifications are deleted after the retention period shown above"),
    on_erasure=_("removed"),
    export=_export,
    erase=_erase,
)
