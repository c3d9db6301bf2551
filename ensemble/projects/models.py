from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import PlacedModel, TimeStampedModel
from ensemble.needtypes.fields import NeedKindField


class ProjectQuerySet(models.QuerySet):
    def published(self):
        """In the directory, on the map, in search and in the feeds."""
        return self.filter(status=self.model.Status.PUBLISHED)


class Project(TimeStampedModel, PlacedModel):
    """A project serving a territory, carried by a team, with typed needs."""

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        STARTING = "starting", _("Starting")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")
        PAUSED = "paused", _("Paused")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="projects",
        verbose_name=_("territory"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), max_length=20000, blank=True)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage, default=Stage.IDEA)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    themes = models.ManyToManyField("territories.Theme", blank=True, verbose_name=_("themes"))
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="projects", verbose_name=_("neighbourhood"),
    )  # fmt: skip
    partners = models.ManyToManyField(
        "actors.Organisation", blank=True, related_name="projects",
        verbose_name=_("partner organisations"),
    )  # fmt: skip
    is_replicable = models.BooleanField(
        _("others may replicate it"), default=False,
        help_text=_("Another territory of the network can copy it as a new project."),
    )  # fmt: skip
    replicated_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replications",
        verbose_name=_("replicated from"),
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
    )  # fmt: skip
    # The consultation contribution this project was born from, if any.
    origin_contribution = models.ForeignKey(
        "contributions.Contribution", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="projects", verbose_name=_("born from contribution"),
    )  # fmt: skip
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Stored counters, kept by the services.
    followers_count = models.PositiveIntegerField(default=0)
    open_needs_count = models.PositiveIntegerField(default=0)
    updates_count = models.PositiveIntegerField(default=0)
    comments_count = models.PositiveIntegerField(default=0)
    replications_count = models.PositiveIntegerField(default=0)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["territory", "status", "-published_at"]),
            models.Index(fields=["territory", "status", "stage"]),
            models.Index(fields=["territory", "status", "title"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "projects:detail", kwargs={"territory_slug": self.territory.slug, "pk": self.pk}
        )


class ProjectMember(TimeStampedModel):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.MEMBER)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="project_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.project} ({self.role})"


# An invitation waits until accepted: the queryset and the one-pending-per-address
# constraint share this condition.
INVITATION_PENDING = models.Q(accepted_at__isnull=True)


class ProjectInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(INVITATION_PENDING)


class ProjectInvitation(TimeStampedModel):
    """An invitation to join a team, by email; accepted by the invited person once signed in."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = ProjectInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "email"],
                condition=INVITATION_PENDING,
                name="project_invitation_pending_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.project}"


class ProjectImage(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to="projects/images/")
    alt_text = models.CharField(
        _("description of the image"), max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )  # fmt: skip
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt_text


class ProjectLink(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"))
    title = models.CharField(_("title"), max_length=150)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class NeedQuerySet(models.QuerySet):
    def open(self):
        """Still looked for: counted on the project, matched, searchable."""
        return self.filter(status=self.model.Status.OPEN)


class Need(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FULFILLED = "fulfilled", _("Fulfilled")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="needs")
    # Denormalised from the project: directory filters and matching stay one join away.
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="needs"
    )
    kind = NeedKindField(_("kind"))
    title = models.CharField(_("what you need"), max_length=150)
    description = models.TextField(_("details"), max_length=5000, blank=True)
    skill = models.CharField(_("skill"), max_length=80, blank=True)
    quantity = models.PositiveIntegerField(_("how many"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount (euros)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    surface = models.PositiveIntegerField(_("surface (m²)"), null=True, blank=True)
    schedule = models.CharField(
        _("when"), max_length=150, blank=True,
        help_text=_("For premises: the days and hours, e.g. “Saturday mornings”."),
    )  # fmt: skip
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    fulfilled_at = models.DateTimeField(_("fulfilled at"), null=True, blank=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["status", "deadline", "pk"]
        indexes = [
            models.Index(fields=["territory", "status", "kind"]),
            models.Index(fields=["project", "status"]),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectUpdate(TimeStampedModel):
    """News posted by the team, shown on the project and in followers' feeds."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), max_length=20000)

    class Meta:
        verbose_name = _("news update")
        verbose_name_plural = _("news updates")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "-created_at"])]

    def __str__(self) -> str:
        return self.title


class ProjectFollow(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_follows"
    )

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="project_follow_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.project}"
