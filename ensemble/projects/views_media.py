"""A project's images, links and partner organisations: listed, added, removed by its team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first
from ensemble.core.views import service_form

from . import selectors, services
from .access import (
    project_get_visible,
    project_image_get_visible,
    project_link_get_visible,
    project_partner_get_visible,
)
from .forms import ImageForm, LinkForm, PartnerForm

CHANGE = "projects.change_project"
PARTNERS = "projects.manage_partners"


def _url(request, name: str, project) -> str:
    return reverse(
        f"projects:{name}", kwargs={"territory_slug": request.territory.slug, "pk": project.pk}
    )


# --- images -------------------------------------------------------------------------


def images(request, pk: int):
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=CHANGE
    )
    pictures = list(project.images.all())
    return service_form(
        request,
        ImageForm(request.POST or None, request.FILES or None),
        lambda data: services.project_image_add(
            actor=request.user, project=project, image=data["image"], alt_text=data["alt_text"]
        ),
        template="projects/images.html",
        context={"project": project, "images": pictures,
                 "is_full": len(pictures) >= services.MAX_IMAGES,
                 "max_images": services.MAX_IMAGES},
        success_message=_("The image was added."),
        success_url=_url(request, "images", project),
    )  # fmt: skip


@require_POST
@login_required
def image_remove(request, pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=CHANGE
    )
    image = project_image_get_visible(
        user=request.user, pk=request.POST.get("image"), project=project
    )
    services.project_image_remove(actor=request.user, image=image)
    messages.success(request, _("The image was removed."))
    return redirect(_url(request, "images", project))


# --- links --------------------------------------------------------------------------


def links(request, pk: int):
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=CHANGE
    )
    return service_form(
        request,
        LinkForm(request.POST or None),
        lambda data: services.project_link_add(actor=request.user, project=project, **data),
        template="projects/links.html",
        context={"project": project, "links": list(project.links.all())},
        success_message=_("The link was added."),
        success_url=_url(request, "links", project),
    )


@require_POST
@login_required
def link_remove(request, pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=CHANGE
    )
    link = project_link_get_visible(user=request.user, pk=request.POST.get("link"), project=project)
    services.project_link_remove(actor=request.user, link=link)
    messages.success(request, _("The link was removed."))
    return redirect(_url(request, "links", project))


# --- partner organisations ----------------------------------------------------------


def partners(request, pk: int):
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=PARTNERS
    )
    return service_form(
        request,
        PartnerForm(request.POST or None, territory=request.territory, project=project),
        lambda data: services.project_partner_add(
            actor=request.user, project=project, organisation=data["organisation"]
        ),
        template="projects/partners.html",
        context={"project": project, "partners": list(selectors.partner_list(project=project))},
        success_message=_("The organisation was added to the partners."),
        success_url=_url(request, "partners", project),
    )


@require_POST
@login_required
def partner_remove(request, pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm=PARTNERS
    )
    organisation = project_partner_get_visible(
        user=request.user, pk=request.POST.get("organisation"), project=project
    )
    services.project_partner_remove(actor=request.user, project=project, organisation=organisation)
    messages.success(request, _("The organisation is no longer a partner."))
    return redirect(_url(request, "partners", project))
