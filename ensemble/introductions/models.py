"""Introductions (mises en relation) between a project's need and an actor who may help.

Two directions, one table:
- kind "request": a team member asks to be introduced to an organisation or a person
  (`to_organisation` XOR `to_user`); that actor answers.
- kind "offer": someone (`requested_by`, perhaps on behalf of `from_organisation`)
  offers help on an open need; the project team answers.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 3000


class IntroductionQuerySet(models.QuerySet):
    def pending(self):
        """Waiting for an answer from the person or organisation asked."""
        return self.filter(status=self.model.Status.REQUESTED)


class Introduction(models.Model):
    class Kind(models.TextChoices):
        REQUEST = "request", _("Introduction request")
        OFFER = "offer", _("Offer of help")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Outcome(models.TextChoices):
        NONE = "none", _("Not known yet")
        HELPED = "helped", _("This helped")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.REQUEST)
    need = models.ForeignKey(
        "projects.Need", on_delete=models.CASCADE, related_name="introductions",
        verbose_name=_("need"),
    )  # fmt: skip
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="introductions_sent",
        verbose_name=_("asked by"),
    )  # fmt: skip
    to_organisation = models.ForeignKey(
        "actors.Organisation", on_delete=models.CASCADE, null=True, blank=True,
        related_name="introductions_received", verbose_name=_("organisation"),
    )  # fmt: skip
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="introductions_received", verbose_name=_("person"),
    )  # fmt: skip
    from_organisation = models.ForeignKey(
        "actors.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="help_offers", verbose_name=_("on behalf of"),
    )  # fmt: skip
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.REQUESTED)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome, default=Outcome.NONE)
    conversation = models.ForeignKey(
        "messaging.Conversation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="introductions", verbose_name=_("conversation"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = IntroductionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.CheckConstraint(
                name="intro_request_has_one_target",
                condition=(
                    Q(kind="request", to_organisation__isnull=False, to_user__isnull=True)
                    | Q(kind="request", to_organisation__isnull=True, to_user__isnull=False)
                    | Q(kind="offer", to_organisation__isnull=True, to_user__isnull=True)
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"], name="intro_sender_created"),
            models.Index(fields=["to_user", "-created_at"], name="intro_to_user_created"),
            models.Index(fields=["to_organisation", "-created_at"], name="intro_to_org_created"),
            models.Index(fields=["need", "status"], name="intro_need_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def target(self):
        """Who the request is addressed to (None for an offer: the project team)."""
        return self.to_organisation or self.to_user

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.REQUESTED
