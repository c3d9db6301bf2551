"""Consultations: processes with phases and a versioned charter, contributions
(problems and ideas), supports, follows, answers with explanations, and results.

Stored counters (`*_count`, `answer_state`, `answer`) are kept true by the
services, never by signals or `save()`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import PlacedModel, TimeStampedModel

from . import phases as phase_registry
from .phases import PhaseKindField


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

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["territory", "status", "visibility", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:consultation_detail",
            kwargs={"territory_slug": self.territory.slug, "pk": self.pk},
        )

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
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"], name="consultation_participant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.consultation_id}"


class AnswerState(models.TextChoices):
    UNDER_STUDY = "under_study", _("Under study")
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    REJECTED = "rejected", _("Rejected")
    ALREADY_DONE = "already_done", _("Already done")
    MERGED = "merged", _("Merged")


# Neither hidden by moderation nor merged: what a consultation lists and counts.
OPEN_CONTRIBUTION = Q(is_hidden=False, merged_into__isnull=True)


class Contribution(TimeStampedModel, PlacedModel):
    class Kind(models.TextChoices):
        PROBLEM = "problem", _("Problem")
        IDEA = "idea", _("Idea")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="contributions"
    )
    # Denormalised from the consultation: comments, moderation and search are scoped by it.
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), max_length=10000)
    themes = models.ManyToManyField("territories.Theme", blank=True, verbose_name=_("themes"))
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="contributions", verbose_name=_("neighbourhood"),
    )  # fmt: skip
    image = models.ImageField(_("image"), upload_to="contributions/", blank=True)
    image_alt = models.CharField(
        _("description of the image"), max_length=250, blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )  # fmt: skip
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
        related_name="contributions",
    )  # fmt: skip
    # Authors of duplicates merged into this one keep their name on it.
    coauthors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coauthored_contributions"
    )
    charter_version = models.PositiveIntegerField(_("charter version"))
    # Produced at a workshop and entered by its facilitator on behalf of the group.
    workshop = models.ForeignKey(
        "events.Event", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="contributions", verbose_name=_("workshop"),
    )  # fmt: skip
    group_size = models.PositiveIntegerField(
        _("people in the group"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    # The current answer, denormalised for lists ("" while unanswered).
    answer = models.ForeignKey(
        "Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answer_state = models.CharField(
        _("answer"), max_length=20, choices=AnswerState, blank=True, default=""
    )
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_from",
        verbose_name=_("merged into"),
    )  # fmt: skip
    supports_count = models.PositiveIntegerField(default=0)
    comments_count = models.PositiveIntegerField(default=0)
    followers_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at", "-pk"]
        # One partial index per sort of the list of open contributions
        # (selectors.contributions.SORTS), so that a page is an index walk; the
        # answer one also serves the overdue count (indicators.overdue_q).
        indexes = [
            models.Index(
                fields=["consultation", "-supports_count", "-id"], condition=OPEN_CONTRIBUTION,
                name="contribution_open_supports",
            ),
            models.Index(
                fields=["consultation", "-created_at", "-id"], condition=OPEN_CONTRIBUTION,
                name="contribution_open_newest",
            ),
            models.Index(
                fields=["consultation", "-comments_count", "-id"], condition=OPEN_CONTRIBUTION,
                name="contribution_open_comments",
            ),
            models.Index(
                fields=["consultation", "answer_state", "created_at", "id"],
                condition=OPEN_CONTRIBUTION, name="contribution_open_answer",
            ),
            # The moderators' list of hidden contributions (few rows).
            models.Index(
                fields=["consultation", "-created_at"], condition=Q(is_hidden=True),
                name="contribution_hidden",
            ),
            models.Index(fields=["territory", "-created_at"]),
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:contribution_detail",
            kwargs={
                "territory_slug": self.territory.slug,
                "consultation_pk": self.consultation_id,
                "pk": self.pk,
            },
        )

    @property
    def is_answered(self) -> bool:
        return bool(self.answer_state)


class Support(models.Model):
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="supports"
    )
    # Denormalised: the per-person limit counts a person's supports in one consultation.
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contribution_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["contribution", "user"], name="support_unique")
        ]
        indexes = [models.Index(fields=["consultation", "user"])]

    def __str__(self) -> str:
        return f"{self.user_id} + {self.contribution_id}"


class ContributionFollow(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contribution_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "user"], name="contribution_follow_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.contribution_id}"


class Answer(models.Model):
    """One version of the administration's answer to a contribution; never edited.

    A revision is a new version; every version stays public in the journal.
    """

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="answers")
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers")
    version = models.PositiveIntegerField(_("version"))
    state = models.CharField(_("answer"), max_length=20, choices=AnswerState)
    explanation = models.TextField(_("explanation"), max_length=10000)
    decided_by = models.CharField(
        _("decided by"), max_length=200, blank=True,
        help_text=_("For example: the municipal council of 12 March 2026."),
    )  # fmt: skip
    cost = models.DecimalField(
        _("cost (euros)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    timeline = models.CharField(_("timeline"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The author's role in the territory when answering ("agent", "admin"), shown publicly.
    author_role = models.CharField(_("role of the author"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    # Denormalised: False while the contribution is hidden by moderation (the
    # public journal leaves it out without joining the contributions). Kept by
    # the moderation services and set by `answer_create` from the locked row.
    is_public = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "version"], name="answer_version_unique"
            )
        ]
        # The decision journal, whole or by state: partial on the public answers.
        indexes = [
            models.Index(
                fields=["consultation", "-created_at", "-id"], condition=Q(is_public=True),
                name="answer_journal",
            ),
            models.Index(
                fields=["consultation", "state", "-created_at", "-id"],
                condition=Q(is_public=True), name="answer_journal_state",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.contribution_id} v{self.version}: {self.state}"


class Result(TimeStampedModel):
    """What an accepted contribution became: tracked with a status and a progress."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        ABANDONED = "abandoned", _("Abandoned")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="results")
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
        verbose_name=_("part of"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PLANNED)
    # A parent's progress is computed from its children by the services.
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    contributions = models.ManyToManyField(
        Contribution, blank=True, related_name="results", verbose_name=_("contributions")
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="consultation_results",
        verbose_name=_("projects that carry it"),
    )  # fmt: skip
    position = models.PositiveIntegerField(default=0)
    children_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["consultation", "parent", "position"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:result_detail",
            kwargs={
                "territory_slug": self.territory.slug,
                "consultation_pk": self.consultation_id,
                "pk": self.pk,
            },
        )


class ResultUpdate(models.Model):
    """A timeline entry of a result: what happened, with the status and progress after it."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), max_length=10000, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Result.Status)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MaxValueValidator(100)]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("result update")
        verbose_name_plural = _("result updates")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title
