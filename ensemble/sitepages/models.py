"""A territory's own pages (about, legal notice, privacy, accessibility, contact).

Versioned like a consultation's charter: publishing writes a new version, no
version is ever edited, and the page shows the newest with its changelog.
Until a first version is published, the page shows a text generated from the
territory's settings, so the footer's links always lead somewhere.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    ABOUT = "about", _("About")
    LEGAL = "legal", _("Legal notice")
    PRIVACY = "privacy", _("Privacy")
    ACCESSIBILITY = "accessibility", _("Accessibility")
    CONTACT = "contact", _("Contact")


# The address of each page (French, like the other addresses of the site).
PAGE_ADDRESSES = {
    PageKind.ABOUT: "a-propos",
    PageKind.LEGAL: "mentions-legales",
    PageKind.PRIVACY: "confidentialite",
    PageKind.ACCESSIBILITY: "accessibilite",
    PageKind.CONTACT: "contact",
}
KIND_BY_ADDRESS = {address: kind for kind, address in PAGE_ADDRESSES.items()}


class Conformity(models.TextChoices):
    """The RGAA conformity status an accessibility statement declares."""

    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NONE = "none", _("Not compliant")


class PageVersion(models.Model):
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="page_versions"
    )
    kind = models.CharField(_("page"), max_length=20, choices=PageKind)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), max_length=50000)
    changes = models.CharField(_("what changed"), max_length=500, blank=True)
    # The accessibility statement's status (RGAA); empty for the other pages.
    conformity = models.CharField(
        _("conformity status"), max_length=10, choices=Conformity, blank=True
    )
    compliance_rate = models.PositiveSmallIntegerField(
        _("share of RGAA criteria met (%)"), null=True, blank=True,
        validators=[MaxValueValidator(100)],
    )  # fmt: skip
    audited_on = models.DateField(_("audit date"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        verbose_name = _("page version")
        verbose_name_plural = _("page versions")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "kind", "version"], name="page_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.territory_id} {self.kind} v{self.version}"
