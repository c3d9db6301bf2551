"""Archiving asks first and can be undone: `project_restore`, its rule and its pages
(issue 17). Refusals first."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ensemble.projects import services
from ensemble.projects.models import Project
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

from .factories import ProjectFactory, archived_project, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db


def url(name, project):
    return reverse(
        f"projects:{name}", kwargs={"territory_slug": project.territory.slug, "pk": project.pk}
    )


@pytest.mark.parametrize(
    "who",
    ["team member", "member", "outsider", "moderator of another territory", "former owner"],
)
def test_restore_is_refused_to_who_may_not_archive(territory, other_territory, who):
    project = archived_project(territory=territory)
    owner = owner_of(project)
    if who == "former owner":  # left the territory: keeps the name, loses the pen
        from ensemble.territories.services import membership_leave

        membership_leave(user=owner, territory=territory)
    actor = {
        "team member": lambda: team_member(project),
        "member": lambda: member(territory),
        "outsider": lambda: UserFactory(),
        "moderator of another territory": lambda: member(other_territory, Role.MODERATOR),
        "former owner": lambda: owner,
    }[who]()
    with pytest.raises(PermissionDenied):
        services.project_restore(actor=actor, project=project)
    assert Project.objects.get(pk=project.pk).status == Project.Status.ARCHIVED


def test_only_an_archived_project_is_restored(territory):
    project = ProjectFactory(territory=territory)
    with pytest.raises(PermissionDenied):
        services.project_restore(actor=owner_of(project), project=project)


def test_restore_brings_back_what_it_was(territory):
    published = archived_project(territory=territory)
    services.project_restore(actor=owner_of(published), project=published)
    assert Project.objects.get(pk=published.pk).status == Project.Status.PUBLISHED

    draft = draft_project(territory=territory)
    services.project_archive(actor=owner_of(draft), project=draft)
    services.project_restore(actor=member(territory, Role.MODERATOR), project=draft)
    assert Project.objects.get(pk=draft.pk).status == Project.Status.DRAFT


def test_status_change_restores_only_to_what_it_was(territory):
    draft = draft_project(territory=territory)
    services.project_archive(actor=owner_of(draft), project=draft)
    with pytest.raises(ValidationError) as error:
        services.project_status_change(
            actor=owner_of(draft), project=draft, status=Project.Status.PUBLISHED
        )
    assert "status" in error.value.message_dict
    assert Project.objects.get(pk=draft.pk).status == Project.Status.ARCHIVED


def test_archiving_from_the_page_asks_first(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(owner_of(project))
    page = client.get(project.get_absolute_url()).content.decode()
    assert url("archive", project) in page and 'value="archive"' not in page

    # The old one-click form does nothing any more; the confirmation page changes nothing.
    client.post(url("status", project), {"action": "archive"})
    assert client.get(url("archive", project)).status_code == 200
    assert Project.objects.get(pk=project.pk).status == Project.Status.PUBLISHED

    client.post(url("archive", project))
    assert Project.objects.get(pk=project.pk).status == Project.Status.ARCHIVED


def test_archive_and_restore_pages_refuse(client, territory):
    project = ProjectFactory(territory=territory)
    client.force_login(team_member(project))
    assert client.get(url("archive", project)).status_code == 403
    assert client.post(url("archive", project)).status_code == 403
    Project.objects.filter(pk=project.pk).update(status=Project.Status.ARCHIVED)
    assert client.post(url("restore", project)).status_code == 403
    assert client.get(url("restore", project)).status_code == 405
    assert Project.objects.get(pk=project.pk).status == Project.Status.ARCHIVED


def test_my_projects_offers_to_restore(client, territory):
    project = archived_project(territory=territory, title="Repair café")
    client.force_login(owner_of(project))
    page = client.get(reverse("projects:mine", kwargs={"territory_slug": territory.slug}))
    assert url("restore", project) in page.content.decode()
    response = client.post(url("restore", project))
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).status == Project.Status.PUBLISHED
