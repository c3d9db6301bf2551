"""Pages of the consultations: supporting a contribution (a form button, enhanced by htmx)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from ensemble.contributions.access import contribution_get_visible
from ensemble.contributions.services.supports import support_add, support_remove

ACTIONS = {"support": support_add, "withdraw": support_remove}


def _back(request, contribution) -> str:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = contribution.get_absolute_url()
    return f"{target.split('#')[0]}#support-{contribution.pk}"


def _done_message(action: str, supported_before: bool | None) -> str:
    if action == "support":
        return _("You support this contribution.")
    return _("Your support was withdrawn.") if supported_before else _("You did not support it.")


@require_POST
def contribution_support(request, consultation_pk: int, pk: int):
    contribution = contribution_get_visible(
        user=request.user, pk=pk, consultation=consultation_pk, territory=request.territory
    )
    if not request.user.is_authenticated:
        if request.htmx:
            return HttpResponseClientRedirect(contribution.get_absolute_url())
        return redirect_to_login(contribution.get_absolute_url())
    action = request.POST.get("action", "")
    feedback, failed = "", False
    if action not in ACTIONS:
        feedback, failed = _("Choose whether to support or withdraw your support."), True
    else:
        try:
            result = ACTIONS[action](user=request.user, contribution=contribution)
            feedback = _done_message(action, result if action == "withdraw" else None)
        except PermissionDenied as error:
            feedback, failed = str(error) or _("You may not support this contribution."), True
        except ValidationError as error:  # Conflict: the phase or the limit
            feedback, failed = " ".join(error.messages), True
    if request.htmx:
        context = {
            "contribution": contribution,
            "support_inner": True,
            "support_feedback": feedback,
            "support_failed": failed,
            "support_next": _back(request, contribution).split("#")[0],
        }
        return render(request, "contributions/_support.html", context)
    (messages.error if failed else messages.success)(request, feedback)
    return redirect(_back(request, contribution))


urlpatterns = [
    path(
        "consultations/<int:consultation_pk>/contributions/<int:pk>/soutenir/",
        contribution_support,
        name="contribution_support",
    ),
]
