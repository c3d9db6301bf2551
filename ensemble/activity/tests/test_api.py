import pytest

from ensemble.accounts.services import api_token_create
from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.projects.models import Project, ProjectFollow
from ensemble.testing.factories import member

from .makers import make_organisation, make_project, project_story

pytestmark = pytest.mark.django_db
Verb = Activity.Verb


def test_territory_activity(client, territory, other_territory):
    author = member(territory, display_name="Camille", profile_visibility="public")
    project = make_project(territory, owner=author, title="Repair café")
    project_story(project, author)
    project_story(make_project(territory, status=Project.Status.DRAFT, title="Brouillon"))
    project_story(make_project(other_territory, title="Ailleurs"))
    organisation = make_organisation(territory, name="Épicerie")
    activity_record(territory=territory, verb=Verb.ORGANISATION_CREATED, organisation=organisation)

    response = client.get(f"/api/v1/territories/{territory.slug}/activity?page_size=10")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4 and body["page"] == 1 and body["pages"] == 1
    first, *rest = body["items"]
    assert first["verb"] == "organisation_created"
    assert first["organisation"]["name"] == "Épicerie"
    assert first["project"] is None and first["actor"] is None
    update, need, published = rest
    assert update["verb"] == "project_update"
    assert update["update"]["title"] == "Première récolte"
    assert update["verb_label"]
    assert need["need"] == {"id": need["need"]["id"], "title": "Deux bénévoles le samedi",
                            "kind": "volunteers"}  # fmt: skip
    assert published["actor"] == {"id": author.pk, "display_name": "Camille"}
    assert published["project"]["id"] == project.pk
    assert published["project"]["title"] == "Repair café"
    assert {item["project"]["title"] for item in rest} == {"Repair café"}


def test_territory_activity_of_unknown_territory(client):
    assert client.get("/api/v1/territories/nowhere/activity").status_code == 404


def test_territory_activity_bad_page(client, territory):
    assert client.get(f"/api/v1/territories/{territory.slug}/activity?page=0").status_code == 422


def test_my_feed_requires_authentication(client):
    assert client.get("/api/v1/me/feed").status_code == 401


def test_my_feed(client, territory, other_territory):
    me = member(territory)
    followed = make_project(other_territory, title="Suivi")
    ProjectFollow.objects.create(project=followed, user=me)
    project_story(followed)
    project_story(make_project(territory, title="Pas suivi"))
    project_story(make_project(territory, owner=me, title="Brouillon", status="draft"), me)
    token = api_token_create(user=me)
    response = client.get("/api/v1/me/feed", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert {item["project"]["title"] for item in body["items"]} == {"Suivi"}
    assert {item["territory"] for item in body["items"]} == {other_territory.slug}
