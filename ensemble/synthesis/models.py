"""Themes of a consultation: its contributions grouped by meaning, kept by the agents.

A `Synthesis` row per consultation says when themes were asked for and computed, and
whether the agents published them. A `Theme` has an extractive label (a phrase taken
from one of its contributions), keywords, a status and figures; a `ThemeMembership`
puts a contribution in at most one theme, with its rank (most representative first).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.core.models import TimeStampedModel


class Synthesis(TimeStampedModel):
    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="synthesis"
    )
    requested_at = models.DateTimeField(_("computation requested at"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("synthesis")
        verbose_name_plural = _("syntheses")

    def __str__(self) -> str:
        return str(self.consultation)

    @property
    def is_computing(self) -> bool:
        return self.requested_at is not None and (
            self.computed_at is None or self.computed_at < self.requested_at
        )


class ThemeQuerySet(models.QuerySet):
    def published(self) -> "ThemeQuerySet":
        return self.filter(status=Theme.Status.PUBLISHED)

    def unlocked(self) -> "ThemeQuerySet":
        return self.filter(locked=False)


class Theme(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="synthesis_themes"
    )
    label = models.CharField(_("label"), max_length=200)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    locked = models.BooleanField(
        _("locked"),
        default=False,
        help_text=_("A locked theme is kept when themes are computed again."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    # count, supports, problems, ideas, workshop, online, neighbourhoods [[name, count]…]
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    contributions = models.ManyToManyField(
        Contribution, through="ThemeMembership", related_name="synthesis_themes"
    )

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["consultation", "position", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.label


class ThemeMembership(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="memberships")
    contribution = models.OneToOneField(
        Contribution, on_delete=models.CASCADE, related_name="theme_membership"
    )
    rank = models.PositiveIntegerField(default=0)  # 0: the most representative
    score = models.FloatField(default=0)  # similarity to the theme's centre

    class Meta:
        ordering = ["theme", "rank", "pk"]
        indexes = [models.Index(fields=["theme", "rank"])]

    def __str__(self) -> str:
        return f"{self.theme_id}:{self.contribution_id}"
