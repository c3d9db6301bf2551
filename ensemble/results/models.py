"""Results of a consultation: what accepted contributions became, and their timeline."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.core.models import TimeStampedModel


class Result(TimeStampedModel):
    """What an accepted contribution became: tracked with a status and a progress."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        ABANDONED = "abandoned", _("Abandoned")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="results")
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
        verbose_name=_("part of"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PLANNED)
    # A parent's progress is computed from its children by the services.
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    contributions = models.ManyToManyField(
        Contribution, blank=True, related_name="results", verbose_name=_("contributions")
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="consultation_results",
        verbose_name=_("projects that carry it"),
    )  # fmt: skip
    position = models.PositiveIntegerField(default=0)
    children_count = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "participation_result"
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["consultation", "parent", "position"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "results:result_detail",
            kwargs={
                "territory_slug": self.territory.slug,
                "consultation_pk": self.consultation_id,
                "pk": self.pk,
            },
        )


class ResultUpdate(models.Model):
    """A timeline entry of a result: what happened, with the status and progress after it."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), max_length=10000, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Result.Status)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MaxValueValidator(100)]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        db_table = "participation_resultupdate"
        verbose_name = _("result update")
        verbose_name_plural = _("result updates")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title
