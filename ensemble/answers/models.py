"""Answers to contributions: versioned, never edited, all public in the decision journal."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import AnswerState, Contribution


class Answer(models.Model):
    """One version of the administration's answer to a contribution; never edited.

    A revision is a new version; every version stays public in the journal.
    """

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="answers")
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers")
    version = models.PositiveIntegerField(_("version"))
    state = models.CharField(_("answer"), max_length=20, choices=AnswerState)
    explanation = models.TextField(_("explanation"), max_length=10000)
    decided_by = models.CharField(
        _("decided by"), max_length=200, blank=True,
        help_text=_("For example: the municipal council of 12 March 2026."),
    )  # fmt: skip
    cost = models.DecimalField(
        _("cost (euros)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    timeline = models.CharField(_("timeline"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The author's role in the territory when answering ("agent", "admin"), shown publicly.
    author_role = models.CharField(_("role of the author"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    # Denormalised: False while the contribution is hidden by moderation (the
    # public journal leaves it out without joining the contributions). Kept by
    # the moderation services and set by `answer_create` from the locked row.
    is_public = models.BooleanField(default=True)

    class Meta:
        db_table = "participation_answer"
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "version"], name="answer_version_unique"
            )
        ]
        # The decision journal, whole or by state: partial on the public answers.
        indexes = [
            models.Index(
                fields=["consultation", "-created_at", "-id"], condition=Q(is_public=True),
                name="answer_journal",
            ),
            models.Index(
                fields=["consultation", "state", "-created_at", "-id"],
                condition=Q(is_public=True), name="answer_journal_state",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.contribution_id} v{self.version}: {self.state}"
