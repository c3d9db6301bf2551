from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .verbs import VerbField, VerbNames


class Activity(models.Model):
    """One line of a territory's feed. Explicit links keep the feed a fixed number of queries."""

    # The verbs are registered by the apps that record them (`verbs.py`);
    # `Activity.Verb.NEED_ADDED` still names one ("need_added").
    Verb = VerbNames()

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="activities"
    )
    verb = VerbField(max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    need = models.ForeignKey(
        "projects.Need", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    update = models.ForeignKey(
        "projects.ProjectUpdate", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    organisation = models.ForeignKey(
        "actors.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Lines about a consultation always name it, whatever they are about (an answer,
    # a result, a workshop): the feeds show them only while it is public and published.
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    contribution = models.ForeignKey(
        "contributions.Contribution", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    answer = models.ForeignKey(
        "answers.Answer", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    result = models.ForeignKey(
        "results.Result", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    result_update = models.ForeignKey(
        "results.ResultUpdate", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    resource = models.ForeignKey(
        "resources.Resource", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("date"), db_index=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The feeds sort on (created_at, pk): with the pk in the index a page is read in
            # order and stops at its last line, even when many lines share a date.
            models.Index(fields=["territory", "-created_at", "-id"]),
            models.Index(fields=["project", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.verb} @ {self.created_at:%Y-%m-%d}"
