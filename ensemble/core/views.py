"""Views shared by every app: the health check and the form → service → page helper."""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ensemble.core import health
from ensemble.core.exceptions import Conflict, LimitReached
from ensemble.core.forms import form_add_service_errors
from ensemble.core.templatetags.ensemble_ui import ICONS


@require_GET
@never_cache
def healthz(request):
    checks = {"database": health.check_database(), "tasks": health.check_task_queue()}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "vendor": connection.vendor, "checks": checks},
        status=200 if healthy else 503,
    )


def service_form(
    request,
    form,
    call: Callable[[dict], object],
    *,
    template: str,
    context: dict | None = None,
    success_message: str = "",
    success_url: str | Callable[[object], str] = "",
) -> HttpResponse:
    """Form → service → errors on the form → message → redirect, the same on every page.

    On a valid POST, `call(form.cleaned_data)` runs the service. A ValidationError
    it raises is shown on the form (on the field it names), with status 400, 409 for
    a Conflict and 429 for a LimitReached; nothing the person typed is lost. On
    success, `success_message` is flashed and the person is sent to `success_url`
    (a URL, a URL name, or a function of what the service returned). A GET, or an
    invalid form (400), renders `template` with `form` and `context`.
    """
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = call(form.cleaned_data)
            except ValidationError as error:
                form_add_service_errors(form, error)
                status = _error_status(error)
            else:
                if success_message:
                    messages.success(request, success_message)
                url = success_url(result) if callable(success_url) else success_url
                return redirect(url or request.get_full_path())
        else:
            status = 400
    return render(request, template, {"form": form, **(context or {})}, status=status)


def _error_status(error: ValidationError) -> int:
    if isinstance(error, LimitReached):
        return 429
    if isinstance(error, Conflict):
        return 409
    return 400


def design_components(request):
    """The living component page (/_composants/): every component of the design system
    with sample data, for developers. Staff only, or anyone when DEBUG is on; a 404
    otherwise (the page reveals nothing, but it is not for residents)."""
    if not (settings.DEBUG or (request.user.is_authenticated and request.user.is_staff)):
        raise Http404

    class SampleForm(forms.Form):
        title = forms.CharField(
            label=_("Title"), max_length=120, help_text=_("A short sentence, 120 characters.")
        )
        kind = forms.ChoiceField(
            label=_("Kind"),
            choices=[("idea", _("Idea")), ("problem", _("Problem"))],
            widget=forms.RadioSelect,
        )
        agree = forms.BooleanField(label=_("I accept the charter"))

    form = SampleForm(data={"title": "", "kind": "idea"})
    form.is_valid()
    steps = [
        {"title": _("Collect"), "starts_at": None, "ends_at": None, "state": "past"},
        {"title": _("Workshops"), "starts_at": None, "ends_at": None, "state": "active"},
        {"title": _("Decision"), "starts_at": None, "ends_at": None, "state": "future"},
    ]
    bars = [
        {"label": _("Answered"), "value": 72},
        {"label": _("In progress"), "value": 18},
        {"label": _("Waiting"), "value": 10},
    ]
    context = {
        "sample_form": form,
        "sample_field": form["title"],
        "steps": steps,
        "bars": bars,
        "page": Paginator(range(60), 10).page(3),
        "colours": [
            "primary", "primary-dark", "primary-soft", "accent", "text", "muted",
            "surface", "error", "success", "focus",
        ],
        "icons": sorted(ICONS),
    }  # fmt: skip
    return render(request, "components/catalogue.html", context)


# What a refused form keeps for the person to copy: never a secret nor a token.
_NOT_KEPT = ("password", "csrf", "token", "secret", "otp", "code", "key")
KEPT_FIELDS_MAX = 30
KEPT_VALUE_MAX = 20_000


def kept_fields(post) -> list[tuple[str, str]]:
    """The non-empty fields of a refused POST as (name, text), secrets left out."""
    kept = []
    for name, values in post.lists():
        if any(word in name.lower() for word in _NOT_KEPT):
            continue
        text = "\n".join(value for value in values if value.strip())
        if text:
            kept.append((name, text[:KEPT_VALUE_MAX]))
    return kept[:KEPT_FIELDS_MAX]


@never_cache
def csrf_failure(request, reason: str = ""):
    """`CSRF_FAILURE_VIEW`: a form sent after the session (or its security token) expired.

    Nothing is saved; the page says why, asks to log in again, and shows what was typed
    (escaped, read-only, passwords and tokens left out) so that it can be copied back.
    """
    return render(
        request,
        "core/csrf_failure.html",
        {"kept": kept_fields(request.POST), "form_path": request.path},
        status=403,
    )
