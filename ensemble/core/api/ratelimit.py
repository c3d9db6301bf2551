"""Rate limits for API actions, through django-ratelimit and the shared cache."""

from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from ninja.errors import HttpError


def rate_limit(request, group: str, *, rate: str, key: str = "ip") -> None:
    """Count this request in `group` and answer 429 past `rate` (e.g. "10/m")."""
    if is_ratelimited(request, group=f"ensemble.{group}", key=key, rate=rate, increment=True):
        raise HttpError(429, _("Too many requests; try again later."))
