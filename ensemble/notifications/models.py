from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import kinds as kind_registry
from .kinds import DIGEST_CHANNELS, Channel


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def digest_pending(self):
        """Waiting for the person's next digest (the same expression as its index)."""
        return self.filter(DIGEST_PENDING)


DIGEST_PENDING = models.Q(digested_at__isnull=True, channel__in=DIGEST_CHANNELS)


class Notification(models.Model):
    """One thing a person is told about, in the app (and perhaps by email).

    It stores the kind and its parameters; the sentence is written when it is
    read, in the reader's language (`text`, `body_text`). `title` and `body`
    hold what a caller wrote itself (no parameters), shown as stored.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=60)
    params = models.JSONField(_("parameters"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    # One event told once to one person, however often the task that tells runs.
    key = models.CharField(_("event key"), max_length=150, blank=True)
    # How the person wanted this kind when it happened: an email now, a digest, or none.
    channel = models.CharField(_("channel"), max_length=12, choices=Channel, default=Channel.NEVER)
    digested_at = models.DateTimeField(_("sent in a digest at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=False)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at", "created_at"], name="notif_user_read_created"),
            models.Index(fields=["user", "-created_at"], name="notif_user_created"),
            models.Index(fields=["user", "channel"], condition=DIGEST_PENDING,
                         name="notif_digest_pending"),
        ]  # fmt: skip
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~models.Q(key=""), name="notif_unique_event"
            )
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.text

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def _rendered(self) -> tuple[str, str]:
        entry = kind_registry.get(self.kind)
        if entry is None:
            return self.title, self.body
        return entry.render(self.params, self.title, self.body)

    @property
    def text(self) -> str:
        """The one-line sentence, in the active language."""
        return self._rendered()[0]

    @property
    def body_text(self) -> str:
        return self._rendered()[1]


class NotificationPreference(models.Model):
    """A person's channel for one kind; no row means the kind's default channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=60)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_pref_unique_user_kind")
        ]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.channel}"


class Digest(models.Model):
    """A digest sent to a person: at most one per person, frequency and period."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=[(c.value, c.label) for c in DIGEST_CHANNELS]
    )
    period = models.CharField(_("period"), max_length=10)  # 2026-12-04 or 2026-W49
    items = models.PositiveIntegerField(_("items"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period"], name="digest_once_per_period"
            )
        ]
        indexes = [models.Index(fields=["user", "frequency", "-sent_at"], name="digest_last")]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")

    def __str__(self) -> str:
        return f"{self.user_id} {self.frequency} {self.period}"
