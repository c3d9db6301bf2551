"""Telling people: the in-app notification and, as they chose, an email now or in a digest.

`notify` is called where something happens (a request, a task): it queues the
delivery. The delivery writes the notification once per event and person (its
`key`), so a task that runs twice tells nobody twice, and sends the email in
the reader's language when they want this kind immediately.
"""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ensemble.accounts.languages import user_language

from . import kinds as kind_registry
from . import unsubscribe
from .emails import person_email_send_later
from .kinds import DIGEST_CHANNELS, Channel
from .links import absolute
from .models import Notification, NotificationPreference


def _check_kind(kind: str) -> None:
    if not kind_registry.is_registered(kind):
        raise ValueError(
            f"Unknown notification kind {kind!r}: register it from its app's registrations.py"
        )


def notify(
    *, user, kind: str, title: str = "", url: str = "", body: str = "", territory=None,
    email: bool = True, params: dict | None = None, key: str = "",
) -> bool:  # fmt: skip
    """Queue telling `user` about `kind`; False for an inactive person (nothing queued).

    With `params` the text is written at read time in the reader's language from
    the kind's template; with only `title`, that title is shown as stored.
    `key` names the event (`answer:12`): the same event is told once per person.
    `email=False`: no email right now (a throttle, an alert "in the digest"); a kind
    the person wants immediately then waits for their weekly digest, if still unread.
    """
    if not user.is_active:
        return False
    _check_kind(kind)
    from .tasks import notification_deliver  # the task module imports this one

    notification_deliver.enqueue(
        user_id=user.pk, kind=kind, title=title[:200], url=url, body=body,
        territory_id=territory.pk if territory is not None else None, email=email,
        params=params, key=key or f"{kind}:{uuid.uuid4().hex}",
    )  # fmt: skip
    return True


def deliver(
    *, user, kind: str, key: str, title: str = "", url: str = "", body: str = "",
    territory=None, email: bool = True, params: dict | None = None,
) -> Notification | None:  # fmt: skip
    """Write the notification (once per `key` and person) and email it if wanted now.

    Fan-out tasks that already run in a worker call this directly.
    """
    if not user.is_active:
        return None
    _check_kind(kind)
    if Notification.objects.filter(user=user, key=key).exists():
        return None
    channel = channel_for(user=user, kind=kind) if user.email else Channel.NEVER
    if channel == Channel.IMMEDIATE and not email:
        channel = Channel.WEEKLY
    notification = Notification(
        user=user, kind=kind, params=params, title=title[:200], body=body, url=url,
        territory=territory, key=key, channel=channel,
    )  # fmt: skip
    notification.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:  # the same event, delivered by a concurrent run
        return None
    if channel == Channel.IMMEDIATE:
        _send_email(notification)
    return notification


def _send_email(notification: Notification) -> None:
    user, territory = notification.user, notification.territory
    with translation.override(user_language(user)):
        subject = notification.text
    person_email_send_later(
        user=user, subject=subject, template="notifications/email/notification",
        context={"notification": notification, "url": absolute(notification.url, territory)},
        topic=notification.kind, territory=territory,
    )  # fmt: skip


def channel_for(*, user, kind: str) -> str:
    chosen = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("channel", flat=True)
        .first()
    )
    return chosen or kind_registry.default_channel(kind)


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
def preferences_update(*, user, channel_by_kind: dict[str, str]) -> None:
    """Save the channel of each kind (unknown kinds and channels refused).

    What waits for a digest follows the new choice: to the other digest, or dropped.
    """
    for kind, channel in channel_by_kind.items():
        entry = kind_registry.get(kind)
        if entry is None:
            raise ValidationError({"kind": _("Unknown kind of notification.")})
        if channel not in entry.channels:
            raise ValidationError({kind: _("This channel is not available for this kind.")})
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"channel": channel}
        )
        Notification.objects.digest_pending().filter(user=user, kind=kind).exclude(
            channel=channel
        ).update(channel=channel if channel in DIGEST_CHANNELS else Channel.NEVER)


def preferences_expand(channel_by_kind: dict[str, str]) -> dict[str, str]:
    """`{"*": channel, kind: channel}` → one entry per kind; `*` skips kinds without that
    channel (a digest-only kind is never "immediately"), a named kind wins over `*`."""
    every = channel_by_kind.get("*")
    expanded = {}
    if every is not None:
        expanded = {k.kind: every for k in kind_registry.kinds() if every in k.channels}
        if not expanded:
            raise ValidationError({"*": _("Unknown channel.")})
    expanded.update({kind: channel for kind, channel in channel_by_kind.items() if kind != "*"})
    return expanded


def unsubscribe_apply(*, user, topic: str) -> None:
    """Stop what an unsubscribe link names: a kind, a digest, a newsletter, or everything."""
    from . import selectors

    current = selectors.preferences(user=user)
    if topic == unsubscribe.ALL:
        preferences_update(user=user, channel_by_kind=dict.fromkeys(current, Channel.NEVER))
        for handler in unsubscribe.handlers:
            handler.stop(user=user, value="")
        return
    if topic.startswith(unsubscribe.DIGEST_PREFIX):
        frequency = topic.removeprefix(unsubscribe.DIGEST_PREFIX)
        stopped = [kind for kind, channel in current.items() if channel == frequency]
        preferences_update(user=user, channel_by_kind=dict.fromkeys(stopped, Channel.NEVER))
        return
    prefix, _sep, value = topic.partition(":")
    handler = unsubscribe.handlers.find(prefix)
    if handler is not None and value:
        handler.stop(user=user, value=value)
    elif kind_registry.is_registered(topic):
        preferences_update(user=user, channel_by_kind={topic: Channel.NEVER})
