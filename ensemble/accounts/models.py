import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ensemble.core.models import TimeStampedModel

from .languages import language_choices


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person: one account across every territory of the network."""

    class Kind(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        PROJECT_CARRIER = "project_carrier", _("Project carrier")
        ASSOCIATION = "association", _("Association member")
        ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
        PUBLIC_AGENT = "public_agent", _("Public agent")
        OTHER = "other", _("Other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Members of my territories")
        HIDDEN = "hidden", _("Nobody (hidden)")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=80)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    # What the person says they are, several at once (`kinds`); `kind` is the first of them,
    # kept for the API's readers of one value.
    kind = models.CharField(_("I am"), max_length=20, choices=Kind, default=Kind.RESIDENT)
    kinds = models.JSONField(_("I am"), default=list, blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    interests = models.ManyToManyField(
        "territories.Theme", blank=True, related_name="interested_users",
        verbose_name=_("interests"),
    )  # fmt: skip
    neighbourhood = models.ForeignKey(
        "territories.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="residents", verbose_name=_("neighbourhood"),
    )  # fmt: skip
    profile_visibility = models.CharField(
        _("who can see my profile"), max_length=10, choices=Visibility,
        default=Visibility.MEMBERS,
    )  # fmt: skip
    contactable = models.BooleanField(_("other members may contact me"), default=True)
    # The interface after login and every email speak it; empty until the person chooses.
    language = models.CharField(_("language"), max_length=10, blank=True, choices=language_choices)
    onboarded_at = models.DateTimeField(_("welcome steps done at"), null=True, blank=True)
    # Set when the person deleted their account: the row stays, anonymised, so that what
    # they wrote keeps its place (shown from "deleted participant", see display.py).
    erased_at = models.DateTimeField(_("account deleted at"), null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["profile_visibility"])]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("home:profile", kwargs={"pk": self.pk})

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class ApiToken(TimeStampedModel):
    """A personal API token; only its SHA-256 is stored.

    It dies at `expires_at`, when its owner revokes it, and when the owner's password
    changes, however it changes (`password_seal` is the owner's session hash of the day
    the token was made, as Django does for sessions): see `ensemble.accounts.tokens`.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    name = models.CharField(_("name"), max_length=60, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("expires on"), null=True)
    password_seal = models.CharField(max_length=128, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()
