"""Contributions to a consultation (problems and ideas), their supports and follows.

The answer state a contribution carries (`answer_state`, `answer`) is
denormalised here for lists; the answers themselves live in `ensemble.answers`.
The tables keep their names from the former `participation` app (`db_table`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.consultations.models import Consultation
from ensemble.core.models import PlacedModel, TimeStampedModel


class AnswerState(models.TextChoices):
    UNDER_STUDY = "under_study", _("Under study")
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    REJECTED = "rejected", _("Rejected")
    ALREADY_DONE = "already_done", _("Already done")
    MERGED = "merged", _("Merged")


# Answers that make a contribution something to carry out (a result, a project).
ACCEPTED_STATES = (AnswerState.ACCEPTED, AnswerState.PARTIALLY_ACCEPTED)

# Neither hidden by moderation nor merged: what a consultation lists and counts.
# The one definition: `Contribution.objects.open()` and the partial indexes use it,
# so a query of open contributions always matches its index.
OPEN_CONTRIBUTION = Q(is_hidden=False, merged_into__isnull=True)


class ContributionQuerySet(models.QuerySet):
    def open(self) -> "ContributionQuerySet":
        return self.filter(OPEN_CONTRIBUTION)


#: The most people a workshop group may count (a number people type).
GROUP_SIZE_MAX = 1000


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
        _("people in the group"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(GROUP_SIZE_MAX)],
    )  # fmt: skip
    # The current answer, denormalised for lists ("" while unanswered).
    answer = models.ForeignKey(
        "answers.Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
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

    objects = ContributionQuerySet.as_manager()

    class Meta:
        db_table = "participation_contribution"
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
            "contributions:contribution_detail",
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
        db_table = "participation_support"
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
        db_table = "participation_contributionfollow"
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "user"], name="contribution_follow_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.contribution_id}"
