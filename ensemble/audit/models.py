"""The audit log: one row per administrative or moderation action, never changed.

Append-only by construction: `services.record` is the one way in; the model
refuses `save()` on an existing row and `delete()`; its querysets refuse
`update()` and `delete()`; the Django admin only reads. People and territories
are referenced, not copied: when an account is deleted its entries stay, with
no one named ("deleted account").
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from .actions import action_label


class AuditEntryImmutable(PermissionDenied):
    """An audit entry cannot be changed or deleted."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditEntryImmutable("The audit log is append-only.")

    def delete(self):
        raise AuditEntryImmutable("The audit log is append-only.")


class AuditEntry(models.Model):
    # null: an action on the whole network (opening a territory is recorded in the new one).
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("territory"),
    )  # fmt: skip
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("who"),
    )  # fmt: skip
    action = models.CharField(_("what"), max_length=60)
    # What the action was on: "app_label.model" and its id, with a short label.
    target_type = models.CharField(_("type of object"), max_length=60, blank=True)
    target_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    target_label = models.CharField(_("object"), max_length=200, blank=True)
    # The person the action is about (a role changed, an invitation), when there is one.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("person concerned"),
    )  # fmt: skip
    reason = models.TextField(_("why"), blank=True, max_length=2000)
    before = models.JSONField(_("before"), null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(_("after"), null=True, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["territory", "-created_at", "-id"], name="audit_territory_newest"),
            models.Index(
                fields=["territory", "action", "-created_at", "-id"], name="audit_territory_action"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEntryImmutable("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEntryImmutable("The audit log is append-only.")

    @property
    def action_label(self) -> str:
        return action_label(self.action)
