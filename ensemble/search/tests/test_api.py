import pytest

from ensemble.accounts.services import api_token_create
from ensemble.testing.factories import member

from .conftest import make_organisation, make_person, make_project
from .test_selectors import HOSTILE

pytestmark = pytest.mark.django_db
URL = "/api/v1/search"


def test_search_returns_a_page_of_items(client, territory, other_territory):
    project = make_project(territory, "Épicerie solidaire", summary="Des produits à prix doux")
    make_organisation(other_territory, "Épicerie sociale de Lyon")
    make_project(territory, "Épicerie brouillon", status="draft")
    body = client.get(URL, {"q": "epicerie"}).json()
    assert (body["count"], body["page"], body["pages"]) == (2, 1, 1)
    item = next(item for item in body["items"] if item["type"] == "project")
    assert item["id"] == project.pk
    assert item["title"] == "Épicerie solidaire"
    assert item["summary"] == "Des produits à prix doux"
    assert item["territory"] == "sceaux"
    assert set(item) == {"type", "id", "title", "summary", "url", "territory"}
    body = client.get(URL, {"q": "epicerie", "territory": "lyon"}).json()
    assert [i["title"] for i in body["items"]] == ["Épicerie sociale de Lyon"]
    body = client.get(URL, {"q": "epicerie", "type": "organisation"}).json()
    assert body["count"] == 1


def test_missing_q_is_422_naming_q(client):
    response = client.get(URL)
    assert response.status_code == 422
    assert "q" in response.json()["errors"]


def test_bad_type_and_page_are_422(client):
    assert "type" in client.get(URL, {"q": "jardin", "type": "x"}).json()["errors"]
    assert "page_size" in client.get(URL, {"q": "jardin", "page_size": 500}).json()["errors"]
    assert client.get(URL, {"q": "jardin", "page": 0}).status_code == 422


def test_unknown_territory_is_404(client):
    assert client.get(URL, {"q": "jardin", "territory": "nulle-part"}).status_code == 404


def test_short_query_is_an_empty_page(client):
    body = client.get(URL, {"q": "a"}).json()
    assert body == {"items": [], "count": 0, "page": 1, "pages": 1}


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries(client, territory, query):
    make_project(territory, "Jardin partagé")
    response = client.get(URL, {"q": query.replace("\x00", "")})
    assert response.status_code == 200


def test_people_visible_to_members_with_a_token(client, territory, other_territory):
    person = make_person("Camille Membres", visibility="members", territories=[territory])
    assert client.get(URL, {"q": "camille"}).json()["count"] == 0
    stranger = api_token_create(user=member(other_territory))
    headers = {"Authorization": f"Bearer {stranger}"}
    assert client.get(URL, {"q": "camille"}, headers=headers).json()["count"] == 0
    neighbour = api_token_create(user=member(territory))
    body = client.get(URL, {"q": "camille"}, headers={"Authorization": f"Bearer {neighbour}"})
    item = body.json()["items"][0]
    assert (item["type"], item["id"], item["territory"]) == ("person", person.pk, None)
    assert item["url"].endswith(f"/people/{person.pk}/")
