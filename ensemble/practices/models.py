"""The network's practice library: what a territory did about a problem, to inspire others.

A practice sheet is written by agents and admins of the territory where it
runs, as a draft that only its authors see, then published for the whole
network. Agents bookmark practices; a practice replicated elsewhere names the
one it comes from.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel


def published_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}status": "published"})


class PracticeQuerySet(models.QuerySet):
    def published(self) -> "PracticeQuerySet":
        return self.filter(published_q())

    def visible_to(self, user) -> "PracticeQuerySet":
        """Published ones, and the drafts `user` writes (a network admin sees every draft)."""
        if not getattr(user, "is_authenticated", False):
            return self.published()
        if user.is_superuser and user.is_active:
            return self
        return self.filter(published_q() | Q(authors=user)).distinct()


class Practice(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Cost(models.TextChoices):
        FREE = "free", _("No cost")
        SMALL = "small", _("Under €1,000")
        MEDIUM = "medium", _("€1,000 to €10,000")
        LARGE = "large", _("€10,000 to €100,000")
        VERY_LARGE = "very_large", _("Over €100,000")

    class TerritorySize(models.TextChoices):
        VILLAGE = "village", _("Under 5,000 inhabitants")
        TOWN = "town", _("5,000 to 20,000 inhabitants")
        CITY = "city", _("20,000 to 100,000 inhabitants")
        LARGE_CITY = "large_city", _("Over 100,000 inhabitants")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="practices",
        verbose_name=_("territory where it runs"),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    problem = models.TextField(_("the problem"), max_length=10000)
    solution = models.TextField(_("what was done"), max_length=20000)
    results = models.TextField(_("results (with figures)"), max_length=10000, blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    cost_range = models.CharField(_("cost range"), max_length=12, choices=Cost, blank=True)
    territory_size = models.CharField(
        _("size of the territory"), max_length=12, choices=TerritorySize, blank=True
    )
    partners = models.TextField(_("partners"), max_length=3000, blank=True)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    replicable = models.BooleanField(_("can be replicated"), default=True)
    replication_notes = models.TextField(_("how to replicate it"), max_length=10000, blank=True)
    themes = models.ManyToManyField(
        "territories.Theme", blank=True, related_name="practices", verbose_name=_("themes")
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="practices",
        verbose_name=_("projects that carry it"),
    )  # fmt: skip
    contribution = models.ForeignKey(
        "contributions.Contribution", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="practices", verbose_name=_("contribution it answers"),
    )  # fmt: skip
    replicated_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replications",
        verbose_name=_("replicated from"),
    )  # fmt: skip
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="practices", verbose_name=_("authors")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    bookmarks_count = models.PositiveIntegerField(default=0)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:detail", kwargs={"pk": self.pk})


class Bookmark(TimeStampedModel):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="bookmarks")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_bookmarks"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "user"], name="practice_bookmark_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ★ {self.practice_id}"
