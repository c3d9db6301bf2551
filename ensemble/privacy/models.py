import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DataExportQuerySet(models.QuerySet):
    def expired(self, *, now=None):
        return self.filter(expires_at__lte=now or timezone.now())

    def usable(self, *, now=None):
        """Ready, not opened yet, not expired: the one link the person may still open."""
        return self.filter(
            status=DataExport.Status.READY, used_at__isnull=True,
            expires_at__gt=now or timezone.now(),
        )  # fmt: skip

    def pending(self):
        return self.filter(status=DataExport.Status.PENDING)


class DataExport(models.Model):
    """ "Download my data": an archive built by a task, opened once by its owner, then gone.

    Only the SHA-256 of the link's token is stored; the archive is stored in the row
    (a few hundred kilobytes at most) and erased when the link is used or expires.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        USED = "used", _("Downloaded")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    token_hash = models.CharField(max_length=64, unique=True)
    archive = models.TextField(blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    expires_at = models.DateTimeField(_("link expires at"))
    used_at = models.DateTimeField(_("downloaded at"), null=True, blank=True)

    objects = DataExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["expires_at"]),
        ]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self) -> str:
        return f"{self.user_id} {self.status} {self.created_at:%Y-%m-%d}"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()
