"""The agents' workbench: who answers what, private notes, answers prepared in advance.

Nothing here is public: not on the contribution's page, not in the search, not in
exports, not in the API for anyone but the territory's agents. The answer itself,
once published, is an `answers.Answer` like any other (mandatory explanation).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ensemble.contributions.models import AnswerState, Contribution


class Department(models.Model):
    """A department of the local authority (a territory setting), to assign contributions to."""

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=120)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="departments",
        verbose_name=_("agents of the department"),
    )  # fmt: skip
    is_retired = models.BooleanField(_("retired"), default=False)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["territory", "name"], name="department_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    """Who is to answer a contribution: an agent, a department, or both."""

    contribution = models.OneToOneField(
        Contribution, on_delete=models.CASCADE, primary_key=True,
        related_name="workbench_assignment",
    )  # fmt: skip
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("agent"),
    )  # fmt: skip
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments",
        verbose_name=_("department"),
    )  # fmt: skip
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        indexes = [models.Index(fields=["agent"]), models.Index(fields=["department"])]

    def __str__(self) -> str:
        return f"{self.contribution_id} → {self.agent_id or ''}/{self.department_id or ''}"


class PrivateNote(models.Model):
    """A note between agents on a contribution; never shown to anyone else."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="private_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("private note")
        verbose_name_plural = _("private notes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.contribution_id}"


class AnswerDraft(models.Model):
    """An answer one agent prepares and another (or the same) publishes."""

    contribution = models.OneToOneField(
        Contribution, on_delete=models.CASCADE, primary_key=True, related_name="answer_draft"
    )
    state = models.CharField(_("answer"), max_length=20, choices=AnswerState)
    explanation = models.TextField(_("explanation"), max_length=10000, blank=True)
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    cost = models.DecimalField(
        _("cost (euros)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    timeline = models.CharField(_("timeline"), max_length=200, blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("draft answer")
        verbose_name_plural = _("draft answers")

    def __str__(self) -> str:
        return f"draft for {self.contribution_id}"
