"""Project pages run as many queries for 5 items as for 50."""

import pytest

from ensemble.accounts.services import api_token_create
from ensemble.actors.models import Organisation
from ensemble.projects import services
from ensemble.projects.models import Project, ProjectMember
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    member,
)
from ensemble.testing.queries import assert_flat_queries

from .factories import ProjectFactory, owner_of

pytestmark = pytest.mark.django_db


def projects_up_to(territory, **kwargs):
    themes = [ThemeFactory(), ThemeFactory(territory=territory)]
    quarter = NeighbourhoodFactory(territory=territory)

    def grow(n):
        for _ in range(Project.objects.filter(territory=territory).count(), n):
            project = ProjectFactory(territory=territory, neighbourhood=quarter, **kwargs)
            project.themes.set(themes)
            services.need_create(
                actor=owner_of(project), project=project, kind="volunteers", title="Bras"
            )

    return grow


def test_directory(client, territory):
    client.force_login(member(territory))
    assert_flat_queries(client, f"/{territory.slug}/projets/", projects_up_to(territory))


def test_directory_filtered(client, territory):
    url = f"/{territory.slug}/projets/?need_kind=volunteers&open_needs_only=on&sort=followed"
    assert_flat_queries(client, url, projects_up_to(territory))


def test_my_projects(client, territory):
    user = member(territory)
    client.force_login(user)
    assert_flat_queries(
        client, f"/{territory.slug}/mes-projets/", projects_up_to(territory, owner=user)
    )


def test_project_page(client, territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)

    def grow(n):
        for index in range(project.needs.count(), n):
            services.need_create(
                actor=owner, project=project, kind="skills", title="x", skill="bois"
            )
            services.project_update_post(actor=owner, project=project, title="T", body="B")
            ProjectMember.objects.create(project=project, user=UserFactory())
            if index < 10:  # a project has at most 20 links
                services.project_link_add(
                    actor=owner, project=project, url=f"https://e.org/{index}", title="L"
                )
            organisation = Organisation.objects.create(
                territory=territory, name=f"O{index}", kind="school"
            )
            services.project_partner_add(actor=owner, project=project, organisation=organisation)

    client.force_login(member(territory))
    assert_flat_queries(client, project.get_absolute_url(), grow)


def test_api_list(client, territory):
    assert_flat_queries(
        client,
        f"/api/v1/territories/{territory.slug}/projects?page_size=100",
        projects_up_to(territory),
    )


def test_api_detail(client, territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)

    def grow(n):
        for index in range(project.needs.count(), n):
            services.need_create(actor=owner, project=project, kind="equipment", title="x")
            ProjectMember.objects.create(project=project, user=UserFactory())
            organisation = Organisation.objects.create(
                territory=territory, name=f"O{index}", kind="school"
            )
            services.project_partner_add(actor=owner, project=project, organisation=organisation)

    token = api_token_create(user=owner)
    assert_flat_queries(
        client, f"/api/v1/projects/{project.pk}", grow, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
