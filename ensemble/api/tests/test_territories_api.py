import pytest
from django.test import Client

from ensemble.territories.models import Membership, Territory
from ensemble.territories.roles import Role
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    TerritoryFactory,
    ThemeFactory,
    UserFactory,
    member,
)

pytestmark = pytest.mark.django_db


def test_list_is_paginated(client):
    for index in range(5):
        TerritoryFactory(name=f"Commune {index}")
    response = client.get("/api/v1/territories?page=2&page_size=2")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 5 and data["page"] == 2 and data["pages"] == 3
    assert [t["slug"] for t in data["items"]] == ["commune-2", "commune-3"]
    assert set(data["items"][0]) >= {"slug", "name", "country", "languages", "stats"}


@pytest.mark.parametrize("query", ["page_size=101", "page=0", "page=abc", "page_size=-1"])
def test_bad_pagination_is_422_naming_the_field(client, query):
    response = client.get(f"/api/v1/territories?{query}")
    assert response.status_code == 422
    assert set(response.json()["errors"]) <= {"page", "page_size"}


def test_list_hides_inactive_territories(client):
    TerritoryFactory(name="Ouverte")
    TerritoryFactory(name="Fermée", is_active=False)
    slugs = [t["slug"] for t in client.get("/api/v1/territories").json()["items"]]
    assert slugs == ["ouverte"]


def test_detail_gives_neighbourhoods_and_themes(client, territory, other_territory):
    NeighbourhoodFactory(territory=territory, name="Les Blagis", slug="les-blagis")
    NeighbourhoodFactory(territory=other_territory, name="Croix-Rousse", slug="croix-rousse")
    ThemeFactory(name="Climat", slug="climat")
    ThemeFactory(name="Jardins", slug="jardins", territory=territory)
    ThemeFactory(name="Fleuves", slug="fleuves", territory=other_territory)
    data = Client().get(f"/api/v1/territories/{territory.slug}").json()
    assert [n["slug"] for n in data["neighbourhoods"]] == ["les-blagis"]
    assert {t["slug"]: t["network_wide"] for t in data["themes"]} == {
        "climat": True,
        "jardins": False,
    }
    assert "<strong>accueillante</strong>" in data["description_html"]


def test_detail_of_unknown_or_inactive_territory_is_404(client):
    TerritoryFactory(name="Fermée", is_active=False)
    assert client.get("/api/v1/territories/fermee").status_code == 404
    assert client.get("/api/v1/territories/nulle-part").json()["detail"]


def test_join_and_leave(client, territory):
    client.force_login(UserFactory())
    response = client.post(f"/api/v1/territories/{territory.slug}/join")
    assert response.status_code == 201 and response.json()["role"] == "member"
    assert Territory.objects.get(pk=territory.pk).members_count == 1
    assert client.delete(f"/api/v1/territories/{territory.slug}/join").status_code == 204
    assert Territory.objects.get(pk=territory.pk).members_count == 0


def test_join_requires_authentication(client, territory):
    assert client.post(f"/api/v1/territories/{territory.slug}/join").status_code == 401
    assert not Membership.objects.exists()


def test_session_writes_require_the_csrf_token(territory):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = client.post(f"/api/v1/territories/{territory.slug}/join")
    assert response.status_code == 403
    assert not Membership.objects.exists()


def test_leave_when_not_a_member_is_403(client, territory):
    client.force_login(UserFactory())
    assert client.delete(f"/api/v1/territories/{territory.slug}/join").status_code == 403


def test_last_admin_leaving_is_409_naming_the_field(client, territory):
    client.force_login(member(territory, Role.ADMIN))
    response = client.delete(f"/api/v1/territories/{territory.slug}/join")
    assert response.status_code == 409
    assert "role" in response.json()["errors"]


def test_openapi_and_docs_are_served(client):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in ["/api/v1/auth/token", "/api/v1/me", "/api/v1/territories",
                 "/api/v1/territories/{slug}", "/api/v1/territories/{slug}/join"]:  # fmt: skip
        assert path in paths
    assert client.get("/api/docs").status_code == 200
