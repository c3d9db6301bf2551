"""One status-change rule for a project and a need, the same on the page and in the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ensemble.projects import services
from ensemble.projects.models import Need, Project
from ensemble.testing.factories import member

from .factories import ProjectFactory, archived_project, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db
Status = Project.Status


def test_owner_publishes_then_archives(territory):
    project = draft_project(territory=territory)
    owner = owner_of(project)
    services.project_status_change(actor=owner, project=project, status=Status.PUBLISHED)
    project.refresh_from_db()
    assert project.status == Status.PUBLISHED and project.published_at is not None
    services.project_status_change(actor=owner, project=project, status=Status.ARCHIVED)
    assert Project.objects.get().status == Status.ARCHIVED


def test_asking_for_the_current_status_changes_nothing(territory):
    project = ProjectFactory(territory=territory)
    services.project_status_change(actor=member(territory), project=project, status="published")
    assert Project.objects.get().status == Status.PUBLISHED


@pytest.mark.parametrize(
    "make, who, status",
    [
        (draft_project, "team member", Status.PUBLISHED),
        (draft_project, "territory member", Status.PUBLISHED),
        (ProjectFactory, "team member", Status.ARCHIVED),
        (ProjectFactory, "territory member", Status.ARCHIVED),
        (archived_project, "team member", Status.PUBLISHED),
        (archived_project, "territory member", Status.PUBLISHED),
    ],
)
def test_refused_status_changes(make, who, status, territory):
    project = make(territory=territory)
    actor = {
        "owner": lambda: owner_of(project),
        "team member": lambda: team_member(project),
        "territory member": lambda: member(territory),
    }[who]()
    with pytest.raises(PermissionDenied):
        services.project_status_change(actor=actor, project=project, status=status)


@pytest.mark.parametrize("make", [ProjectFactory, archived_project])
def test_nothing_goes_back_to_draft(make, territory):
    """(An archived project that had been published is restored to published, never a draft.)"""
    project = make(territory=territory)
    with pytest.raises(ValidationError) as error:
        services.project_status_change(
            actor=owner_of(project), project=project, status=Status.DRAFT
        )
    assert "status" in error.value.message_dict


def test_edit_and_publish_are_all_or_nothing(territory):
    project = draft_project(territory=territory, title="Avant")
    helper = team_member(project)  # may edit, may not publish
    with pytest.raises(PermissionDenied):
        services.project_edit(
            actor=helper, project=project, data={"title": "Après"}, status=Status.PUBLISHED
        )
    project.refresh_from_db()
    assert (project.title, project.status) == ("Avant", Status.DRAFT)


def _page(name, project, **kwargs):
    return reverse(
        f"projects:{name}",
        kwargs={"territory_slug": project.territory.slug, "pk": project.pk, **kwargs},
    )


def test_status_page_goes_through_the_service(client, territory):
    project = draft_project(territory=territory)
    client.force_login(team_member(project))
    assert client.post(_page("status", project), {"action": "publish"}).status_code == 403
    client.force_login(owner_of(project))
    assert client.post(_page("status", project), {"action": "publish"}).status_code == 302
    assert Project.objects.get().status == Status.PUBLISHED
    assert client.post(_page("status", project), {"action": "draft"}).status_code == 302
    assert Project.objects.get().status == Status.PUBLISHED  # no such button: nothing happens


def test_status_page_refusals(client, territory, other_territory):
    draft = draft_project(territory=territory)
    client.force_login(member(territory))
    assert client.post(_page("status", draft), {"action": "publish"}).status_code == 404
    published = ProjectFactory(territory=territory)
    assert client.post(_page("archive", published)).status_code == 403
    client.force_login(owner_of(published))
    elsewhere = reverse(
        "projects:archive", kwargs={"territory_slug": other_territory.slug, "pk": published.pk}
    )
    assert client.post(elsewhere).status_code == 404
    assert Project.objects.get(pk=published.pk).status == Status.PUBLISHED


def test_edit_page_publishes_in_the_same_transaction(client, territory):
    project = draft_project(territory=territory, title="Avant")
    data = {"title": "Après", "summary": "s", "stage": "idea", "publish": ""}
    client.force_login(team_member(project))
    assert client.post(_page("edit", project), data).status_code == 403
    assert Project.objects.get().title == "Avant"  # nothing half-saved
    client.force_login(owner_of(project))
    assert client.post(_page("edit", project), data).status_code == 302
    project.refresh_from_db()
    assert (project.title, project.status) == ("Après", Status.PUBLISHED)


def test_need_status_change(territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    need = services.need_create(actor=owner, project=project, kind="equipment", title="x")
    need = services.need_status_change(actor=owner, need=need, status=Need.Status.FULFILLED)
    assert need.status == Need.Status.FULFILLED
    with pytest.raises(PermissionDenied):
        services.need_status_change(actor=member(territory), need=need, status=Need.Status.OPEN)
    with pytest.raises(ValidationError):
        services.need_status_change(actor=owner, need=need, status="done")
    with pytest.raises(PermissionDenied):
        services.need_edit(actor=member(territory), need=need, data={"title": "Piraté"})
    need = services.need_edit(
        actor=owner, need=need, data={"title": "Brouette"}, status=Need.Status.OPEN
    )
    assert (need.title, need.status) == ("Brouette", Need.Status.OPEN)
    project.refresh_from_db()
    assert project.open_needs_count == 1
