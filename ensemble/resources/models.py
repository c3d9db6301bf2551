"""A territory's knowledge base: guides, funding calls, local services, questions and answers.

A funding call is open until its deadline and archived after it: `open()` is
computed from the deadline, so nobody has to archive it. Attachments are
files whose type was sniffed from their bytes (`attachments.py`); they are
served for download only, never as a page.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import PlacedModel, TimeStampedModel

CLOSING_SOON = timedelta(days=14)


def open_q(now=None, prefix: str = "") -> Q:
    """A funding call whose deadline has not passed (one without a deadline stays open)."""
    return Q(**{f"{prefix}kind": "funding_call"}) & (
        Q(**{f"{prefix}deadline__isnull": True})
        | Q(**{f"{prefix}deadline__gt": now or timezone.now()})
    )


def archived_q(now=None, prefix: str = "") -> Q:
    """A funding call past its deadline."""
    return Q(**{f"{prefix}kind": "funding_call", f"{prefix}deadline__lte": now or timezone.now()})


class ResourceQuerySet(models.QuerySet):
    def published(self) -> "ResourceQuerySet":
        return self.filter(status=Resource.Status.PUBLISHED)

    def open(self, now=None) -> "ResourceQuerySet":
        """Funding calls that still take applications."""
        return self.filter(open_q(now))

    def archived(self, now=None) -> "ResourceQuerySet":
        return self.filter(archived_q(now))

    def current(self, now=None) -> "ResourceQuerySet":
        """What the knowledge base shows by default: everything but archived funding calls."""
        return self.exclude(archived_q(now))

    def closing_soon(self, now=None) -> "ResourceQuerySet":
        now = now or timezone.now()
        return self.open(now).filter(deadline__lte=now + CLOSING_SOON)


class Resource(TimeStampedModel, PlacedModel):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        FUNDING_CALL = "funding_call", _("Funding call")
        SERVICE = "service", _("Local service or contact")
        FAQ = "faq", _("Question and answer")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="resources",
        verbose_name=_("territory"),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.GUIDE)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text"), max_length=30000, blank=True)
    themes = models.ManyToManyField(
        "territories.Theme", blank=True, related_name="resources", verbose_name=_("themes")
    )
    # A funding call.
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    amount = models.CharField(
        _("amount"), max_length=100, blank=True, help_text=_("For example: up to €5,000.")
    )
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    # A local service or contact (its address and map point come from PlacedModel).
    opening_hours = models.CharField(_("opening hours"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    # What it helps with.
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="resources", verbose_name=_("projects")
    )
    need_kind = models.CharField(
        _("kind of need it helps with"), max_length=30, blank=True,
        help_text=_("A guide to hiring a room helps “premises” needs; a funding call helps "
                    "“funding” needs without saying so."),
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title", "pk"]
        indexes = [
            models.Index(fields=["territory", "status", "kind"]),
            models.Index(fields=["kind", "deadline"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "resources:detail", kwargs={"territory_slug": self.territory.slug, "pk": self.pk}
        )

    def is_open(self, now=None) -> bool:
        """`open_q` for one resource in memory."""
        return self.kind == self.Kind.FUNDING_CALL and (
            self.deadline is None or self.deadline > (now or timezone.now())
        )

    def is_archived(self, now=None) -> bool:
        return self.kind == self.Kind.FUNDING_CALL and not self.is_open(now)


class Attachment(TimeStampedModel):
    """A file of a resource; `content_type` is what its bytes are, sniffed on upload."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="resources/%Y/%m/", max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "resources:attachment",
            kwargs={
                "territory_slug": self.resource.territory.slug,
                "pk": self.resource_id,
                "attachment_pk": self.pk,
            },
        )
