"""Administration pages ask administrators for a second factor (when configured)."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ensemble.territories.models import Membership
from ensemble.territories.roles import Role


def is_administrator(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or Membership.objects.filter(user=user, role=Role.ADMIN).exists()


def mfa_missing(user) -> bool:
    return (
        is_administrator(user)
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


# (app, start of the URL name) of the administration pages; "" takes the whole app.
ADMINISTRATION_VIEWS = (
    ("admin", ""), ("territories", "console_"), ("console", ""), ("console_territory", ""),
    ("audit", ""), ("sitepages", "console"), ("sitepages", "edit"), ("workbench", "department"),
)  # fmt: skip


def is_administration_view(resolver_match) -> bool:
    if resolver_match is None:
        return False
    name = resolver_match.url_name or ""
    return any(
        resolver_match.app_name == app and name.startswith(prefix)
        for app, prefix in ADMINISTRATION_VIEWS
    )


class AdminMFAMiddleware:
    """With ENSEMBLE_REQUIRE_MFA_FOR_ADMINS, send administrators without TOTP to set it up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.ENSEMBLE_REQUIRE_MFA_FOR_ADMINS:
            return None
        if not is_administration_view(request.resolver_match) or not mfa_missing(request.user):
            return None
        messages.warning(
            request, _("Administration pages need two-factor authentication: set it up first.")
        )
        return redirect("mfa_activate_totp")
