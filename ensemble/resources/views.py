"""Pages of the knowledge base: the list, a resource, writing one, its attachments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first, require
from ensemble.core.lists import FilteredList
from ensemble.core.views import service_form
from ensemble.resources import selectors, services
from ensemble.resources.access import resource_get_visible
from ensemble.resources.forms import AttachmentForm, ResourceFilterForm, ResourceForm
from ensemble.resources.models import Resource
from ensemble.territories.predicates import is_territory_agent


class KnowledgeBase(FilteredList):
    form_class = ResourceFilterForm

    @property
    def audience(self) -> str:
        """Agents alone list their territory's drafts (`?drafts=on`)."""
        user = self.request.user
        if self.request.GET.get("drafts") and is_territory_agent(user, self.territory):
            return "agents"
        return ""

    def filters_of(self, form) -> dict:
        # The agents' "Drafts" button (`?drafts=on`) is no field of the filter form.
        drafts = {"drafts": True} if self.request.GET.get("drafts") else {}
        return {**form.filters(), **drafts}

    def rows(self, filters: dict):
        return selectors.resource_list(
            territory=self.territory, user=self.request.user, filters=filters
        )

    @cached_property
    def closing_soon(self):
        return list(selectors.closing_soon(territory=self.territory)[:5])


def resource_list(request):
    return render(
        request,
        "resources/resource_list.html",
        {
            "directory": KnowledgeBase(request),
            "can_create": request.user.has_perm("resources.add_resource", request.territory),
        },
    )


def resource_detail(request, pk: int):
    resource = resource_get_visible(user=request.user, pk=pk, territory=request.territory)
    can_change = request.user.has_perm("resources.change_resource", resource)
    return render(
        request,
        "resources/resource_detail.html",
        {
            "resource": resource,
            "can_change": can_change,
            "attachment_form": AttachmentForm() if can_change else None,
            "projects": [p for p in resource.projects.all() if p.status == "published"],
        },
    )


def resource_create(request):
    if response := login_first(request):
        return response
    territory = request.territory
    require(request.user, "resources.add_resource", territory)
    return service_form(
        request,
        ResourceForm(request.POST or None, territory=territory,
                     initial={"kind": request.GET.get("kind", Resource.Kind.GUIDE)}),
        lambda data: services.resource_create(
            actor=request.user, territory=territory, publish="publish" in request.POST,
            **_data(data),
        ),
        template="resources/resource_form.html",
        context={"resource": None},
        success_message=_("The resource was saved."),
        success_url=lambda resource: resource.get_absolute_url(),
    )  # fmt: skip


def _data(data: dict) -> dict:
    data = dict(data)
    data["themes"] = list(data.get("themes") or [])
    return data


def resource_edit(request, pk: int):
    if response := login_first(request):
        return response
    resource = resource_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="resources.change_resource"
    )
    return service_form(
        request,
        ResourceForm(request.POST or None, instance=resource, territory=request.territory),
        lambda data: services.resource_update(actor=request.user, resource=resource,
                                              data=_data(data)),
        template="resources/resource_form.html",
        context={"resource": resource},
        success_message=_("The resource was saved."),
        success_url=resource.get_absolute_url(),
    )  # fmt: skip


@require_POST
def resource_status(request, pk: int):
    if response := login_first(request):
        return response
    resource = resource_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="resources.change_resource"
    )
    status = request.POST.get("status", "")
    try:
        services.resource_set_status(actor=request.user, resource=resource, status=status)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The resource was saved."))
    return redirect(resource.get_absolute_url())


def attachment_add(request, pk: int):
    if response := login_first(request):
        return response
    resource = resource_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="resources.change_resource"
    )
    return service_form(
        request,
        AttachmentForm(request.POST or None, request.FILES or None),
        lambda data: services.attachment_add(
            actor=request.user, resource=resource, uploaded=data["file"]
        ),
        template="resources/attachment_form.html",
        context={"resource": resource},
        success_message=_("The file was attached."),
        success_url=resource.get_absolute_url(),
    )


def attachment_download(request, pk: int, attachment_pk: int):
    """The file, for download only: its sniffed type, never rendered as a page."""
    resource = resource_get_visible(user=request.user, pk=pk, territory=request.territory)
    attachment = resource.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.name,
        content_type=attachment.content_type,
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
