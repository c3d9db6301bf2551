"""The agents' workbench pages: the queue, one contribution's desk, the departments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form

from . import selectors, services
from .access import contribution_get_for_agents
from .forms import AssignForm, BulkAssignForm, DepartmentForm, DraftForm, NoteForm, QueueFilterForm
from .hooks import panels_of
from .models import Department


def _url(name: str, territory, **kwargs) -> str:
    return reverse(f"workbench:{name}", kwargs={"territory_slug": territory.slug, **kwargs})


class QueueRows:
    """The queue's page of rows, read only when its fragment is not kept.

    The rows are the same for every agent of the territory (only "me" differs from one
    agent to another), so they are kept per territory, query string and, for "me", person.
    """

    def __init__(self, request, territory, filters: dict):
        self.request, self.territory, self.filters = request, territory, filters
        self.query = request.GET.urlencode()
        self.person = request.user.pk if filters.get("assignee") == "me" else None

    @cached_property
    def page(self):
        queue = selectors.queue(territory=self.territory, filters=self.filters)
        return paginate(self.request, queue, per_page=50)


def _queue_context(request, territory, bulk_form=None) -> dict:
    filters_form = QueueFilterForm(request.GET or None, territory=territory)
    filters = {**filters_form.filters(), "user": request.user}
    return {
        "filters": filters_form, "rows": QueueRows(request, territory, filters),
        "bulk_form": bulk_form or BulkAssignForm(territory=territory),
        "panels": panels_of(territory, request.user),
    }  # fmt: skip


@territory_permission_required("workbench.view_queue")
def queue(request):
    return render(request, "workbench/queue.html", _queue_context(request, request.territory))


@require_POST
@territory_permission_required("workbench.view_queue")
def queue_assign(request):
    territory = request.territory
    form = BulkAssignForm(request.POST, territory=territory)
    return service_form(
        request, form,
        lambda data: services.contributions_assign_bulk(
            actor=request.user, contributions=list(data["contributions"]), agent=data["agent"],
            department=data["department"],
        ),
        template="workbench/queue.html", context=_queue_context(request, territory, form),
        success_message=_("The contributions were assigned."),
        success_url=_url("queue", territory),
    )  # fmt: skip


def _desk_context(request, contribution, **forms) -> dict:
    territory = contribution.territory
    assignment = getattr(contribution, "workbench_assignment", None)
    draft = selectors.draft_get(contribution=contribution)
    initial = {"agent": assignment.agent_id, "department": assignment.department_id} if (
        assignment) else {}  # fmt: skip
    return {
        "contribution": contribution,
        "due_at": selectors.due_at(contribution),
        "assignment": assignment,
        "notes": selectors.note_list(contribution=contribution),
        "draft": draft,
        "assign_form": forms.get("assign_form") or AssignForm(initial=initial, territory=territory),
        "note_form": forms.get("note_form") or NoteForm(),
        "draft_form": forms.get("draft_form") or DraftForm(instance=draft),
    }


def _get(request, pk):
    return contribution_get_for_agents(user=request.user, pk=pk, territory=request.territory)


@territory_permission_required("workbench.view_queue")
def contribution_desk(request, pk: int):
    contribution = _get(request, pk)
    return render(request, "workbench/contribution.html", _desk_context(request, contribution))


def _desk_form(request, contribution, key, form, call, message):
    return service_form(
        request, form, call, template="workbench/contribution.html",
        context=_desk_context(request, contribution, **{key: form}), success_message=message,
        success_url=_url("contribution", contribution.territory, pk=contribution.pk),
    )  # fmt: skip


@require_POST
@territory_permission_required("workbench.view_queue")
def contribution_assign(request, pk: int):
    contribution = _get(request, pk)
    form = AssignForm(request.POST, territory=contribution.territory)
    return _desk_form(
        request, contribution, "assign_form", form,
        lambda data: services.contribution_assign(actor=request.user, contribution=contribution,
                                                  **data),
        _("The contribution was assigned."),
    )  # fmt: skip


@require_POST
@territory_permission_required("workbench.view_queue")
def contribution_note(request, pk: int):
    contribution = _get(request, pk)
    return _desk_form(
        request, contribution, "note_form", NoteForm(request.POST),
        lambda data: services.note_add(actor=request.user, contribution=contribution, **data),
        _("The note was added."),
    )  # fmt: skip


@require_POST
@territory_permission_required("workbench.view_queue")
def contribution_draft(request, pk: int):
    contribution = _get(request, pk)
    return _desk_form(
        request, contribution, "draft_form", DraftForm(request.POST),
        lambda data: services.draft_save(actor=request.user, contribution=contribution, **data),
        _("The draft answer was saved; another agent can publish it."),
    )  # fmt: skip


@require_POST
@territory_permission_required("workbench.view_queue")
def contribution_publish(request, pk: int):
    contribution = _get(request, pk)
    try:
        services.draft_publish(actor=request.user, contribution=contribution)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_url("contribution", contribution.territory, pk=contribution.pk))
    messages.success(request, _("The answer is published."))
    return redirect(contribution.get_absolute_url())


@territory_permission_required("workbench.manage_departments")
def departments(request):
    territory = request.territory
    form = DepartmentForm(request.POST or None, territory=territory)
    items = selectors.department_list(territory=territory, include_retired=True)
    return service_form(
        request, form,
        lambda data: services.department_save(actor=request.user, territory=territory, **data),
        template="workbench/departments.html",
        context={"departments": items.prefetch_related("members")},
        success_message=_("The department was saved."), success_url=_url("departments", territory),
    )  # fmt: skip


@require_POST
@territory_permission_required("workbench.manage_departments")
def department_change(request, pk: int):
    territory = request.territory
    department = Department.objects.filter(territory=territory, pk=pk).first()
    if department is None:
        raise Http404
    form = DepartmentForm(request.POST, territory=territory)
    items = selectors.department_list(territory=territory, include_retired=True)
    return service_form(
        request, form,
        lambda data: services.department_save(
            actor=request.user, territory=territory, department=department, **data
        ),
        template="workbench/departments.html",
        context={"departments": items.prefetch_related("members"), "changed": department},
        success_message=_("The department was saved."), success_url=_url("departments", territory),
    )  # fmt: skip
