from django.db.models import QuerySet

from . import kinds as kind_registry
from .models import Notification, NotificationPreference


def notification_list(*, user, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(user=user)
    if unread_only:
        notifications = notifications.unread()
    return notifications.order_by("-created_at", "-pk")


def unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.unread().filter(user=user).count()


def notification_get(*, user, pk: int) -> Notification:
    return Notification.objects.get(user=user, pk=pk)


def preferences(*, user) -> dict[str, bool]:
    """Every registered kind → whether the person wants it by email (one query)."""
    saved = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind.kind: saved.get(kind.kind, True) for kind in kind_registry.kinds()}
