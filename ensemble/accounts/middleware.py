"""`Authorization: Bearer <token>` on the API authenticates as the token's owner.

Otherwise the request's user becomes the user itself rather than Django's lazy wrapper:
what is memoised on the user for the request (its memberships, whether its address is
confirmed) is then shared by the view, the templates and the permission checks, which
otherwise see two objects with a memo each and ask the database twice.
"""

from django.http import JsonResponse
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _

from ensemble.accounts.services import api_token_authenticate


class BearerTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.auth_via_token = False
        header = request.headers.get("Authorization", "")
        if request.path_info.startswith("/api/") and header[:7].lower() == "bearer ":
            user = api_token_authenticate(key=header[7:].strip())
            if user is None:
                return JsonResponse({"detail": _("Invalid, expired or revoked token.")}, status=401)
            request.user = user
            request.auth_via_token = True
            # A token request carries no cookie to forge: CSRF does not apply.
            request._dont_enforce_csrf_checks = True
        elif isinstance(request.user, LazyObject):
            if request.user._wrapped is empty:
                request.user._setup()
            request.user = request.user._wrapped
        return self.get_response(request)
