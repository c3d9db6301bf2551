"""Project pages: directory, project page, create/edit, needs, news, follow, replicate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate
from ensemble.territories.selectors import territory_get

from . import selectors, services
from .forms import NeedForm, ProjectFilterForm, ProjectForm, ProjectUpdateForm, ReplicateForm
from .models import Need


def _project(request, pk: int, perm: str | None = None):
    """The visible project of this territory; with `perm`, refuse who may not do it."""
    project = selectors.project_get_visible(user=request.user, territory=request.territory, pk=pk)
    if perm and not request.user.has_perm(perm, project):
        raise PermissionDenied
    return project


def _login_first(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def project_list(request):
    territory = request.territory
    form = ProjectFilterForm(request.GET or None, territory=territory)
    filters, sort = form.filters() if request.GET else ({}, "newest")
    page = paginate(
        request, selectors.project_list(territory=territory, filters=filters, sort=sort)
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "projects/project_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": bool(filters),
            "can_create": request.user.has_perm("projects.add_project", territory),
        },
    )


def project_detail(request, pk: int):
    project = _project(request, pk)
    user = request.user
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "needs": list(selectors.need_list_for_project(project=project)),
            "updates": list(selectors.update_list(project=project)[:10]),
            "team": list(selectors.team_list(project=project)),
            "partners": list(selectors.partner_list(project=project)),
            "images": list(project.images.all()),
            "links": list(project.links.all()),
            "is_following": selectors.is_following(user=user, project=project),
            "replicate_form": (
                ReplicateForm(
                    territories=selectors.replication_target_list(user=user, project=project)
                )
                if user.has_perm("projects.replicate_project", project)
                else None
            ),
            "comments_available": _comments_available(),
        },
    )


def _comments_available() -> bool:
    from importlib.util import find_spec

    return find_spec("ensemble.comments.templatetags.comments") is not None


def _save_project(request, form, project=None):
    data = dict(form.cleaned_data)
    publish = "publish" in request.POST
    try:
        if project is None:
            project = services.project_create(
                actor=request.user, territory=request.territory, publish=publish, **data
            )
        else:
            project = services.project_update(actor=request.user, project=project, data=data)
            if publish and request.user.has_perm("projects.publish_project", project):
                services.project_publish(actor=request.user, project=project)
    except ValidationError as error:
        form_add_service_errors(form, error)
        return None
    return project


def project_create(request):
    if response := _login_first(request):
        return response
    if not request.user.has_perm("projects.add_project", request.territory):
        raise PermissionDenied
    form = ProjectForm(request.POST or None, territory=request.territory)
    project = None
    if request.method == "POST" and form.is_valid():
        project = _save_project(request, form)
    if project is not None:
        messages.success(request, _("Your project was saved."))
        return redirect(project.get_absolute_url())
    return render(
        request, "projects/project_form.html", {"form": form, "project": None},
        status=400 if form.errors else 200,
    )  # fmt: skip


def project_edit(request, pk: int):
    if response := _login_first(request):
        return response
    project = _project(request, pk, "projects.change_project")
    form = ProjectForm(request.POST or None, instance=project, territory=request.territory)
    if request.method == "POST" and form.is_valid() and _save_project(request, form, project):
        messages.success(request, _("Your project was saved."))
        return redirect(project.get_absolute_url())
    return render(
        request, "projects/project_form.html", {"form": form, "project": project},
        status=400 if form.errors else 200,
    )  # fmt: skip


@require_POST
@login_required
def project_status(request, pk: int):
    project = _project(request, pk)
    action = {"publish": services.project_publish, "archive": services.project_archive}.get(
        request.POST.get("action")
    )
    if action is None:
        return redirect(project.get_absolute_url())
    action(actor=request.user, project=project)
    messages.success(request, _("The project's status was changed."))
    return redirect(project.get_absolute_url())


@require_POST
@login_required
def project_follow(request, pk: int):
    project = _project(request, pk)
    if request.POST.get("action") == "unfollow":
        services.project_unfollow(user=request.user, project=project)
        messages.success(request, _("You no longer follow this project."))
    else:
        services.project_follow(user=request.user, project=project)
        messages.success(request, _("You follow this project: its news will reach your feed."))
    return redirect(project.get_absolute_url())


@require_POST
@login_required
def project_replicate(request, pk: int):
    project = _project(request, pk, "projects.replicate_project")
    targets = selectors.replication_target_list(user=request.user, project=project)
    form = ReplicateForm(request.POST, territories=targets)
    if form.is_valid():
        try:
            copy = services.project_replicate(
                actor=request.user,
                source=project,
                territory=territory_get(slug=form.cleaned_data["territory"]),
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("A new draft was created: adapt it to your territory."))
            return redirect(copy.get_absolute_url())
    for error in form.errors.get("territory", []) + form.non_field_errors():
        messages.error(request, error)
    return redirect(project.get_absolute_url())


def _need_form_page(request, project, form, need=None):
    return render(
        request, "projects/need_form.html",
        {"form": form, "project": project, "need": need,
         "needs": list(selectors.need_list_for_project(project=project))},
        status=400 if form.errors else 200,
    )  # fmt: skip


def need_create(request, pk: int):
    if response := _login_first(request):
        return response
    project = _project(request, pk, "projects.manage_needs")
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_create(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The need was added."))
            return redirect("projects:need_create", territory_slug=request.territory.slug, pk=pk)
    return _need_form_page(request, project, form)


def _need(request, pk: int, need_pk: int):
    project = _project(request, pk, "projects.manage_needs")
    # Scoped by the project, itself scoped by the territory: another project's need is a 404.
    need = get_object_or_404(Need, project=project, pk=need_pk)
    need.project = project
    return project, need


def need_edit(request, pk: int, need_pk: int):
    if response := _login_first(request):
        return response
    project, need = _need(request, pk, need_pk)
    form = NeedForm(request.POST or None, instance=need)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_update(actor=request.user, need=need, data=form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The need was saved."))
            return redirect("projects:need_create", territory_slug=request.territory.slug, pk=pk)
    return _need_form_page(request, project, form, need)


@require_POST
@login_required
def need_status(request, pk: int, need_pk: int):
    _project, need = _need(request, pk, need_pk)
    if request.POST.get("action") == "reopen":
        services.need_reopen(actor=request.user, need=need)
    else:
        services.need_fulfil(actor=request.user, need=need)
    messages.success(request, _("The need was updated."))
    return redirect("projects:need_create", territory_slug=request.territory.slug, pk=pk)


def update_create(request, pk: int):
    if response := _login_first(request):
        return response
    project = _project(request, pk, "projects.post_update")
    form = ProjectUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update_post(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your news was posted; followers will see it."))
            return redirect(project.get_absolute_url())
    return render(
        request, "projects/update_form.html", {"form": form, "project": project},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
def my_projects(request):
    return render(
        request,
        "projects/my_projects.html",
        {
            "projects": list(
                selectors.user_project_list(user=request.user, territory=request.territory)
            ),
            "invitations": list(selectors.user_invitation_list(user=request.user)),
        },
    )
