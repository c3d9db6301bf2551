"""Consultations: processes with phases, a versioned charter, the people who took
part online, and workshops (events of the territory linked to a consultation).

The tables keep their names from the former `participation` app (`db_table`).
Stored counters (`*_count`) are kept true by the services of the apps that own
what they count, never by signals or `save()`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel

from . import phases as phase_registry
from .phases import PhaseKindField


def public_q(prefix: str = "") -> Q:
    """Published and open to everyone: what residents and search see. The one definition."""
    return Q(**{
        f"{prefix}status": Consultation.Status.PUBLISHED,
        f"{prefix}visibility": Consultation.Visibility.PUBLIC,
    })  # fmt: skip


class ConsultationQuerySet(models.QuerySet):
    def public(self) -> "ConsultationQuerySet":
        return self.filter(public_q())


class Consultation(TimeStampedModel):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        AGENTS = "agents", _("Public agents only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="consultations",
        verbose_name=_("territory"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=150)
    question = models.CharField(_("question asked"), max_length=300)
    description = models.TextField(_("description"), max_length=20000, blank=True)
    themes = models.ManyToManyField("territories.Theme", blank=True, verbose_name=_("themes"))
    neighbourhoods = models.ManyToManyField(
        "territories.Neighbourhood", blank=True, verbose_name=_("neighbourhoods"),
        help_text=_("Leave empty when the whole territory is concerned."),
    )  # fmt: skip
    visibility = models.CharField(
        _("who takes part"), max_length=10, choices=Visibility, default=Visibility.PUBLIC,
        help_text=_("An internal consultation is seen only by the territory's public agents."),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    supports_per_person = models.PositiveIntegerField(
        _("supports per person"), null=True, blank=True,
        help_text=_("How many contributions one person may support; empty: no limit."),
    )  # fmt: skip
    explanation_min_length = models.PositiveIntegerField(
        _("minimum length of an answer's explanation"), default=50,
        validators=[MinValueValidator(1), MaxValueValidator(2000)],
    )  # fmt: skip
    # The charter in force: its version number and its promise on answers,
    # copied from the newest CharterVersion by the services.
    charter_version = models.PositiveIntegerField(_("charter version"), default=0)
    answer_within_days = models.PositiveIntegerField(
        _("answer within (days)"), default=60,
        help_text=_("The charter's promise: every contribution gets an answer within this delay."),
    )  # fmt: skip
    # Stored counters, kept by the services. Hidden and merged contributions
    # are not counted in contributions_count / answered_count.
    contributions_count = models.PositiveIntegerField(default=0)
    answered_count = models.PositiveIntegerField(default=0)
    supports_count = models.PositiveIntegerField(default=0)
    results_count = models.PositiveIntegerField(default=0)
    # People who took part online, each once: the rows of Participant.
    participants_count = models.PositiveIntegerField(default=0)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        db_table = "participation_consultation"
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["territory", "status", "visibility", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "consultations:consultation_detail",
            kwargs={"territory_slug": self.territory.slug, "pk": self.pk},
        )

    @property
    def is_public(self) -> bool:
        """Published and open to everyone: `public_q` for one consultation in memory."""
        return self.status == self.Status.PUBLISHED and self.visibility == self.Visibility.PUBLIC

    @cached_property
    def ordered_phases(self) -> list["Phase"]:
        """The phases in order; uses the prefetch cache when selectors filled it."""
        return sorted(self.phases.all(), key=lambda phase: (phase.position, phase.starts_at))

    @property
    def active_phase(self) -> "Phase | None":
        return phase_registry.active_phase(self.ordered_phases)

    @property
    def features(self) -> frozenset:
        return phase_registry.features_at(self.ordered_phases)

    def allows(self, feature: phase_registry.Feature) -> bool:
        return self.status == self.Status.PUBLISHED and feature in self.features


class Phase(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="phases")
    kind = PhaseKindField(_("kind"))
    title = models.CharField(
        _("title"), max_length=150, blank=True, help_text=_("Empty: the name of the kind.")
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(
        _("ends at"), null=True, blank=True, help_text=_("Empty: open-ended.")
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "participation_phase"
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["position", "starts_at", "pk"]
        indexes = [models.Index(fields=["consultation", "starts_at"])]

    def __str__(self) -> str:
        return self.display_title

    @property
    def phase_type(self) -> phase_registry.PhaseType:
        return phase_registry.phase_type(self.kind)

    @property
    def display_title(self) -> str:
        return self.title or str(self.phase_type.label)

    @property
    def state(self) -> phase_registry.PhaseState:
        return phase_registry.phase_state(self.starts_at, self.ends_at)


class CharterVersion(models.Model):
    """One published version of a consultation's rules; versions are never edited."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="charter_versions"
    )
    version = models.PositiveIntegerField(_("version"))
    body = models.TextField(
        _("charter"), max_length=20000,
        help_text=_(
            "Who may take part, what will be done with the contributions, when answers come."
        ),
    )  # fmt: skip
    changes = models.TextField(
        _("what changed"), max_length=2000, blank=True,
        help_text=_("Shown in the public changelog."),
    )  # fmt: skip
    answer_within_days = models.PositiveIntegerField(
        _("answer within (days)"), validators=[MinValueValidator(1), MaxValueValidator(730)]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        db_table = "participation_charterversion"
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "version"], name="charter_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation} v{self.version}"


class Participant(models.Model):
    """A person who took part online in a consultation, once, whatever they did first.

    Taking part online is posting a contribution oneself (not one entered for a
    workshop's group), supporting one or commenting on one. Withdrawing a
    support does not undo it. Kept by `services.participants.participant_add`;
    `Consultation.participants_count` counts these rows. When the account is
    deleted the row stays, without its person: they did take part.
    """

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
        related_name="consultation_participations",
    )  # fmt: skip
    created_at = models.DateTimeField(_("took part first at"), default=timezone.now)

    class Meta:
        db_table = "participation_participant"
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"], name="consultation_participant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.consultation_id}"


class Workshop(models.Model):
    """A consultation's workshop: an event of the territory, linked from the consultation side.

    The event stays a generic `events.Event` (registration, capacity, waiting
    list); what is a workshop's own (the phase that opens registration, the
    facilitators' report, the groups' contributions) is decided here and in
    `ensemble.contributions.workshops`, which tells the events app through its
    policies.
    """

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, primary_key=True, related_name="workshop"
    )
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="workshops",
        verbose_name=_("consultation"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.consultation_id}"


def workshop_of(event) -> Workshop | None:
    """The workshop an event is, or None (no query when selected with `workshop`)."""
    try:
        return event.workshop
    except Workshop.DoesNotExist:
        return None
