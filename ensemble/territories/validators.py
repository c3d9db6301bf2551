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
        "recherche",
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
