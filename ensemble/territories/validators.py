import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# First path segments that belong to the platform itself: a territory slug
# may never take one of them (it would hide the platform page or be hidden).
RESERVED_SLUGS = frozenset(
    {
        "accounts", "admin", "api", "django-admin", "healthz", "i18n", "me", "media",
        "static", "search", "stats", "practices", "network", "territories", "about",
        "help", "docs", "legal", "privacy", "robots.txt", "favicon.ico", "people",
        "organisations", "projects", "consultations", "events", "resources", "www",
        "login", "logout", "signup", "feeds", "notifications", "messages", "new",
        "recherche", "reseau",
    }
)  # fmt: skip


def validate_territory_slug(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved by the platform; choose another address."),
            code="reserved",
            params={"slug": value},
        )


def validate_languages(value) -> None:
    from django.conf import settings

    known = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one language."), code="required")
    unknown = [code for code in value if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown language: %(codes)s."), code="invalid", params={"codes": ", ".join(unknown)}
        )


def _luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of "#rrggbb"."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    """The WCAG contrast ratio of white text on `hex_colour` (1 to 21)."""
    return 1.05 / (_luminance(hex_colour) + 0.05)


# WCAG 2.1 AA for normal text.
MIN_CONTRAST = 4.5


def validate_accent_colour(value: str) -> None:
    if not value:
        return
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValidationError(_("Give a colour as #rrggbb, e.g. #1d4f91."), code="invalid")
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "White text on this colour has a contrast of %(ratio).1f:1; WCAG AA asks for "
                "4.5:1 at least. Choose a darker colour."
            ),
            code="contrast",
            params={"ratio": ratio},
        )


def validate_roles(value) -> None:
    from .roles import Role

    if not isinstance(value, list) or any(role not in Role.values for role in value):
        raise ValidationError(_("Unknown role."), code="invalid")


def _mix(hex_colour: str, other: tuple[int, int, int], share: float) -> str:
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c * (1 - share) + o * share) for c, o in zip(channels, other, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def accent_palette(hex_colour: str) -> dict[str, str] | None:
    """The design tokens a territory's accent colour replaces, or None (keep the default)
    when the colour is malformed or white text on it fails WCAG AA: checked again at
    render time, so a colour saved before the rule existed never makes a page unreadable."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", hex_colour or ""):
        return None
    if contrast_with_white(hex_colour) < MIN_CONTRAST:
        return None
    return {
        "--color-primary": hex_colour.lower(),
        "--color-primary-dark": _mix(hex_colour, (0, 0, 0), 0.35),
        "--color-primary-soft": _mix(hex_colour, (255, 255, 255), 0.88),
    }
