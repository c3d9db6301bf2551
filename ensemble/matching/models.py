from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel


class MatchAlert(TimeStampedModel):
    """A person or an organisation asks to be told of new needs their offers could meet."""

    class Mode(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately (email)")
        DIGEST = "digest", _("In the digest")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="match_alerts",
    )  # fmt: skip
    organisation = models.ForeignKey(
        "actors.Organisation", on_delete=models.CASCADE, null=True, blank=True,
        related_name="match_alerts",
    )  # fmt: skip
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="match_alerts",
        verbose_name=_("territory"),
    )  # fmt: skip
    mode = models.CharField(_("when"), max_length=10, choices=Mode, default=Mode.IMMEDIATE)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("match alert")
        verbose_name_plural = _("match alerts")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, user__isnull=True)
                    | models.Q(organisation__isnull=True, user__isnull=False)
                ),
                name="match_alert_has_one_actor",
            ),
            models.UniqueConstraint(
                fields=["user", "territory"], name="match_alert_user_unique",
                condition=models.Q(user__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["organisation", "territory"], name="match_alert_organisation_unique",
                condition=models.Q(organisation__isnull=False),
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["territory", "is_active"])]

    def __str__(self) -> str:
        return f"{self.organisation or self.user} @ {self.territory} ({self.mode})"
