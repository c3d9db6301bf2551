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


def with_places_q(prefix: str = "") -> Q:
    """Places left: no limit, or fewer people registered than the capacity."""
    return Q(**{f"{prefix}capacity__isnull": True}) | Q(
        **{f"{prefix}registered_count__lt": models.F(f"{prefix}capacity")}
    )


class EventQuerySet(models.QuerySet):
    def past(self, now=None) -> "EventQuerySet":
        return self.filter(past_q(now))

    def upcoming(self, now=None) -> "EventQuerySet":
        """Not over yet: to come, or under way."""
        return self.filter(~past_q(now))

    def with_places(self) -> "EventQuerySet":
        """Not cancelled, with places left (`with_places_q`)."""
        return self.filter(with_places_q(), is_cancelled=False)

    def between(self, start=None, end=None) -> "EventQuerySet":
        """Events that overlap [start, end): one that started before `start` and runs on counts."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(ends_at__gt=start)
        if end is not None:
            queryset = queryset.filter(starts_at__lt=end)
        return queryset


class Event(TimeStampedModel, PlacedModel):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        SKILL_SHARING = "skill_sharing", _("Know-how sharing session")
        PROJECT = "project", _("Project event")
        WORKSHOP = "workshop", _("Consultation workshop")
        NETWORK = "network", _("Network event")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.WORKSHOP)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    online_url = models.URLField(
        _("online link"), max_length=500, blank=True,
        help_text=_("For an event online or hybrid: the link to join it."),
    )  # fmt: skip
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events", verbose_name=_("neighbourhood"),
    )  # fmt: skip
    themes = models.ManyToManyField(
        "territories.Theme", blank=True, related_name="events", verbose_name=_("themes")
    )
    # Who organises it: a person (always), and the project or organisation they act for.
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="organised_events", verbose_name=_("organiser"),
    )  # fmt: skip
    project = models.ForeignKey(
        "projects.Project", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events", verbose_name=_("project"),
    )  # fmt: skip
    organisation = models.ForeignKey(
        "actors.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events", verbose_name=_("organisation"),
    )  # fmt: skip
    # "I offer an accounting workshop for associations" is an offer and an event.
    need = models.ForeignKey(
        "projects.Need", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events", verbose_name=_("need it answers"),
    )  # fmt: skip
    offer = models.ForeignKey(
        "actors.Offer", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events", verbose_name=_("offer it carries out"),
    )  # fmt: skip
    registration_opens_at = models.DateTimeField(
        _("registration opens at"), null=True, blank=True,
        help_text=_("Empty: registration is open as soon as the event is published."),
    )  # fmt: skip
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

    def registration_not_open_yet(self, now=None) -> bool:
        return self.registration_opens_at is not None and self.registration_opens_at > (
            now or timezone.now()
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
    # Recorded by the organisers afterwards: None until they do.
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    # The day-before reminder, sent once (the task may run again).
    reminded_at = models.DateTimeField(null=True, blank=True)

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
