"""Middleware of the kernel: the input boundary, JSON errors under /api/, a query counter."""

import json
import logging

from django.db import connection
from django.http import JsonResponse
from django.utils.translation import gettext as _

from ensemble.core.text import MAX_INTEGER, clean, forbidden_character

logger = logging.getLogger("django.request")

API_PREFIX = "/api/"
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _json_error(detail: str, status: int, errors: dict | None = None) -> JsonResponse:
    body = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JsonResponse(body, status=status)


def input_problems(value, path: tuple = ()) -> dict[str, list[str]]:
    """The fields of a parsed JSON value whose text or integers the platform refuses,
    named like the API's validation errors (`phases.0.kind`)."""
    problems: dict[str, list[str]] = {}
    name = ".".join(str(part) for part in path) or "__all__"
    if isinstance(value, str):
        if forbidden_character(value) is not None:
            problems[name] = [_("This text holds a control or invalid character.")]
    elif isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > MAX_INTEGER:
            problems[name] = [_("This number is too large.")]
    elif isinstance(value, dict):
        for key, item in value.items():
            if forbidden_character(str(key)) is not None:
                problems[clean(str(key)) or "__all__"] = [_("Invalid characters in a field name.")]
                continue
            problems.update(input_problems(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            problems.update(input_problems(item, (*path, index)))
    return problems


def _querydict_problems(querydict) -> dict[str, list[str]]:
    values = {key: querydict.getlist(key) for key in querydict}
    return input_problems({key: v[0] if len(v) == 1 else v for key, v in values.items()})


def _cleaned(querydict):
    """A copy of `querydict` without forbidden characters in its keys and values."""
    if not any(
        forbidden_character(key) or any(forbidden_character(v) for v in values)
        for key, values in querydict.lists()
        if isinstance(key, str)
    ):
        return querydict
    copy = querydict.copy()
    for key in list(copy):
        values = [clean(value) if isinstance(value, str) else value for value in copy.getlist(key)]
        del copy[key]
        copy.setlist(clean(key), values)
    copy._mutable = False
    return copy


class InputBoundaryMiddleware:
    """Text and numbers that would break the server never reach a view.

    Under /api/, a query string, form or JSON body holding a NUL byte, another control
    character, a lone surrogate (`ensemble.core.text`) or an integer beyond 64 bits is
    refused with a 422 naming the field. Pages remove those characters from the query
    string and the form instead (nobody types them; what the person typed is kept).
    Every error answered under /api/ is JSON, a 404 of an unknown path or a 500 included.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_api(request):
            request.GET = _cleaned(request.GET)
            if request.method == "POST":
                request.POST = _cleaned(request.POST)
            return self.get_response(request)
        problems = _querydict_problems(request.GET)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            problems.update(self._body_problems(request))
        if problems:
            return _json_error(_("Some fields are invalid."), 422, problems)
        return self._as_json(self.get_response(request))

    def _body_problems(self, request) -> dict[str, list[str]]:
        content_type = request.content_type or ""
        if content_type.startswith(_FORM_TYPES):
            return _querydict_problems(request.POST)
        if not request.body:
            return {}
        try:
            payload = json.loads(request.body)
        except ValueError:
            return {}  # ninja answers "Cannot parse request body"
        request.api_payload = payload
        return input_problems(payload)

    def process_exception(self, request, exception):
        if not _is_api(request):
            return None
        logger.error(
            "Internal Server Error: %s", request.path, exc_info=exception,
            extra={"status_code": 500, "request": request},
        )  # fmt: skip
        return _json_error(_("Server error; it has been logged."), 500)

    @staticmethod
    def _as_json(response):
        if response.status_code < 400 or "json" in response.get("Content-Type", ""):
            return response
        detail = {404: _("Not found."), 405: _("Method not allowed.")}.get(
            response.status_code, response.reason_phrase
        )
        json_response = _json_error(detail, response.status_code)
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                json_response[header] = response[header]
        return json_response


class QueryCountHeaderMiddleware:
    """Report the number of SQL queries of each response (benchmark harness only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response


def content_security_policy() -> str:
    """The policy of every response: scripts, styles, fonts and frames from this site
    only (no inline script, no eval), images also from the map's tile server."""
    from urllib.parse import urlsplit

    from django.conf import settings

    tiles = urlsplit(getattr(settings, "MAP_TILES_URL", "") or "")
    tile_origin = f" {tiles.scheme}://{tiles.netloc}" if tiles.scheme and tiles.netloc else ""
    geocoder = urlsplit(getattr(settings, "MAP_GEOCODER_URL", "") or "")
    geocoder_origin = (
        f" {geocoder.scheme}://{geocoder.netloc}" if geocoder.scheme and geocoder.netloc else ""
    )
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": f"'self' data: blob:{tile_origin}",
        "font-src": "'self'",
        "connect-src": f"'self'{geocoder_origin}",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
    }
    directives.update(getattr(settings, "ENSEMBLE_CSP_EXTRA", {}))
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class ContentSecurityPolicyMiddleware:
    """`Content-Security-Policy` on every response (pages, API, admin, errors).

    No page of Ensemble has an inline script or style: its scripts are static files
    (`maps/map.js`, the API docs' Swagger UI). `ENSEMBLE_CSP_EXTRA` adds or replaces
    directives (a city's own tile or analytics server)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        from django.conf import settings

        response = self.get_response(request)
        if settings.DEBUG and response.status_code >= 500:
            return response  # Django's debug page styles and scripts itself inline
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
