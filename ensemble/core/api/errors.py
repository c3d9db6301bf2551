"""API errors are `{"detail": "...", "errors": {"field": ["..."]}}`, never a 500 for bad input."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from ensemble.core.exceptions import Conflict, LimitReached


def _field_name(loc) -> str:
    # ninja locations look like ("body", "payload", "email") or ("query", "page");
    # only the leading location is dropped: a field may itself be named "body".
    parts = [str(part) for part in loc]
    if parts and parts[0] in ("body", "query", "path", "form"):
        parts = parts[1:]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or "__all__"


def _api_field(payload, name: str) -> str:
    # The API names a Markdown text `<field>_markdown` where the model says `<field>`
    # (`description_markdown` → `description`): an error names what the client sent.
    if isinstance(payload, dict) and name not in payload and f"{name}_markdown" in payload:
        return f"{name}_markdown"
    return name


def service_errors(request, exc: ValidationError) -> dict[str, list[str]]:
    """A service's ValidationError as the API's `errors`, keyed by the API's field names."""
    if not hasattr(exc, "error_dict"):
        return {"__all__": exc.messages}
    payload = getattr(request, "api_payload", None)
    errors: dict[str, list[str]] = {}
    for name, messages in exc.message_dict.items():
        errors.setdefault(_api_field(payload, name), []).extend(messages)
    return errors


def register_error_handlers(api) -> None:
    @api.exception_handler(NinjaValidationError)
    def ninja_validation_error(request, exc):
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_field_name(error.get("loc", ())), []).append(error.get("msg", ""))
        return api.create_response(
            request, {"detail": _("Some fields are invalid."), "errors": errors}, status=422
        )

    @api.exception_handler(Conflict)
    def conflict(request, exc):
        errors = service_errors(request, exc)
        return api.create_response(
            request, {"detail": " ".join(exc.messages), "errors": errors}, status=409
        )

    @api.exception_handler(LimitReached)
    def limit_reached(request, exc):
        errors = service_errors(request, exc)
        return api.create_response(
            request, {"detail": " ".join(exc.messages), "errors": errors}, status=429
        )

    @api.exception_handler(ValidationError)
    def django_validation_error(request, exc):
        errors = service_errors(request, exc)
        return api.create_response(
            request, {"detail": _("Some fields are invalid."), "errors": errors}, status=400
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc):
        return api.create_response(request, {"detail": _("Authentication required.")}, status=401)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return api.create_response(
            request, {"detail": str(exc) or _("You are not allowed to do this.")}, status=403
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
