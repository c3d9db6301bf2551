"""Events of a territory: its calendar, with registration, a capacity and a waiting list.

`registered_count` and `waitlist_count` are stored counters kept by the
services. The events app knows nothing of what an event belongs to: an app
that links events to its own objects (a consultation's workshops) does it
from its side and tells events what it decides through `policies`.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import PlacedModel, TimeStampedModel


def past_q(now=None, prefix: str = "") -> Q:
    """An event is past once its end has passed: the one definition (querysets, aggregates)."""
    return Q(**{f"{prefix}ends_at__lte": now or timezone.now()})


class EventQuerySet(models.QuerySet):
    def past(self, now=None) -> "EventQuerySet":
        return self.filter(past_q(now))

    def upcoming(self, now=None) -> "EventQuerySet":
        """Not over yet: to come, or under way."""
        return self.filter(~past_q(now))


class Event(TimeStampedModel, PlacedModel):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        SKILL_SHARING = "skill_sharing", _("Skill-sharing session")
        MEETING = "meeting", _("Public meeting")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.WORKSHOP)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit. Beyond it, people join the waiting list."),
    )  # fmt: skip
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_events",
        verbose_name=_("facilitators"),
    )  # fmt: skip
    # People present, counted by a facilitator after the event (in-person participation).
    participants_count = models.PositiveIntegerField(_("people present"), null=True, blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registered_count = models.PositiveIntegerField(default=0)
    waitlist_count = models.PositiveIntegerField(default=0)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["territory", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "events:detail", kwargs={"territory_slug": self.territory.slug, "pk": self.pk}
        )

    def is_past(self, now=None) -> bool:
        """`past_q` for one event in memory."""
        return self.ends_at <= (now or timezone.now())

    def has_started(self, now=None) -> bool:
        return self.starts_at <= (now or timezone.now())

    @property
    def places_left(self) -> int | None:
        """Free places from the stored counter; None when there is no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered_count, 0)


class Registration(TimeStampedModel):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_unique")
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.event_id} ({self.status})"
