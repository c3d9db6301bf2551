"""Project pages: directory, project page, create/edit, needs, news, follow, replicate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.accounts.display import names_audience
from ensemble.core.access import login_first, require
from ensemble.core.forms import form_add_service_errors
from ensemble.core.lists import FilteredList
from ensemble.core.views import service_form
from ensemble.territories.selectors import territory_get

from . import selectors, services
from .access import need_get_visible, project_get_visible
from .forms import NeedForm, ProjectFilterForm, ProjectForm, ProjectUpdateForm, ReplicateForm
from .models import Need, Project


class ProjectDirectory(FilteredList):
    form_class = ProjectFilterForm

    def filters_of(self, form) -> dict:
        filters, sort = form.filters()
        return {**filters, "sort": sort}

    def rows(self, filters: dict):
        filters = dict(filters)
        sort = filters.pop("sort", selectors.DEFAULT_SORT)
        return selectors.project_list(territory=self.territory, filters=filters, sort=sort)


def project_list(request):
    return render(request, "projects/project_list.html", {"directory": ProjectDirectory(request)})


class ProjectPage:
    """What a project page shows besides the project, each read only when rendered.

    The parts that are the same for a whole audience sit in `{% fragment %}`s keyed by the
    project and that audience (who sees which names, who sees which need buttons): when a
    fragment is kept, its lists are not read at all.
    """

    def __init__(self, request, project: Project):
        self.project, self.user = project, request.user

    @cached_property
    def names_audience(self) -> str:
        return names_audience(self.user, self.project.territory_id)

    @cached_property
    def needs_audience(self) -> str:
        """Who sees which button under an open need: its managers, members, visitors."""
        if self.user.has_perm("projects.manage_needs", self.project):
            return "managers"
        return "members" if self.user.is_authenticated else "visitors"

    @cached_property
    def needs(self):
        return list(selectors.need_list_for_project(project=self.project))

    @cached_property
    def updates(self):
        return list(selectors.update_list(project=self.project)[:10])

    @cached_property
    def team(self):
        return list(selectors.team_list(project=self.project))

    @cached_property
    def partners(self):
        return list(selectors.partner_list(project=self.project))

    @cached_property
    def images(self):
        return list(self.project.images.all())

    @cached_property
    def links(self):
        return list(self.project.links.all())


def project_detail(request, pk: int):
    project = project_get_visible(user=request.user, pk=pk, territory=request.territory)
    user = request.user
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "parts": ProjectPage(request, project),
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


def _project_page(project: Project) -> str:
    return project.get_absolute_url()


def project_create(request):
    if response := login_first(request):
        return response
    territory = request.territory
    require(request.user, "projects.add_project", territory)
    return service_form(
        request,
        ProjectForm(request.POST or None, territory=territory),
        lambda data: services.project_create(
            actor=request.user, territory=territory, publish="publish" in request.POST, **data
        ),
        template="projects/project_form.html",
        context={"project": None},
        success_message=_("Your project was saved."),
        success_url=_project_page,
    )


def project_edit(request, pk: int):
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.change_project"
    )
    # The "Publish" button of a draft's form (shown to whoever may publish it).
    status = Project.Status.PUBLISHED if "publish" in request.POST else None
    return service_form(
        request,
        ProjectForm(request.POST or None, instance=project, territory=request.territory),
        lambda data: services.project_edit(
            actor=request.user, project=project, data=dict(data), status=status
        ),
        template="projects/project_form.html",
        context={"project": project},
        success_message=_("Your project was saved."),
        success_url=_project_page,
    )


# What the buttons of the project page ask for; the service decides who may.
# Archiving has its own page, which asks for a confirmation first.
STATUS_ACTIONS = {"publish": Project.Status.PUBLISHED}


@require_POST
@login_required
def project_status(request, pk: int):
    project = project_get_visible(user=request.user, pk=pk, territory=request.territory)
    status = STATUS_ACTIONS.get(request.POST.get("action"))
    if status is None:
        return redirect(project.get_absolute_url())
    services.project_status_change(actor=request.user, project=project, status=status)
    messages.success(request, _("The project's status was changed."))
    return redirect(project.get_absolute_url())


def project_archive(request, pk: int):
    """A confirmation page (works without JavaScript); archiving happens on its POST."""
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.archive_project"
    )
    if request.method == "POST":
        services.project_archive(actor=request.user, project=project)
        messages.success(
            request,
            _("The project is archived. You can restore it from “My projects”."),
        )
        return redirect(project.get_absolute_url())
    return render(request, "projects/project_archive.html", {"project": project})


@require_POST
@login_required
def project_restore(request, pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.restore_project"
    )
    services.project_restore(actor=request.user, project=project)
    messages.success(
        request,
        _("The project is restored: it is published again.")
        if project.status == Project.Status.PUBLISHED
        else _("The project is restored as a draft."),
    )
    return redirect(project.get_absolute_url())


@require_POST
@login_required
def project_follow(request, pk: int):
    project = project_get_visible(user=request.user, pk=pk, territory=request.territory)
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
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.replicate_project"
    )
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


def _needs_url(request, project: Project) -> str:
    return reverse(
        "projects:need_create", kwargs={"territory_slug": request.territory.slug, "pk": project.pk}
    )


def _need_form(request, project: Project, form, call, *, need=None, success_message: str):
    return service_form(
        request, form, call, template="projects/need_form.html",
        context={"project": project, "need": need,
                 "needs": list(selectors.need_list_for_project(project=project))},
        success_message=success_message, success_url=_needs_url(request, project),
    )  # fmt: skip


def need_create(request, pk: int):
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.manage_needs"
    )
    return _need_form(
        request, project, NeedForm(request.POST or None),
        lambda data: services.need_create(actor=request.user, project=project, **data),
        success_message=_("The need was added."),
    )  # fmt: skip


def _need(request, pk: int, need_pk: int):
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.manage_needs"
    )
    # Scoped by the project, itself scoped by the territory: another project's need is a 404.
    return project, need_get_visible(user=request.user, pk=need_pk, project=project)


def need_edit(request, pk: int, need_pk: int):
    if response := login_first(request):
        return response
    project, need = _need(request, pk, need_pk)
    return _need_form(
        request, project, NeedForm(request.POST or None, instance=need),
        lambda data: services.need_update(actor=request.user, need=need, data=data),
        need=need, success_message=_("The need was saved."),
    )  # fmt: skip


@require_POST
@login_required
def need_status(request, pk: int, need_pk: int):
    project, need = _need(request, pk, need_pk)
    status = Need.Status.OPEN if request.POST.get("action") == "reopen" else Need.Status.FULFILLED
    services.need_status_change(actor=request.user, need=need, status=status)
    messages.success(request, _("The need was updated."))
    return redirect(_needs_url(request, project))


def update_create(request, pk: int):
    if response := login_first(request):
        return response
    project = project_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="projects.post_update"
    )
    return service_form(
        request,
        ProjectUpdateForm(request.POST or None),
        lambda data: services.project_update_post(actor=request.user, project=project, **data),
        template="projects/update_form.html",
        context={"project": project},
        success_message=_("Your news was posted; followers will see it."),
        success_url=project.get_absolute_url(),
    )


@login_required
def my_projects(request):
    projects, archived = [], []
    for project in selectors.user_project_list(user=request.user, territory=request.territory):
        (archived if project.status == Project.Status.ARCHIVED else projects).append(project)
    return render(
        request,
        "projects/my_projects.html",
        {
            "projects": projects,
            "archived": archived,
            "invitations": list(selectors.user_invitation_list(user=request.user)),
        },
    )
