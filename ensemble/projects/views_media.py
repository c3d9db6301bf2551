"""A project's images, links and partner organisations: listed, added, removed by its team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.forms import form_add_service_errors

from . import selectors, services
from .forms import ImageForm, LinkForm, PartnerForm
from .models import ProjectImage, ProjectLink
from .views import _login_first, _project


def _back(request, name: str, project):
    return redirect(f"projects:{name}", territory_slug=request.territory.slug, pk=project.pk)


def _posted(model, project, request, field: str):
    """The row named by POST[field] among this project's, else 404."""
    pk = request.POST.get(field, "")
    row = model.objects.filter(project=project, pk=pk).first() if pk.isdigit() else None
    if row is None:
        raise Http404
    row.project = project
    return row


def _page(request, template: str, context: dict, form):
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)


# --- images -------------------------------------------------------------------------


def images(request, pk: int):
    if response := _login_first(request):
        return response
    project = _project(request, pk, "projects.change_project")
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_image_add(
                actor=request.user, project=project, image=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The image was added."))
            return _back(request, "images", project)
    pictures = list(project.images.all())
    return _page(
        request, "projects/images.html",
        {"project": project, "images": pictures, "is_full": len(pictures) >= services.MAX_IMAGES,
         "max_images": services.MAX_IMAGES},
        form,
    )  # fmt: skip


@require_POST
@login_required
def image_remove(request, pk: int):
    project = _project(request, pk, "projects.change_project")
    services.project_image_remove(
        actor=request.user, image=_posted(ProjectImage, project, request, "image")
    )
    messages.success(request, _("The image was removed."))
    return _back(request, "images", project)


# --- links --------------------------------------------------------------------------


def links(request, pk: int):
    if response := _login_first(request):
        return response
    project = _project(request, pk, "projects.change_project")
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_link_add(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The link was added."))
            return _back(request, "links", project)
    return _page(
        request, "projects/links.html", {"project": project, "links": list(project.links.all())},
        form,
    )  # fmt: skip


@require_POST
@login_required
def link_remove(request, pk: int):
    project = _project(request, pk, "projects.change_project")
    services.project_link_remove(
        actor=request.user, link=_posted(ProjectLink, project, request, "link")
    )
    messages.success(request, _("The link was removed."))
    return _back(request, "links", project)


# --- partner organisations ----------------------------------------------------------


def partners(request, pk: int):
    if response := _login_first(request):
        return response
    project = _project(request, pk, "projects.manage_partners")
    form = PartnerForm(request.POST or None, territory=request.territory, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_partner_add(
                actor=request.user, project=project,
                organisation=form.cleaned_data["organisation"],
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation was added to the partners."))
            return _back(request, "partners", project)
    return _page(
        request, "projects/partners.html",
        {"project": project, "partners": list(selectors.partner_list(project=project))},
        form,
    )  # fmt: skip


@require_POST
@login_required
def partner_remove(request, pk: int):
    project = _project(request, pk, "projects.manage_partners")
    pk_posted = request.POST.get("organisation", "")
    organisation = (
        selectors.partner_list(project=project).filter(pk=pk_posted).first()
        if pk_posted.isdigit()
        else None
    )
    if organisation is None:
        raise Http404
    services.project_partner_remove(actor=request.user, project=project, organisation=organisation)
    messages.success(request, _("The organisation is no longer a partner."))
    return _back(request, "partners", project)
