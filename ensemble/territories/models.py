from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel

from .roles import Role
from .validators import (
    validate_accent_colour,
    validate_languages,
    validate_roles,
    validate_territory_slug,
)
from .vocabulary import territory_kind_label, theme_label


def default_languages() -> list[str]:
    return ["fr"]


def default_resource_publishers() -> list[str]:
    return [Role.AGENT, Role.ADMIN]


class Network(TimeStampedModel):
    """The installation: one network of territories (see selectors.network_get)."""

    name = models.CharField(_("name"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name


class TerritoryQuerySet(models.QuerySet):
    def active(self):
        """Open to visitors: an inactive territory does not exist for them."""
        return self.filter(is_active=True)


class Territory(TimeStampedModel):
    class Country(models.TextChoices):
        FRANCE = "FR", _("France")
        BELGIUM = "BE", _("Belgium")
        SWITZERLAND = "CH", _("Switzerland")
        CANADA = "CA", _("Canada")
        LUXEMBOURG = "LU", _("Luxembourg")

    slug = models.SlugField(
        _("address"),
        max_length=60,
        unique=True,
        validators=[validate_territory_slug],
        help_text=_("Lower-case letters, digits and hyphens; the territory lives at /address/."),
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country, default=Country.FRANCE)
    languages = models.JSONField(
        _("languages"), default=default_languages, validators=[validate_languages]
    )
    description = models.TextField(_("description"), blank=True, max_length=20000)
    logo = models.ImageField(_("logo"), upload_to="territories/logos/", blank=True)
    map_latitude = models.DecimalField(
        _("map centre latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    map_longitude = models.DecimalField(
        _("map centre longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip
    map_zoom = models.PositiveSmallIntegerField(
        _("map zoom"), default=13, validators=[MinValueValidator(1), MaxValueValidator(19)]
    )
    custom_domain = models.CharField(
        _("custom domain"), max_length=253, unique=True, null=True, blank=True,
        help_text=_("e.g. participer.ville-exemple.fr; the territory is then served at its root."),
    )  # fmt: skip
    is_active = models.BooleanField(_("active"), default=True)
    is_template = models.BooleanField(
        _("template"), default=False,
        help_text=_("A template lends its themes, neighbourhoods, pages, charter and "
                    "consultation blueprint to the territories opened from it."),
    )  # fmt: skip
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, blank=True, validators=[validate_accent_colour],
        help_text=_("#rrggbb; white text on it must stay readable (contrast of 4.5:1 at least)."),
    )  # fmt: skip
    resource_publisher_roles = models.JSONField(
        _("roles that may publish resources"), default=default_resource_publishers, blank=True,
        validators=[validate_roles],
    )  # fmt: skip
    # What a new consultation starts from (the consultation form offers them).
    charter_template = models.TextField(_("charter template"), blank=True, max_length=20000)
    answer_within_days = models.PositiveIntegerField(
        _("answer within (days)"), default=60,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("The promise a new consultation's charter starts with."),
    )  # fmt: skip
    consultation_blueprint = models.CharField(
        _("consultation blueprint"), max_length=40, blank=True,
        help_text=_("The phases a new consultation starts with."),
    )  # fmt: skip
    # The status the accessibility statement declares (kept by the pages' service), shown
    # in every page's footer as the law asks; empty: not compliant (never audited).
    accessibility_conformity = models.CharField(
        _("accessibility conformity"), max_length=10, blank=True
    )
    # Stored counters, kept by the services that change what they count.
    members_count = models.PositiveIntegerField(_("members"), default=0)

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["name"]
        indexes = [models.Index(fields=["is_active", "name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.custom_domain == "":
            self.custom_domain = None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("home:home", kwargs={"territory_slug": self.slug})

    @property
    def kind_label(self) -> str:
        return territory_kind_label(self.kind)


class RetirableQuerySet(models.QuerySet):
    def in_use(self):
        """Offered in forms: a retired one stays on old content only."""
        return self.filter(is_retired=False)


class Neighbourhood(models.Model):
    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="neighbourhoods",
        verbose_name=_("territory"),
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_retired = models.BooleanField(_("retired"), default=False)
    # Stored counter: the members of its territory living there, kept by the services that
    # change a membership or a person's neighbourhood (`services.residents_count`).
    members_count = models.PositiveIntegerField(_("members living there"), default=0)

    objects = RetirableQuerySet.as_manager()

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["territory", "slug"], name="neighbourhood_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """A theme of the network (territory empty) or one a territory added."""

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="own_themes", null=True, blank=True,
        verbose_name=_("territory"),
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_retired = models.BooleanField(_("retired"), default=False)

    objects = RetirableQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "slug"], name="theme_unique_slug_per_territory"
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(territory__isnull=True),
                name="theme_unique_slug_network",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language for the network's themes."""
        return theme_label(slug=self.slug, name=self.name, network=self.territory_id is None)


class Membership(TimeStampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("person"),
    )  # fmt: skip
    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("territory"),
    )  # fmt: skip
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "territory"], name="membership_unique")
        ]
        indexes = [
            models.Index(fields=["territory", "role"]),
            # Newest members of a territory (home page, console) without a sort.
            models.Index(fields=["territory", "-created_at", "-id"], name="membership_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.territory} ({self.role})"


# An invitation waits until accepted: the queryset and the one-pending-per-address
# constraint share this condition.
INVITATION_PENDING = models.Q(accepted_at__isnull=True)


class TerritoryInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(INVITATION_PENDING)


class TerritoryInvitation(TimeStampedModel):
    """An invitation to join a territory with a role, by email; accepted once signed in."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = TerritoryInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("territory invitation")
        verbose_name_plural = _("territory invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "email"], condition=INVITATION_PENDING,
                name="territory_invitation_pending_unique",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.email} → {self.territory} ({self.role})"
