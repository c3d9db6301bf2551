from itertools import groupby

from django.db.models import QuerySet
from django.utils import timezone

from . import kinds as kind_registry
from .models import Notification, NotificationPreference


def notification_list(*, user, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(user=user)
    if unread_only:
        notifications = notifications.unread()
    return notifications.order_by("-created_at", "-pk")


def by_day(notifications) -> list[tuple]:
    """[(date, [notifications…])…] in the current time zone, newest day first."""
    return [
        (day, list(group))
        for day, group in groupby(
            notifications, key=lambda n: timezone.localtime(n.created_at).date()
        )
    ]


def unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.unread().filter(user=user).count()


def notification_get(*, user, pk: int) -> Notification:
    return Notification.objects.get(user=user, pk=pk)


def preferences(*, user) -> dict[str, str]:
    """Every registered kind → the person's channel for it, or its default (one query)."""
    saved = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind.kind: saved.get(kind.kind, kind.channel) for kind in kind_registry.kinds()}
