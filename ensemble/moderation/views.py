from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form

from . import selectors, services
from .access import report_get_visible
from .forms import ReportDecisionForm
from .registry import reportable_for


def _queue_context(request) -> dict:
    page = paginate(request, selectors.report_queue(territory=request.territory, user=request.user))
    for report in page.object_list:
        target = report.target
        if target is None:
            report.excerpt, report.target_url = _("(content removed)"), ""
        else:
            kind = reportable_for(target)
            report.excerpt, report.target_url = kind.excerpt(target), kind.url(target)
    return {"page": page}


@territory_permission_required("moderation.view_queue")
def report_queue(request):
    return render(request, "moderation/queue.html", {"form": None, **_queue_context(request)})


@require_POST
@territory_permission_required("moderation.view_queue")
def report_resolve(request, pk: int):
    report = report_get_visible(user=request.user, pk=pk, territory=request.territory)
    return service_form(
        request, ReportDecisionForm(request.POST),
        lambda data: services.report_resolve(
            actor=request.user, report=report, upheld=data["decision"] == "uphold",
            reason=data["reason"],
        ),
        template="moderation/queue.html",
        context={**_queue_context(request), "failed_report": report.pk},
        success_message=_("The report was handled."),
        success_url=reverse("moderation:queue", kwargs={"territory_slug": request.territory.slug}),
    )  # fmt: skip
