"""The pages measured by `make bench`: one registration per page.

    @page("territory home")
    def _(data: BenchData) -> Request | str:
        return f"/{data.territory().slug}/"

The function runs once, before the server starts, in a process configured
like the server (same settings, database and SECRET_KEY), so it may query the
database and create what it needs (an API token, a session). It returns the
path, or a `Request` with headers (a session cookie, a Bearer token).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache


@dataclass
class Request:
    path: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Page:
    name: str
    build: Callable[["BenchData"], "Request | str"]


PAGES: list[Page] = []


def page(name: str):
    """Register a page; its function builds the path (and headers) from the database."""

    def register(build):
        if any(existing.name == name for existing in PAGES):
            raise ValueError(f"bench page {name!r} registered twice")
        PAGES.append(Page(name, build))
        return build

    return register


class BenchData:
    """What page builders commonly need, looked up once."""

    @cache  # noqa: B019 - one instance per run
    def territory(self):
        """The biggest territory: the worst case for its pages."""
        from ensemble.territories.models import Territory

        return Territory.objects.order_by("-members_count", "pk").first()

    def _member_with_role(self, role: str):
        from ensemble.territories.models import Membership

        membership = (
            Membership.objects.filter(territory=self.territory(), role=role)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        return membership.user

    @cache  # noqa: B019
    def member(self):
        """A plain member of territory()."""
        return self._member_with_role("member")

    @cache  # noqa: B019
    def admin(self):
        """An administrator of territory()."""
        return self._member_with_role("admin")

    def session_headers(self, user) -> dict[str, str]:
        """A Cookie header for a fresh logged-in session of `user`."""
        from importlib import import_module

        from django.conf import settings
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}"}

    def token_headers(self, user) -> dict[str, str]:
        """An Authorization header with a new API token of `user`."""
        from ensemble.accounts.services import api_token_create

        return {"Authorization": f"Bearer {api_token_create(user=user)}"}


def build_requests(data: BenchData | None = None) -> list[tuple[str, Request | str]]:
    """(name, request) per page; a page that cannot be built gets its error message."""
    data = data or BenchData()
    built = []
    for entry in PAGES:
        try:
            request = entry.build(data)
        except Exception as error:  # one broken page must not stop the run
            built.append((entry.name, f"not built: {error}"))
            continue
        built.append((entry.name, Request(request) if isinstance(request, str) else request))
    return built


# --- Public pages -------------------------------------------------------------


@page("network home")
def _(data):
    return "/"


@page("territory home")
def _(data):
    return f"/{data.territory().slug}/"


@page("healthz")
def _(data):
    return "/healthz"


# --- API ------------------------------------------------------------------------


@page("api territories")
def _(data):
    return "/api/v1/territories"


@page("api territory")
def _(data):
    return f"/api/v1/territories/{data.territory().slug}"


@page("api openapi")
def _(data):
    return "/api/openapi.json"


@page("api me (token)")
def _(data):
    return Request("/api/v1/me", data.token_headers(data.member()))


# --- Logged-in pages --------------------------------------------------------------


@page("my profile (member)")
def _(data):
    return Request("/me/profile/", data.session_headers(data.member()))


@page("console members p1 (admin)")
def _(data):
    return Request(f"/{data.territory().slug}/console/membres/", data.session_headers(data.admin()))


@page("console members last page (admin)")
def _(data):
    territory = data.territory()
    last = max(1, -(-territory.members_count // 50))
    return Request(
        f"/{territory.slug}/console/membres/?page={last}", data.session_headers(data.admin())
    )
