"""The kinds of notification, declared by the app that sends them in its `registrations.py`.

    from ensemble.notifications.kinds import register
    register(
        "contribution_answered", _("A contribution you take part in is answered"),
        text=_("“%(title)s” got an answer: %(state)s"),
        params=lambda p: {**p, "state": AnswerState(p["state"]).label},
        channel=Channel.WEEKLY,
    )

A notification stores its kind and its parameters, never a sentence: `text`
(and `body`, when the kind writes one) are rendered when the notification is
read, in the reader's language. `params` turns stored values into words at
that moment (a state into its label, a theme's slug into its name); content
written by people (a title, a message) is stored and shown as written.

The preferences page lists the kinds in registration order, each with the
channel a newcomer gets until they choose (`channel`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from ensemble.core.registry import Registry


class Channel(models.TextChoices):
    IMMEDIATE = "immediately", _("Immediately by email")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    NEVER = "never", _("Never by email")


DIGEST_CHANNELS = (Channel.DAILY, Channel.WEEKLY)


@dataclass(frozen=True)
class Kind:
    kind: str
    label: str
    text: str | None = None
    body: str | None = None
    params: Callable[[dict], dict] | None = None
    channel: str = Channel.WEEKLY
    channels: tuple[str, ...] = tuple(Channel.values)

    def values(self, params: dict) -> dict:
        return self.params(params) if self.params is not None else params

    def render(self, params: dict | None, fallback_title: str, fallback_body: str):
        """(title, body) in the active language; what was stored when the kind cannot."""
        if params is None or self.text is None:
            return fallback_title, fallback_body
        try:
            values = self.values(params)
            title = str(self.text) % values
            body = str(self.body) % values if self.body is not None else fallback_body
        except (KeyError, ValueError, TypeError):  # params of an older version of the kind
            return fallback_title or str(self.label), fallback_body
        return title, body


registry: Registry[Kind] = Registry("notification kinds", key=lambda entry: entry.kind)


def register(
    kind: str, label, *, text=None, body=None, params: Callable[[dict], dict] | None = None,
    channel: str = Channel.WEEKLY, channels: tuple[str, ...] | None = None,
) -> Kind:  # fmt: skip
    """Declare a kind; a kind registered twice is an error (two apps claiming one name)."""
    entry = Kind(
        kind=kind, label=label, text=text, body=body, params=params, channel=channel,
        channels=tuple(channels or Channel.values),
    )  # fmt: skip
    registry.register(entry)
    return entry


def kinds() -> list[Kind]:
    return registry.all()


def is_registered(kind: str) -> bool:
    return kind in registry


def get(kind: str) -> Kind | None:
    return registry.find(kind)


def label(kind: str):
    entry = registry.find(kind)
    return entry.label if entry is not None else kind


def default_channel(kind: str) -> str:
    entry = registry.find(kind)
    return entry.channel if entry is not None else Channel.WEEKLY
