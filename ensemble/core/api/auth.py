"""API authentication: a bearer token, or the browser session with its CSRF token."""

from ninja.errors import HttpError
from ninja.security.base import AuthBase
from ninja.utils import check_csrf

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SessionOrToken(AuthBase):
    """The person behind the request, or None (→ 401).

    `BearerTokenMiddleware` has already put a token's owner on `request.user`.
    """

    openapi_type = "http"
    openapi_scheme = "bearer"

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return None
        needs_csrf = not request.auth_via_token and request.method not in SAFE_METHODS
        if needs_csrf and check_csrf(request):
            raise HttpError(403, "CSRF verification failed.")
        return user


authenticated = SessionOrToken()
