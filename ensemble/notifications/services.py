"""Telling people: the in-app notification and, unless they opted out, an email."""

from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.core.tasks import email_enqueue

from . import kinds as kind_registry
from .models import Notification, NotificationPreference


def _absolute(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return f"https://{Site.objects.get_current().domain}{url}"


def _wants_email(user, kind: str) -> bool:
    preference = NotificationPreference.objects.filter(user=user, kind=kind).first()
    return preference is None or preference.email


def _send_email(notification: Notification) -> None:
    context = {
        "notification": notification,
        "user": notification.user,
        "url": _absolute(notification.url),
        "preferences_url": _absolute(reverse("notifications:list")),
    }
    message = EmailMultiAlternatives(
        subject=notification.title,
        body=render_to_string("notifications/email/notification.txt", context),
        to=[notification.user.email],
    )
    message.attach_alternative(
        render_to_string("notifications/email/notification.html", context), "text/html"
    )
    email_enqueue(message)


def notify(
    *, user, kind: str, title: str, url: str = "", body: str = "", territory=None,
    email: bool = True,
) -> Notification | None:  # fmt: skip
    """Create the in-app notification and queue its email through the task queue.

    An inactive person gets nothing (returns None). The email goes only if
    `email` is true, the person has an address and has not opted out of `kind`.
    """
    if not user.is_active:
        return None
    if not kind_registry.is_registered(kind):
        raise ValueError(
            f"Unknown notification kind {kind!r}: register it from its app's registrations.py"
        )
    notification = Notification(
        user=user, kind=kind, title=title[:200], body=body, url=url, territory=territory
    )
    notification.full_clean()
    notification.save()
    if email and user.email and _wants_email(user, kind):
        _send_email(notification)
    return notification


def notification_mark_read(*, actor, notification: Notification) -> Notification:
    if notification.user_id != actor.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_read(*, user, ids) -> int:
    """Mark these notifications of `user` as read (others' ids are ignored); how many."""
    return (
        Notification.objects.unread()
        .filter(user=user, pk__in=list(ids))
        .update(read_at=timezone.now())
    )


def mark_all_read(*, user) -> int:
    return Notification.objects.unread().filter(user=user).update(read_at=timezone.now())


@transaction.atomic
def preferences_update(*, user, email_by_kind: dict[str, bool]) -> None:
    """Save which kinds the person wants by email (unknown kinds refused)."""
    for kind, wanted in email_by_kind.items():
        if not kind_registry.is_registered(kind):
            raise ValidationError({"kind": _("Unknown kind of notification.")})
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": bool(wanted)}
        )
