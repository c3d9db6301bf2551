"""The personal home: what is near the person's interests, never empty, a fixed number of
queries however big the territory."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.actors.models import Organisation
from ensemble.events.models import Event
from ensemble.projects import services as project_services
from ensemble.projects.tests.factories import ProjectFactory, owner_of
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def mobility(db):
    return ThemeFactory(name="Mobilités", slug="mobilite")


@pytest.fixture
def person(territory, mobility):
    blagis = NeighbourhoodFactory(territory=territory, name="Les Blagis")
    someone = member(territory, neighbourhood=blagis, skills=["menuiserie"])
    someone.interests.set([mobility])
    return someone


def _event(territory, title="Réunion publique", days=7):
    starts_at = timezone.now() + timedelta(days=days)
    return Event.objects.create(
        territory=territory, kind=Event.Kind.MEETING, title=title, starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
    )  # fmt: skip


def test_what_matches_comes_first(client, territory, other_territory, person, mobility):
    ProjectFactory(territory=territory, title="Jardin sans thème")
    bikes = ProjectFactory(territory=territory, title="Vélos partagés")
    bikes.themes.set([mobility])
    ProjectFactory(territory=other_territory, title="Ailleurs").themes.set([mobility])
    project_services.need_create(
        actor=owner_of(bikes), project=bikes, kind="volunteers", title="Menuiserie des bacs"
    )
    _event(territory, "Atelier réparation")
    _event(other_territory, "Pas chez moi")
    Organisation.objects.create(territory=territory, name="Roue Libre", kind="collective")
    client.force_login(person)
    response = client.get("/me/")
    assert response.status_code == 200
    context = response.context
    assert [p.title for p in context["projects"]][:1] == ["Vélos partagés"]
    assert "Ailleurs" not in {p.title for p in context["projects"]}
    assert [n.title for n in context["needs"]] == ["Menuiserie des bacs"]
    assert [e.title for e in context["events"]] == ["Atelier réparation"]
    assert [o.name for o in context["organisations"]] == ["Roue Libre"]


def test_never_empty_for_a_newcomer_without_territory(client, territory):
    ProjectFactory(territory=territory, title="Vélos partagés")
    client.force_login(UserFactory())
    page = client.get("/me/").content.decode()
    assert "Vélos partagés" in page
    assert "/" in page and 'href="/"' in page  # where to choose a territory


def test_own_projects_are_not_suggested(client, territory, person):
    ProjectFactory(territory=territory, title="Le mien", owner=person)
    client.force_login(person)
    assert "Le mien" not in {p.title for p in client.get("/me/").context["projects"]}


def test_needs_login(client):
    assert client.get("/me/").status_code == 302


def test_personal_home_flat_queries(client, territory, person, mobility):
    client.force_login(person)

    def grow(n):
        for index in range(n):
            project = ProjectFactory(territory=territory, title=f"Projet {n}-{index}")
            project.themes.set([mobility])
            project_services.need_create(
                actor=owner_of(project), project=project, kind="volunteers", title=f"Besoin {index}"
            )
            _event(territory, f"Événement {n}-{index}", days=index + 1)
            member(territory, profile_visibility="public").interests.set([mobility])

    assert_flat_queries(client, "/me/", grow, small=2, large=12)


def test_kept_once_per_data_version_and_per_person(client, territory, person):
    from ensemble.testing.clients import clients_for, page_html

    ProjectFactory(territory=territory, title="Vélos partagés")
    other = member(territory)
    mine, theirs = clients_for(person, other)
    assert "Vélos partagés" in page_html(mine, "/me/")
    ProjectFactory(territory=territory, title="Atelier bois", owner=other)
    assert "Atelier bois" in page_html(mine, "/me/")  # a write shows at once
    assert "Atelier bois" not in page_html(theirs, "/me/")  # their own: never suggested
