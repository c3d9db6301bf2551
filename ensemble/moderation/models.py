from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel

# A report waits for the moderators (Report.Status.OPEN): the queryset and the
# one-open-report-per-person constraint share this condition.
REPORT_OPEN = models.Q(status="open")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(REPORT_OPEN)


class Report(TimeStampedModel):
    """Someone reports content (a comment, a project, a message…) to the territory's moderators."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Insulting, hateful or harassing")
        PERSONAL_DATA = "personal_data", _("Reveals personal data")
        ILLEGAL = "illegal", _("Illegal content")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("To review")
        UPHELD = "upheld", _("Upheld: content hidden")
        DISMISSED = "dismissed", _("Dismissed")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="reports"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    handled_at = models.DateTimeField(null=True, blank=True)
    # Why the moderators upheld or dismissed it; shown publicly on hidden content.
    decision_reason = models.CharField(_("reason for the decision"), max_length=300, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["territory", "status", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=REPORT_OPEN,
                name="report_open_once_per_reporter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.content_type} {self.object_id})"
