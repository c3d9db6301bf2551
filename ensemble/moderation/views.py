from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate

from . import selectors, services
from .forms import ReportDecisionForm
from .registry import reportable_for


def _queue_page(request, *, form=None, failed_report=None, status=200):
    page = paginate(request, selectors.report_queue(territory=request.territory))
    for report in page.object_list:
        target = report.target
        if target is None:
            report.excerpt, report.target_url = _("(content removed)"), ""
        else:
            kind = reportable_for(target)
            report.excerpt, report.target_url = kind.excerpt(target), kind.url(target)
    return render(
        request,
        "moderation/queue.html",
        {"page": page, "form": form, "failed_report": failed_report},
        status=status,
    )


@territory_permission_required("moderation.view_queue")
def report_queue(request):
    return _queue_page(request)


@require_POST
@territory_permission_required("moderation.view_queue")
def report_resolve(request, pk: int):
    report = selectors.report_get(pk=pk, territory=request.territory)
    form = ReportDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.report_resolve(
                actor=request.user, report=report,
                upheld=form.cleaned_data["decision"] == "uphold",
                reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The report was handled."))
            return redirect("moderation:queue", territory_slug=request.territory.slug)
    return _queue_page(request, form=form, failed_report=report.pk, status=400)
