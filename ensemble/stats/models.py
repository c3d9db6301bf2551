from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """The public figures of a territory (or of the network, `territory` empty) for a month,
    computed by a periodic task; the pages and the API read these rows only."""

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, null=True, blank=True,
        related_name="stats_snapshots",
    )  # fmt: skip
    month = models.DateField(_("month"))  # its first day
    figures = models.JSONField(_("figures"), default=dict)
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "month"], name="stats_snapshot_unique_territory_month"
            ),
            models.UniqueConstraint(
                fields=["month"], condition=Q(territory__isnull=True),
                name="stats_snapshot_unique_network_month",
            ),
        ]  # fmt: skip
        verbose_name = _("statistics snapshot")
        verbose_name_plural = _("statistics snapshots")

    def __str__(self) -> str:
        return f"{self.territory_id or 'network'} {self.month:%Y-%m}"
