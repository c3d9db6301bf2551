"""One-click unsubscribe links (RFC 8058): signed, no login, one person and one topic.

A topic is a notification kind, a digest frequency (`digest:weekly`), a
territory's newsletter (`newsletter:<territory id>`) or everything (`*`). The
link carries the person's id and the topic, signed with the site's secret: it
cannot be changed into another person's or another topic's link.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.registry import Registry

from . import kinds as kind_registry

SALT = "ensemble.notifications.unsubscribe"
ALL = "*"
DIGEST_PREFIX = "digest:"


@dataclass(frozen=True)
class TopicHandler:
    """What a higher app unsubscribes from (newsletters): `prefix:<value>` topics."""

    prefix: str
    label: Callable[[str], str]
    stop: Callable[..., None]  # stop(user=, value=); value "" for everything


handlers: Registry[TopicHandler] = Registry("unsubscribe topics", key=lambda h: h.prefix)


def token(*, user, topic: str) -> str:
    return signing.dumps([user.pk, topic], salt=SALT, compress=True)


def url(*, user, topic: str) -> str:
    return reverse("notifications:unsubscribe", kwargs={"token": token(user=user, topic=topic)})


def read(value: str) -> tuple[int, str] | None:
    """The (user id, topic) a token was made for, or None when it was not made here."""
    try:
        user_id, topic = signing.loads(value, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or not isinstance(topic, str):
        return None
    return user_id, topic


def label(topic: str):
    if topic == ALL:
        return _("every email from the platform")
    if topic.startswith(DIGEST_PREFIX):
        return _("this digest")
    prefix, _sep, value = topic.partition(":")
    handler = handlers.find(prefix)
    if handler is not None and value:
        return handler.label(value)
    return kind_registry.label(topic)
