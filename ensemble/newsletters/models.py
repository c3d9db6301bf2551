from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel


class Newsletter(TimeStampedModel):
    """A letter a territory's team writes to the members who asked for it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="newsletters",
        verbose_name=_("territory"),
    )  # fmt: skip
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("author"),
    )  # fmt: skip
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(
        _("letter"), max_length=50000, help_text=_("Markdown: **bold**, lists, [links](https://…).")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    recipients_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_count = models.PositiveIntegerField(_("sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["territory", "-created_at"], name="newsletter_newest")]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse(
            "newsletters:edit", kwargs={"territory_slug": self.territory.slug, "pk": self.pk}
        )


class NewsletterConsent(models.Model):
    """A member asked for a territory's newsletter, on that date (no row: no newsletter)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_consents"
    )
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )
    consented_at = models.DateTimeField(_("consent given at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "territory"], name="newsletter_consent_once")
        ]
        indexes = [models.Index(fields=["territory", "user"], name="newsletter_consent_terr")]
        verbose_name = _("newsletter consent")
        verbose_name_plural = _("newsletter consents")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.territory_id}"


class NewsletterDelivery(models.Model):
    """One letter to one person, once: a retried batch skips who already got it."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "user"], name="newsletter_delivery_once")
        ]
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")

    def __str__(self) -> str:
        return f"{self.newsletter_id} → {self.user_id}: {self.status}"
