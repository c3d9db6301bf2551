"""Events of a territory; for now, the workshops of a consultation.

Registration has a capacity and a waiting list; `registered_count` and
`waitlist_count` are stored counters kept by the services.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import PlacedModel, TimeStampedModel


class Event(TimeStampedModel, PlacedModel):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        SKILL_SHARING = "skill_sharing", _("Skill-sharing session")
        MEETING = "meeting", _("Public meeting")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="events"
    )
    consultation = models.ForeignKey(
        "participation.Consultation", on_delete=models.CASCADE, null=True, blank=True,
        related_name="workshops", verbose_name=_("consultation"),
    )  # fmt: skip
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

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["territory", "starts_at"]),
            models.Index(fields=["consultation", "starts_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "events:detail", kwargs={"territory_slug": self.territory.slug, "pk": self.pk}
        )

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
