from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import PlacedModel, TimeStampedModel
from ensemble.needtypes.fields import NeedKindField


class Organisation(TimeStampedModel, PlacedModel):
    """An actor of one or several territories: association, company, public service…"""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Association")
        COMPANY = "company", _("Company or social enterprise")
        FOUNDATION = "foundation", _("Foundation")
        PUBLIC_SERVICE = "public_service", _("Public service")
        SCHOOL = "school", _("School")
        COLLECTIVE = "collective", _("Informal collective")

    # The territory where it was registered: it is listed and moderated there.
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="organisations",
        verbose_name=_("territory"),
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    summary = models.CharField(_("in one sentence"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=20000, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    other_territories = models.ManyToManyField(
        "territories.Territory", blank=True, related_name="partner_organisations",
        verbose_name=_("also acts in"),
    )  # fmt: skip
    themes = models.ManyToManyField("territories.Theme", blank=True, verbose_name=_("themes"))
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="organisations", verbose_name=_("neighbourhood"),
    )  # fmt: skip
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    contactable = models.BooleanField(_("may be contacted through the platform"), default=True)
    is_verified = models.BooleanField(_("verified"), default=False)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("verified by"),
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("created by"),
    )  # fmt: skip
    # Stored counters.
    members_count = models.PositiveIntegerField(_("members"), default=0)
    offers_count = models.PositiveIntegerField(_("offers"), default=0)
    projects_count = models.PositiveIntegerField(_("projects"), default=0)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["territory", "name"]),
            models.Index(fields=["territory", "kind"]),
            models.Index(fields=["territory", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "actors:detail", kwargs={"territory_slug": self.territory.slug, "pk": self.pk}
        )


class OrganisationMember(TimeStampedModel):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.MEMBER)

    class Meta:
        verbose_name = _("organisation member")
        verbose_name_plural = _("organisation members")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="organisation_member_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


# An invitation waits for the invited person's answer: the queryset and the
# one-pending-per-person constraint share this condition.
INVITATION_PENDING = models.Q(status="pending")


class OrganisationInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(INVITATION_PENDING)


class OrganisationInvitation(TimeStampedModel):
    """An owner asks a person to join (or an existing member to become an owner).

    Nobody appears in an organisation, or owns one, without having said yes.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_invitations"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=OrganisationMember.Role,
        default=OrganisationMember.Role.MEMBER,
    )  # fmt: skip
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation invitation")
        verbose_name_plural = _("organisation invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], condition=INVITATION_PENDING,
                name="organisation_invitation_pending_unique",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.role})"


class OfferQuerySet(models.QuerySet):
    def active(self):
        """Not withdrawn: shown, matched and searchable."""
        return self.filter(is_active=True)


class Offer(TimeStampedModel):
    """What an actor can give: an organisation, or a person on their profile."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="offers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="offers",
    )  # fmt: skip
    # Where the offer stands: the organisation's territory, or one of the person's.
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="offers",
        verbose_name=_("territory"),
    )  # fmt: skip
    kind = NeedKindField(_("kind"))
    title = models.CharField(_("what you offer"), max_length=150)
    description = models.TextField(_("details"), max_length=2000, blank=True)
    skill = models.CharField(_("skill"), max_length=80, blank=True)
    availability = models.CharField(_("availability"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["kind", "title"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, user__isnull=True)
                    | models.Q(organisation__isnull=True, user__isnull=False)
                ),
                name="offer_has_one_actor",
            )
        ]
        indexes = [models.Index(fields=["territory", "kind", "is_active"])]

    def __str__(self) -> str:
        return self.title
