from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Activity(models.Model):
    """One line of a territory's feed. Explicit links keep the feed a fixed number of queries."""

    class Verb(models.TextChoices):
        PROJECT_PUBLISHED = "project_published", _("published a project")
        PROJECT_UPDATE = "project_update", _("posted news")
        NEED_ADDED = "need_added", _("needs help")
        NEED_FULFILLED = "need_fulfilled", _("found help")
        ORGANISATION_CREATED = "organisation_created", _("joined as an organisation")
        PROJECT_REPLICATED = "project_replicated", _("replicated a project")
        CONSULTATION_PUBLISHED = "consultation_published", _("opened a consultation")
        CONTRIBUTION_ANSWERED = "contribution_answered", _("answered a contribution")
        RESULT_PROGRESSED = "result_progressed", _("reported the progress of a result")
        WORKSHOP_ANNOUNCED = "workshop_announced", _("announced a workshop")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="activities"
    )
    verb = models.CharField(max_length=30, choices=Verb)
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
        "participation.Consultation", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    contribution = models.ForeignKey(
        "participation.Contribution", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    answer = models.ForeignKey(
        "participation.Answer", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    result = models.ForeignKey(
        "participation.Result", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    result_update = models.ForeignKey(
        "participation.ResultUpdate", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
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
